#include "sendertestkit.h"
#include "wire/batchbody.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <set>

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
        QCOMPARE(statInt(sandbox, "requests"), int(sender.run().batches.size()));
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

    void resumesPacedAfterA429FromTrafficItCannotSee()
    {
        // Another client on the same token takes most of the window the sender believes is
        // its own. After a 429 and its Retry-After, the sender lets one batch go, then two
        // after an answer came, then four: never every waiting batch at once.
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = planOf(QStringLiteral("40/2"), 50, 15);
        sandboxOptions.latencyMinMs = 5;
        sandboxOptions.latencyMaxMs = 10;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));

        QNetworkAccessManager other;
        QUrl url = sandbox.baseUrl();
        url.setPath(url.path() + QStringLiteral("/batch"));
        QList<Action> theirs;
        for (int i = 0; i < 10; ++i)
            theirs.append(readTask(i));
        int theirAnswers = 0;
        for (int i = 0; i < 3; ++i) {
            QNetworkRequest request(url);
            request.setRawHeader("Authorization", "Bearer test-token");
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply =
                other.post(request, batchBody(theirs, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                ++theirAnswers;
                reply->deleteLater();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(theirAnswers, 3, 10000);

        QList<Action> actions;
        for (int i = 0; i < 60; ++i)
            actions.append(readTask(i));
        SendOptions options = optionsFor(sandbox, sandboxOptions.plan);
        BatchSender sender;
        std::set<int> pacedInFlight; // started since the last 429
        int allowed = options.maxBatchesInFlight;
        int worst = 0;
        bool paced = false;
        connect(&sender, &BatchSender::waitingForRetryAfter, this, [&] {
            paced = true;
            allowed = 1;
            pacedInFlight.clear();
        });
        connect(&sender, &BatchSender::batchStarted, this, [&](int number) {
            if (!paced)
                return;
            pacedInFlight.insert(number);
            worst = std::max(worst, int(pacedInFlight.size()) - allowed);
        });
        connect(&sender, &BatchSender::batchFinished, this, [&](int number, int status) {
            pacedInFlight.erase(number);
            if (paced && status == 200)
                allowed = std::min(allowed * 2, options.maxBatchesInFlight);
        });
        QVERIFY(sendAll(sender, sessionOf(actions), options, 60000));
        QCOMPARE(sender.run().summary().succeeded, 60);
        QVERIFY(sender.run().rateLimitedCount >= 1);
        QVERIFY(paced);
        QCOMPARE(worst, 0);
        // Every 429 was a batch sent once more, and nothing else went twice.
        QCOMPARE(statInt(sandbox, "requests"),
                 3 + int(sender.run().batches.size()) + sender.run().rateLimitedCount);
    }
};

QTEST_GUILESS_MAIN(TestSenderRateLimit)
#include "tst_senderratelimit.moc"
