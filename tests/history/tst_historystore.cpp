// The run history database as the window and the CLI use it: recording and listing with
// filters, migration from schema 1, a damaged file moved aside, retention with vacuum, two
// processes writing at once, and no secret in the file.
#include "history/historystore.h"
#include "runfixtures.h"
#include "sending/resultsfile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;

namespace {

/// Runs `statements` on the database file with a plain connection of the test's own.
QVariant rawQuery(const QString &path, const QStringList &statements)
{
    QVariant last;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open())
            return QString(QStringLiteral("open failed: ") + db.lastError().text());
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return QString(QStringLiteral("failed: ") + query.lastError().text());
            if (query.next())
                last = query.value(0);
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return last;
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newPath()
    {
        const QString folder = m_dir.filePath(QStringLiteral("db%1").arg(++m_files));
        QDir().mkpath(folder);
        return folder + QStringLiteral("/history.sqlite");
    }

private slots:
    void defaultPathFollowsTheEnvironment()
    {
        const QByteArray saved = qgetenv("TENFOLD_HISTORY");
        qputenv("TENFOLD_HISTORY", "/somewhere/else.sqlite");
        QCOMPARE(HistoryStore::defaultPath(), QStringLiteral("/somewhere/else.sqlite"));
        qunsetenv("TENFOLD_HISTORY");
        QVERIFY(HistoryStore::defaultPath().endsWith(QLatin1String("/Tenfold/history.sqlite")));
        qputenv("TENFOLD_HISTORY", saved);
    }

    void recordsAndListsNewestFirst()
    {
        HistoryStore store(newPath());
        QVERIFY(!store.open());
        SendRun first = Fixtures::createAndRead(QStringLiteral("2000001"), QStringLiteral("x"));
        first.sessionName = QStringLiteral("Create and comment");
        Result<qint64> a =
            store.record(first, {QStringLiteral("/s/one.tenfold.json"), QStringLiteral("cli")});
        QVERIFY2(a, qPrintable(a.errorString()));
        SendRun second = first;
        second.results[1] = Fixtures::answer(404, QJsonObject{{"errors", QJsonArray{}}});
        Result<qint64> b =
            store.record(second, {QStringLiteral("/s/one.tenfold.json"), QStringLiteral("window")});
        QVERIFY(b);
        QVERIFY(b.value() > a.value());

        Result<QList<RunRecord>> list = store.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        const RunRecord &newest = list->at(0);
        QCOMPARE(newest.id, b.value());
        QCOMPARE(newest.source, QStringLiteral("window"));
        QCOMPARE(newest.outcome, RunOutcome::Failed);
        QCOMPARE(newest.summary.succeeded, 1);
        QCOMPARE(newest.summary.failed, 1);
        QCOMPARE(newest.actionCount, 2);
        QCOMPARE(newest.sessionName, QStringLiteral("Create and comment"));
        QCOMPARE(newest.sessionPath, QStringLiteral("/s/one.tenfold.json"));
        QCOMPARE(newest.target, QStringLiteral("http://127.0.0.1:40123/api/1.0"));
        QCOMPARE(newest.plan, QStringLiteral("paid"));
        QCOMPARE(newest.wallMs, 41);
        QCOMPARE(list->at(1).outcome, RunOutcome::Succeeded);
        // Same requests, same hash: the hash is of the actions as sent, not of the results.
        QCOMPARE(newest.actionsHash, list->at(1).actionsHash);
        QCOMPARE(newest.actionsHash.size(), 64);
        QCOMPARE(newest.startedAt.toMSecsSinceEpoch() / 1000,
                 second.startedAt.toMSecsSinceEpoch() / 1000);

        // The whole results file comes back as recorded.
        Result<SendRun> back = store.results(a.value());
        QVERIFY2(back, qPrintable(back.errorString()));
        QCOMPARE(serializeResults(back.value()), serializeResults(first));
        QVERIFY(!store.results(9999));
        QVERIFY(store.results(9999).errorString().contains(QLatin1String("no run 9999")));
    }

