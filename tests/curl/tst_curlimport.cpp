#include "curl/curlimport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Tenfold;

/// Importing curl commands as people copy them from docs, browsers and API clients.
class TestCurlImport : public QObject
{
    Q_OBJECT

private:
    static Action only(const QString &text)
    {
        Result<Session> session = importCurl(text);
        if (!session) {
            qWarning("%s", qPrintable(session.errorString()));
            return {};
        }
        if (session->actions.size() != 1) {
            qWarning("expected one action, got %d", int(session->actions.size()));
            return {};
        }
        return session->actions.constFirst();
    }

    static QString failure(const QString &text)
    {
        Result<Session> session = importCurl(text);
        return session ? QStringLiteral("<imported>") : session.errorString();
    }

private slots:
    void asanaDocsStyle()
    {
        // Asana's reference shows the token inline, --request, --url and --header.
        const Action a = only(QStringLiteral(
            "curl --request POST \\\n"
            "     --url https://app.asana.com/api/1.0/tasks \\\n"
            "     --header 'accept: application/json' \\\n"
            "     --header 'authorization: Bearer 2/1234' \\\n"
            "     --header 'content-type: application/json' \\\n"
            "     --data '\n{\n  \"data\": {\n    \"name\": \"Buy catnip\",\n    \"workspace\": "
            "\"1001\"\n  }\n}\n'"));
        QCOMPARE(a.method, QStringLiteral("post"));
        QCOMPARE(a.relativePath, QStringLiteral("/tasks"));
        QCOMPARE(a.data, QJsonValue(QJsonObject{{"name", "Buy catnip"}, {"workspace", "1001"}}));
        QVERIFY(a.options.isUndefined());
    }

    void olderDocsWithFormFieldsAndGetQueries()
    {
        const Action post = only(QStringLiteral(
            "curl -H \"Authorization: Bearer $ASANA_ACCESS_TOKEN\" "
            "https://app.asana.com/api/1.0/tasks -d \"name=Buy catnip\" -d workspace=1001"));
        QCOMPARE(post.method, QStringLiteral("post"));
        QCOMPARE(post.data, QJsonValue(QJsonObject{{"name", "Buy catnip"}, {"workspace", "1001"}}));

        const Action get = only(QStringLiteral(
            "curl -G https://app.asana.com/api/1.0/tasks -H 'Authorization: Bearer 0/x' "
            "--data-urlencode 'project=1201' --data-urlencode 'text=a&b c' -d opt_pretty=true "
            "-d 'opt_fields=name,notes' -d limit=20"));
        QCOMPARE(get.method, QStringLiteral("get"));
        QCOMPARE(get.data, QJsonValue(QJsonObject{{"project", "1201"}, {"text", "a&b c"}}));
        QCOMPARE(get.options,
                 QJsonValue(QJsonObject{{"fields", QJsonArray{"name", "notes"}}, {"limit", 20}}));
    }

    void chromeCopyAsCurl()
    {
        const Action a = only(QStringLiteral(
            "curl 'https://app.asana.com/api/1.0/tasks/1401?opt_fields=name%2Cnotes&opt_pretty' "
            "\\\n"
            "  -X 'PUT' \\\n"
            "  -H 'authority: app.asana.com' \\\n"
            "  -H 'accept: */*' \\\n"
            "  -H 'accept-language: en-US,en;q=0.9' \\\n"
            "  -H 'content-type: application/json' \\\n"
            "  -H 'cookie: ticket=abc; other=1' \\\n"
            "  -H 'origin: https://app.asana.com' \\\n"
            "  -H 'sec-ch-ua: \"Chromium\";v=\"118\"' \\\n"
            "  -H 'user-agent: Mozilla/5.0' \\\n"
            "  --data-raw $'{\"data\":{\"name\":\"It\\'s "
            "\\u00e9t\\xc3\\xa9\\\\n\",\"notes\":\"a\\nb\"}}' \\\n"
            "  --compressed"));
        QCOMPARE(a.method, QStringLiteral("put"));
        QCOMPARE(a.relativePath, QStringLiteral("/tasks/1401"));
        // \\n in $'..' is a backslash and n: JSON's own escape for a newline.
        QCOMPARE(a.data, QJsonValue(QJsonObject{{"name", QStringLiteral("It's été\n")},
                                                {"notes", "a\nb"}}));
        QCOMPARE(a.options, QJsonValue(QJsonObject{{"fields", QJsonArray{"name", "notes"}}}));
    }

