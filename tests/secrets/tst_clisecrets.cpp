// The secrets sweep of the command line: with a distinctive token in ASANA_ACCESS_TOKEN (and in a
// token file), every command that produces output is run (validate, body, cost, curl, send with
// --out/--json/progress, against the sandbox, a server that answers 401, an unreachable https
// address, and a `tenfold-cli sandbox --token`), and the token is searched for in every stdout,
// stderr and file written (HOME and XDG folders point into a temporary folder, so files the CLI
// might write anywhere are searched too). It appears only where asked: curl --with-token.
#include "sandbox/sandboxserver.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Tenfold;

namespace {

const QByteArray Secret = "0/tenfold-secret-7c1f";

/// The token as it would look raw, URL-encoded or in JSON (which may escape the slash).
bool containsSecret(const QByteArray &bytes)
{
    return bytes.contains(Secret) ||
           bytes.contains(QUrl::toPercentEncoding(QString::fromUtf8(Secret))) ||
           bytes.contains(QByteArray(Secret).replace("/", "\\/")) ||
           bytes.contains("tenfold-secret-7c1f");
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        m_outputs = m_dir.filePath(QStringLiteral("outputs"));
        QVERIFY(QDir().mkpath(m_home));
        QVERIFY(QDir().mkpath(m_outputs));
        m_tokenFile = m_dir.filePath(QStringLiteral("token.txt")); // the user's own file
        QFile token(m_tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(Secret + "\n");
        token.close();

        QJsonArray actions;
        for (int i = 0; i < 12; ++i) {
            if (i % 3 == 0) {
                actions.append(QJsonObject{
                    {QStringLiteral("method"), QStringLiteral("post")},
                    {QStringLiteral("relative_path"), QStringLiteral("/tasks")},
                    {QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("sweep %1").arg(i)},
                                 {QStringLiteral("workspace"), QStringLiteral("1001")}}}});
            } else {
                actions.append(QJsonObject{
                    {QStringLiteral("method"), QStringLiteral("get")},
                    {QStringLiteral("relative_path"), QStringLiteral("/tasks/%1").arg(1401 + i)}});
            }
        }
        m_input = m_outputs + QStringLiteral("/actions.json");
        QFile input(m_input);
        QVERIFY(input.open(QIODevice::WriteOnly));
        input.write(QJsonDocument(actions).toJson());
    }

    void readOnlyCommands()
    {
        const QString sample =
            QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/getting-started.tenfold.json");
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("validate"), sample},
              QStringList{QStringLiteral("validate"), QStringLiteral("--json"), m_input},
              QStringList{QStringLiteral("body"), m_input},
              QStringList{QStringLiteral("cost"), m_input},
              QStringList{QStringLiteral("cost"), QStringLiteral("--json"), sample},
              QStringList{QStringLiteral("curl"), m_input},
              QStringList{QStringLiteral("curl"), QStringLiteral("--per-action"), sample}}) {
            const Run run = cli(arguments);
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(arguments.join(u' ')));
            checkClean(run, arguments.join(u' '));
        }
    }

    void curlWritesTheTokenOnlyWhenAsked()
    {
        const Run run = cli({QStringLiteral("curl"), QStringLiteral("--with-token"), m_input});
        QCOMPARE(run.exitCode, 0);
        // The positive control: the search would find the token if it were there.
        QVERIFY(containsSecret(run.out));
    }

    void sendToTheSandbox()
    {
        const QString results = m_outputs + QStringLiteral("/sandbox.results.json");
        Run run = cli({QStringLiteral("send"), QStringLiteral("--sandbox"), QStringLiteral("--out"),
                       results, QStringLiteral("--json"), m_input});
        QCOMPARE(run.exitCode, 0);
        checkClean(run, QStringLiteral("send --sandbox --json"));
        run = cli({QStringLiteral("send"), QStringLiteral("--sandbox"),
                   QStringLiteral("--sandbox-faults"), QStringLiteral("500:0.3,drop:0.3"),
                   QStringLiteral("--out"), m_outputs + QStringLiteral("/faulty.results.json"),
                   m_input});
        QVERIFY(run.exitCode == 0 || run.exitCode == 1);
        checkClean(run, QStringLiteral("send --sandbox with faults"));
    }

    void sendWithProgressOnATerminal()
    {
        // Progress lines are only printed to a terminal: run under script(1) for a pty.
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("script(1) is not installed: no terminal to print progress to");
        const QString command = QStringLiteral("'%1' send --sandbox --as-composed --sandbox-faults "
                                               "500:0.5 --sandbox-rate 10/1 --out '%2' "
                                               "'%3'")
                                    .arg(QStringLiteral(TENFOLD_CLI_PATH),
                                         m_outputs + QStringLiteral("/tty.results.json"), m_input);
        const Run run =
            start(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QVERIFY2(run.out.contains("batch 1/2"), run.out.constData());
        checkClean(run, QStringLiteral("send with progress"));
    }

    void sendToAServerThatAnswers401()
    {
        SandboxOptions options;
        options.token = QStringLiteral("a-different-token");
        SandboxServer server(options);
        QVERIFY(!server.listen(0));
        const QString results = m_outputs + QStringLiteral("/401.results.json");
        Run run = cli({QStringLiteral("send"), QStringLiteral("--base-url"),
                       server.baseUrl().toString(), QStringLiteral("--out"), results, m_input});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("401"), run.out.constData());
        checkClean(run, QStringLiteral("send to a 401 server"));
        run =
            cli({QStringLiteral("send"), QStringLiteral("--base-url"), server.baseUrl().toString(),
                 QStringLiteral("--token-file"), m_tokenFile, QStringLiteral("--json"), m_input},
                /*withEnvironmentToken=*/false);
        QCOMPARE(run.exitCode, 1);
        checkClean(run, QStringLiteral("send --token-file to a 401 server"));
    }

    void sendToAnUnreachableHttpsAddress()
    {
        const Run run = cli({QStringLiteral("send"), QStringLiteral("--base-url"),
                             QStringLiteral("https://127.0.0.1:1/api/1.0"), QStringLiteral("--out"),
                             m_outputs + QStringLiteral("/unreachable.results.json"), m_input});
        QCOMPARE(run.exitCode, 3);
        checkClean(run, QStringLiteral("send to an unreachable address"));
    }

    void sandboxWithAToken()
    {
        // The sandbox's own token is given as an argument (it is made up for the sandbox); it is
        // still a token, and the sandbox never prints it, whatever clients send.
        QProcess sandbox;
        sandbox.setProcessEnvironment(environment(false));
        sandbox.start(
            QStringLiteral(TENFOLD_CLI_PATH),
            {QStringLiteral("sandbox"), QStringLiteral("--token"), QString::fromUtf8(Secret)});
        QVERIFY(sandbox.waitForStarted(10000));
        QByteArray first;
        QDeadlineTimer deadline(20000);
        while (!first.contains('\n') && !deadline.hasExpired()) {
            sandbox.waitForReadyRead(200);
            first += sandbox.readAllStandardOutput();
        }
        QVERIFY2(first.startsWith("listening on "), first.constData());
        const QString url = QString::fromUtf8(first.mid(13, first.indexOf('\n') - 13)).trimmed();

        Run right = cli({QStringLiteral("send"), QStringLiteral("--base-url"), url,
                         QStringLiteral("--token-file"), m_tokenFile, QStringLiteral("--out"),
                         m_outputs + QStringLiteral("/own.results.json"), m_input},
                        false);
        QVERIFY2(right.exitCode == 0, right.out.constData());
        checkClean(right, QStringLiteral("send to tenfold-cli sandbox --token"));
        QProcessEnvironment wrongToken = environment(false);
        wrongToken.insert(QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("0/wrong"));
        Run wrong =
            start(QStringLiteral(TENFOLD_CLI_PATH),
                  {QStringLiteral("send"), QStringLiteral("--base-url"), url, m_input}, wrongToken);
        QCOMPARE(wrong.exitCode, 1);
        checkClean(wrong, QStringLiteral("wrong token to the sandbox"));

        sandbox.terminate(); // SIGTERM: it prints its stats and exits
        QVERIFY(sandbox.waitForFinished(10000));
        Run stopped;
        stopped.out = first + sandbox.readAllStandardOutput();
        stopped.err = sandbox.readAllStandardError();
        QVERIFY2(stopped.out.contains("sandbox stopped"), stopped.out.constData());
        checkClean(stopped, QStringLiteral("tenfold-cli sandbox --token"));
    }

    void noFileAnywhereHoldsTheToken()
    {
        int files = 0;
        for (const QString &root : {m_outputs, m_home}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!containsSecret(file.readAll()), qPrintable(path));
                ++files;
            }
        }
        // actions.json and the results files at least.
        QVERIFY2(files >= 7, qPrintable(QString::number(files)));
    }

