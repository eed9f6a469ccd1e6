// Comparing two runs action by action: every kind of JSON difference, what is ignored by
// default (created gids and what carries them, timestamps, timings, the 500 phrase) and shown
// with all fields, and runs of different lengths.
#include "compare/resultscompare.h"
#include "runfixtures.h"

#include <QTest>

using namespace Tenfold;
using Fixtures::action;
using Fixtures::answer;

namespace {

QStringList described(const ActionComparison &action)
{
    QStringList lines;
    for (const JsonDifference &difference : action.differences)
        lines.append(difference.describe());
    return lines;
}

SendRun readTask(const QJsonObject &task)
{
    return Fixtures::run({action("get", "/tasks/1401")},
                         {answer(200, QJsonObject{{"data", task}})});
}

} // namespace

class TestResultsCompare : public QObject
{
    Q_OBJECT

private slots:
    void identicalRunsAreEqual()
    {
        const SendRun run = Fixtures::createAndRead(QStringLiteral("2000001"), QStringLiteral("t"));
        const RunComparison comparison = compareRuns(run, run);
        QVERIFY(comparison.equal());
        QCOMPARE(comparison.actions.size(), 2);
        for (const ActionComparison &action : comparison.actions) {
            QCOMPARE(action.match, ActionComparison::Match::Same);
            QCOMPARE(action.aIndex, action.bIndex);
        }
    }

    void changedValueReadsAsAPath()
    {
        const SendRun a = readTask({{"gid", "1401"}, {"assignee", QJsonObject{{"name", "Ada"}}}});
        const SendRun b = readTask({{"gid", "1401"}, {"assignee", QJsonObject{{"name", "Grace"}}}});
        const RunComparison comparison = compareRuns(a, b);
        QVERIFY(!comparison.equal());
        QCOMPARE(comparison.changed, 1);
        const ActionComparison &action = comparison.actions.at(0);
        QCOMPARE(action.match, ActionComparison::Match::Changed);
        QCOMPARE(action.method, QStringLiteral("GET"));
        QCOMPARE(described(action), QStringList{"data.assignee.name: \"Ada\" -> \"Grace\""});
        QCOMPARE(action.differences.at(0).kind, JsonDifference::Kind::Changed);
    }

    void addedRemovedTypeAndLength()
    {
        const SendRun a = readTask({{"gid", "1401"},
                                    {"notes", "old"},
                                    {"completed", false},
                                    {"tags", QJsonArray{"a", "b"}},
                                    {"odd key", 1}});
        const SendRun b = readTask({{"gid", "1401"},
                                    {"due_on", "2026-12-24"},
                                    {"completed", "no"},
                                    {"tags", QJsonArray{"a", "c", "d"}},
                                    {"odd key", 2}});
        const QStringList lines = described(compareRuns(a, b).actions.at(0));
        QCOMPARE(lines, (QStringList{
                            "data.completed: false -> \"no\"",
                            "+ data.due_on: \"2026-12-24\"",
                            "- data.notes: \"old\"",
                            "data[\"odd key\"]: 1 -> 2",
                            "data.tags: 2 items -> 3 items",
                            "data.tags[1]: \"b\" -> \"c\"",
                            "+ data.tags[2]: \"d\"",
                        }));
        // And the other way round, the array shrinks and the keys swap sides.
        const QStringList back = described(compareRuns(b, a).actions.at(0));
        QVERIFY(back.contains("- data.tags[2]: \"d\""));
        QVERIFY(back.contains("+ data.notes: \"old\""));
        QVERIFY(back.contains("data.tags: 3 items -> 2 items"));
    }

    void stateStatusAndRequest()
    {
        SendRun a = readTask({{"gid", "1401"}});
        const QJsonArray errors{QJsonObject{{"message", "gone"}}};
        SendRun b = Fixtures::run({action("get", "/tasks/1402")},
                                  {answer(404, QJsonObject{{"errors", errors}})});
        const RunComparison comparison = compareRuns(a, b);
        const QStringList lines = described(comparison.actions.at(0));
        QVERIFY(lines.contains("state: \"succeeded\" -> \"failed\""));
        QVERIFY(lines.contains("status_code: 200 -> 404"));
        QVERIFY(lines.contains("request.relative_path: \"/tasks/1401\" -> \"/tasks/1402\""));
        QVERIFY(lines.contains("- data: {\"gid\":\"1401\"}"));
        QVERIFY(lines.contains("+ errors: [{\"message\":\"gone\"}]"));
        QCOMPARE(comparison.actions.at(0).aState, QStringLiteral("succeeded"));
        QCOMPARE(comparison.actions.at(0).bStatus, 404);
    }

