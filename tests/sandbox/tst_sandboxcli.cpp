#include "sandboxclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace SandboxTest;

/// `tenfold-cli sandbox` as a black box: first line, serving, clean stop with a summary.
class TestSandboxCli : public QObject
{
    Q_OBJECT

    /// Starts the sandbox and returns its base URL from the first stdout line.
    static QUrl start(QProcess &process, const QStringList &extra)
    {
        process.start(
            QStringLiteral(TENFOLD_CLI_PATH),
            QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0")} +
                extra);
        if (!process.waitForStarted(10000))
            return {};
        while (!process.canReadLine() && process.state() == QProcess::Running)
            process.waitForReadyRead(10000);
        const QString line = QString::fromUtf8(process.readLine());
        static const QRegularExpression pattern(
            QStringLiteral("^listening on (http://127\\.0\\.0\\.1:[1-9][0-9]*/api/1\\.0)\\n$"));
        const QRegularExpressionMatch match = pattern.match(line);
        return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
    }

private slots:
    void servesAndStopsCleanlyOnSigterm()
    {
        QProcess process;
        const QUrl base = start(process, {QStringLiteral("--rate"), QStringLiteral("20/2"),
                                          QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(base.isValid(),
                 "the first line must be 'listening on http://127.0.0.1:PORT/api/1.0'");
        Client client(base);
        QCOMPARE(client.get(QStringLiteral("/users/me")).status, 200);
        QCOMPARE(
            client.batch({action(QStringLiteral("get"), QStringLiteral("/tasks/1401"))}).status,
            200);

        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QString rest = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(rest.contains(QLatin1String("requests: 2, batches: 1, actions: 1")),
                 qPrintable(rest));
    }

    void expectedTokenIsEnforcedAndNeverPrinted()
    {
        QProcess process;
        const QUrl base = start(process, {QStringLiteral("--token"), QStringLiteral("s3cret-tok")});
        QVERIFY(base.isValid());
        QCOMPARE(Client(base, "other").get(QStringLiteral("/users/me")).status, 401);
        QCOMPARE(Client(base, "s3cret-tok").get(QStringLiteral("/users/me")).status, 200);
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY(!output.contains("s3cret-tok"));
    }

    void faultsAndLatencyOptionsApply()
    {
        QProcess process;
        const QUrl base = start(process, {QStringLiteral("--faults"), QStringLiteral("mismatch:1"),
                                          QStringLiteral("--latency"), QStringLiteral("5-10")});
        QVERIFY(base.isValid());
        const Reply reply =
            Client(base).batch({action(QStringLiteral("get"), QStringLiteral("/users/me")),
                                action(QStringLiteral("get"), QStringLiteral("/users/me"))});
        QCOMPARE(reply.results().size(), 1);
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
    }

    void badArgumentsExitWithUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("plan") << QStringList{"--plan", "gold"};
        QTest::newRow("rate") << QStringList{"--rate", "fast"};
        QTest::newRow("concurrency") << QStringList{"--concurrency", "5"};
        QTest::newRow("latency") << QStringList{"--latency", "10-5"};
        QTest::newRow("faults") << QStringList{"--faults", "boom:1"};
        QTest::newRow("port") << QStringList{"--port", "70000"};
        QTest::newRow("faults sum") << QStringList{"--faults", "500:0.7,slow:0.7"};
        // Beyond ten minutes: no client waits that long, and MAX+1 or latency + slow delay would
        // overflow an int.
        QTest::newRow("latency too long") << QStringList{"--latency", "0-2147483647"};
        QTest::newRow("slow delay too long") << QStringList{"--slow-delay", "2147483647"};
    }
    void badArgumentsExitWithUsageError()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(QStringLiteral(TENFOLD_CLI_PATH),
                      QStringList{QStringLiteral("sandbox")} + arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY(!process.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandboxcli.moc"
