#include "sendertestkit.h"

using namespace Tenfold;
using namespace Tenfold::TestKit;

namespace {

SandboxFaults only(const QString &kind)
{
    return SandboxFaults::parse(kind + QStringLiteral(":1")).value();
}

} // namespace

class TestSenderFaults : public QObject
{
    Q_OBJECT

private slots:
    void eachFaultGivesTheRightStates_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("reasonSays");
        QTest::newRow("500") << "500"
                             << "500";
        QTest::newRow("drop") << "drop"
                              << "connection";
        QTest::newRow("slow") << "slow"
                              << "no answer within";
        QTest::newRow("malformed") << "malformed"
                                   << "not JSON";
        QTest::newRow("truncate") << "truncate"
                                  << "cut off";
        QTest::newRow("mismatch") << "mismatch"
                                  << "9 results for 10 actions";
    }
    void eachFaultGivesTheRightStates()
    {
        QFETCH(QString, fault);
        QFETCH(QString, reasonSays);
        SandboxOptions sandboxOptions;
        sandboxOptions.slowDelayMs = 1500;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        sandbox.setFaults(only(fault));

        // Batch 1 holds writes, batch 2 only reads.
        QList<Action> actions;
        for (int i = 0; i < 10; ++i)
            actions.append(i % 2 ? createTask(i) : readTask(i));
        for (int i = 10; i < 20; ++i)
            actions.append(readTask(i));
        SendOptions options = optionsFor(sandbox);
        options.timeoutMs = 400;
        BatchSender sender;
        QVERIFY(sendAll(sender, sessionOf(actions), options, 30000));

        const SendRun &run = sender.run();
        QVERIFY(noActionLost(run, 20));
        for (int i = 0; i < 10; ++i) {
            const ActionResult &result = run.results.at(i);
            QCOMPARE(result.state, ActionState::OutcomeUnknown);
            QCOMPARE(result.attempts, 1);
            QVERIFY2(result.reason.contains(reasonSays), qPrintable(result.reason));
            QVERIFY2(result.reason.contains(QLatin1String("not sent again")),
                     qPrintable(result.reason));
        }
        for (int i = 10; i < 20; ++i) {
            const ActionResult &result = run.results.at(i);
            QCOMPARE(result.state, ActionState::Failed);
            QCOMPARE(result.attempts, options.maxReadAttempts);
            QVERIFY2(result.reason.contains(reasonSays), qPrintable(result.reason));
        }
        QCOMPARE(run.batches.at(0).attempts, 1);
        QCOMPARE(run.batches.at(1).attempts, options.maxReadAttempts);
        // The server saw the write batch exactly once.
        QCOMPARE(statInt(sandbox, "requests"), 1 + options.maxReadAttempts);
    }

    void readsRecoverWhenTheFaultPasses()
    {
        SandboxServer sandbox;
        QVERIFY(!sandbox.listen(0));
        sandbox.setFaults(only(QStringLiteral("500")));
        BatchSender sender;
        // Switch the fault off after the first failed attempt: the retry then succeeds.
        connect(&sender, &BatchSender::batchFinished, this,
                [&](int, int, const QString &) { sandbox.setFaults({}); });
        SendOptions options = optionsFor(sandbox);
        QVERIFY(sendAll(sender, sessionOf({readTask(0), readTask(1)}), options));
        QCOMPARE(sender.run().summary().succeeded, 2);
        QCOMPARE(sender.run().results.at(0).attempts, 2);
        QCOMPARE(statInt(sandbox, "requests"), 2);
    }

    void randomFaultsNeverLoseAnActionNorResendAWrite()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.seed = 7;
        sandboxOptions.slowDelayMs = 800;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        sandbox.setFaults(
            SandboxFaults::parse(QStringLiteral("500:0.1,drop:0.1,slow:0.05,malformed:0.1,"
                                                "truncate:0.1,mismatch:0.1"))
                .value());
        QList<Action> actions;
        for (int i = 0; i < 120; ++i) // batches alternate: reads only, then with writes
            actions.append((i / 10) % 2 && i % 3 == 0 ? createTask(i) : readTask(i));
        SendOptions options = optionsFor(sandbox);
        options.timeoutMs = 300;
        BatchSender sender;
        QVERIFY(sendAll(sender, sessionOf(actions), options, 60000));

        const SendRun &run = sender.run();
        QVERIFY(noActionLost(run, 120));
        int attempts = 0;
        for (const BatchRecord &batch : run.batches) {
            attempts += batch.attempts;
            bool hasWrite = false;
            for (int index : batch.actionIndexes)
                hasWrite = hasWrite || !actions.at(index).isRead();
            if (hasWrite)
                QCOMPARE(batch.attempts, 1);
            for (int index : batch.actionIndexes) {
                const ActionState state = run.results.at(index).state;
                if (!hasWrite)
                    QVERIFY(state != ActionState::OutcomeUnknown);
                if (state != ActionState::Succeeded)
                    QVERIFY(!run.results.at(index).reason.isEmpty());
            }
        }
        QCOMPARE(statInt(sandbox, "requests"), attempts);
        QCOMPARE_GT(run.summary().succeeded, 0);
    }
};

QTEST_GUILESS_MAIN(TestSenderFaults)
#include "tst_senderfaults.moc"