    void postmanAndInsomnia()
    {
        const Action postman = only(QStringLiteral(
            "curl --location --request DELETE 'https://app.asana.com/api/1.0/tags/1501' \\\n"
            "--header 'Accept: application/json' \\\n"
            "--header 'Authorization: Bearer {{token}}'"));
        QCOMPARE(postman.method, QStringLiteral("delete"));
        QCOMPARE(postman.relativePath, QStringLiteral("/tags/1501"));

        const Action insomnia = only(QStringLiteral(
            "curl --request POST \\\n  --url 'https://app.asana.com/api/1.0/projects/1201/"
            "addMembers?opt_fields=members' \\\n  --header 'Content-Type: application/json' \\\n"
            "  --data "
            "'{\"data\":{\"members\":[\"1102\",\"1103\"]},\"options\":{\"pretty\":true}}'"));
        QCOMPARE(insomnia.relativePath, QStringLiteral("/projects/1201/addMembers"));
        QCOMPARE(insomnia.data, QJsonValue(QJsonObject{{"members", QJsonArray{"1102", "1103"}}}));
        QCOMPARE(insomnia.options, QJsonValue(QJsonObject{{"fields", QJsonArray{"members"}}}));

        const Action json = only(QStringLiteral("curl --json '{\"data\":{\"text\":\"hi\"}}' "
                                                "https://app.asana.com/api/1.0/tasks/1/stories"));
        QCOMPARE(json.method, QStringLiteral("post"));
        QCOMPARE(json.data, QJsonValue(QJsonObject{{"text", "hi"}}));
    }

    void aBatchBecomesItsActions()
    {
        Result<Session> session = importCurl(QStringLiteral(
            "curl -sSXPOST https://app.asana.com/api/1.0/batch?opt_pretty=true "
            "-H'Content-Type: application/json' --data-binary '{\"data\":{\"actions\":["
            "{\"method\":\"get\",\"relative_path\":\"/users/me\"},"
            "{\"method\":\"post\",\"relative_path\":\"/tasks\",\"data\":{\"name\":\"x\"},"
            "\"options\":{\"fields\":[\"gid\"]}}]}}'"));
        QVERIFY2(session.ok(), qPrintable(session.errorString()));
        QCOMPARE(session->actions.size(), 2);
        QCOMPARE(session->actions.at(0).relativePath, QStringLiteral("/users/me"));
        QCOMPARE(session->actions.at(1).options,
                 QJsonValue(QJsonObject{{"fields", QJsonArray{"gid"}}}));
    }

    void severalCommandsInAScript()
    {
        Result<Session> session = importCurl(
            QStringLiteral("#!/usr/bin/env bash\n: \"${ASANA_ACCESS_TOKEN:?set it}\"\n"
                           "curl https://app.asana.com/api/1.0/users/me\necho\n"
                           "curl -X DELETE https://app.asana.com/api/1.0/tasks/1402; echo\n"));
        QVERIFY2(session.ok(), qPrintable(session.errorString()));
        QCOMPARE(session->actions.size(), 2);
        QCOMPARE(session->actions.at(1).method, QStringLiteral("delete"));
    }

    void theTokenIsNeverImported()
    {
        Result<Session> session =
            importCurl(QStringLiteral("curl -u 0/secret: -H 'Authorization: Bearer 0/topsecret' "
                                      "https://app.asana.com/api/1.0/users/me"));
        QVERIFY(session.ok());
        QVERIFY(!session->actions.constFirst().data.toVariant().toString().contains("secret"));
        QVERIFY(session->variables.isEmpty());
    }