    void twoRunsThatCreateATaskAndReadAnotherCompareEqual()
    {
        SendRun a = Fixtures::createAndRead(QStringLiteral("2000001"),
                                            QStringLiteral("2026-12-01T07:00:00.000Z"));
        SendRun b = Fixtures::createAndRead(QStringLiteral("2000017"),
                                            QStringLiteral("2026-12-01T08:30:00.000Z"));
        b.results[0].durationMs = 900;
        b.results[1].durationMs = 3;
        b.wallMs = 950;
        b.startedAt = a.startedAt.addSecs(3600);
        const RunComparison comparison = compareRuns(a, b);
        QVERIFY2(comparison.equal(), qPrintable(described(comparison.actions.at(0)).join(u'\n') +
                                                described(comparison.actions.at(1)).join(u'\n')));

        // Shown on request: the gid, what carries it, the timestamps and the timings.
        CompareOptions all;
        all.allFields = true;
        const RunComparison full = compareRuns(a, b, all);
        QVERIFY(!full.equal());
        const QStringList created = described(full.actions.at(0));
        QVERIFY(created.contains("data.gid: \"2000001\" -> \"2000017\""));
        QVERIFY(created.contains("data.permalink_url: \"https://app.asana.com/0/0/2000001\" -> "
                                 "\"https://app.asana.com/0/0/2000017\""));
        QVERIFY(created.contains(
            "headers.location: \"/api/1.0/tasks/2000001\" -> \"/api/1.0/tasks/2000017\""));
        QVERIFY(created.contains("data.created_at: \"2026-12-01T07:00:00.000Z\" -> "
                                 "\"2026-12-01T08:30:00.000Z\""));
        QVERIFY(created.contains("duration_ms: 40 -> 900"));
        QVERIFY(described(full.actions.at(1)).contains("duration_ms: 40 -> 3"));
    }

    void laterReferencesToACreatedGidAreIgnored()
    {
        auto runWith = [](const QString &gid) {
            return Fixtures::run(
                {action("post", "/tasks", {{"name", "x"}}), action("get", "/projects/1201/tasks")},
                {answer(201, QJsonObject{{"data", QJsonObject{{"gid", gid}}}}),
                 answer(200, QJsonObject{{"data", QJsonArray{QJsonObject{{"gid", "1401"}},
                                                             QJsonObject{{"gid", gid}}}}})});
        };
        QVERIFY(compareRuns(runWith("2000001"), runWith("2000002")).equal());
        CompareOptions all;
        all.allFields = true;
        QCOMPARE(described(compareRuns(runWith("2000001"), runWith("2000002"), all).actions.at(1)),
                 QStringList{"data[1].gid: \"2000001\" -> \"2000002\""});
    }

    void gidsTheRunDidNotCreateAreCompared()
    {
        // A read that returns another object is a real difference, even if its gid is new.
        const SendRun a = readTask({{"gid", "1401"}});
        const SendRun b = readTask({{"gid", "1402"}});
        QCOMPARE(described(compareRuns(a, b).actions.at(0)),
                 QStringList{"data.gid: \"1401\" -> \"1402\""});
        // Only whole numbers are replaced: a created "2000" leaves "12000" alone.
        SendRun c =
            Fixtures::run({action("post", "/tasks"), action("get", "/tasks/1")},
                          {answer(201, QJsonObject{{"data", QJsonObject{{"gid", "2000"}}}}),
                           answer(200, QJsonObject{{"data", QJsonObject{{"notes", "12000"}}}})});
        SendRun d = c;
        d.results[0].body = QJsonObject{{"data", QJsonObject{{"gid", "2001"}}}};
        d.results[1].body = QJsonObject{{"data", QJsonObject{{"notes", "12001"}}}};
        QCOMPARE(described(compareRuns(c, d).actions.at(1)),
                 QStringList{"data.notes: \"12000\" -> \"12001\""});
    }

