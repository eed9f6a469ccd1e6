#include "sandbox/sandboxserver.h"
#include "sandboxclient.h"

#include <QTest>

using namespace Tenfold;
using namespace SandboxTest;

/// Asana's per-token limits as the sandbox enforces them, with small windows so tests stay fast.
class TestSandboxRateLimit : public QObject
{
    Q_OBJECT

    static SandboxOptions options(int quota, int seconds)
    {
        SandboxOptions result;
        result.plan = Plan::parse(QStringLiteral("%1/%2").arg(quota).arg(seconds)).value();
        return result;
    }

    static QJsonArray reads(int count)
    {
        QJsonArray actions;
        for (int i = 0; i < count; ++i)
            actions.append(
                action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i)));
        return actions;
    }

    static int limited(const SandboxServer &server, const char *kind)
    {
        return server.stats()
            .value(QLatin1String("rate_limited"))
            .toObject()
            .value(QLatin1String(kind))
            .toInt();
    }

private slots:
    void windowQuotaCountsEveryActionAndRefusesTheWholeBatch()
    {
        SandboxServer server(options(20, 2));
        QVERIFY(!server.listen(0));
        Client client(server.baseUrl());
        QCOMPARE(client.batch(reads(10)).status, 200);
        QCOMPARE(client.batch(reads(10)).status, 200);

        // A batch of writes over the quota: 429, and none of its actions ran.
        const Reply refused =
            client.batch({action(QStringLiteral("post"), QStringLiteral("/tasks"),
                                 {{QStringLiteral("name"), QStringLiteral("must not exist")},
                                  {QStringLiteral("workspace"), QStringLiteral("1001")}})});
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.message(),
                 QStringLiteral("You've made too many requests and hit a rate limit. Please retry "
                                "after the given amount of time."));
        bool ok = false;
        QVERIFY(refused.retryAfter.toInt(&ok) >= 1);
        QVERIFY(ok);
        QCOMPARE(limited(server, "window"), 1);
        // The refused create never ran: the first runtime gid is still unused.
        QCOMPARE(server.stats()
                     .value(QLatin1String("action_status"))
                     .toObject()
                     .value(QLatin1String("201"))
                     .toInt(),
                 0);
    }

    void refusedRequestsCountAgainstTheQuota()
    {
        SandboxServer server(options(15, 60));
        QVERIFY(!server.listen(0));
        Client client(server.baseUrl());
        QCOMPARE(client.batch(reads(10)).status, 200); // 5 left
        QCOMPARE(client.batch(reads(10)).status, 429); // refused, but counted: 20 used
        // Without counting refusals 5 would be left; Asana counts them, so 1 more is refused.
        QCOMPARE(client.batch(reads(1)).status, 429);
    }

    void honouringRetryAfterSucceeds()
    {
        SandboxServer server(options(10, 1));
        QVERIFY(!server.listen(0));
        Client client(server.baseUrl());
        QCOMPARE(client.batch(reads(10)).status, 200);
        const Reply refused = client.batch(reads(5));
        QCOMPARE(refused.status, 429);
        const int seconds = refused.retryAfter.toInt();
        QVERIFY(seconds >= 1);
        QTest::qWait(seconds * 1000); // what a client honouring the header does
        QCOMPARE(client.batch(reads(5)).status, 200);
    }

    void directCallsCountToo()
    {
        SandboxServer server(options(3, 60));
        QVERIFY(!server.listen(0));
        Client client(server.baseUrl());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.get(QStringLiteral("/users/me")).status, 200);
        const Reply refused = client.get(QStringLiteral("/users/me"));
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.retryAfter.toInt() >= 1);
    }

    void limitsArePerToken()
    {
        SandboxServer server(options(10, 60));
        QVERIFY(!server.listen(0));
        Client alice(server.baseUrl(), "alice");
        Client bob(server.baseUrl(), "bob");
        QCOMPARE(alice.batch(reads(10)).status, 200);
        QCOMPARE(alice.batch(reads(1)).status, 429);
        QCOMPARE(bob.batch(reads(10)).status, 200);
    }

    void searchHasItsOwnScaledQuota()
    {
        // 20 per 2 s: the search quota scales 60/min to 2 per window.
        SandboxServer server(options(20, 2));
        QVERIFY(!server.listen(0));
        Client client(server.baseUrl());
        const QJsonObject text{{QStringLiteral("text"), QStringLiteral("a")}};
        const auto search = [&] {
            return action(QStringLiteral("get"), QStringLiteral("/workspaces/1001/tasks/search"),
                          text);
        };
        QCOMPARE(client.batch({search(), search()}).status, 200);
        const Reply refused =
            client.batch({search(), action(QStringLiteral("get"), QStringLiteral("/users/me"))});
        QCOMPARE(refused.status, 429);
        QCOMPARE(limited(server, "search"), 1);
        QCOMPARE(limited(server, "window"), 0);
        // Other calls still fit the window quota.
        QCOMPARE(client.batch(reads(3)).status, 200);
    }

    void concurrentReadsAndWritesAreHeldForTheirLatency()
    {
        SandboxOptions opts = options(1000, 60);
        QVERIFY(!opts.plan.setConcurrency(QStringLiteral("3,2")));
        opts.latencyMinMs = opts.latencyMaxMs = 1500;
        SandboxServer server(opts);
        QVERIFY(!server.listen(0));
        Client client(server.baseUrl());

        QNetworkReply *slowReads =
            client.start("POST", QStringLiteral("/batch"), batchBody(reads(3)));
        // Let the server admit it before the next request arrives.
        QTRY_COMPARE(server.stats().value(QLatin1String("batches")).toInt(), 1);
        const Reply refused = client.batch(reads(1));
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.retryAfter.toInt() >= 1);
        QCOMPARE(limited(server, "concurrent"), 1);

        // Writes have their own slots.
        const Reply writes =
            client.batch({action(QStringLiteral("put"), QStringLiteral("/tasks/1401"),
                                 {{QStringLiteral("name"), QStringLiteral("renamed")}}),
                          action(QStringLiteral("put"), QStringLiteral("/tasks/1402"),
                                 {{QStringLiteral("name"), QStringLiteral("renamed")}})});
        QCOMPARE(writes.status, 200);
        QCOMPARE(Client::finish(slowReads).status, 200);
        const QJsonObject peak = server.stats().value(QLatin1String("max_in_flight")).toObject();
        QCOMPARE(peak.value(QLatin1String("reads")).toInt(), 3);
        QCOMPARE(peak.value(QLatin1String("writes")).toInt(), 2);
        // Once the reads finished, their slots are free again.
        QCOMPARE(client.batch(reads(3)).status, 200);
    }

    void limitsOffNeverAnswer429()
    {
        SandboxOptions opts = options(1, 60);
        opts.rateLimits = false;
        SandboxServer server(opts);
        QVERIFY(!server.listen(0));
        Client client(server.baseUrl());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.batch(reads(10)).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSandboxRateLimit)
#include "tst_sandboxratelimit.moc"
