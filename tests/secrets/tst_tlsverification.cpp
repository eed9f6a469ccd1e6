// TLS errors are never ignored: against a local HTTPS server with a self-signed certificate
// (selfsigned.crt/.key beside this file, made for this test only) the sender and the CLI give up
// before the request, so the token never crosses an unverified connection. The server side
// proves it: it decrypts nothing.
#include "sending/batchsender.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;

namespace {

const QByteArray Secret = "0/tenfold-secret-7c1f";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTlsVerification : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("this Qt has no TLS backend");
        const QString dir = QStringLiteral(TENFOLD_SOURCE_DIR "/tests/secrets/");
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(
            QSslCertificate(readFile(dir + QStringLiteral("selfsigned.crt"))));
        config.setPrivateKey(QSslKey(readFile(dir + QStringLiteral("selfsigned.key")), QSsl::Rsa));
        QVERIFY(!config.localCertificate().isNull());
        QVERIFY(!config.privateKey().isNull());
        m_server.setSslConfiguration(config);
        // Only a completed handshake yields a connection; record whatever it would decrypt.
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_handshakes;
                connect(socket, &QIODevice::readyRead, this,
                        [this, socket] { m_decrypted += socket->readAll(); });
            }
        });
        connect(&m_server, &QSslServer::errorOccurred, this,
                [this](QSslSocket *, QAbstractSocket::SocketError) { ++m_failedHandshakes; });
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/api/1.0").arg(m_server.serverPort()));
    }

    void init()
    {
        m_handshakes = 0;
        m_failedHandshakes = 0;
        m_decrypted.clear();
    }

    void senderRefusesAnUntrustedCertificate()
    {
        Session session;
        session.actions = {Action(QStringLiteral("get"), QStringLiteral("/tasks/1401")),
                           Action(QStringLiteral("post"), QStringLiteral("/tasks"))};
        SendOptions options;
        options.baseUrl = m_baseUrl;
        options.token = QString::fromUtf8(Secret);
        options.plan = Plan::paid();
        BatchSender sender;
        QSignalSpy finished(&sender, &BatchSender::finished);
        QVERIFY(!sender.start(session, options));
        QVERIFY(finished.wait(20000));
        for (const ActionResult &result : sender.run().results) {
            // Failed, not unknown: nothing was sent, so nothing may have run.
            QCOMPARE(result.state, ActionState::Failed);
            QVERIFY2(result.reason.contains(QLatin1String("nothing was sent")),
                     qPrintable(result.reason));
        }
        QVERIFY(m_failedHandshakes > 0 || m_handshakes == 0);
        QCOMPARE(m_handshakes, 0);
        QVERIFY(m_decrypted.isEmpty());
    }

    void cliRefusesAnUntrustedCertificate()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("one.json"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(QJsonArray{QJsonObject{
                              {QStringLiteral("method"), QStringLiteral("get")},
                              {QStringLiteral("relative_path"), QStringLiteral("/tasks/1401")}}})
                .toJson());
        file.close();
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ASANA_ACCESS_TOKEN"), QString::fromUtf8(Secret));
        process.setProcessEnvironment(environment);
        QSignalSpy done(&process, &QProcess::finished); // the server needs this event loop
        process.start(
            QStringLiteral(TENFOLD_CLI_PATH),
            {QStringLiteral("send"), QStringLiteral("--base-url"), m_baseUrl.toString(), input});
        QVERIFY(done.wait(30000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        // Nothing could be sent: exit 3. Show what the CLI said when it is anything else.
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 3,
                 output.constData());
        QVERIFY2(output.contains("nothing was sent"), output.constData());
        QVERIFY(!output.contains(Secret));
        QCOMPARE(m_handshakes, 0);
        QVERIFY(m_decrypted.isEmpty());
    }

    void noCodeIgnoresTlsErrors()
    {
        // The behaviour above is the proof; this keeps a future shortcut from slipping in.
        for (const char *folder : {"core", "ui", "app"}) {
            QDirIterator it(QStringLiteral(TENFOLD_SOURCE_DIR "/") + QLatin1String(folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QByteArray text = readFile(path);
                QVERIFY2(!text.contains("ignoreSslErrors"), qPrintable(path));
                QVERIFY2(!text.contains("VerifyNone"), qPrintable(path));
            }
        }
    }

private:
    QSslServer m_server;
    QUrl m_baseUrl;
    int m_handshakes = 0;
    int m_failedHandshakes = 0;
    QByteArray m_decrypted;
};

QTEST_GUILESS_MAIN(TestTlsVerification)
#include "tst_tlsverification.moc"
