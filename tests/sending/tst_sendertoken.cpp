#include "sendertestkit.h"
#include "sending/resultsfile.h"

#include <QTemporaryDir>

using namespace Tenfold;
using namespace Tenfold::TestKit;

namespace {

const QString Secret = QStringLiteral("1/12345:secret-token-must-never-leak");
QStringList messages;

void collect(QtMsgType, const QMessageLogContext &, const QString &message)
{
    messages.append(message);
}

} // namespace

class TestSenderToken : public QObject
{
    Q_OBJECT

private slots:
    void tokenNeverInResultsNorLogs()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.token = Secret; // the sandbox insists on it, so it was really sent
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));

        QList<Action> actions;
        for (int i = 0; i < 15; ++i)
            actions.append(i % 2 ? createTask(i) : readTask(i));
        SendOptions options = optionsFor(sandbox);
        options.token = Secret;
        BatchSender sender;
        QStringList signalTexts;
        connect(&sender, &BatchSender::batchFinished, this,
                [&](int, int, const QString &outcome) { signalTexts.append(outcome); });

        messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(collect);
        const bool done = sendAll(sender, sessionOf(actions), options);
        qInstallMessageHandler(previous);
        QVERIFY(done);
        QCOMPARE(sender.run().summary().succeeded, 15);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.json"));
        QVERIFY(!saveResults(sender.run(), path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(Secret.toUtf8()));
        QVERIFY(!bytes.contains("secret-token"));
        for (const QString &text : std::as_const(messages) + signalTexts)
            QVERIFY2(!text.contains(QLatin1String("secret-token")), qPrintable(text));
    }

    void aWrongTokenFailsTheWholeBatch()
    {
        SandboxOptions sandboxOptions;
        sandboxOptions.token = Secret;
        SandboxServer sandbox(sandboxOptions);
        QVERIFY(!sandbox.listen(0));
        BatchSender sender;
        SendOptions options = optionsFor(sandbox);
        options.token = QStringLiteral("wrong");
        QVERIFY(sendAll(sender, sessionOf({createTask(0), readTask(1)}), options));
        for (const ActionResult &result : sender.run().results) {
            QCOMPARE(result.state, ActionState::Failed);
            QCOMPARE(result.statusCode, 401);
            QVERIFY(!result.errors.isEmpty());
        }
        QVERIFY(!serializeResults(sender.run()).contains("secret-token"));
    }
};

QTEST_GUILESS_MAIN(TestSenderToken)
#include "tst_sendertoken.moc"
