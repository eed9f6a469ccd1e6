#include "sendertestkit.h"

using namespace Tenfold;
using namespace Tenfold::TestKit;

class TestSenderCancel : public QObject
{
    Q_OBJECT

private slots:
    void cancelsMidRun()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.latencyMinMs = 400;
        sandboxOptions.latencyMaxMs = 500;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));

        // 15 writes may fly at once, so only the first write batch is in flight; the reads
        // batches after it (batch 2 on) go in parallel up to the batch cap.
        QList<Action> actions;
        for (int i = 0; i < 10; ++i)
            actions.append(createTask(i));
        for (int i = 10; i < 95; ++i)
            actions.append(i < 20 ? createTask(i) : readTask(i));
        SendOptions options = optionsFor(sandbox);
        options.maxBatchesInFlight = 1;
        options.asComposed = true; // the first batch is the ten writes
        BatchSender sender;
        QSignalSpy started(&sender, &BatchSender::batchStarted);
        QSignalSpy finished(&sender, &BatchSender::finished);
        QVERIFY(!sender.start(sessionOf(actions), options));
        QVERIFY(started.wait(5000));
        QTest::qWait(50);
        sender.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(!sender.isRunning());

        const SendRun &run = sender.run();
        QVERIFY(run.cancelled);
        QVERIFY(noActionLost(run, 95));
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(run.results.at(i).state, ActionState::OutcomeUnknown);
            QVERIFY(run.results.at(i).reason.contains(QLatin1String("cancelled while in flight")));
        }
        for (int i = 10; i < 95; ++i) {
            QCOMPARE(run.results.at(i).state, ActionState::Cancelled);
            QCOMPARE(run.results.at(i).attempts, 0);
        }
        // Nothing more goes out after a cancel.
        QTest::qWait(200);
        QCOMPARE(started.count(), 1);
        QCOMPARE_LE(statInt(sandbox, "requests"), 1);
    }

    void cancelsAReadInFlightAsCancelled()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.latencyMinMs = 400;
        sandboxOptions.latencyMaxMs = 400;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        BatchSender sender;
        QSignalSpy started(&sender, &BatchSender::batchStarted);
        QVERIFY(!sender.start(sessionOf({readTask(0)}), optionsFor(sandbox)));
        QVERIFY(started.wait(5000));
        sender.cancel();
        QCOMPARE(sender.run().results.at(0).state, ActionState::Cancelled);
    }

    void cancelWhileWaitingForRetryAfter()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("10/10"));
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 20; ++i)
            actions.append(readTask(i));
        BatchSender sender;
        QSignalSpy waiting(&sender, &BatchSender::waitingForRetryAfter);
        QVERIFY(!sender.start(sessionOf(actions),
                              optionsFor(sandbox, planOf(QStringLiteral("1000/10")))));
        QVERIFY(waiting.wait(5000));
        sender.cancel();
        const SendRun &run = sender.run();
        QVERIFY(noActionLost(run, 20));
        QCOMPARE(run.summary().succeeded, 10);
        QCOMPARE(run.summary().cancelled, 10);
    }
};

QTEST_GUILESS_MAIN(TestSenderCancel)
#include "tst_sendercancel.moc"