private:
    QProcessEnvironment environment(bool withToken) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("ASANA_ACCESS_TOKEN"));
        // The run history goes to its default place, under the test's HOME, so it is searched.
        environment.remove(QStringLiteral("TENFOLD_HISTORY"));
        if (withToken)
            environment.insert(QStringLiteral("ASANA_ACCESS_TOKEN"), QString::fromUtf8(Secret));
        environment.insert(QStringLiteral("HOME"), m_home);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/.config"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"),
                           m_home + QStringLiteral("/.local/share"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/.cache"));
        environment.insert(QStringLiteral("XDG_STATE_HOME"),
                           m_home + QStringLiteral("/.local/state"));
        return environment;
    }

    Run cli(const QStringList &arguments, bool withEnvironmentToken = true)
    {
        return start(QStringLiteral(TENFOLD_CLI_PATH), arguments,
                     environment(withEnvironmentToken));
    }

    Run start(const QString &program, const QStringList &arguments)
    {
        return start(program, arguments, environment(true));
    }

    /// Runs a process while this one's event loop turns (servers in this process answer it).
    Run start(const QString &program, const QStringList &arguments,
              const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_outputs);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(program, arguments);
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
        }
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    void checkClean(const Run &run, const QString &what)
    {
        QVERIFY2(!containsSecret(run.out), qPrintable(what + QStringLiteral(" (stdout)")));
        QVERIFY2(!containsSecret(run.err), qPrintable(what + QStringLiteral(" (stderr)")));
    }

    QTemporaryDir m_dir;
    QString m_home;
    QString m_outputs;
    QString m_tokenFile;
    QString m_input;
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_clisecrets.moc"
