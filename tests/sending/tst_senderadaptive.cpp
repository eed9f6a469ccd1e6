// The adaptive sender and the as-composed mode end to end against the in-process sandbox: every
// result lands on its action, whatever batch it went in, and no limit is ever exceeded (the
// sandbox enforces them and counts what it saw), with the quota or the slots binding.
#include "sendertestkit.h"
#include "wire/batchbody.h"

#include <QTcpServer>

#include <set>

using namespace Tenfold;
using namespace Tenfold::TestKit;

namespace {

/// GET /workspaces/1001/tasks/search, which also counts against the search quota.
Action searchTasks()
{
    Action action;
    action.method = QStringLiteral("get");
    action.relativePath = QStringLiteral("/workspaces/1001/tasks/search");
    return action;
}

/// Reads and writes interleaved in an irregular pattern, one disabled action in the middle.
QList<Action> mixedActions(int count)
{
    QList<Action> actions;
    for (int i = 0; i < count; ++i)
        actions.append(i % 3 == 1 || i % 7 == 0 ? createTask(i) : readTask(i));
    if (count > 2)
        actions[count / 2].enabled = false;
    return actions;
}

/// Every result belongs to its action; every batch is at most 10 and its record names exactly
/// the actions that carry its number.
void checkRun(const SendRun &run, const QList<Action> &actions)
{
    QCOMPARE(run.results.size(), actions.size());
    std::set<int> seen;
    for (const BatchRecord &batch : run.batches) {
        QVERIFY(!batch.actionIndexes.isEmpty());
        QVERIFY(batch.actionIndexes.size() <= 10);
        for (int index : batch.actionIndexes) {
            QVERIFY2(seen.insert(index).second, "an action went in two batches");
            QCOMPARE(run.results.at(index).batch, batch.number);
        }
    }
    for (int i = 0; i < actions.size(); ++i) {
        const ActionResult &result = run.results.at(i);
        if (!actions.at(i).enabled) {
            QCOMPARE(result.state, ActionState::Skipped);
            QVERIFY(!seen.count(i));
            continue;
        }
        QCOMPARE(result.state, ActionState::Succeeded);
        QVERIFY(seen.count(i));
        const QJsonObject data = result.body.toObject().value("data").toObject();
        if (actions.at(i).isRead())
            QCOMPARE(data.value("gid").toString(), QString::number(1401 + i % 50));
        else
            QCOMPARE(data.value("name").toString(), QStringLiteral("task %1").arg(i));
    }
}

void checkNoLimitExceeded(const SandboxServer &sandbox, const Plan &plan)
{
    const QJsonObject limited = sandbox.stats().value("rate_limited").toObject();
    QCOMPARE(limited.value("window").toInt(), 0);
    QCOMPARE(limited.value("concurrent").toInt(), 0);
    QCOMPARE(limited.value("search").toInt(), 0);
    const QJsonObject peak = sandbox.stats().value("max_in_flight").toObject();
    QVERIFY(peak.value("reads").toInt() <= plan.maxReads);
    QVERIFY(peak.value("writes").toInt() <= plan.maxWrites);
}

} // namespace

