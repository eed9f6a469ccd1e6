#include "sandbox/sandboxserver.h"
#include "sandboxclient.h"

#include <QFile>
#include <QTest>

using namespace Tenfold;
using namespace SandboxTest;

/// The seeded resource store through direct calls: what a real Asana client would see.
class TestSandboxResources : public QObject
{
    Q_OBJECT

    static QByteArray body(const QJsonObject &data)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson();
    }
    static QJsonObject data(const Reply &reply)
    {
        return reply.json.value(QLatin1String("data")).toObject();
    }
    static QStringList gids(const Reply &reply)
    {
        QStringList result;
        const QJsonArray items = reply.results();
        for (const QJsonValue &item : items)
            result.append(item.toObject().value(QLatin1String("gid")).toString());
        return result;
    }

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

    void wellKnownGids()
    {
        QCOMPARE(data(m_client->get(QStringLiteral("/users/me"))).value(QLatin1String("gid")),
                 QStringLiteral("1101"));
        QCOMPARE(gids(m_client->get(QStringLiteral("/workspaces"))), QStringList{"1001"});
        QCOMPARE(gids(m_client->get(QStringLiteral("/workspaces/1001/users"))),
                 (QStringList{"1101", "1102", "1103", "1104", "1105"}));
        QCOMPARE(gids(m_client->get(QStringLiteral("/projects?workspace=1001"))),
                 (QStringList{"1201", "1202", "1203"}));
        QCOMPARE(gids(m_client->get(QStringLiteral("/projects/1202/sections"))),
                 (QStringList{"1304", "1305", "1306"}));
        QCOMPARE(gids(m_client->get(QStringLiteral("/workspaces/1001/tags"))).size(), 5);
        QCOMPARE(m_client->get(QStringLiteral("/tasks/1450")).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/tasks/1451")).status, 404);
        QVERIFY(!gids(m_client->get(QStringLiteral("/tasks/1401/subtasks"))).isEmpty());
        QVERIFY(!gids(m_client->get(QStringLiteral("/tasks/1401/stories"))).isEmpty());
    }

    void compactInListsFullForOneObject()
    {
        const Reply list = m_client->get(QStringLiteral("/projects/1201/tasks"));
        const QJsonObject first = list.results().at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{"gid", "name", "resource_subtype", "resource_type"}));
        const QJsonObject full = data(m_client->get(QStringLiteral("/tasks/1401")));
        for (const char *key : {"gid", "resource_type", "name", "notes", "completed", "assignee",
                                "projects", "memberships", "workspace", "parent", "created_at"})
            QVERIFY2(full.contains(QLatin1String(key)), key);
        QCOMPARE(full.value(QLatin1String("workspace")).toObject().keys(),
                 (QStringList{"gid", "name", "resource_type"}));
    }

    void seedDecidesNamesNotGids()
    {
        const auto names = [](quint32 seed) {
            SandboxOptions options;
            options.seed = seed;
            SandboxServer server(options);
            if (server.listen(0))
                return QStringList();
            QStringList result;
            const Reply reply =
                Client(server.baseUrl()).get(QStringLiteral("/projects/1201/tasks"));
            const QJsonArray items = reply.results();
            for (const QJsonValue &item : items)
                result.append(item.toObject().value(QLatin1String("gid")).toString() + u'=' +
                              item.toObject().value(QLatin1String("name")).toString());
            return result;
        };
        QCOMPARE(names(3), names(3));
        QVERIFY(names(3) != names(4));
        QCOMPARE(names(3).size(), names(4).size());
    }

    void projectLifecycle()
    {
        const Reply created =
            m_client->call("POST", QStringLiteral("/projects"),
                           body({{QStringLiteral("name"), QStringLiteral("Launch")},
                                 {QStringLiteral("workspace"), QStringLiteral("1001")}}));
        QCOMPARE(created.status, 201);
        const QString gid = data(created).value(QLatin1String("gid")).toString();
        QCOMPARE(created.location, QByteArray("/api/1.0/projects/" + gid.toLatin1()));
        QCOMPARE(m_client
                     ->call("PUT", QStringLiteral("/projects/") + gid,
                            body({{QStringLiteral("name"), QStringLiteral("Launch 2")}}))
                     .status,
                 200);
        QCOMPARE(
            data(m_client->get(QStringLiteral("/projects/") + gid)).value(QLatin1String("name")),
            QStringLiteral("Launch 2"));
        QCOMPARE(m_client->call("DELETE", QStringLiteral("/projects/") + gid).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/projects/") + gid).status, 404);
    }

    void missingRequiredFieldIs400()
    {
        const Reply project = m_client->call("POST", QStringLiteral("/projects"),
                                             body({{QStringLiteral("name"), QStringLiteral("x")}}));
        QCOMPARE(project.status, 400);
        QCOMPARE(project.message(), QStringLiteral("workspace: Missing input"));
        QCOMPARE(m_client
                     ->call("POST", QStringLiteral("/tasks"),
                            body({{QStringLiteral("name"), QStringLiteral("nowhere")}}))
                     .status,
                 400);
        QCOMPARE(m_client->call("POST", QStringLiteral("/tasks/1401/stories"), body({})).status,
                 400);
        QCOMPARE(m_client->get(QStringLiteral("/tasks")).status, 400);
    }

    void unknownAndMalformedGids()
    {
        QCOMPARE(m_client->get(QStringLiteral("/tasks/424242")).status, 404);
        QCOMPARE(m_client->get(QStringLiteral("/tasks/abc")).status, 400);
        QCOMPARE(m_client
                     ->call("PUT", QStringLiteral("/tasks/1401"),
                            body({{QStringLiteral("assignee"), QStringLiteral("999")}}))
                     .status,
                 400);
    }

    void gidsGivenAsNumbersMatchExactly()
    {
        // A whole number names the object; a fraction or a huge number must not be cut down to
        // some other object's gid.
        QCOMPARE(m_client
                     ->call("PUT", QStringLiteral("/tasks/1401"),
                            body({{QStringLiteral("assignee"), 1102}}))
                     .status,
                 200);
        const Reply fraction = m_client->call("PUT", QStringLiteral("/tasks/1401"),
                                              body({{QStringLiteral("assignee"), 1101.5}}));
        QCOMPARE(fraction.status, 400);
        QVERIFY2(fraction.message().contains(QLatin1String("1101.5")),
                 qPrintable(fraction.message()));
        const Reply huge = m_client->call("POST", QStringLiteral("/tasks"),
                                          body({{QStringLiteral("name"), QStringLiteral("x")},
                                                {QStringLiteral("workspace"), 1e300}}));
        QCOMPARE(huge.status, 400);
        QVERIFY2(huge.message().contains(QLatin1String("1e+300")), qPrintable(huge.message()));
        const Reply listed =
            m_client->batch({action(QStringLiteral("get"), QStringLiteral("/tasks"),
                                    {{QStringLiteral("project"), 1201.9}})});
        QCOMPARE(listed.result(0).value(QLatin1String("status_code")).toInt(), 400);
    }

    void bodyThatIsNotAnObjectSaysSo()
    {
        const Reply reply = m_client->call("POST", QStringLiteral("/tasks"), "[1]");
        QCOMPARE(reply.status, 400);
        QVERIFY2(!reply.message().contains(QLatin1String("no error")), qPrintable(reply.message()));
        QVERIFY2(reply.message().contains(QLatin1String("object")), qPrintable(reply.message()));
    }

    void forbiddenWhereAsanaForbids()
    {
        const Reply reply = m_client->call("PUT", QStringLiteral("/workspaces/1001"),
                                           body({{QStringLiteral("name"), QStringLiteral("x")}}));
        QCOMPARE(reply.status, 403);
        QVERIFY(!reply.message().isEmpty());
    }

    void notImplementedCallsSaySo()
    {
        const Reply reply = m_client->get(QStringLiteral("/portfolios/1"));
        QCOMPARE(reply.status, 501);
        QVERIFY(reply.message().contains(QLatin1String("getPortfolio")));
    }

    void taskLifecycleWithSubtasksProjectsAndComments()
    {
        const Reply created =
            m_client->call("POST", QStringLiteral("/tasks"),
                           body({{QStringLiteral("name"), QStringLiteral("Write docs")},
                                 {QStringLiteral("projects"), QJsonArray{QStringLiteral("1201")}},
                                 {QStringLiteral("assignee"), QStringLiteral("me")},
                                 {QStringLiteral("due_on"), QStringLiteral("2024-05-01")}}));
        QCOMPARE(created.status, 201);
        const QString task = data(created).value(QLatin1String("gid")).toString();
        QCOMPARE(
            data(created).value(QLatin1String("assignee")).toObject().value(QLatin1String("gid")),
            QStringLiteral("1101"));
        QVERIFY(gids(m_client->get(QStringLiteral("/projects/1201/tasks"))).contains(task));
        QVERIFY(gids(m_client->get(QStringLiteral("/tasks?project=1201"))).contains(task));
        QVERIFY(gids(m_client->get(QStringLiteral("/tasks?assignee=me&workspace=1001")))
                    .contains(task));

        const Reply updated = m_client->call("PUT", QStringLiteral("/tasks/") + task,
                                             body({{QStringLiteral("completed"), true}}));
        QCOMPARE(updated.status, 200);
        QVERIFY(data(updated).value(QLatin1String("completed")).toBool());
        QVERIFY(data(updated).value(QLatin1String("completed_at")).isString());
        QCOMPARE(m_client
                     ->call("PUT", QStringLiteral("/tasks/") + task,
                            body({{QStringLiteral("due_on"), QStringLiteral("tomorrow")}}))
                     .status,
                 400);

        const Reply subtask =
            m_client->call("POST", QStringLiteral("/tasks/%1/subtasks").arg(task),
                           body({{QStringLiteral("name"), QStringLiteral("Outline")}}));
        QCOMPARE(subtask.status, 201);
        QCOMPARE(
            data(subtask).value(QLatin1String("parent")).toObject().value(QLatin1String("gid")),
            task);
        QCOMPARE(data(m_client->get(QStringLiteral("/tasks/") + task))
                     .value(QLatin1String("num_subtasks"))
                     .toInt(),
                 1);

        QCOMPARE(m_client
                     ->call("POST", QStringLiteral("/tasks/%1/addProject").arg(task),
                            body({{QStringLiteral("project"), QStringLiteral("1202")},
                                  {QStringLiteral("section"), QStringLiteral("1306")}}))
                     .status,
                 200);
        QVERIFY(gids(m_client->get(QStringLiteral("/sections/1306/tasks"))).contains(task));
        QCOMPARE(m_client
                     ->call("POST", QStringLiteral("/tasks/%1/removeProject").arg(task),
                            body({{QStringLiteral("project"), QStringLiteral("1201")}}))
                     .status,
                 200);
        QVERIFY(!gids(m_client->get(QStringLiteral("/projects/1201/tasks"))).contains(task));

        const Reply comment =
            m_client->call("POST", QStringLiteral("/tasks/%1/stories").arg(task),
                           body({{QStringLiteral("text"), QStringLiteral("Looks good")}}));
        QCOMPARE(comment.status, 201);
        QCOMPARE(data(comment).value(QLatin1String("resource_subtype")),
                 QStringLiteral("comment_added"));
        const Reply stories = m_client->get(QStringLiteral("/tasks/%1/stories").arg(task));
        QCOMPARE(stories.results().size(), 1);
        QCOMPARE(stories.results().at(0).toObject().value(QLatin1String("text")),
                 QStringLiteral("Looks good"));

        QCOMPARE(m_client
                     ->call("POST", QStringLiteral("/tasks/%1/addTag").arg(task),
                            body({{QStringLiteral("tag"), QStringLiteral("1503")}}))
                     .status,
                 200);
        QVERIFY(gids(m_client->get(QStringLiteral("/tags/1503/tasks"))).contains(task));

        QCOMPARE(m_client->call("DELETE", QStringLiteral("/tasks/") + task).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/tasks/") + task).status, 404);
        QCOMPARE(m_client
                     ->get(QStringLiteral("/tasks/") +
                           data(subtask).value(QLatin1String("gid")).toString())
                     .status,
                 404);
    }

    void sections()
    {
        const Reply created =
            m_client->call("POST", QStringLiteral("/projects/1203/sections"),
                           body({{QStringLiteral("name"), QStringLiteral("Later")}}));
        QCOMPARE(created.status, 201);
        const QString section = data(created).value(QLatin1String("gid")).toString();
        QCOMPARE(data(m_client->get(QStringLiteral("/sections/") + section))
                     .value(QLatin1String("project"))
                     .toObject()
                     .value(QLatin1String("gid")),
                 QStringLiteral("1203"));
        QCOMPARE(m_client
                     ->call("POST", QStringLiteral("/sections/%1/addTask").arg(section),
                            body({{QStringLiteral("task"), QStringLiteral("1403")}}))
                     .status,
                 200);
        QCOMPARE(gids(m_client->get(QStringLiteral("/sections/%1/tasks").arg(section))),
                 QStringList{"1403"});
        // A section with tasks cannot be deleted.
        QCOMPARE(m_client->call("DELETE", QStringLiteral("/sections/") + section).status, 400);
    }

    void searchFiltersByText()
    {
        const Reply all = m_client->get(QStringLiteral("/projects/1201/tasks?opt_fields=name"));
        const QString name = all.results().at(0).toObject().value(QLatin1String("name")).toString();
        const QString word = name.section(u' ', 1, 1);
        const Reply found = m_client->get(
            QStringLiteral("/workspaces/1001/tasks/search?text=%1&opt_fields=name").arg(word));
        QCOMPARE(found.status, 200);
        QVERIFY(!found.results().isEmpty());
        const QJsonArray items = found.results();
        for (const QJsonValue &item : items)
            QVERIFY(item.toObject()
                        .value(QLatin1String("name"))
                        .toString()
                        .contains(word, Qt::CaseInsensitive));
        QVERIFY(m_client->get(QStringLiteral("/workspaces/1001/tasks/search?text=zzzzqqq"))
                    .results()
                    .isEmpty());
    }

    void fieldsWeReturnExistInAsanasSpec()
    {
        QFile spec(QStringLiteral(TENFOLD_SHARED_DIR "/asana/asana_oas.yaml"));
        if (!spec.open(QIODevice::ReadOnly))
            QSKIP("Asana's OpenAPI spec is not beside the project");
        const QByteArray text = spec.readAll();
        const struct
        {
            const char *path;
        } samples[] = {{"/tasks/1401"}, {"/projects/1201"}, {"/users/me"},       {"/sections/1301"},
                       {"/tags/1501"},  {"/stories/1601"},  {"/workspaces/1001"}};
        for (const auto &sample : samples) {
            const QJsonObject object = data(m_client->get(QLatin1String(sample.path)));
            QVERIFY(!object.isEmpty());
            for (const QString &key : object.keys()) {
                // Every property name we return is declared somewhere in the spec's schemas.
                QVERIFY2(text.contains(QByteArray("        " + key.toUtf8() + ":")),
                         qPrintable(
                             QStringLiteral("%1 returns %2").arg(QLatin1String(sample.path), key)));
            }
        }
    }

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Client> m_client;
};

QTEST_GUILESS_MAIN(TestSandboxResources)
#include "tst_sandboxresources.moc"
