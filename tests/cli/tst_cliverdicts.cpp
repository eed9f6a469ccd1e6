// tenfold-cli giving one clear verdict per input, run as a QA script runs it: real processes,
// exit codes and what they print (variables, exports, batch bodies, imports, send output).
#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;

namespace {

QProcessEnvironment environmentWithout(const QString &name)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(name);
    return environment;
}

QProcessEnvironment environmentWith(const QString &name, const QString &value)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(name, value);
    return environment;
}

QByteArray batchBodyOf(int count)
{
    QJsonArray actions;
    for (int i = 0; i < count; ++i)
        actions.append(QJsonObject{{QStringLiteral("method"), QStringLiteral("get")},
                                   {QStringLiteral("relative_path"), QStringLiteral("/users/me")}});
    return QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                      QJsonObject{{QStringLiteral("actions"), actions}}}})
        .toJson(QJsonDocument::Compact);
}

/// A standalone `tenfold-cli sandbox`, as a user starts one in another terminal.
class StandaloneSandbox
{
public:
    explicit StandaloneSandbox(const QStringList &extra = {})
    {
        m_process.start(
            QStringLiteral(TENFOLD_CLI_PATH),
            QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0")} +
                extra);
        if (!m_process.waitForStarted())
            qFatal("cannot start the sandbox");
        while (!m_process.canReadLine() && m_process.waitForReadyRead(60000)) {
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (!line.startsWith(QLatin1String("listening on ")))
            qFatal("the sandbox did not start");
        m_url = line.mid(13);
    }
    ~StandaloneSandbox()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000))
            m_process.kill();
    }
    QString url() const { return m_url; }

private:
    QProcess m_process;
    QString m_url;
};

} // namespace

class TestCliVerdicts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        return CliTest::writeFile(m_dir, name, content);
    }