class TestSenderAdaptive : public QObject
{
    Q_OBJECT

private slots:
    void everyResultOnItsActionNoLimitExceeded_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("asComposed");
        QTest::addColumn<QString>("binding");
        for (int count : {1, 9, 10, 11, 95, 1000}) {
            for (bool composed : {false, true}) {
                for (const char *binding : {"quota", "slots"}) {
                    QTest::addRow("%d %s, %s bind", count, composed ? "composed" : "adaptive",
                                  binding)
                        << count << composed << QString::fromLatin1(binding);
                }
            }
        }
    }
    void everyResultOnItsActionNoLimitExceeded()
    {
        QFETCH(int, count);
        QFETCH(bool, asComposed);
        QFETCH(QString, binding);
        // Quota binding: about three windows of one second. Slots binding: few slots, actions
        // held in flight for a while, a quota that never binds.
        SandboxOptions sandboxOptions;
        if (binding == QLatin1String("quota")) {
            const int quota = std::max(10, (count + 2) / 3);
            sandboxOptions.plan = planOf(QStringLiteral("%1/1").arg(quota), 50, 15);
            sandboxOptions.latencyMinMs = 0;
            sandboxOptions.latencyMaxMs = 5;
        } else {
            sandboxOptions.plan = planOf(QStringLiteral("100000/60"), 20, 7);
            sandboxOptions.latencyMinMs = 2;
            sandboxOptions.latencyMaxMs = count > 100 ? 6 : 20;
        }
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));

        const QList<Action> actions = mixedActions(count);
        SendOptions options = optionsFor(sandbox, sandboxOptions.plan);
        options.asComposed = asComposed;
        BatchSender sender;
        int inFlight = 0, peakBatches = 0;
        connect(&sender, &BatchSender::batchStarted, this,
                [&] { peakBatches = std::max(peakBatches, ++inFlight); });
        connect(&sender, &BatchSender::batchFinished, this, [&] { --inFlight; });
        QList<int> progressDone;
        connect(&sender, &BatchSender::progress, this,
                [&](int done, int) { progressDone.append(done); });
        QVERIFY(sendAll(sender, sessionOf(actions), options, 120000));

        const SendRun &run = sender.run();
        checkRun(run, actions);
        if (QTest::currentTestFailed())
            return;
        checkNoLimitExceeded(sandbox, sandboxOptions.plan);
        QCOMPARE(run.rateLimitedCount, 0);
        QVERIFY(peakBatches <= options.maxBatchesInFlight);
        const int enabled = count > 2 ? count - 1 : count;
        QCOMPARE(progressDone.constLast(), enabled);
        QCOMPARE(statInt(sandbox, "actions"), enabled);
        QCOMPARE(statInt(sandbox, "requests"), int(run.batches.size()));

        if (asComposed) {
            // Exactly the composed batches: the table's batch boundaries mean what they show.
            QList<Action> sent = actions;
            const QList<BatchPlan> composed = planBatches(sent);
            QCOMPARE(run.batches.size(), composed.size());
            for (int i = 0; i < composed.size(); ++i)
                QCOMPARE(run.batches.at(i).actionIndexes, composed.at(i).actionIndexes);
        }
    }

    void slotBoundWritesGoInSmallBatches()
    {
        // 60 writes for 15 slots: reused four times over, so small batches, never above the
        // slots, and more requests than the six composed batches.
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("100000/60"), 50, 15);
        sandboxOptions.latencyMinMs = 10;
        sandboxOptions.latencyMaxMs = 30;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 60; ++i)
            actions.append(createTask(i));
        BatchSender sender;
        QVERIFY(sendAll(sender, sessionOf(actions), optionsFor(sandbox, sandboxOptions.plan)));
        checkRun(sender.run(), actions);
        checkNoLimitExceeded(sandbox, sandboxOptions.plan);
        for (const BatchRecord &batch : sender.run().batches)
            QVERIFY2(batch.actionIndexes.size() <= 10, qPrintable(batch.outcome));
        QVERIFY(sender.run().batches.size() > 6);
        // In twos, the slots are all but full: one left over waits for an answer rather than
        // go alone.
        QCOMPARE_GE(sandbox.stats().value("max_in_flight").toObject().value("writes").toInt(), 14);
    }

    void searchesAreSplitUnderAShortWindow()
    {
        // --rate 100/5 allows 5 search calls per 5 s: ten searches go as 5 and 5, in two
        // windows, and none "can never be sent".
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("100/5"));
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 10; ++i)
            actions.append(searchTasks());
        BatchSender sender;
        QVERIFY(
            sendAll(sender, sessionOf(actions), optionsFor(sandbox, sandboxOptions.plan), 60000));
        const SendRun &run = sender.run();
        QCOMPARE(run.summary().succeeded, 10);
        QCOMPARE(run.rateLimitedCount, 0);
        QCOMPARE(sandbox.stats().value("rate_limited").toObject().value("search").toInt(), 0);
        QCOMPARE(run.batches.size(), 2);
        for (const BatchRecord &batch : run.batches)
            QCOMPARE(batch.actionIndexes.size(), 5);
    }

    void anAsComposedBatchThatCanNeverGoIsRefusedBeforeSending()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("100/5"));
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 12; ++i)
            actions.append(i < 10 ? searchTasks() : readTask(i));
        SendOptions options = optionsFor(sandbox, sandboxOptions.plan);
        options.asComposed = true;
        BatchSender sender;
        const std::optional<Error> error = sender.start(sessionOf(actions), options);
        QVERIFY(error);
        QVERIFY2(
            error->message.contains(QStringLiteral("batch 1 (10 search calls against 5 per 5 s)")),
            qPrintable(error->message));
        QVERIFY(!sender.isRunning());
        QTest::qWait(50);
        QCOMPARE(statInt(sandbox, "requests"), 0);
    }

    void stopsAtTheFirstBatchThatCannotReachTheServer()
    {
        // Nothing listens on the port: a mistyped base URL. A quota of 10 per minute would make
        // failing 200 actions one batch at a time take 20 minutes; the sender stops at once.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        QList<Action> actions;
        for (int i = 0; i < 200; ++i)
            actions.append(readTask(i));
        SendOptions options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(port));
        options.token = QStringLiteral("t");
        options.plan = planOf(QStringLiteral("10/60"));
        BatchSender sender;
        QVERIFY(sendAll(sender, sessionOf(actions), options, 30000));
        const SendRun &run = sender.run();
        QVERIFY(!run.reachedServer);
        QCOMPARE(run.summary().failed, 200);
        // Only what went out at once (within the first window's 10) was tried.
        int tried = 0;
        for (const BatchRecord &batch : run.batches)
            tried += batch.attempts > 0 ? int(batch.actionIndexes.size()) : 0;
        QVERIFY(tried > 0 && tried <= 10);
        QVERIFY2(run.results.at(0).reason.contains(QStringLiteral("could not reach the server")),
                 qPrintable(run.results.at(0).reason));
        const QString rest = run.results.at(199).reason;
        QVERIFY2(rest.contains(QStringLiteral("not sent: batch ")) &&
                     rest.contains(QStringLiteral("could not reach 127.0.0.1")) &&
                     rest.contains(QStringLiteral("check the base URL")),
                 qPrintable(rest));
        QCOMPARE(run.results.at(199).batch, 0);
    }

    void selectsFromAHugeSessionInOnePass()
    {
        // 100,000 actions, every other one selected (the selection unsorted, with repeats): the
        // selection is a mask, so the sender takes exactly these and no others.
        QList<Action> actions;
        actions.reserve(100000);
        for (int i = 0; i < 100000; ++i)
            actions.append(readTask(i));
        SendOptions options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/api/1.0"));
        options.token = QStringLiteral("t");
        for (int i = 99998; i >= 0; i -= 2)
            options.onlyIndexes.append(i);
        options.onlyIndexes.append(4);
        BatchSender sender;
        QVERIFY(!sender.start(sessionOf(actions), options));
        QCOMPARE(sender.total(), 50000);
        sender.cancel();
        QCOMPARE(sender.run().results.at(4).state, ActionState::Cancelled);
        QCOMPARE(sender.run().results.at(5).state, ActionState::Skipped);
    }
};

QTEST_GUILESS_MAIN(TestSenderAdaptive)
#include "tst_senderadaptive.moc"
