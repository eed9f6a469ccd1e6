#include "../sandbox/sandboxclient.h"
#include "catalog/endpointcatalog.h"
#include "curl/curlexport.h"
#include "curl/curlimport.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchresponse.h"
#include "sending/resultsfile.h"
#include "session/sessionfile.h"
#include "validation/validator.h"
#include "wire/batchbody.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;

namespace {

/// depth arrays inside one another: [[[...]]]
QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

/// The same deep value as an action's data, in each of the three input kinds.
QByteArray inputOfKind(const QString &kind, const QByteArray &value)
{
    const QByteArray action =
        "{\"method\":\"post\",\"relative_path\":\"/tasks\",\"data\":{\"x\":" + value + "}}";
    if (kind == QLatin1String("array"))
        return '[' + action + ']';
    if (kind == QLatin1String("batch body"))
        return "{\"data\":{\"actions\":[" + action + "]}}";
    Session session;
    session.name = QStringLiteral("deep");
    session.actions = {Action{QStringLiteral("post"), QStringLiteral("/tasks")}};
    session.actions.first().data = QJsonObject{{QStringLiteral("x"), QStringLiteral("DEEP")}};
    return serializeSession(session).replace("\"DEEP\"", value);
}

} // namespace

/// Oversized or deeply nested input, to every parser a user can hand a file or a paste to: each
/// refuses with a message that says what is wrong, and returns (nothing here asserts on time,
/// but a hang fails the test by its timeout and a stack overflow crashes it).
class TestHostileInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void deepNestingIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("depth");
        for (const char *kind : {"session", "batch body", "array"}) {
            QTest::addRow("%s, 2000 levels", kind) << QString::fromLatin1(kind) << 2000;
            QTest::addRow("%s, 1000000 levels", kind) << QString::fromLatin1(kind) << 1000000;
        }
    }

    void deepNestingIsRefused()
    {
        QFETCH(QString, kind);
        QFETCH(int, depth);
        const QByteArray input = inputOfKind(kind, nested(depth));
        const Result<LoadedInput> parsed = parseInput(input);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorString().contains(QLatin1String("nested too deeply")),
                 qPrintable(parsed.errorString()));

        // The same through a file, as the CLI and the GUI open it.
        const QString path = m_dir.filePath(QStringLiteral("deep.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(input);
        file.close();
        const Result<LoadedInput> loaded = loadInput(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.errorString(), parsed.errorString());
    }

    void deepButAcceptedNestingGoesEverywhere()
    {
        // Just under the parser's limit: accepted, so every later step must cope with it.
        const QByteArray input = inputOfKind(QStringLiteral("session"), nested(1000));
        const Result<LoadedInput> loaded = parseInput(input);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QList<Action> resolved;
        validateSession(loaded->session, loaded->kind, EndpointCatalog::builtin(), &resolved);
        QCOMPARE(resolved.size(), 1);
        const QList<BatchPlan> batches = planBatches(resolved);
        int bodies = 0;
        forEachBatchBody(resolved, batches, [&](const BatchPlan &, const QByteArray &body) {
            bodies += QJsonDocument::fromJson(body).isObject() ? 1 : 0;
        });
        QCOMPARE(bodies, 1);
        const Result<LoadedInput> again = parseInput(serializeSession(loaded->session));
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(again->session, loaded->session);
        const Result<QString> script = exportCurl(loaded->session, {});
        QVERIFY2(script.ok(), qPrintable(script.errorString()));
        // The export wraps the data in a few more levels; the importer answers either way.
        const Result<Session> imported = importCurl(script.value());
        QVERIFY(imported.ok() || !imported.errorString().isEmpty());
    }

    void anOversizedFileIsRefusedUnread()
    {
        // A sparse file: its size is past the limit without the disk or memory to match.
        const QString path = m_dir.filePath(QStringLiteral("huge.tenfold.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(MaxInputBytes + 1));
        file.close();
        const Result<LoadedInput> loaded = loadInput(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorString().contains(QLatin1String("512 MiB")),
                 qPrintable(loaded.errorString()));

        QProcess cli; // import-curl reads files itself
        cli.start(QStringLiteral(TENFOLD_CLI_PATH), {QStringLiteral("import-curl"), path});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY(cli.exitCode() != 0);
        QVERIFY2(cli.readAllStandardError().contains("too large"), "no reason given");
        QFile::remove(path);
    }

    void senderParsersRefuseHostileInput()
    {
        // A batch answer and a results file come from outside too (a server, a shared file).
        const Result<QList<ActionResponse>> answer =
            parseBatchResponse("{\"data\":" + nested(1000000) + '}', 1);
        QVERIFY(!answer.ok());
        QVERIFY2(answer.errorString().contains(QLatin1String("not JSON")),
                 qPrintable(answer.errorString()));

        const Result<SendRun> deep = parseResults("{\"actions\":" + nested(1000000) + '}');
        QVERIFY(!deep.ok());
        QVERIFY2(deep.errorString().contains(QLatin1String("not valid JSON")),
                 qPrintable(deep.errorString()));

        const QString path = m_dir.filePath(QStringLiteral("huge.results.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(MaxInputBytes + 1));
        file.close();
        const Result<SendRun> huge = loadResults(path);
        QVERIFY(!huge.ok());
        QVERIFY2(huge.errorString().contains(QLatin1String("larger than 512 MiB")),
                 qPrintable(huge.errorString()));
        QFile::remove(path);
    }

    void curlImportRefusesDeepBodies_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("named");
        const QString deep = QString::fromLatin1(nested(200000));
        QTest::newRow("direct body")
            << "curl https://app.asana.com/api/1.0/tasks --data-raw '{\"data\":" + deep + "}'"
            << "not valid JSON";
        QTest::newRow("batch body") << "curl https://app.asana.com/api/1.0/batch --data-raw "
                                       "'{\"data\":{\"actions\":" +
                                           deep + "}}'"
                                    << "nested too deeply";
        QTest::newRow("nested substitutions")
            << "curl https://app.asana.com/api/1.0/tasks -d \"" +
                   QStringLiteral("$(").repeated(200000) + QString(200000, u')') + u'"'
            << "shell substitution";
        QTest::newRow("unclosed substitutions")
            << "curl https://app.asana.com/api/1.0/tasks -d \"" +
                   QStringLiteral("$(").repeated(200000) + u'"'
            << "never closed";
        QTest::newRow("unclosed quotes")
            << "curl https://app.asana.com/api/1.0/tasks -d \"" + QString(1000000, u'\'')
            << "never closed";
    }

    void curlImportRefusesDeepBodies()
    {
        QFETCH(QString, command);
        QFETCH(QString, named);
        const Result<Session> imported = importCurl(command);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.errorString().contains(named), qPrintable(imported.errorString()));
    }

    void sandboxAnswersHostileBatchBodiesWith400()
    {
        SandboxServer server;
        QVERIFY(!server.listen(0));
        SandboxTest::Client client(server.baseUrl());

        const QByteArray deep = "{\"data\":{\"actions\":" + nested(1000000) + "}}";
        const SandboxTest::Reply nestedReply = client.call("POST", QStringLiteral("/batch"), deep);
        QCOMPARE(nestedReply.status, 400);
        QVERIFY2(nestedReply.message().contains(QLatin1String("invalid JSON")),
                 qPrintable(nestedReply.message()));

        // 64 MB of one string: read, refused as a batch, and the server keeps serving.
        const QByteArray huge = "{\"data\":{\"actions\":\"" + QByteArray(64 << 20, 'a') + "\"}}";
        const SandboxTest::Reply hugeReply = client.call("POST", QStringLiteral("/batch"), huge);
        QCOMPARE(hugeReply.status, 400);
        QVERIFY2(hugeReply.message().contains(QLatin1String("data.actions")),
                 qPrintable(hugeReply.message()));

        QCOMPARE(client.get(QStringLiteral("/users/me")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
