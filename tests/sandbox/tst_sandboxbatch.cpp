#include "sandbox/sandboxserver.h"
#include "sandboxclient.h"

#include <QTest>

using namespace Tenfold;
using namespace SandboxTest;

/// POST /batch as FACTS.md describes Asana's: whole-request failures, per-action results in
/// order, restrictions, options and the parent's opt_fields / opt_pretty.
class TestSandboxBatch : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY(!m_server->listen(0));
        m_client = std::make_unique<Client>(m_server->baseUrl());
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void listensOnLoopbackWithApiRoot()
    {
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->baseUrl().toString(),
                 QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(m_server->port()));
    }

    void wholeRequestFailures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("malformed json") << QByteArray("{\"data\": {\"actions\": [");
        QTest::newRow("missing actions") << QByteArray("{\"data\": {}}");
        QTest::newRow("zero actions") << batchBody({});
        QJsonArray eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append(action(QStringLiteral("get"), QStringLiteral("/users/me")));
        QTest::newRow("eleven actions") << batchBody(eleven);
    }
    void wholeRequestFailures()
    {
        QFETCH(QByteArray, body);
        const Reply reply = m_client->call("POST", QStringLiteral("/batch"), body);
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.message().isEmpty());
        QVERIFY(!reply.json.contains(QLatin1String("data")));
    }

    void tenActionsAreAccepted()
    {
        QJsonArray ten;
        for (int i = 0; i < 10; ++i)
            ten.append(action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i)));
        const Reply reply = m_client->batch(ten);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.results().size(), 10);
    }

    void resultsComeBackInActionOrder()
    {
        const Reply reply =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/tasks/1405")),
                             action(QStringLiteral("get"), QStringLiteral("/tasks/999999")),
                             action(QStringLiteral("get"), QStringLiteral("/users/me")),
                             action(QStringLiteral("get"), QStringLiteral("/tasks/1401"))});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.results().size(), 4);
        const auto gid = [&](int i) {
            return reply.result(i)
                .value(QLatin1String("body"))
                .toObject()
                .value(QLatin1String("data"))
                .toObject()
                .value(QLatin1String("gid"))
                .toString();
        };
        QCOMPARE(gid(0), QStringLiteral("1405"));
        QCOMPARE(reply.result(1).value(QLatin1String("status_code")).toInt(), 404);
        QCOMPARE(gid(2), QStringLiteral("1101"));
        QCOMPARE(gid(3), QStringLiteral("1401"));
        for (int i = 0; i < 4; ++i)
            QVERIFY(reply.result(i).value(QLatin1String("headers")).isObject());
    }

    void batchReturns200EvenWhenEveryActionFails()
    {
        const Reply reply =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/tasks/999999"))});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.result(0).value(QLatin1String("status_code")).toInt(), 404);
    }

    void createdResultCarriesLocation()
    {
        const Reply reply = m_client->batch(
            {action(QStringLiteral("post"), QStringLiteral("/tasks"),
                    {{QStringLiteral("name"), QStringLiteral("From a batch")},
                     {QStringLiteral("projects"), QJsonArray{QStringLiteral("1201")}}})});
        QCOMPARE(reply.status, 200);
        const QJsonObject result = reply.result(0);
        QCOMPARE(result.value(QLatin1String("status_code")).toInt(), 201);
        const QString gid = result.value(QLatin1String("body"))
                                .toObject()
                                .value(QLatin1String("data"))
                                .toObject()
                                .value(QLatin1String("gid"))
                                .toString();
        QCOMPARE(gid, QStringLiteral("2000001"));
        QCOMPARE(result.value(QLatin1String("headers")).toObject().value(QLatin1String("location")),
                 QStringLiteral("/api/1.0/tasks/2000001"));
        // And it really exists afterwards.
        QCOMPARE(m_client->get(QStringLiteral("/tasks/2000001")).status, 200);
    }

    void restrictedActionsGet400_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("attachment upload") << "post"
                                           << "/attachments";
        QTest::newRow("organization export") << "post"
                                             << "/organization_exports";
        QTest::newRow("get organization export") << "get"
                                                 << "/organization_exports/123";
        QTest::newRow("scim") << "get"
                              << "/scim/v2/Users";
        QTest::newRow("nested batch") << "post"
                                      << "/batch";
    }
    void restrictedActionsGet400()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        const Reply reply = m_client->batch(
            {action(method, path), action(QStringLiteral("get"), QStringLiteral("/users/me"))});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.result(0).value(QLatin1String("status_code")).toInt(), 400);
        QCOMPARE(reply.result(1).value(QLatin1String("status_code")).toInt(), 200);
    }

    void unknownRouteIs404WithAsanasMessage()
    {
        const Reply reply =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/no/such/thing")),
                             action(QStringLiteral("patch"), QStringLiteral("/users/me"))});
        for (int i = 0; i < 2; ++i) {
            const QJsonObject result = reply.result(i);
            QCOMPARE(result.value(QLatin1String("status_code")).toInt(), 404);
            QCOMPARE(result.value(QLatin1String("body"))
                         .toObject()
                         .value(QLatin1String("errors"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("message"))
                         .toString(),
                     QStringLiteral("No matching route for request"));
        }
        const Reply direct = m_client->get(QStringLiteral("/no/such/thing"));
        QCOMPARE(direct.status, 404);
        QCOMPARE(direct.message(), QStringLiteral("No matching route for request"));
    }

    void queryStringInRelativePathIsRefused()
    {
        const Reply reply =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/tasks?project=1201"))});
        QCOMPARE(reply.result(0).value(QLatin1String("status_code")).toInt(), 400);
    }

    void prettyOnAnActionIsRefused()
    {
        const Reply reply =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/users/me"), {},
                                    {{QStringLiteral("pretty"), true}}),
                             action(QStringLiteral("get"), QStringLiteral("/users/me"))});
        QCOMPARE(reply.result(0).value(QLatin1String("status_code")).toInt(), 400);
        QCOMPARE(reply.result(1).value(QLatin1String("status_code")).toInt(), 200);
    }

    void optionsFieldsShapeTheObjects()
    {
        const Reply reply = m_client->batch(
            {action(QStringLiteral("get"), QStringLiteral("/tasks/1401"), {},
                    {{QStringLiteral("fields"),
                      QJsonArray{QStringLiteral("name"), QStringLiteral("assignee.email")}}}),
             action(QStringLiteral("get"), QStringLiteral("/tasks/1401"))});
        const QJsonObject shaped = reply.result(0)
                                       .value(QLatin1String("body"))
                                       .toObject()
                                       .value(QLatin1String("data"))
                                       .toObject();
        QCOMPARE(shaped.keys(), (QStringList{QStringLiteral("assignee"), QStringLiteral("gid"),
                                             QStringLiteral("name")})); // keys() is sorted
        QVERIFY(shaped.value(QLatin1String("assignee"))
                    .toObject()
                    .value(QLatin1String("email"))
                    .toString()
                    .endsWith(QLatin1String("@example.com")));
        const QJsonObject full = reply.result(1)
                                     .value(QLatin1String("body"))
                                     .toObject()
                                     .value(QLatin1String("data"))
                                     .toObject();
        QVERIFY(full.contains(QLatin1String("notes")));
        QVERIFY(full.contains(QLatin1String("memberships")));
    }

    void optionsLimitAndOffsetPaginate()
    {
        const QJsonObject data{{QStringLiteral("project"), QStringLiteral("1201")}};
        const Reply first = m_client->batch({action(QStringLiteral("get"), QStringLiteral("/tasks"),
                                                    data, {{QStringLiteral("limit"), 5}})});
        const QJsonObject body = first.result(0).value(QLatin1String("body")).toObject();
        QCOMPARE(body.value(QLatin1String("data")).toArray().size(), 5);
        const QJsonObject next = body.value(QLatin1String("next_page")).toObject();
        QVERIFY(!next.value(QLatin1String("offset")).toString().isEmpty());
        QVERIFY(next.value(QLatin1String("path")).toString().startsWith(QLatin1String("/tasks?")));
        QVERIFY(next.value(QLatin1String("uri"))
                    .toString()
                    .startsWith(m_server->baseUrl().toString() + QLatin1String("/tasks?")));

        // Page through everything: no gid twice, the last page says next_page null.
        QStringList seen;
        QJsonValue offset;
        for (int page = 0; page < 20; ++page) {
            QJsonObject options{{QStringLiteral("limit"), 5}};
            if (!offset.isUndefined())
                options.insert(QStringLiteral("offset"), offset);
            const Reply reply = m_client->batch(
                {action(QStringLiteral("get"), QStringLiteral("/tasks"), data, options)});
            const QJsonObject pageBody = reply.result(0).value(QLatin1String("body")).toObject();
            const QJsonArray items = pageBody.value(QLatin1String("data")).toArray();
            for (const QJsonValue &item : items)
                seen.append(item.toObject().value(QLatin1String("gid")).toString());
            if (pageBody.value(QLatin1String("next_page")).isNull())
                break;
            offset = pageBody.value(QLatin1String("next_page"))
                         .toObject()
                         .value(QLatin1String("offset"));
        }
        const Reply all = m_client->get(QStringLiteral("/projects/1201/tasks"));
        QCOMPARE(seen.size(), all.results().size());
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
    }

    void badLimitIs400()
    {
        const Reply reply =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/projects/1201/tasks"),
                                    {}, {{QStringLiteral("limit"), 101}})});
        QCOMPARE(reply.result(0).value(QLatin1String("status_code")).toInt(), 400);
    }

    void parentOptFieldsLimitsResultKeys()
    {
        const Reply reply =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/users/me"))},
                            QStringLiteral("?opt_fields=status_code"));
        QCOMPARE(reply.result(0).keys(), QStringList{QStringLiteral("status_code")});
    }

    void parentOptPrettyIndents()
    {
        const Reply compact =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/users/me"))});
        const Reply pretty =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/users/me"))},
                            QStringLiteral("?opt_pretty=true"));
        QVERIFY(!compact.body.contains('\n'));
        QVERIFY(pretty.body.contains('\n'));
        QCOMPARE(pretty.json, compact.json);
    }

    void directCallAndBatchActionAnswerAlike()
    {
        const Reply direct =
            m_client->get(QStringLiteral("/tasks/1410?opt_fields=name,projects.name"));
        const Reply batched = m_client->batch(
            {action(QStringLiteral("get"), QStringLiteral("/tasks/1410"), {},
                    {{QStringLiteral("fields"),
                      QJsonArray{QStringLiteral("name"), QStringLiteral("projects.name")}}})});
        QCOMPARE(batched.result(0).value(QLatin1String("status_code")).toInt(), direct.status);
        QCOMPARE(batched.result(0).value(QLatin1String("body")).toObject(), direct.json);
    }

    void tokenIsRequired()
    {
        Client anonymous(m_server->baseUrl(), QByteArray());
        const Reply reply =
            anonymous.batch({action(QStringLiteral("get"), QStringLiteral("/users/me"))});
        QCOMPARE(reply.status, 401);
        QVERIFY(!reply.message().isEmpty());
    }

    void onlyTheConfiguredTokenWhenOneIsSet()
    {
        SandboxOptions options;
        options.token = QStringLiteral("right");
        SandboxServer server(options);
        QVERIFY(!server.listen(0));
        QCOMPARE(Client(server.baseUrl(), "wrong").get(QStringLiteral("/users/me")).status, 401);
        QCOMPARE(Client(server.baseUrl(), "right").get(QStringLiteral("/users/me")).status, 200);
    }

    void statsCountWhatWasServed()
    {
        m_client->batch({action(QStringLiteral("get"), QStringLiteral("/users/me")),
                         action(QStringLiteral("get"), QStringLiteral("/nope"))});
        m_client->call("POST", QStringLiteral("/batch"), "not json");
        QNetworkAccessManager manager;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/__sandbox/stats"));
        const Reply reply = Client::finish(manager.get(QNetworkRequest(url))); // no token
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json, m_server->stats());
        QCOMPARE(reply.json.value(QLatin1String("requests")).toInt(), 2);
        QCOMPARE(reply.json.value(QLatin1String("batches")).toInt(), 1);
        QCOMPARE(reply.json.value(QLatin1String("actions")).toInt(), 2);
        const QJsonObject status = reply.json.value(QLatin1String("status")).toObject();
        QCOMPARE(status.value(QLatin1String("200")).toInt(), 1);
        QCOMPARE(status.value(QLatin1String("400")).toInt(), 1);
        for (const char *key : {"rate_limited", "max_in_flight"})
            QVERIFY(reply.json.value(QLatin1String(key)).isObject());
    }

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Client> m_client;
};

QTEST_GUILESS_MAIN(TestSandboxBatch)
#include "tst_sandboxbatch.moc"
