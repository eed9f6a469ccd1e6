// tenfold-cli send as a user runs it: exit codes, output, results file, and the token never shown.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray Secret = "1/98765:cli-secret-token-never-printed";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &arguments, const QByteArray &token = Secret)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("ASANA_ACCESS_TOKEN"));
    if (!token.isEmpty())
        environment.insert(QStringLiteral("ASANA_ACCESS_TOKEN"), QString::fromUtf8(token));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TENFOLD_CLI_PATH),
                  QStringList{QStringLiteral("send")} + arguments);
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

QString writeActions(const QTemporaryDir &dir, const QString &name, int count, bool writes)
{
    QJsonArray actions;
    for (int i = 0; i < count; ++i) {
        if (writes && i % 2) {
            actions.append(
                QJsonObject{{"method", "post"},
                            {"relative_path", "/tasks"},
                            {"data", QJsonObject{{"name", QStringLiteral("cli %1").arg(i)},
                                                 {"workspace", "1001"}}}});
        } else {
            actions.append(QJsonObject{
                {"method", "get"}, {"relative_path", QStringLiteral("/tasks/%1").arg(1401 + i)}});
        }
    }
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(actions).toJson());
    return path;
}

bool leaks(const Run &run)
{
    return run.out.contains(Secret) || run.err.contains(Secret);
}

} // namespace

class TestSendCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void allSucceededExitsZero()
    {
        const QString input = writeActions(m_dir, QStringLiteral("ok.json"), 23, true);
        const QString results = m_dir.filePath(QStringLiteral("ok-results.json"));
        const Run run =
            runCli({QStringLiteral("--sandbox"), input, QStringLiteral("--out"), results});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("23 succeeded, 0 failed, 0 outcome unknown, 0 cancelled"));
        QVERIFY(!leaks(run));
        QFile file(results);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(Secret));
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(root.value("format").toString(), "tenfold-results");
        QCOMPARE(root.value("actions").toArray().size(), 23);
        QCOMPARE(root.value("batches").toArray().size(), 3);
    }

    void jsonGoesToStdout()
    {
        const QString input = writeActions(m_dir, QStringLiteral("json.json"), 3, false);
        const Run run = runCli({QStringLiteral("--sandbox"), QStringLiteral("--json"), input});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(root.value("summary").toObject().value("succeeded").toInt(), 3);
        QVERIFY(run.err.contains("3 succeeded")); // the summary moves to stderr
        QVERIFY(!leaks(run));
    }

    void unknownOutcomesExitOneAndCanBeResent()
    {
        const QString input = writeActions(m_dir, QStringLiteral("faulty.json"), 4, true);
        const QString results = m_dir.filePath(QStringLiteral("faulty-results.json"));
        const Run faulty =
            runCli({QStringLiteral("--sandbox"), QStringLiteral("--sandbox-faults"),
                    QStringLiteral("500:1"), input, QStringLiteral("--out"), results});
        QCOMPARE(faulty.exitCode, 1);
        QVERIFY(faulty.out.contains("outcome unknown"));
        QVERIFY(!leaks(faulty));

        const Run again = runCli({QStringLiteral("--sandbox"), QStringLiteral("--json"),
                                  QStringLiteral("--only-failed-from"), results, input});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(root.value("summary").toObject().value("succeeded").toInt(), 4);
    }

    void noTokenIsAUsageError()
    {
        const QString input = writeActions(m_dir, QStringLiteral("notoken.json"), 1, false);
        const Run run = runCli(
            {QStringLiteral("--base-url"), QStringLiteral("https://127.0.0.1:9/api/1.0"), input},
            QByteArray());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("ASANA_ACCESS_TOKEN"));
        QVERIFY(run.err.contains("--token-file"));
        const Run missingFile =
            runCli({QStringLiteral("--base-url"), QStringLiteral("https://127.0.0.1:9/api/1.0"),
                    QStringLiteral("--token-file"), m_dir.filePath(QStringLiteral("none")), input});
        QCOMPARE(missingFile.exitCode, 2);
    }

    void plainHttpToAnotherHostIsRefused()
    {
        // 0.0.0.0 is not a loopback name, yet a connection to it stays on this machine and
        // reaches the trap: even broken code cannot send anything off the host.
        QTcpServer trap;
        QVERIFY(trap.listen(QHostAddress::LocalHost, 0));
        const QString input = writeActions(m_dir, QStringLiteral("http.json"), 1, false);
        const Run run =
            runCli({QStringLiteral("--base-url"),
                    QStringLiteral("http://0.0.0.0:%1/api/1.0").arg(trap.serverPort()), input});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("https://"));
        QVERIFY(!leaks(run));
        QVERIFY(!trap.waitForNewConnection(100));
    }

    void sandboxDelaysAreBoundedLikeTheSandboxCommand()
    {
        // One parser serves `send --sandbox-latency` and `sandbox --latency`: an int overflow
        // cannot reach the sandbox's timers from either.
        const QString input = writeActions(m_dir, QStringLiteral("latency.json"), 1, false);
        Run run = runCli({QStringLiteral("--sandbox"), QStringLiteral("--sandbox-latency"),
                          QStringLiteral("0-2147483647"), input});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("up to 600000"));
        run = runCli({QStringLiteral("--sandbox"), QStringLiteral("--sandbox-slow-ms"),
                      QStringLiteral("2147483647"), input});
        QCOMPARE(run.exitCode, 2);
        run = runCli({QStringLiteral("--sandbox"), QStringLiteral("--sandbox-latency"),
                      QStringLiteral("1-3"), input});
        QCOMPARE(run.exitCode, 0);
    }

    void aSessionCannotPickWhereTheTokenGoes()
    {
        // A session shared by someone else names its own server: the token must not follow it
        // there unless the user names that server on the command line.
        QTcpServer trap;
        QVERIFY(trap.listen(QHostAddress::LocalHost, 0));
        const QString url = QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(trap.serverPort());
        const QString path = m_dir.filePath(QStringLiteral("custom-target.tenfold.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(
                QJsonObject{{"format", "tenfold-session"},
                            {"version", 1},
                            {"target", url},
                            {"actions", QJsonArray{QJsonObject{{"method", "get"},
                                                               {"relative_path", "/users/me"}}}}})
                .toJson());
        file.close();

        const Run run = runCli({path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QByteArray(QByteArray("--base-url ") + url.toUtf8())),
                 run.err.constData());
        QVERIFY(!trap.hasPendingConnections());
        QVERIFY(!trap.waitForNewConnection(100));
        QVERIFY(!leaks(run));
    }

    void unreachableServerExitsThree()
    {
        QTcpServer placeholder;
        placeholder.listen(QHostAddress::LocalHost, 0);
        const quint16 port = placeholder.serverPort();
        placeholder.close();
        const QString input = writeActions(m_dir, QStringLiteral("refused.json"), 2, true);
        const Run run = runCli({QStringLiteral("--base-url"),
                                QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(port), input});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(!leaks(run));
    }

    void invalidActionsAreNotSent()
    {
        const Run run = runCli(
            {QStringLiteral("--sandbox"),
             QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/broken-batch.tenfold.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("nothing sent"));
    }

    void sampleSessionsGoThroughTheSandbox()
    {
        const Run run =
            runCli({QStringLiteral("--sandbox"),
                    QStringLiteral(TENFOLD_SOURCE_DIR
                                   "/resources/sessions/create-and-comment.tenfold.json")});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QVERIFY(!leaks(run));
    }
};

QTEST_GUILESS_MAIN(TestSendCli)
#include "tst_sendcli.moc"
