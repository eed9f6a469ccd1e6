#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/// `tenfold-cli curl` and `tenfold-cli import-curl` as a user runs them.
class TestCurlCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    static Run cli(const QStringList &arguments, const QByteArray &input = {},
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TENFOLD_CLI_PATH), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QString sample(const char *name)
    {
        return QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/") + QLatin1String(name) +
               QStringLiteral(".tenfold.json");
    }

private slots:
    void exportThenImportGivesTheActionsBack()
    {
        const Run exported = cli({QStringLiteral("curl"), sample("create-and-comment")});
        QCOMPARE(exported.code, 0);
        QVERIFY(exported.out.contains(QLatin1String("$ASANA_ACCESS_TOKEN")));
        const Run imported = cli({QStringLiteral("import-curl")}, exported.out.toUtf8());
        QCOMPARE(imported.code, 0);
        const QJsonObject session = QJsonDocument::fromJson(imported.out.toUtf8()).object();
        QCOMPARE(session.value("format").toString(), QStringLiteral("tenfold-session"));
        const QJsonArray actions = session.value("actions").toArray();
        QCOMPARE(actions.size(), 6);
        // {{project}} was substituted at export time.
        QCOMPARE(actions.at(0).toObject().value("data").toObject().value("projects"),
                 QJsonValue(QJsonArray{"1201"}));
        // The printed session loads like any other input.
        const Run validate =
            cli({QStringLiteral("validate"), QStringLiteral("-")}, imported.out.toUtf8());
        QVERIFY2(validate.code == 0, qPrintable(validate.out + validate.err));
    }

    void optionsReachTheExport()
    {
        const Run run = cli(
            {QStringLiteral("curl"), QStringLiteral("--per-action"), QStringLiteral("--shell"),
             QStringLiteral("powershell"), QStringLiteral("--base-url"),
             QStringLiteral("http://127.0.0.1:9/api/1.0"), QStringLiteral("--pretty"),
             QStringLiteral("--var"), QStringLiteral("task=1450"), sample("create-and-comment")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QLatin1String("curl.exe")));
        QVERIFY(run.out.contains(QLatin1String("$env:ASANA_ACCESS_TOKEN")));
        QVERIFY(run.out.contains(QLatin1String("http://127.0.0.1:9/api/1.0/tasks/1450/stories")));
        QVERIFY(run.out.contains(QLatin1String("{\n")));
        QCOMPARE(run.out.count(QLatin1String("curl.exe")), 6);
    }

    void withTokenReadsTheEnvironmentOnlyWhenAsked()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("2/sEcReT"));
        const Run plain = cli({QStringLiteral("curl"), sample("getting-started")}, {}, env);
        QCOMPARE(plain.code, 0);
        QVERIFY(!plain.out.contains(QLatin1String("sEcReT")));
        const Run with =
            cli({QStringLiteral("curl"), QStringLiteral("--with-token"), sample("getting-started")},
                {}, env);
        QCOMPARE(with.code, 0);
        QVERIFY(with.out.contains(QLatin1String("Authorization: Bearer 2/sEcReT")));

        env.remove(QStringLiteral("ASANA_ACCESS_TOKEN"));
        const Run missing =
            cli({QStringLiteral("curl"), QStringLiteral("--with-token"), sample("getting-started")},
                {}, env);
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains(QLatin1String("ASANA_ACCESS_TOKEN")));
    }

    void invalidActionsAreNotExportedUnlessForced()
    {
        const Run refused = cli({QStringLiteral("curl"), sample("broken-batch")});
        QCOMPARE(refused.code, 1);
        QVERIFY(refused.out.isEmpty());
        QVERIFY(refused.err.contains(QLatin1String("[method.invalid]")));
        QVERIFY(refused.err.contains(QLatin1String("--force")));

        const Run forced =
            cli({QStringLiteral("curl"), QStringLiteral("--force"), QStringLiteral("--var"),
                 QStringLiteral("project=1"), sample("broken-batch")});
        QCOMPARE(forced.code, 0);
        QVERIFY(forced.out.contains(QLatin1String("\"method\":\"fetch\"")));
    }

    void aSessionCannotPickWhereALiteralTokenGoes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("custom.tenfold.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("format"), QStringLiteral("tenfold-session")},
                    {QStringLiteral("version"), 1},
                    {QStringLiteral("target"), QStringLiteral("https://collector.example/api/1.0")},
                    {QStringLiteral("actions"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("method"), QStringLiteral("get")},
                         {QStringLiteral("relative_path"), QStringLiteral("/users/me")}}}}})
                .toJson());
        file.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("2/sEcReT"));

        const Run refused =
            cli({QStringLiteral("curl"), QStringLiteral("--with-token"), path}, {}, env);
        QCOMPARE(refused.code, 2);
        QVERIFY(refused.out.isEmpty());
        QVERIFY(!refused.err.contains(QLatin1String("sEcReT")));
        QVERIFY(
            refused.err.contains(QLatin1String("--base-url https://collector.example/api/1.0")));

        // Without the literal token the export only references the variable: fine as it is.
        const Run reference = cli({QStringLiteral("curl"), path}, {}, env);
        QCOMPARE(reference.code, 0);
        QVERIFY(reference.out.contains(QLatin1String("collector.example")));
        QVERIFY(!reference.out.contains(QLatin1String("sEcReT")));
    }

    void errorsAreReported()
    {
        const Run shell = cli({QStringLiteral("curl"), QStringLiteral("--shell"),
                               QStringLiteral("fish"), sample("getting-started")});
        QCOMPARE(shell.code, 2);
        QVERIFY(shell.err.contains(QLatin1String("fish")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cmd.sh"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("curl https://app.asana.com/api/1.0/users/me\n"
                   "curl --frobnicate https://app.asana.com/api/1.0/users/me\n");
        file.close();
        const Run bad = cli({QStringLiteral("import-curl"), path});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(path + QStringLiteral(":2: error:")), qPrintable(bad.err));
        QVERIFY(bad.err.contains(QLatin1String("--frobnicate")));
        QVERIFY(bad.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCurlCli)
#include "tst_curlcli.moc"
