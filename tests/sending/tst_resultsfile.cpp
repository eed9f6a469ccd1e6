#include "sending/resultsfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;

namespace {

SendRun sampleRun()
{
    SendRun run;
    run.sessionName = QStringLiteral("Create and comment");
    run.baseUrl = QUrl(QStringLiteral("https://app.asana.com/api/1.0"));
    run.plan = Plan::parse(QStringLiteral("300/2")).value();
    run.plan.maxWrites = 7;
    run.startedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 600), Qt::UTC);
    run.finishedAt = run.startedAt.addMSecs(1234);
    run.wallMs = 1234;
    run.rateLimitedCount = 2;
    run.reachedServer = true;

    Action create;
    create.method = QStringLiteral("post");
    create.relativePath = QStringLiteral("/tasks");
    create.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("A")}};
    Action read;
    read.method = QStringLiteral("get");
    read.relativePath = QStringLiteral("/users/me");
    Action off = read;
    off.relativePath = QStringLiteral("/workspaces");
    off.enabled = false;
    run.actions = {create, read, off};

    ActionResult created;
    created.state = ActionState::Succeeded;
    created.statusCode = 201;
    created.headers = QJsonObject{{QStringLiteral("location"), QStringLiteral("/api/1.0/tasks/7")}};
    created.body = QJsonObject{{QStringLiteral("data"), QJsonObject{{"gid", "7"}}}};
    created.batch = 1;
    created.attempts = 2;
    created.durationMs = 45;
    ActionResult unknown;
    unknown.state = ActionState::OutcomeUnknown;
    unknown.statusCode = 500;
    unknown.errors = {{QStringLiteral("Server Error"), {}, QStringLiteral("6 sad squid")}};
    unknown.body = QJsonObject{
        {QStringLiteral("errors"),
         QJsonArray{QJsonObject{{"message", "Server Error"}, {"phrase", "6 sad squid"}}}}};
    unknown.batch = 1;
    unknown.attempts = 1;
    unknown.reason = QStringLiteral("the server answered 500");
    ActionResult skipped;
    skipped.state = ActionState::Skipped;
    run.results = {created, unknown, skipped};
    run.batches = {BatchRecord{1, {0, 1}, 2, 1, 200, 0, 80, QStringLiteral("2 succeeded")}};
    return run;
}

} // namespace

class TestResultsFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips()
    {
        const SendRun run = sampleRun();
        const Result<SendRun> back = parseResults(serializeResults(run));
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back->sessionName, run.sessionName);
        QCOMPARE(back->baseUrl, run.baseUrl);
        QCOMPARE(back->plan, run.plan);
        QCOMPARE(back->startedAt, run.startedAt);
        QCOMPARE(back->finishedAt, run.finishedAt);
        QCOMPARE(back->wallMs, run.wallMs);
        QCOMPARE(back->rateLimitedCount, 2);
        QCOMPARE(back->reachedServer, true);
        QCOMPARE(back->actions, run.actions);
        QCOMPARE(back->results, run.results);
        QCOMPARE(back->batches, run.batches);
    }

    void documentsStatesAndSummaryInPlainFields()
    {
        const QJsonObject root = QJsonDocument::fromJson(serializeResults(sampleRun())).object();
        QCOMPARE(root.value("format").toString(), "tenfold-results");
        QCOMPARE(root.value("version").toInt(), 1);
        const QJsonObject summary = root.value("summary").toObject();
        QCOMPARE(summary.value("succeeded").toInt(), 1);
        QCOMPARE(summary.value("outcome_unknown").toInt(), 1);
        QCOMPARE(summary.value("skipped").toInt(), 1);
        const QJsonArray actions = root.value("actions").toArray();
        QCOMPARE(actions.size(), 3);
        QCOMPARE(actions.at(1).toObject().value("index").toInt(), 1);
        QCOMPARE(actions.at(1).toObject().value("method").toString(), "get");
        QCOMPARE(actions.at(1).toObject().value("result").toObject().value("state").toString(),
                 "outcome_unknown");
    }

    void savesAtomicallyAndLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("results.json");
        QVERIFY(!saveResults(sampleRun(), path).has_value());
        const Result<SendRun> loaded = loadResults(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->unfinishedIndexes(), QList<int>{1});
    }

    void outOfRangeTimesReadAsUnknown()
    {
        // Found by fuzz_results_file: wall_ms 5e24 was converted to qint64, which is undefined
        // behaviour (UBSan stops the sanitizer suite on it). A damaged time now reads as 0.
        QJsonObject root = QJsonDocument::fromJson(serializeResults(sampleRun())).object();
        QCOMPARE(root.value("wall_ms").toInteger(), sampleRun().wallMs);
        root.insert("wall_ms", 5e24);
        QJsonArray batches = root.value("batches").toArray();
        QVERIFY(!batches.isEmpty());
        QJsonObject batch = batches.first().toObject();
        batch.insert("started_ms", -1e300);
        batch.insert("duration_ms", 1e19);
        batches.replace(0, batch);
        root.insert("batches", batches);
        const Result<SendRun> back = parseResults(QJsonDocument(root).toJson());
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back->wallMs, 0);
        QCOMPARE(back->batches.first().startedMs, 0);
        QCOMPARE(back->batches.first().durationMs, 0);
        QCOMPARE(back->results, sampleRun().results); // the rest is read as before
    }

    void refusesForeignFiles()
    {
        QVERIFY(!parseResults("{").ok());
        QVERIFY(parseResults(R"({"format":"tenfold-session","version":1})")
                    .errorString()
                    .contains("not a Tenfold results file"));
        QVERIFY(parseResults(R"({"format":"tenfold-results","version":99})")
                    .errorString()
                    .contains("newer Tenfold"));
        QVERIFY(!loadResults(QStringLiteral("/nonexistent/results.json")).ok());
    }
};

QTEST_GUILESS_MAIN(TestResultsFile)
#include "tst_resultsfile.moc"