    void filters()
    {
        HistoryStore store(newPath());
        SendRun run = Fixtures::createAndRead(QStringLiteral("2000001"), QStringLiteral("x"));
        QVERIFY(store.record(run, {QStringLiteral("/a.tenfold.json"), QStringLiteral("cli")}));
        SendRun other = Fixtures::run({Fixtures::action("get", "/users/me_100%")},
                                      {Fixtures::answer(200, QJsonObject{})});
        other.baseUrl = QUrl(QStringLiteral("https://app.asana.com/api/1.0"));
        other.startedAt = QDateTime::currentDateTimeUtc().addDays(-3);
        QVERIFY(store.record(other, {QStringLiteral("/b.tenfold.json"), QStringLiteral("cli")}));
        SendRun failed = run;
        failed.results[0] = Fixtures::answer(400, QJsonObject{});
        QVERIFY(store.record(failed, {QStringLiteral("/a.tenfold.json"), QStringLiteral("cli")}));

        auto count = [&](const HistoryFilter &filter) {
            Result<QList<RunRecord>> list = store.list(filter);
            return list ? int(list->size()) : -1;
        };
        HistoryFilter filter;
        QCOMPARE(count(filter), 3);
        filter.sessionPath = QStringLiteral("/a.tenfold.json");
        QCOMPARE(count(filter), 2);
        filter = {};
        filter.target = QStringLiteral("https://app.asana.com/api/1.0");
        QCOMPARE(count(filter), 1);
        filter = {};
        filter.outcome = RunOutcome::Failed;
        QCOMPARE(count(filter), 1);
        filter = {};
        filter.from = QDateTime::currentDateTimeUtc().addDays(-1);
        QCOMPARE(count(filter), 2);
        filter = {};
        filter.to = QDateTime::currentDateTimeUtc().addDays(-1);
        QCOMPARE(count(filter), 1);
        // Search by action path, any case; % and _ are literal.
        filter = {};
        filter.pathSearch = QStringLiteral("tasks/14");
        QCOMPARE(count(filter), 2);
        filter.pathSearch = QStringLiteral("post /TASKS");
        QCOMPARE(count(filter), 2);
        filter.pathSearch = QStringLiteral("me_100%");
        QCOMPARE(count(filter), 1);
        filter.pathSearch = QStringLiteral("me_1000");
        QCOMPARE(count(filter), 0);
        filter.pathSearch = QStringLiteral("%");
        QCOMPARE(count(filter), 1);
        filter = {};
        filter.limit = 1;
        QCOMPARE(count(filter), 1);

        QCOMPARE(store.sessionPaths(), QStringList({QStringLiteral("/a.tenfold.json"),
                                                    QStringLiteral("/b.tenfold.json")}));
        QCOMPARE(store.targets().size(), 2);
    }

