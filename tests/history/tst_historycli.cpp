// The run history from the command line as a QA script uses it: every `send` recorded (unless
// --no-history), `history` and `history show`, `diff` of files and history ids with its exit
// codes, and a damaged or unwritable database never failing a send.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestHistoryCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_history;
    QString m_session;

    Run cli(const QStringList &arguments, const QString &history = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("ASANA_ACCESS_TOKEN"));
        environment.insert(QStringLiteral("TENFOLD_HISTORY"),
                           history.isEmpty() ? m_history : history);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TENFOLD_CLI_PATH), arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QString writeSession(const QString &name, const QString &taskName)
    {
        const QJsonObject session{
            {"format", "tenfold-session"},
            {"version", 1},
            {"name", "QA create and read"},
            {"actions",
             QJsonArray{
                 QJsonObject{{"method", "post"},
                             {"relative_path", "/tasks"},
                             {"data", QJsonObject{{"name", taskName}, {"workspace", "1001"}}}},
                 QJsonObject{{"method", "get"}, {"relative_path", "/tasks/1401"}}}}};
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(session).toJson());
        return path;
    }

    QJsonArray historyJson(const QStringList &extra = {})
    {
        const Run run =
            cli(QStringList{QStringLiteral("history"), QStringLiteral("--json")} + extra);
        return QJsonDocument::fromJson(run.out).array();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_history = m_dir.filePath(QStringLiteral("data/history.sqlite"));
        m_session = writeSession(QStringLiteral("qa.tenfold.json"), QStringLiteral("Draft"));
        QVERIFY(!m_session.isEmpty());
    }

    void emptyHistorySaysSo()
    {
        const Run run = cli({QStringLiteral("history")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("no runs recorded in "), run.out.constData());
        QVERIFY(run.out.contains(m_history.toUtf8()));
    }

    void sendRecordsEveryRun()
    {
        for (int i = 0; i < 2; ++i) {
            const Run send = cli({QStringLiteral("send"), QStringLiteral("--sandbox"), m_session});
            QVERIFY2(send.exitCode == 0, send.err.constData());
            QVERIFY2(send.err.isEmpty(), send.err.constData());
        }
        const QJsonArray runs = historyJson();
        QCOMPARE(runs.size(), 2);
        const QJsonObject newest = runs.at(0).toObject();
        QVERIFY(newest.value("id").toInt() > runs.at(1).toObject().value("id").toInt());
        QCOMPARE(newest.value("session").toString(), QStringLiteral("QA create and read"));
        QCOMPARE(newest.value("session_path").toString(), QFileInfo(m_session).absoluteFilePath());
        QCOMPARE(newest.value("source").toString(), QStringLiteral("cli"));
        QCOMPARE(newest.value("outcome").toString(), QStringLiteral("succeeded"));
        QCOMPARE(newest.value("actions").toInt(), 2);
        QCOMPARE(newest.value("summary").toObject().value("succeeded").toInt(), 2);
        QVERIFY(newest.value("target").toString().startsWith(QLatin1String("http://127.0.0.1:")));
        QCOMPARE(newest.value("actions_hash").toString(),
                 runs.at(1).toObject().value("actions_hash").toString());

        const Run text = cli({QStringLiteral("history")});
        QCOMPARE(text.exitCode, 0);
        const QList<QByteArray> lines = text.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // header and two runs
        QVERIFY(lines.at(0).contains("OUTCOME"));
        QVERIFY2(lines.at(1).contains("succeeded") && lines.at(1).contains("QA create and read"),
                 lines.at(1).constData());
    }

    void noHistoryLeavesNoRecord()
    {
        const int before = int(historyJson().size());
        const Run send = cli({QStringLiteral("send"), QStringLiteral("--sandbox"),
                              QStringLiteral("--no-history"), m_session});
        QCOMPARE(send.exitCode, 0);
        QCOMPARE(int(historyJson().size()), before);
    }

    void historyShowGivesTheResultsFileBack()
    {
        const QJsonArray runs = historyJson();
        QVERIFY(!runs.isEmpty());
        const QString id = QString::number(runs.at(0).toObject().value("id").toInt());
        const QString out = m_dir.filePath(QStringLiteral("shown.results.json"));
        const Run show = cli(
            {QStringLiteral("history"), QStringLiteral("show"), id, QStringLiteral("--out"), out});
        QVERIFY2(show.exitCode == 0, show.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject results = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(results.value("format").toString(), QStringLiteral("tenfold-results"));
        QCOMPARE(results.value("actions").toArray().size(), 2);
        QCOMPARE(results.value("actions").toArray().at(0).toObject().value("relative_path"),
                 QJsonValue("/tasks"));

        // Standard output by default; usable by --only-failed-from like any results file.
        const Run printed = cli({QStringLiteral("history"), QStringLiteral("show"), id});
        QCOMPARE(printed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(printed.out).object(), results);
        const Run resend = cli({QStringLiteral("send"), QStringLiteral("--sandbox"),
                                QStringLiteral("--no-history"), m_session,
                                QStringLiteral("--only-failed-from"), out});
        QCOMPARE(resend.exitCode, 0);
        QVERIFY2(resend.out.contains("nothing to resend"), resend.out.constData());

        const Run missing =
            cli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("9999")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("no run 9999"), missing.err.constData());
        const Run bad =
            cli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("not a run id"), bad.err.constData());
    }

    void diffOfTwoRunsOfTheSameSessionIsEqual()
    {
        const QJsonArray runs = historyJson();
        QVERIFY(runs.size() >= 2);
        const QString newer = QString::number(runs.at(0).toObject().value("id").toInt());
        const QString older = QString::number(runs.at(1).toObject().value("id").toInt());
        const Run diff = cli({QStringLiteral("diff"), older, newer});
        QVERIFY2(diff.exitCode == 0, diff.out.constData());
        QVERIFY2(diff.out.contains("no differences in 2 actions"), diff.out.constData());
        QVERIFY(diff.out.contains("--all-fields"));
        QVERIFY2(diff.out.startsWith(QByteArray("A: run " + older.toUtf8())), diff.out.constData());
        // A results file against a history id works too.
        const QString file = m_dir.filePath(QStringLiteral("older.results.json"));
        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("show"), older,
                      QStringLiteral("--out"), file})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("diff"), file, newer}).exitCode, 0);
    }

    void diffShowsWhatChanged()
    {
        const QString changed =
            writeSession(QStringLiteral("changed.tenfold.json"), QStringLiteral("Renamed"));
        const QString a = m_dir.filePath(QStringLiteral("a.results.json"));
        const QString b = m_dir.filePath(QStringLiteral("b.results.json"));
        QCOMPARE(cli({QStringLiteral("send"), QStringLiteral("--sandbox"), m_session,
                      QStringLiteral("--out"), a})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("send"), QStringLiteral("--sandbox"), changed,
                      QStringLiteral("--out"), b})
                     .exitCode,
                 0);
        const Run diff = cli({QStringLiteral("diff"), a, b});
        QCOMPARE(diff.exitCode, 1);
        QVERIFY2(diff.out.contains("action 1 (POST /tasks): 2 differences"), diff.out.constData());
        QVERIFY(diff.out.contains("  request.data.name: \"Draft\" -> \"Renamed\""));
        QVERIFY(diff.out.contains("  data.name: \"Draft\" -> \"Renamed\""));
        QVERIFY(!diff.out.contains("action 2"));
        QVERIFY(diff.out.contains("1 action changed, 0 only in A, 0 only in B, of 2"));

        const Run json = cli({QStringLiteral("diff"), a, b, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject object = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(object.value("equal").toBool(true), false);
        QCOMPARE(object.value("changed").toInt(), 1);

        // Every field: the timestamps of the created task differ too (or at least the timings).
        const Run all = cli({QStringLiteral("diff"), a, a, QStringLiteral("--all-fields")});
        QCOMPARE(all.exitCode, 0);
    }

    void diffRefusesBadInput()
    {
        const QString junk = m_dir.filePath(QStringLiteral("junk.json"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"not\": \"results\"}");
        file.close();
        const Run bad = cli({QStringLiteral("diff"), junk, junk});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("junk.json"), bad.err.constData());
        const Run missing =
            cli({QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("424242")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("no run 424242"), missing.err.constData());
        QCOMPARE(cli({QStringLiteral("diff"), junk}).exitCode, 2);
    }

    void filtersAndLimit()
    {
        const QString other =
            writeSession(QStringLiteral("other.tenfold.json"), QStringLiteral("x"));
        QCOMPARE(cli({QStringLiteral("send"), QStringLiteral("--sandbox"), other}).exitCode, 0);
        const QJsonArray onlyOther = historyJson({QStringLiteral("--session"), other});
        QCOMPARE(onlyOther.size(), 1);
        QCOMPARE(historyJson({QStringLiteral("--limit"), QStringLiteral("1")}).size(), 1);
        QVERIFY(historyJson({QStringLiteral("--limit"), QStringLiteral("0")}).size() >= 4);
        QCOMPARE(cli({QStringLiteral("history"), QStringLiteral("--limit"), QStringLiteral("-3")})
                     .exitCode,
                 2);
    }

    void retentionSetFromTheCli()
    {
        const Run keep = cli({QStringLiteral("history"), QStringLiteral("--keep-runs"),
                              QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(keep.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(keep.out).array().size(), 2);
        QCOMPARE(cli({QStringLiteral("send"), QStringLiteral("--sandbox"), m_session}).exitCode, 0);
        QCOMPARE(historyJson().size(), 2); // the limit holds for later sends
        QCOMPARE(
            cli({QStringLiteral("history"), QStringLiteral("--keep-runs"), QStringLiteral("0")})
                .exitCode,
            0);
    }

    void damagedDatabaseNeverFailsASend()
    {
        const QString damaged = m_dir.filePath(QStringLiteral("damaged/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(damaged).absolutePath()));
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("garbage, not SQLite ").repeated(500));
        file.close();
        const Run send =
            cli({QStringLiteral("send"), QStringLiteral("--sandbox"), m_session}, damaged);
        QCOMPARE(send.exitCode, 0);
        QVERIFY2(send.err.contains("warning: the history database") &&
                     send.err.contains("moved to") && send.err.contains("a new one was started"),
                 send.err.constData());
        const Run list = cli({QStringLiteral("history"), QStringLiteral("--json")}, damaged);
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 1);
    }

    void unwritableHistoryNeverFailsASend()
    {
        // A file where the folder should be: the database cannot be created at all.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Run send = cli({QStringLiteral("send"), QStringLiteral("--sandbox"), m_session},
                             blocker + QStringLiteral("/history.sqlite"));
        QCOMPARE(send.exitCode, 0);
        QVERIFY2(send.err.contains("warning: the run was not recorded in the history"),
                 send.err.constData());
        QVERIFY(send.out.contains("2 succeeded"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
