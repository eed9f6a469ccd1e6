// tenfold-cli as a QA script uses it: a real process, its exit codes and what it prints.
#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/") + QLatin1String(name);
}

QByteArray actionsJson(int count)
{
    QJsonArray array;
    for (int i = 0; i < count; ++i)
        array.append(
            QJsonObject{{QStringLiteral("method"), QStringLiteral("get")},
                        {QStringLiteral("relative_path"), QStringLiteral("/tasks/%1").arg(i + 1)}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        return CliTest::writeFile(m_dir, name, content);
    }

private slots:
    void versionAndHelp()
    {
        Run run = runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("tenfold-cli " TENFOLD_VERSION));

        run = runCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *command : {"validate", "body", "cost"})
            QVERIFY2(run.out.contains(QLatin1String(command)), command);

        run = runCli({QStringLiteral("validate"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("Usage: tenfold-cli validate")));
    }

    void helpCommandShowsThatCommandsHelp()
    {
        Run run = runCli({QStringLiteral("help"), QStringLiteral("cost")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("Usage: tenfold-cli cost")), qPrintable(run.out));
        run = runCli({QStringLiteral("help"), QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("unknown command 'frobnicate'")));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        Run run = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("unknown command 'frobnicate'")));
        run = runCli({QStringLiteral("validate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QLatin1String("tenfold-cli validate: missing FILE\n")),
                 qPrintable(run.err));
        run = runCli({QStringLiteral("body"), QStringLiteral("a.json"), QStringLiteral("b.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QLatin1String("tenfold-cli body: unexpected argument "
                                                  "'b.json'\n")),
                 qPrintable(run.err));
        QCOMPARE(
            runCli({QStringLiteral("validate"), QStringLiteral("--bogus"), QStringLiteral("x")})
                .exitCode,
            2);
    }

    void validateCleanSessionExitsZero()
    {
        const Run run =
            runCli({QStringLiteral("validate"), sample("getting-started.tenfold.json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(
            QLatin1String("info: 8 actions will be sent as 1 batch [input.batches]")));
    }

    void validateWarningsOnlyExitsZero()
    {
        const QString file = writeFile(QStringLiteral("warn.json"),
                                       J("[{'method':'get','relative_path':'/taks/1'}]"));
        const Run run = runCli({QStringLiteral("validate"), file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("warning:")));
    }

    void validateErrorsExitOneWithOneLinePerDiagnostic()
    {
        const QString file = sample("broken-batch.tenfold.json");
        const Run run = runCli({QStringLiteral("validate"), file});
        QCOMPARE(run.exitCode, 1);
        const QString expected =
            file +
            QStringLiteral(": action 6: relative_path: error: relative_path must not carry a "
                           "query string: move `opt_fields=name` into options.fields "
                           "[path.query-string]");
        QVERIFY2(run.out.split(u'\n').contains(expected), qPrintable(run.out));
    }

    void validateJson()
    {
        const Run run = runCli({QStringLiteral("validate"), QStringLiteral("--json"),
                                sample("broken-batch.tenfold.json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QVERIFY(array.size() > 20);
        bool sawPretty = false;
        for (const QJsonValue &value : array) {
            const QJsonObject d = value.toObject();
            QVERIFY(d.contains(QLatin1String("severity")) && d.contains(QLatin1String("message")));
            if (d.value(QLatin1String("code")).toString() == QLatin1String("options.pretty")) {
                sawPretty = true;
                QCOMPARE(d.value(QLatin1String("action")).toInt(), 12);
                QCOMPARE(d.value(QLatin1String("field")).toString(),
                         QStringLiteral("options.pretty"));
            }
        }
        QVERIFY(sawPretty);
    }

    void validateReadsStdinAndAllThreeKinds()
    {
        Run run = runCli({QStringLiteral("validate"), QStringLiteral("-")}, actionsJson(3));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QLatin1String("<stdin>: info:")));

        const QByteArray body = "{\"data\":{\"actions\":" + actionsJson(11) + "}}";
        run = runCli({QStringLiteral("validate"), QStringLiteral("-")}, body);
        QCOMPARE(run.exitCode, 1); // one request cannot carry 11 actions
        QVERIFY(run.out.contains(QLatin1String("[input.too-many-actions]")));
    }

    void unreadableInputExitsTwoWithLineAndColumn()
    {
        const QString file = writeFile(QStringLiteral("bad.json"), "[\n  {\"method\": }\n]");
        Run run = runCli({QStringLiteral("validate"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(file + QStringLiteral(":2:")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("error: not valid JSON")));

        run = runCli({QStringLiteral("validate"), m_dir.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("cannot read")));

        const QString newer = writeFile(QStringLiteral("newer.json"),
                                        J("{'format':'tenfold-session','version':9,'actions':[]}"));
        run = runCli({QStringLiteral("validate"), newer});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("newer Tenfold")));
    }

    void bodyPrintsOneLinePerBatch()
    {
        const QString file = writeFile(QStringLiteral("25.json"), actionsJson(25));
        Run run = runCli({QStringLiteral("body"), file});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        int next = 1;
        for (const QString &line : lines) {
            const QJsonArray actions = QJsonDocument::fromJson(line.toUtf8())
                                           .object()
                                           .value(QLatin1String("data"))
                                           .toObject()
                                           .value(QLatin1String("actions"))
                                           .toArray();
            QVERIFY(actions.size() <= 10);
            for (const QJsonValue &action : actions)
                QCOMPARE(action.toObject().value(QLatin1String("relative_path")).toString(),
                         QStringLiteral("/tasks/%1").arg(next++));
        }
        QCOMPARE(next, 26);

        run =
            runCli({QStringLiteral("body"), QStringLiteral("--batch"), QStringLiteral("3"), file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QString::fromUtf8(
            J("{'data':{'actions':[{'method':'get','relative_path':'/tasks/21'}"))));
        QCOMPARE(
            runCli({QStringLiteral("body"), QStringLiteral("--batch"), QStringLiteral("4"), file})
                .exitCode,
            2);
    }

    void bodySubstitutesVariablesAndHonoursVarOverrides()
    {
        Run run = runCli({QStringLiteral("body"), sample("getting-started.tenfold.json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("/workspaces/1001/projects")));
        QVERIFY(!run.out.contains(QLatin1String("{{")));
        QVERIFY(!run.out.contains(QLatin1String("note"))); // notes never reach the wire

        run = runCli({QStringLiteral("body"), QStringLiteral("--var"),
                      QStringLiteral("workspace=777"), sample("getting-started.tenfold.json")});
        QVERIFY(run.out.contains(QLatin1String("/workspaces/777/projects")));
        QCOMPARE(runCli({QStringLiteral("body"), QStringLiteral("--var"),
                         QStringLiteral("bad name=1"), sample("getting-started.tenfold.json")})
                     .exitCode,
                 2);
        // The message must name every rule the name breaks, or "1st" looks valid by it.
        run = runCli({QStringLiteral("body"), QStringLiteral("--var"), QStringLiteral("1st=x"),
                      sample("getting-started.tenfold.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("starts with a letter or '_'")),
                 qPrintable(run.err));
    }

    void bodyRefusesErrorsUnlessForced()
    {
        Run run = runCli({QStringLiteral("body"), sample("broken-batch.tenfold.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(QLatin1String("--force")));
        run = runCli({QStringLiteral("body"), QStringLiteral("--force"),
                      sample("broken-batch.tenfold.json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.split(u'\n', Qt::SkipEmptyParts).size(), 3);
    }

    void costText()
    {
        const QString file = writeFile(QStringLiteral("400.json"), actionsJson(400));
        const Run run = runCli(
            {QStringLiteral("cost"), QStringLiteral("--plan"), QStringLiteral("free"), file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("400 (400 reads, 0 writes) in 40 batches")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("shortest send time: 2 min 0 s")));
    }

    void costTextSpeaksPlainEnglishForOne()
    {
        // "1 reads", "1 batch(es)" and "0 ms" read like a bug to the person who asked.
        const QString file = writeFile(QStringLiteral("1.json"), actionsJson(1));
        const Run run = runCli({QStringLiteral("cost"), file});
        QCOMPARE(run.exitCode, 0);
        for (const char *line :
             {"actions: 1 (1 read, 0 writes) in 1 batch of at most 10\n",
              "quota: 1 request against 1500 per 60 s\n",
              "concurrency: at most 1 read (limit 50) and 0 writes (limit 15) in one batch\n",
              "search: 0 calls against 60 per 60 s\n",
              "shortest send time: 0 ms plus network time (--latency MS assumes a time per "
              "action)\n"})
            QVERIFY2(run.out.contains(QLatin1String(line)), qPrintable(run.out));
    }

    void costJsonAndLimits()
    {
        const QString file = writeFile(QStringLiteral("30.json"), actionsJson(30));
        Run run = runCli({QStringLiteral("cost"), QStringLiteral("--json"),
                          QStringLiteral("--plan"), QStringLiteral("20/10"), file});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("batches")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("shortest_ms")).toDouble(), 10000.0);

        run = runCli({QStringLiteral("cost"), QStringLiteral("--as-composed"),
                      QStringLiteral("--plan"), QStringLiteral("5/1"), file});
        QCOMPARE(run.exitCode, 1); // a composed batch of 10 can never fit a quota of 5
        QVERIFY(run.out.contains(QLatin1String("[cost.batch-over-quota]")));
        // Sent adaptively, the batches are formed to fit: 30 at 5 per second, the quota binds.
        run = runCli({QStringLiteral("cost"), QStringLiteral("--plan"), QStringLiteral("5/1"),
                      QStringLiteral("--read-latency"), QStringLiteral("200"), file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("shortest send time: 5.2 s with 200 ms per read "
                                                "and 0 ms per write, bound by the window quota")),
                 qPrintable(run.out));

        run = runCli(
            {QStringLiteral("cost"), QStringLiteral("--plan"), QStringLiteral("gold"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("unknown plan \"gold\"")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