    void deletesRuns()
    {
        HistoryStore store(newPath());
        SendRun run = Fixtures::createAndRead(QStringLiteral("2000001"), QStringLiteral("x"));
        const qint64 a = store.record(run, {}).value();
        const qint64 b = store.record(run, {}).value();
        const qint64 c = store.record(run, {}).value();
        QVERIFY(!store.remove({a, c}));
        Result<QList<RunRecord>> list = store.list();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).id, b);
    }

    void migratesFromSchemaOne()
    {
        // A database as schema 1 left it: no hash, outcome, source, paths or settings.
        const QString path = newPath();
        const SendRun run = Fixtures::createAndRead(QStringLiteral("2000001"), QStringLiteral("x"));
        QString results = QString::fromUtf8(serializeResults(run));
        results.replace(u'\'', QLatin1String("''"));
        const QVariant made = rawQuery(
            path,
            {QStringLiteral(
                 "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT "
                 "NULL, finished_at TEXT NOT NULL DEFAULT '', session_name TEXT NOT NULL "
                 "DEFAULT '', session_path TEXT NOT NULL DEFAULT '', target TEXT NOT NULL "
                 "DEFAULT '', plan TEXT NOT NULL DEFAULT '', succeeded INTEGER NOT NULL DEFAULT "
                 "0, failed INTEGER NOT NULL DEFAULT 0, outcome_unknown INTEGER NOT NULL "
                 "DEFAULT 0, cancelled INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL "
                 "DEFAULT 0, wall_ms INTEGER NOT NULL DEFAULT 0, results TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX runs_started_at ON runs (started_at)"),
             QStringLiteral("INSERT INTO runs (started_at, session_name, session_path, target, "
                            "plan, succeeded, wall_ms, results) VALUES "
                            "('2026-11-01T10:00:00.000Z', 'old', '/old.tenfold.json', "
                            "'http://127.0.0.1:40123/api/1.0', 'paid', 2, 41, '%1')")
                 .arg(results),
             QStringLiteral("INSERT INTO runs (started_at, results) VALUES "
                            "('2026-11-02T10:00:00.000Z', 'not a results file')"),
             QStringLiteral("PRAGMA user_version = 1")});
        QVERIFY2(!made.toString().contains(QLatin1String("failed")), qPrintable(made.toString()));

        HistoryStore store(path);
        auto error = store.open();
        QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
        QVERIFY(store.notice().isEmpty());
        QCOMPARE(rawQuery(path, {QStringLiteral("PRAGMA user_version")}).toInt(),
                 HistoryStore::SchemaVersion);

        Result<QList<RunRecord>> list = store.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        const RunRecord old = list->at(1);
        QCOMPARE(old.sessionName, QStringLiteral("old"));
        // The new columns are filled in from the recorded results.
        QCOMPARE(old.outcome, RunOutcome::Succeeded);
        QCOMPARE(old.actionCount, 2);
        QCOMPARE(old.actionsHash, actionsHash(run.actions));
        HistoryFilter search;
        search.pathSearch = QStringLiteral("GET /tasks/1401");
        QCOMPARE(store.list(search)->size(), 1);
        // A row whose results cannot be read keeps its defaults rather than failing the migration.
        QCOMPARE(list->at(0).actionCount, 0);
        // And the migrated file takes new runs and settings.
        QVERIFY(store.record(run, {}));
        QVERIFY(!store.setRetention({5, 0}));
        QCOMPARE(store.retention(), (Retention{5, 0}));
    }

    void newerSchemaIsLeftAlone()
    {
        const QString path = newPath();
        QVERIFY(!rawQuery(path, {QStringLiteral("CREATE TABLE runs (id INTEGER)"),
                                 QStringLiteral("PRAGMA user_version = 99")})
                     .toString()
                     .contains(QLatin1String("failed")));
        HistoryStore store(path);
        auto error = store.open();
        QVERIFY(error);
        QVERIFY2(error->message.contains(QLatin1String("newer Tenfold")),
                 qPrintable(error->message));
        QVERIFY(store.notice().isEmpty());
        // Nothing moved: a newer Tenfold's history is not damage.
        QCOMPARE(filesIn(QFileInfo(path).absolutePath()).filter(QStringLiteral("damaged")).size(),
                 0);
        QVERIFY(
            !store.record(Fixtures::createAndRead(QStringLiteral("1"), QStringLiteral("x")), {}));
    }

    void fileThatIsNotADatabaseIsMovedAside()
    {
        const QString path = newPath();
        const QByteArray garbage = QByteArray("this is not an SQLite database\n").repeated(300);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        HistoryStore store(path);
        auto error = store.open();
        QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
        QVERIFY2(store.notice().contains(QLatin1String("moved to")), qPrintable(store.notice()));
        QVERIFY(store.notice().contains(QLatin1String("a new one was started")));
        const QStringList aside = filesIn(QFileInfo(path).absolutePath())
                                      .filter(QStringLiteral("history.sqlite.damaged-"));
        QCOMPARE(aside.size(), 1);
        QVERIFY(store.notice().contains(aside.first()));
        QFile kept(QFileInfo(path).absolutePath() + u'/' + aside.first());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage); // the user's file is kept as it was
        QVERIFY(
            store.record(Fixtures::createAndRead(QStringLiteral("1"), QStringLiteral("x")), {}));
        QCOMPARE(store.count().value(), 1);
    }

    void damagedPagesFoundWhileRecordingAreMovedAside()
    {
        const QString path = newPath();
        {
            HistoryStore store(path);
            SendRun big = Fixtures::createAndRead(QStringLiteral("2000001"), QStringLiteral("x"));
            big.results[1].body = QJsonObject{{"data", QString(20000, u'x')}};
            for (int i = 0; i < 20; ++i)
                QVERIFY(store.record(big, {}));
        }
        // Overwrite everything after the first page (the schema) with noise.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 size = file.size();
            QVERIFY(size > 64 * 1024);
            file.seek(4096);
            file.write(QByteArray(size - 4096, '\xA5'));
        }
        HistoryStore store(path);
        Result<qint64> id =
            store.record(Fixtures::createAndRead(QStringLiteral("7"), QStringLiteral("x")), {});
        QVERIFY2(id, qPrintable(id.errorString()));
        QVERIFY2(store.notice().contains(QLatin1String("moved to")), qPrintable(store.notice()));
        QCOMPARE(store.count().value(), 1);
        QCOMPARE(
            filesIn(QFileInfo(path).absolutePath()).filter(QStringLiteral(".damaged-")).isEmpty(),
            false);
    }

    void folderThatCannotBeCreatedIsAnError()
    {
        const QString blocker = m_dir.filePath(QStringLiteral("a-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        HistoryStore store(blocker + QStringLiteral("/sub/history.sqlite"));
        auto error = store.open();
        QVERIFY(error);
        QVERIFY2(error->message.contains(QLatin1String("cannot create the folder")),
                 qPrintable(error->message));
        QVERIFY(
            !store.record(Fixtures::createAndRead(QStringLiteral("1"), QStringLiteral("x")), {}));
    }

    void retentionByCount()
    {
        HistoryStore store(newPath());
        QVERIFY(!store.setRetention({3, 0}));
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(
                store
                    .record(Fixtures::createAndRead(QString::number(i + 1), QStringLiteral("x")),
                            {})
                    .value());
        Result<QList<RunRecord>> list = store.list();
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).id, ids.at(4));
        QCOMPARE(list->at(2).id, ids.at(2));
        // Lowering the limit prunes at once.
        QVERIFY(!store.setRetention({1, 0}));
        QCOMPARE(store.count().value(), 1);
        // 0 keeps everything.
        QVERIFY(!store.setRetention({0, 0}));
        for (int i = 0; i < 4; ++i)
            QVERIFY(store.record(Fixtures::createAndRead(QStringLiteral("9"), QStringLiteral("x")),
                                 {}));
        QCOMPARE(store.count().value(), 5);
    }

    void retentionByDays()
    {
        HistoryStore store(newPath());
        QVERIFY(!store.setRetention({0, 7}));
        SendRun old = Fixtures::createAndRead(QStringLiteral("1"), QStringLiteral("x"));
        old.startedAt = QDateTime::currentDateTimeUtc().addDays(-10);
        const qint64 oldId = store.record(old, {}).value();
        Q_UNUSED(oldId);
        SendRun recent = old;
        recent.startedAt = QDateTime::currentDateTimeUtc().addDays(-2);
        const qint64 recentId = store.record(recent, {}).value();
        Result<QList<RunRecord>> list = store.list();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).id, recentId);
    }

    void pruningVacuums()
    {
        const QString path = newPath();
        HistoryStore store(path);
        QVERIFY(!store.setRetention({0, 0}));
        SendRun big = Fixtures::createAndRead(QStringLiteral("1"), QStringLiteral("x"));
        big.results[1].body = QJsonObject{{"data", QString(50000, u'y')}};
        for (int i = 0; i < 30; ++i)
            QVERIFY(store.record(big, {}));
        auto pragma = [&](const char *name) {
            return rawQuery(path, {QStringLiteral("PRAGMA %1").arg(QLatin1String(name))})
                .toLongLong();
        };
        const qint64 pagesBefore = pragma("page_count");
        QVERIFY(!store.setRetention({2, 0}));
        QCOMPARE(store.count().value(), 2);
        // The freed pages went back to the file system, not to the free list.
        QCOMPARE(pragma("freelist_count"), 0);
        QVERIFY2(pragma("page_count") * 4 < pagesBefore,
                 qPrintable(QStringLiteral("%1 -> %2").arg(pagesBefore).arg(pragma("page_count"))));
    }

    void onlyItsOwnerMayReadTheFile()
    {
        // It holds whole response bodies: users' names and emails.
        const QString path = newPath();
        HistoryStore store(path);
        QVERIFY(!store.open());
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ReadOther | QFileDevice::WriteOther;
        QCOMPARE(QFileInfo(path).permissions() & others, QFileDevice::Permissions());
        QVERIFY(QFileInfo(path).permissions() & QFileDevice::ReadOwner);
    }

    void usesWriteAheadLogging()
    {
        const QString path = newPath();
        HistoryStore store(path);
        QVERIFY(!store.open());
        QCOMPARE(rawQuery(path, {QStringLiteral("PRAGMA journal_mode")}).toString(),
                 QStringLiteral("wal"));
    }

    void twoProcessesWriteAtOnce()
    {
        const QString path = newPath();
        constexpr int PerWriter = 60;
        QProcess first;
        QProcess second;
        first.start(QStringLiteral(TENFOLD_HISTORYWRITER_PATH),
                    {path, QString::number(PerWriter), QStringLiteral("first")});
        second.start(QStringLiteral(TENFOLD_HISTORYWRITER_PATH),
                     {path, QString::number(PerWriter), QStringLiteral("second")});
        QVERIFY(first.waitForFinished(120000));
        QVERIFY(second.waitForFinished(120000));
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());

        HistoryStore store(path);
        Result<QList<RunRecord>> list = store.list();
        QVERIFY(list);
        QCOMPARE(list->size(), 2 * PerWriter);
        int fromFirst = 0;
        QSet<qint64> ids;
        for (const RunRecord &record : list.value()) {
            fromFirst += record.sessionName == QLatin1String("first") ? 1 : 0;
            ids.insert(record.id);
        }
        QCOMPARE(fromFirst, PerWriter);
        QCOMPARE(ids.size(), 2 * PerWriter);
    }

    void neverStoresUserInfoOfTheTarget()
    {
        const QString path = newPath();
        {
            HistoryStore store(path);
            SendRun run = Fixtures::createAndRead(QStringLiteral("1"), QStringLiteral("x"));
            run.baseUrl =
                QUrl(QStringLiteral("https://someone:hunter2secret@example.test/api/1.0"));
            QVERIFY(store.record(run, {}));
            QCOMPARE(store.list()->at(0).target, QStringLiteral("https://example.test/api/1.0"));
        }
        QDir folder(QFileInfo(path).absolutePath());
        for (const QString &name : folder.entryList(QDir::Files)) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("hunter2secret"), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