    void errorsNameWhatCannotBeRepresented_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown flag") << "curl --frobnicate https://app.asana.com/api/1.0/users/me"
                                      << "--frobnicate";
        QTest::newRow("unknown short") << "curl -sz x https://app.asana.com/api/1.0/users/me"
                                       << "-z";
        QTest::newRow("body from file") << "curl -d @body.json https://app.asana.com/api/1.0/tasks"
                                        << "@body.json";
        QTest::newRow("multipart")
            << "curl -F file=@a.png https://app.asana.com/api/1.0/attachments"
            << "-F";
        QTest::newRow("deprecation header")
            << "curl -H 'Asana-Enable: new_goal_memberships' https://app.asana.com/api/1.0/goals"
            << "Asana-Enable";
        QTest::newRow("expansion in body")
            << "curl -d \"{\\\"data\\\":{\\\"name\\\":\\\"$NAME\\\"}}\" "
               "https://app.asana.com/api/1.0/tasks"
            << "$NAME";
        QTest::newRow("query on post")
            << "curl -X POST 'https://app.asana.com/api/1.0/tasks?workspace=1' -d '{\"data\":{}}'"
            << "workspace";
        QTest::newRow("not asana") << "curl https://example.com/v2/things"
                                   << "/api/1.0";
        // Found by fuzz_curl_import: the root was matched inside a longer segment.
        QTest::newRow("root inside a segment")
            << "curl -d name=x https://app.asana.com/api/1.0.tasks"
            << "/api/1.0";
        QTest::newRow("not curl") << "wget https://app.asana.com/api/1.0/users/me"
                                  << "wget";
        QTest::newRow("bad json") << "curl --json '{\"data\":' https://app.asana.com/api/1.0/tasks"
                                  << "not valid JSON";
        QTest::newRow("body key") << "curl --data-raw '{\"data\":{},\"extra\":1}' "
                                     "https://app.asana.com/api/1.0/tasks"
                                  << "extra";
        QTest::newRow("get with body") << "curl -X GET -d '{}' https://app.asana.com/api/1.0/tasks"
                                       << "GET with a body";
        QTest::newRow("two urls")
            << "curl https://app.asana.com/api/1.0/a https://app.asana.com/api/1.0/b"
            << "more than one URL";
        QTest::newRow("nothing") << "# just a comment\n"
                                 << "no curl command";
        QTest::newRow("broken batch")
            << "curl https://app.asana.com/api/1.0/batch -d '{\"data\":{\"actions\":[1]}}'"
            << "action 1";
        QTest::newRow("empty batch")
            << "curl https://app.asana.com/api/1.0/batch -d '{\"data\":{\"actions\":[]}}'"
            << "no actions";
        QTest::newRow("glob placeholder") << "curl https://app.asana.com/api/1.0/tasks/{task_gid}"
                                          << "{task_gid}";
        QTest::newRow("header without colon")
            << "curl -H 'Bearer 0/abc' https://app.asana.com/api/1.0/users/me"
            << "-H";
        QTest::newRow("open quote") << "curl 'https://app.asana.com/api/1.0/users/me"
                                    << "never closed";
    }

    void errorsNameWhatCannotBeRepresented()
    {
        QFETCH(QString, command);
        QFETCH(QString, named);
        const QString message = failure(command);
        QVERIFY2(message.contains(named), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("0/abc")), "a token in an error message");
    }

    void harmlessFlagsAreIgnored()
    {
        const Action a = only(QStringLiteral(
            "curl -sSLki -v --compressed --http1.1 -m 30 --retry 3 -o /dev/null -w '%{http_code}' "
            "-A agent https://app.asana.com/api/1.0/users/me"));
        QCOMPARE(a.method, QStringLiteral("get"));
        QCOMPARE(a.relativePath, QStringLiteral("/users/me"));
    }

    void pathsArePercentDecoded()
    {
        const Action a = only(QStringLiteral(
            "curl -g 'http://[::1]:9/api/1.0/workspaces/1001/tasks/search?text=%C3%A9%20x%2By+z'"));
        QCOMPARE(a.relativePath, QStringLiteral("/workspaces/1001/tasks/search"));
        QCOMPARE(a.data, QJsonValue(QJsonObject{{"text", QStringLiteral("é x+y z")}}));
    }

    void fieldNamesLoseSpacesAndBlanks()
    {
        // Found by fuzz_curl_import: a blank name was kept as "" and vanished on re-import.
        const Action a = only(QStringLiteral(
            "curl 'https://app.asana.com/api/1.0/tasks/1401?opt_fields=name,%20notes,%20,,%09'"));
        QCOMPARE(a.options, QJsonValue(QJsonObject{{"fields", QJsonArray{"name", "notes"}}}));
    }
};

QTEST_GUILESS_MAIN(TestCurlImport)
#include "tst_curlimport.moc"