    void phraseOfErrorsIsIgnored()
    {
        auto failing = [](const QString &phrase) {
            const QJsonObject error{{"message", "Server Error"}, {"phrase", phrase}};
            return Fixtures::run({action("get", "/tasks/1")},
                                 {answer(500, QJsonObject{{"errors", QJsonArray{error}}})});
        };
        QVERIFY(
            compareRuns(failing("6 sad squid snuggle softly"), failing("12 happy whales fly daily"))
                .equal());
        CompareOptions all;
        all.allFields = true;
        QCOMPARE(described(compareRuns(failing("a"), failing("b"), all).actions.at(0)),
                 QStringList{"errors[0].phrase: \"a\" -> \"b\""});
        // The sender's reason for a 500 quotes the phrase too: ignored there as well.
        auto quoted = [&](const QString &phrase) {
            SendRun run = failing(phrase);
            run.results[0].state = ActionState::Failed;
            run.results[0].reason =
                QStringLiteral("the server answered 500 for the whole batch: Server Error "
                               "(phrase: %1); reads only, sending again")
                    .arg(phrase);
            return run;
        };
        QVERIFY(compareRuns(quoted("10 purple otters bounce calmly"),
                            quoted("8 brave moles snuggle calmly"))
                    .equal());
        QVERIFY(!compareRuns(quoted("a"), quoted("b"), all).equal());
        // A "phrase" in the data is the user's, and compared.
        const SendRun a = readTask({{"phrase", "one"}});
        const SendRun b = readTask({{"phrase", "two"}});
        QVERIFY(!compareRuns(a, b).equal());
    }

    void differentLengthsAlignByAction()
    {
        const SendRun a = Fixtures::run(
            {action("get", "/tasks/1"), action("get", "/tasks/2"), action("get", "/tasks/3")},
            {answer(200, QJsonObject{}), answer(200, QJsonObject{}), answer(200, QJsonObject{})});
        SendRun b = Fixtures::run(
            {action("get", "/tasks/1"), action("get", "/users/me"), action("get", "/tasks/2"),
             action("get", "/tasks/3"), action("get", "/tasks/4")},
            {answer(200, QJsonObject{}), answer(200, QJsonObject{}), answer(200, QJsonObject{}),
             answer(200, QJsonObject{}), answer(404, QJsonObject{})});
        const RunComparison comparison = compareRuns(a, b);
        QCOMPARE(comparison.actions.size(), 5);
        QCOMPARE(comparison.onlyInB, 2);
        QCOMPARE(comparison.onlyInA, 0);
        QCOMPARE(comparison.changed, 0);
        QCOMPARE(comparison.actions.at(1).match, ActionComparison::Match::OnlyInB);
        QCOMPARE(comparison.actions.at(1).relativePath, QStringLiteral("/users/me"));
        QCOMPARE(comparison.actions.at(2).aIndex, 1);
        QCOMPARE(comparison.actions.at(2).bIndex, 2);
        QCOMPARE(comparison.actions.at(4).match, ActionComparison::Match::OnlyInB);
        QCOMPARE(comparison.actions.at(4).bState, QStringLiteral("failed"));

        const RunComparison back = compareRuns(b, a);
        QCOMPARE(back.onlyInA, 2);
        QCOMPARE(back.onlyInB, 0);
        // An empty run against one with actions: everything only on one side.
        const RunComparison empty = compareRuns(Fixtures::run({}, {}), a);
        QCOMPARE(empty.onlyInB, 3);
        QVERIFY(compareRuns(Fixtures::run({}, {}), Fixtures::run({}, {})).equal());
    }

    void jsonShape()
    {
        const SendRun a = readTask({{"name", "Ada"}});
        const SendRun b = readTask({{"name", "Grace"}});
        const QJsonObject json = comparisonToJson(compareRuns(a, b), {});
        QCOMPARE(json.value("equal").toBool(), false);
        QCOMPARE(json.value("changed").toInt(), 1);
        const QJsonObject first = json.value("actions").toArray().at(0).toObject();
        QCOMPARE(first.value("match").toString(), QStringLiteral("changed"));
        QCOMPARE(first.value("method").toString(), QStringLiteral("GET"));
        const QJsonObject difference = first.value("differences").toArray().at(0).toObject();
        QCOMPARE(difference.value("path").toString(), QStringLiteral("data.name"));
        QCOMPARE(difference.value("kind").toString(), QStringLiteral("changed"));
        QCOMPARE(difference.value("a").toString(), QStringLiteral("Ada"));
        QCOMPARE(difference.value("b").toString(), QStringLiteral("Grace"));
    }

    void diffOfRawJson()
    {
        QList<JsonDifference> differences;
        diffJson(QJsonValue(1), QJsonValue(1), {}, &differences);
        QVERIFY(differences.isEmpty());
        diffJson(QJsonArray{1}, QJsonObject{}, {}, &differences);
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.at(0).describe(), QStringLiteral("(whole value): [1] -> {}"));
        QCOMPARE(jsonPathChild(QString(), QStringLiteral("a.b")), QStringLiteral("[\"a.b\"]"));
        QCOMPARE(jsonPathChild(QStringLiteral("x"), QStringLiteral("y")), QStringLiteral("x.y"));
    }
};

QTEST_GUILESS_MAIN(TestResultsCompare)
#include "tst_resultscompare.moc"
