#include "sendertestkit.h"

#include <QJsonArray>

using namespace Tenfold;
using namespace Tenfold::TestKit;

class TestSenderSplitting : public QObject
{
    Q_OBJECT

private slots:
    void mapsEveryResultToItsAction_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("1") << 1;
        QTest::newRow("10") << 10;
        QTest::newRow("11") << 11;
        QTest::newRow("95") << 95;
    }
    void mapsEveryResultToItsAction()
    {
        QFETCH(int, count);
        SandboxServer sandbox;
        QVERIFY(!sandbox.listen(0));

        // Reads and writes interleaved, and one disabled action that must keep its index.
        QList<Action> actions;
        for (int i = 0; i < count; ++i)
            actions.append(i % 3 == 1 ? createTask(i) : readTask(i));
        if (count > 1)
            actions[count / 2].enabled = false;
        const int enabled = count > 1 ? count - 1 : count;

        // As composed: batch numbers follow the table (tst_senderadaptive covers the adaptive
        // mode, where batches are formed as slots free).
        SendOptions options = optionsFor(sandbox);
        options.asComposed = true;
        BatchSender sender;
        QList<int> progressDone;
        connect(&sender, &BatchSender::progress, this, [&](int done, int total) {
            QCOMPARE(total, enabled);
            progressDone.append(done);
        });
        QVERIFY(sendAll(sender, sessionOf(actions), options));

        const SendRun &run = sender.run();
        QCOMPARE(run.results.size(), count);
        QCOMPARE(run.batches.size(), (enabled + 9) / 10);
        QCOMPARE(statInt(sandbox, "requests"), (enabled + 9) / 10);
        QCOMPARE(run.summary().succeeded, enabled);
        QCOMPARE(progressDone.constLast(), enabled);
        QCOMPARE(run.rateLimitedCount, 0);

        int position = 0; // among enabled actions, which decides the batch
        for (int i = 0; i < count; ++i) {
            const ActionResult &result = run.results.at(i);
            if (!actions.at(i).enabled) {
                QCOMPARE(result.state, ActionState::Skipped);
                QCOMPARE(result.batch, 0);
                continue;
            }
            QCOMPARE(result.state, ActionState::Succeeded);
            QCOMPARE(result.batch, position / 10 + 1);
            ++position;
            const QJsonObject data = result.body.toObject().value("data").toObject();
            if (actions.at(i).isRead()) {
                QCOMPARE(result.statusCode, 200);
                QCOMPARE(data.value("gid").toString(), QString::number(1401 + i % 50));
            } else {
                QCOMPARE(result.statusCode, 201);
                QCOMPARE(data.value("name").toString(), QStringLiteral("task %1").arg(i));
            }
        }
        // The batch records list the session's indexes, in order.
        QList<int> sent;
        for (const BatchRecord &batch : run.batches) {
            QVERIFY(batch.actionIndexes.size() <= 10);
            sent.append(batch.actionIndexes);
        }
        QCOMPARE(sent.size(), enabled);
        QVERIFY(std::is_sorted(sent.begin(), sent.end()));
    }

    void resolvesVariablesBeforeSending()
    {
        SandboxServer sandbox;
        QVERIFY(!sandbox.listen(0));
        Action action;
        action.method = QStringLiteral("GET");
        action.relativePath = QStringLiteral("/tasks/{{task}}");
        Session session = sessionOf({action});
        session.variables = {{QStringLiteral("task"), QStringLiteral("1407")}};
        BatchSender sender;
        QVERIFY(sendAll(sender, session, optionsFor(sandbox)));
        QCOMPARE(sender.run().results.at(0).state, ActionState::Succeeded);
        QCOMPARE(sender.run().actions.at(0).relativePath, "/tasks/1407");
    }

    void sendsOnlyTheSelectedActions()
    {
        SandboxServer sandbox;
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 12; ++i)
            actions.append(readTask(i));
        SendOptions options = optionsFor(sandbox);
        options.onlyIndexes = {3, 11};
        BatchSender sender;
        QVERIFY(sendAll(sender, sessionOf(actions), options));
        QCOMPARE(sender.total(), 2);
        QCOMPARE(statInt(sandbox, "actions"), 2);
        QCOMPARE(sender.run().results.at(3).state, ActionState::Succeeded);
        QCOMPARE(sender.run().results.at(11).state, ActionState::Succeeded);
        QCOMPARE(sender.run().results.at(4).state, ActionState::Skipped);
    }
};

QTEST_GUILESS_MAIN(TestSenderSplitting)
#include "tst_sendersplitting.moc"
