#include "sendertestkit.h"

using namespace Tenfold;
using namespace Tenfold::TestKit;

class TestSenderRateLimit : public QObject
{
    Q_OBJECT

private slots:
    void honoursRetryAfterThenSucceeds()
    {
        // The sandbox allows 20 per 2 s but the sender believes 1000: the third batch meets 429.
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("20/2"));
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));

        QList<Action> actions;
        for (int i = 0; i < 30; ++i)
            actions.append(readTask(i));
        BatchSender sender;
        QSignalSpy waiting(&sender, &BatchSender::waitingForRetryAfter);
        QVERIFY(sendAll(sender, sessionOf(actions),
                        optionsFor(sandbox, planOf(QStringLiteral("1000/2"))), 60000));

        const SendRun &run = sender.run();
        QCOMPARE(run.summary().succeeded, 30);
        QCOMPARE_GE(run.rateLimitedCount, 1);
        QCOMPARE_GE(waiting.count(), 1);
        QCOMPARE_GE(waiting.constFirst().at(1).toInt(), 1); // seconds from Retry-After
        int limitedBatches = 0;
        for (const BatchRecord &batch : run.batches)
            limitedBatches += batch.rateLimited > 0 ? 1 : 0;
        QCOMPARE_GE(limitedBatches, 1);
        QCOMPARE_GE(sandbox.stats().value("rate_limited").toObject().value("window").toInt(), 1);
        // Every 429 was followed by a resend of the same batch, and nothing else was sent twice.
        QCOMPARE(statInt(sandbox, "requests"), 3 + run.rateLimitedCount);
    }

    void givesUpAfterBoundedAttempts()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("5/1"));
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 10; ++i)
            actions.append(createTask(i)); // 10 > 5: refused every time
        SendOptions options = optionsFor(sandbox, planOf(QStringLiteral("1000/1")));
        options.maxRateLimitAttempts = 2;
        BatchSender sender;
        QVERIFY(sendAll(sender, sessionOf(actions), options, 30000));
        QCOMPARE(statInt(sandbox, "requests"), 2);
        for (const ActionResult &result : sender.run().results) {
            // A 429 means none of the batch ran: failed, not unknown.
            QCOMPARE(result.state, ActionState::Failed);
            QCOMPARE(result.statusCode, 429);
            QCOMPARE(result.attempts, 2);
        }
    }

    void meetsNoRateLimitWhenItKnowsTheLimits()
    {
        // Same limits on both sides: 60 actions at 20 per second take three windows and not
        // a single 429, with the sandbox holding each action in flight for a while.
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("20/1"), 50, 15);
        sandboxOptions.latencyMinMs = 20;
        sandboxOptions.latencyMaxMs = 60;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 60; ++i)
            actions.append(i % 2 ? createTask(i) : readTask(i));
        BatchSender sender;
        QVERIFY(
            sendAll(sender, sessionOf(actions), optionsFor(sandbox, sandboxOptions.plan), 60000));
        QCOMPARE(sender.run().summary().succeeded, 60);
        QCOMPARE(sender.run().rateLimitedCount, 0);
        const QJsonObject limited = sandbox.stats().value("rate_limited").toObject();
        QCOMPARE(limited.value("window").toInt(), 0);
        QCOMPARE(limited.value("concurrent").toInt(), 0);
        QCOMPARE(statInt(sandbox, "requests"), 6);
    }

    void keepsWithinConcurrentWrites()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("10000/60"), 50, 15);
        sandboxOptions.latencyMinMs = 80;
        sandboxOptions.latencyMaxMs = 120;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        QList<Action> actions;
        for (int i = 0; i < 60; ++i)
            actions.append(createTask(i));
        BatchSender sender;
        QVERIFY(sendAll(sender, sessionOf(actions), optionsFor(sandbox, sandboxOptions.plan)));
        QCOMPARE(sender.run().summary().succeeded, 60);
        QCOMPARE(sender.run().rateLimitedCount, 0);
        QCOMPARE_LE(sandbox.stats().value("max_in_flight").toObject().value("writes").toInt(), 15);
    }
};

QTEST_GUILESS_MAIN(TestSenderRateLimit)
#include "tst_senderratelimit.moc"