private slots:
    // ---- variables whose value is not a string ------------------------------------------------

    void numberVariableIsItsDecimalText()
    {
        const QString path = writeFile(
            QStringLiteral("number-var.tenfold.json"),
            J("{'format':'tenfold-session','version':1,'variables':[{'name':'proj','value':1201},"
              "{'name':'big','value':1201234567890123456},{'name':'flag','value':true}],"
              "'actions':[{'method':'post','relative_path':'/tasks','data':{'name':'{{flag}}',"
              "'projects':['{{proj}}'],'notes':'{{big}}'}}]}"));
        const Run run = runCli({QStringLiteral("body"), path});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject data = QJsonDocument::fromJson(run.out.toUtf8())
                                     .object()[QLatin1String("data")]
                                     .toObject()[QLatin1String("actions")]
                                     .toArray()
                                     .at(0)
                                     .toObject()[QLatin1String("data")]
                                     .toObject();
        QCOMPARE(data[QLatin1String("projects")].toArray().at(0).toString(),
                 QStringLiteral("1201"));
        QCOMPARE(data[QLatin1String("notes")].toString(), QStringLiteral("1201234567890123456"));
        QCOMPARE(data[QLatin1String("name")].toString(), QStringLiteral("true"));
    }

    void variableWithoutTextFormIsRefused_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QString>("expected");
        QTest::newRow("array") << J("{'name':'proj','value':[1201]}")
                               << QStringLiteral("\"proj\" has an array as its value");
        QTest::newRow("object") << J("{'name':'proj','value':{'gid':'1201'}}")
                                << QStringLiteral("\"proj\" has an object as its value");
        QTest::newRow("null") << J("{'name':'proj','value':null}")
                              << QStringLiteral("\"proj\" has null as its value");
        QTest::newRow("missing") << J("{'name':'proj'}")
                                 << QStringLiteral("\"proj\" has no \"value\"");
        QTest::newRow("beyond 64 bits")
            << J("{'name':'proj','value':18446744073709551617}")
            << QStringLiteral("\"proj\" has a number with more digits than can be read exactly");
        QTest::newRow("beyond 64 bits, in e-notation")
            << J("{'name':'proj','value':12345678901234567890123}")
            << QStringLiteral("write it in quotes, as a string");
        QTest::newRow("name not a string")
            << J("{'name':7,'value':'1'}") << QStringLiteral("invalid name a number");
    }

    void variableWithoutTextFormIsRefused()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QString, expected);
        const QString path =
            writeFile(QStringLiteral("bad-var.tenfold.json"),
                      "{\"format\":\"tenfold-session\",\"version\":1,\"variables\":[" + variable +
                          "],\"actions\":[{\"method\":\"get\",\"relative_path\":"
                          "\"/projects/{{proj}}\"}]}");
        for (const char *command : {"validate", "body"}) {
            const Run run = runCli({QLatin1String(command), path});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(expected), qPrintable(run.err));
            QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        }
    }

    void sessionMembersMustBeStrings()
    {
        const QString path =
            writeFile(QStringLiteral("number-name.tenfold.json"),
                      J("{'format':'tenfold-session','version':1,'name':5,'actions':[]}"));
        const Run run = runCli({QStringLiteral("validate"), path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("\"name\" must be a string, not a number")),
                 qPrintable(run.err));
    }

    // ---- exports follow the sender's URL rule -------------------------------------------------

    void exportRefusesPlainHttpToAForeignHost()
    {
        const QString path = writeFile(QStringLiteral("export.json"),
                                       J("[{'method':'get','relative_path':'/users/me'}]"));
        const QProcessEnvironment withToken =
            environmentWith(QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("0/sekrit42"));
        for (const QStringList &extra :
             {QStringList{QStringLiteral("--with-token")}, QStringList{}}) {
            const Run run = runCli(QStringList{QStringLiteral("curl"), QStringLiteral("--base-url"),
                                               QStringLiteral("http://example.com/api/1.0"), path} +
                                       extra,
                                   {}, withToken);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
            QVERIFY2(run.err.contains(QLatin1String("refusing to write commands that send the "
                                                    "token over plain http to example.com")),
                     qPrintable(run.err));
            QVERIFY(!run.err.contains(QLatin1String("sekrit42")));
        }
        // Loopback is this computer: the sandbox's plain http is fine.
        const Run local = runCli({QStringLiteral("curl"), QStringLiteral("--base-url"),
                                  QStringLiteral("http://127.0.0.1:9/api/1.0"), path});
        QCOMPARE(local.exitCode, 0);
        QVERIFY(local.out.contains(QLatin1String("http://127.0.0.1:9/api/1.0/batch")));
    }

    void exportChecksTheSessionsOwnTarget()
    {
        const QString plain =
            writeFile(QStringLiteral("plain-target.tenfold.json"),
                      J("{'format':'tenfold-session','version':1,'target':'http:\\/\\/"
                        "example.com\\/api\\/1.0',"
                        "'actions':[{'method':'get','relative_path':'/users/me'}]}"));
        Run run = runCli({QStringLiteral("curl"), plain});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("plain http to example.com")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());

        const QString other =
            writeFile(QStringLiteral("https-target.tenfold.json"),
                      J("{'format':'tenfold-session','version':1,'target':'https:\\/\\/"
                        "other.example\\/api\\/1.0',"
                        "'actions':[{'method':'get','relative_path':'/users/me'}]}"));
        run = runCli({QStringLiteral("curl"), other});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("https://other.example/api/1.0/batch")));
        QVERIFY2(run.err.contains(QLatin1String("send your token to other.example (the "
                                                "session's target)")),
                 qPrintable(run.err));
    }

    // ---- cmd for the prompt, bat for a file ---------------------------------------------------

    void cmdAndBatExportsAreForTheirPlace()
    {
        const QString path = writeFile(
            QStringLiteral("percent.json"),
            J("[{'method':'post','relative_path':'/tasks','data':{'name':'100% %PATH%'}}]"));
        const Run prompt = runCli(
            {QStringLiteral("curl"), QStringLiteral("--shell"), QStringLiteral("cmd"), path});
        QCOMPARE(prompt.exitCode, 0);
        QVERIFY2(prompt.out.contains(QLatin1String("REM For a cmd.exe prompt")),
                 qPrintable(prompt.out));
        QVERIFY(prompt.out.contains(QLatin1String("%^PATH")));
        QVERIFY(!prompt.out.contains(QLatin1String("@")));

        const Run batch = runCli(
            {QStringLiteral("curl"), QStringLiteral("--shell"), QStringLiteral("bat"), path});
        QCOMPARE(batch.exitCode, 0);
        QVERIFY2(batch.out.startsWith(QLatin1String("@echo off\n")), qPrintable(batch.out));
        QVERIFY(batch.out.contains(QLatin1String("100%% %%PATH%%")));
        QVERIFY(!batch.out.contains(QLatin1String("%^PATH")));

        const Run help = runCli({QStringLiteral("curl"), QStringLiteral("--help")});
        QVERIFY2(help.out.simplified().contains(QLatin1String("bat (to save as a .bat file)")),
                 qPrintable(help.out));
    }

    // ---- one verdict for a batch body of 12 ---------------------------------------------------

    void oversizedBatchBodyIsAnErrorEverywhere()
    {
        const QString path = writeFile(QStringLiteral("twelve.json"), batchBodyOf(12));
        for (const char *command : {"validate", "body", "cost", "send", "curl"}) {
            QStringList arguments = {QLatin1String(command), path};
            if (QLatin1String(command) == QLatin1String("send"))
                arguments.insert(1, QStringLiteral("--sandbox"));
            const Run run = runCli(arguments);
            const QString all = run.out + run.err;
            QVERIFY2(run.exitCode == 1 ||
                         (QLatin1String(command) == QLatin1String("send") && run.exitCode == 2),
                     qPrintable(QLatin1String(command) + u' ' + all));
            QVERIFY2(all.contains(QLatin1String("this batch body has 12 actions but one batch "
                                                "request may carry at most 10")),
                     qPrintable(QLatin1String(command) + u' ' + all));
            QVERIFY2(!all.contains(QLatin1String("succeeded")), qPrintable(all));
            QVERIFY2(!all.contains(QLatin1String("2 batches")), qPrintable(all));
        }
        // The same twelve as a list are split, by every command.
        const QString list = writeFile(QStringLiteral("twelve-list.json"),
                                       QJsonDocument(QJsonDocument::fromJson(batchBodyOf(12))
                                                         .object()[QLatin1String("data")]
                                                         .toObject()[QLatin1String("actions")]
                                                         .toArray())
                                           .toJson());
        QCOMPARE(runCli({QStringLiteral("validate"), list}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("send"), QStringLiteral("--sandbox"), list}).exitCode, 0);
    }

    // ---- one diagnostic per fault, advice for the CLI -----------------------------------------

    void oneDiagnosticPerFault()
    {
        const QString path = writeFile(QStringLiteral("method-five.json"),
                                       J("[{'method':5,'relative_path':['x']},7,{'method':'get','"
                                         "relative_path':'/users/me'}]"));
        const Run run = runCli({QStringLiteral("validate"), QStringLiteral("--json"), path});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray diagnostics = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QStringList codes;
        for (const QJsonValue &d : diagnostics)
            codes.append(QString::number(d[QLatin1String("action")].toInt()) + u':' +
                         d[QLatin1String("code")].toString());
        QVERIFY2(codes.contains(QStringLiteral("1:method.type")), qPrintable(codes.join(u' ')));
        QVERIFY2(codes.contains(QStringLiteral("1:path.type")), qPrintable(codes.join(u' ')));
        QVERIFY2(codes.contains(QStringLiteral("2:action.not-object")),
                 qPrintable(codes.join(u' ')));
        QVERIFY2(!codes.contains(QStringLiteral("1:method.missing")), qPrintable(codes.join(u' ')));
        QVERIFY2(!codes.contains(QStringLiteral("1:path.missing")), qPrintable(codes.join(u' ')));
        QVERIFY2(!codes.contains(QStringLiteral("2:method.missing")), qPrintable(codes.join(u' ')));
    }

    void undefinedVariableCarriesItsFixAsData()
    {
        const QString path =
            writeFile(QStringLiteral("undefined.json"),
                      J("[{'method':'get','relative_path':'/workspaces/{{workspace}}/projects'}]"));
        Run run = runCli({QStringLiteral("validate"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("{{workspace}} is not defined: add a session "
                                                "variable \"workspace\" or pass --var "
                                                "workspace=VALUE")),
                 qPrintable(run.out));
        run = runCli({QStringLiteral("validate"), QStringLiteral("--json"), path});
        const QJsonObject d = QJsonDocument::fromJson(run.out.toUtf8()).array().at(1).toObject();
        QCOMPARE(d[QLatin1String("code")].toString(), QStringLiteral("variable.undefined"));
        QCOMPARE(d[QLatin1String("fix")].toObject(),
                 (QJsonObject{{QStringLiteral("kind"), QStringLiteral("define-variable")},
                              {QStringLiteral("subject"), QStringLiteral("workspace")}}));
    }

    // ---- import-curl reports every problem and keeps what it can ------------------------------

    void importCurlReportsEveryProblem()
    {
        const QByteArray text =
            "curl -sS 'https://app.asana.com/api/1.0/users/me?opt_pretty=true' \\\n"
            "  -H \"Authorization: Bearer $ASANA_ACCESS_TOKEN\"\n"
            "curl -F file=@photo.png https://app.asana.com/api/1.0/tasks/1/attachments\n"
            "wget https://app.asana.com/api/1.0/workspaces\n"
            "curl 'https://app.asana.com/api/1.0/tasks/1401?opt_fields=name'\n";
        const QString path = writeFile(QStringLiteral("mixed.sh"), text);
        Run run = runCli({QStringLiteral("import-curl"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(path + QStringLiteral(":3: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(path + QStringLiteral(":4: error: \"wget\" is not a curl")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("--skip-bad imports the other 2 actions")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("column")));

        run = runCli({QStringLiteral("import-curl"), QStringLiteral("--skip-bad"), path});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject session = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(session[QLatin1String("actions")].toArray().size(), 2);
        QCOMPARE(session[QLatin1String("target")].toString(), QStringLiteral("asana"));
        QVERIFY2(run.err.contains(path + QStringLiteral(":3: warning: left out: ")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(path + QStringLiteral(":1: note: opt_pretty was dropped")),
                 qPrintable(run.err));
    }

    void importCurlGoesOnAfterAnUnquotedAmpersand()
    {
        // The usual shape of a copied URL with a query string: the shell would background the
        // command at "&". That command is reported, and the others are still read.
        const QByteArray text = "curl https://app.asana.com/api/1.0/users/me?a=1&b=2\n"
                                "wget http://x\n"
                                "curl https://app.asana.com/api/1.0/workspaces\n";
        const QString path = writeFile(QStringLiteral("amp.sh"), text);
        Run run = runCli({QStringLiteral("import-curl"), QStringLiteral("--skip-bad"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(path + QStringLiteral(":1: warning: left out: ")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("put the URL in quotes")), qPrintable(run.err));
        QVERIFY2(run.err.contains(path + QStringLiteral(":2: warning: left out: ")),
                 qPrintable(run.err));
        const QJsonArray actions =
            QJsonDocument::fromJson(run.out.toUtf8()).object()[QLatin1String("actions")].toArray();
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.at(0)[QLatin1String("relative_path")].toString(),
                 QStringLiteral("/workspaces"));
    }

    void importCurlKeepsTheTarget()
    {
        const QByteArray text = "curl http://127.0.0.1:4567/api/1.0/users/me\n";
        const Run run = runCli({QStringLiteral("import-curl")}, text);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(run.out.toUtf8()).object()[QLatin1String("target")].toString(),
            QStringLiteral("http://127.0.0.1:4567/api/1.0"));
    }

    // ---- send: a standalone sandbox needs no token --------------------------------------------

    void sendToAStandaloneSandboxNeedsNoToken()
    {
        StandaloneSandbox sandbox;
        const QString path = writeFile(QStringLiteral("me.json"),
                                       J("[{'method':'get','relative_path':'/users/me'}]"));
        const Run run =
            runCli({QStringLiteral("send"), QStringLiteral("--base-url"), sandbox.url(), path}, {},
                   environmentWithout(QStringLiteral("ASANA_ACCESS_TOKEN")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("1 succeeded")), qPrintable(run.out));
    }

    void aSandboxWithItsOwnTokenStillAsksForIt()
    {
        StandaloneSandbox sandbox({QStringLiteral("--token"), QStringLiteral("own-token")});
        const QString path = writeFile(QStringLiteral("me2.json"),
                                       J("[{'method':'get','relative_path':'/users/me'}]"));
        Run run =
            runCli({QStringLiteral("send"), QStringLiteral("--base-url"), sandbox.url(), path}, {},
                   environmentWithout(QStringLiteral("ASANA_ACCESS_TOKEN")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("no access token")), qPrintable(run.err));
        run = runCli(
            {QStringLiteral("send"), QStringLiteral("--base-url"), sandbox.url(), path}, {},
            environmentWith(QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("own-token")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        // --no-token is the user saying the server needs none: the placeholder goes, and this
        // sandbox refuses it as it refuses any token but its own.
        run = runCli(
            {QStringLiteral("send"), QStringLiteral("--no-token"), QStringLiteral("--base-url"),
             sandbox.url(), path},
            {}, environmentWith(QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("own-token")));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("401")), qPrintable(run.out));
    }

    // ---- send: one line per event, a true summary ---------------------------------------------

    void wholeBatchFailureIsOneLine()
    {
        QJsonArray actions;
        for (int i = 0; i < 10; ++i)
            actions.append(
                QJsonObject{{QStringLiteral("method"), QStringLiteral("get")},
                            {QStringLiteral("relative_path"), QStringLiteral("/users/me")}});
        const QString path = writeFile(QStringLiteral("ten.json"), QJsonDocument(actions).toJson());
        const Run run = runCli({QStringLiteral("send"), QStringLiteral("--sandbox"),
                                QStringLiteral("--sandbox-faults"), QStringLiteral("500:1"), path});
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QLatin1String("actions 1-10 (batch 1): failed: the "
                                                      "server answered 500")),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(QLatin1String("0 succeeded, 10 failed")),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).contains(QLatin1String("3 requests (2 retries)")),
                 qPrintable(lines.at(1)));
    }

    void actionFailureNamesItsStatusOnce()
    {
        const QString path = writeFile(QStringLiteral("missing-task.json"),
                                       J("[{'method':'get','relative_path':'/tasks/999999'},"
                                         "{'method':'get','relative_path':'/users/me'}]"));
        const Run run = runCli({QStringLiteral("send"), QStringLiteral("--sandbox"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("action 1 (GET /tasks/999999): failed: answered "
                                                "404")),
                 qPrintable(run.out));
        QVERIFY2(!run.out.contains(QLatin1String("[404]")), qPrintable(run.out));
    }

    void nothingSentSaysSo()
    {
        const QString path = writeFile(QStringLiteral("eight.json"),
                                       J("[{'method':'get','relative_path':'/users/me'},"
                                         "{'method':'get','relative_path':'/users/me'}]"));
        const Run run = runCli({QStringLiteral("send"), QStringLiteral("--no-token"),
                                QStringLiteral("--base-url"),
                                QStringLiteral("http://127.0.0.1:1/api/1.0"), path});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.contains(QLatin1String("nothing sent to http://127.0.0.1:1/api/1.0: 2 "
                                                "actions could not be sent")),
                 qPrintable(run.out));
        QVERIFY2(!run.out.contains(QLatin1String("sent 2 actions")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("actions 1-2 (batch 1): failed: could not reach")),
                 qPrintable(run.out));
    }

    void eachRateLimitIsOneProgressLine()
    {
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("script(1) is not installed: no terminal to print progress to");
        QJsonArray actions;
        for (int i = 0; i < 30; ++i)
            actions.append(
                QJsonObject{{QStringLiteral("method"), QStringLiteral("get")},
                            {QStringLiteral("relative_path"), QStringLiteral("/users/me")}});
        const QString path =
            writeFile(QStringLiteral("thirty.json"), QJsonDocument(actions).toJson());
        const QString command =
            QStringLiteral("'%1' send --sandbox --as-composed --sandbox-rate 10/2 '%2'")
                .arg(QStringLiteral(TENFOLD_CLI_PATH), path);
        const Run run = runCli({}, {}, QProcessEnvironment::systemEnvironment(), script,
                               {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out));
        const QRegularExpressionMatch met =
            QRegularExpression(QStringLiteral("(\\d+) rate limit \\(429\\) answers? met"))
                .match(run.out);
        QVERIFY2(met.hasMatch(), qPrintable(run.out));
        const int limited = met.captured(1).toInt();
        QVERIFY2(limited > 0, qPrintable(run.out));
        QCOMPARE(run.out.count(QLatin1String("Retry-After")), limited);
        // "(429)": a wall time such as "4.29 s" holds the digits too.
        QCOMPARE(run.out.count(QLatin1String("(429)")), limited + 1); // each wait, the summary
        QCOMPARE(run.out.count(QLatin1String("batch 3/3: 10 succeeded")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliVerdicts)
#include "tst_cliverdicts.moc"
