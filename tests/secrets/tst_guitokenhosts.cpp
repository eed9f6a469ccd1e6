// A session file cannot send the token to a server of its author's choosing: before the token
// goes to a host other than Asana's API host or this computer for the first time, the window asks
// (per host, remembered in the settings, never the token). The foreign hosts here are names that
// cannot resolve; every connection to them lands in a trap on 127.0.0.1 (the test's HTTP proxy),
// so the trap proves whether anything left before the user's answer.
#include "actiontable/actiontablemodel.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokendialog.h"
#include "sending/tokenhosts.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"

#include <QFile>
#include <QLabel>
#include <QNetworkProxyFactory>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Tenfold;

namespace {

const QString Secret = QStringLiteral("0/tenfold-secret-host-4d2e");
const QString Foreign = QStringLiteral("https://asana-api.example.net/api/1.0");
const QString OtherForeign = QStringLiteral("https://other-mirror.example.org/api/1.0");

/// Loopback goes direct; any other host goes to the trap, a listener on 127.0.0.1.
class TrapProxyFactory : public QNetworkProxyFactory
{
public:
    explicit TrapProxyFactory(quint16 port)
        : m_port(port)
    {
    }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy::NoProxy};
        return {QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_port)};
    }

private:
    quint16 m_port;
};

Action readTask(int i)
{
    return Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i));
}

} // namespace

class TestGuiTokenHosts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TestSupport::isolate(m_dir);
        qunsetenv("ASANA_ACCESS_TOKEN");
        TokenHosts::forgetAll();
        QVERIFY(m_trap.listen(QHostAddress::LocalHost, 0));
        // What a connection asks for ("CONNECT host:443"), then a refusal: no TLS here.
        connect(&m_trap, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_trap.nextPendingConnection()) {
                ++m_connections;
                connect(socket, &QIODevice::readyRead, this, [this, socket] {
                    m_requested += QString::fromLatin1(socket->readAll());
                    socket->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n"
                                  "Connection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
        QNetworkProxyFactory::setApplicationProxyFactory(new TrapProxyFactory(m_trap.serverPort()));
    }

    void init()
    {
        MessageBox::takeShownTexts();
        m_window = std::make_unique<MainWindow>();
        auto store = std::make_unique<MemoryTokenStore>();
        store->write(Secret, [](std::optional<Error>) {});
        m_window->setTokenStore(std::move(store));
        m_window->sendController()->setTimeoutMs(5000); // the trap never answers past CONNECT
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        if (m_window) {
            m_window->cancelSend();
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }

    void aSessionFileCannotRedirectTheToken()
    {
        openSessionTargeting(Foreign);
        QCOMPARE(m_window->document()->target().kind, Target::Kind::Custom);

        // Declined: nothing leaves, nothing is remembered.
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        const QString asked = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(asked.contains(QStringLiteral("asana-api.example.net")), qPrintable(asked));
        QVERIFY(!m_window->isSending()); // the sender never started: no request can follow
        QVERIFY(!m_window->results()->hasResult(0));
        QVERIFY2(
            m_window->statusBar()->currentMessage().contains(QStringLiteral("Nothing was sent")),
            qPrintable(m_window->statusBar()->currentMessage()));
        QCoreApplication::processEvents();
        QCOMPARE(m_connections, 0);
        QVERIFY(TokenHosts::trustedHosts().isEmpty());

        // Confirmed: the request goes there, and the host is remembered by name only.
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_window->isSending());
        QTRY_VERIFY_WITH_TIMEOUT(m_requested.contains(QStringLiteral("asana-api.example.net")),
                                 20000);
        QCOMPARE(TokenHosts::trustedHosts(), QStringList{QStringLiteral("asana-api.example.net")});
        QVERIFY(finished.wait(30000));
        QSettings().sync();
        QFile settings(QSettings().fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray stored = settings.readAll();
        QVERIFY(stored.contains("asana-api.example.net"));
        QVERIFY(!stored.contains(Secret.toUtf8()));

        // The next send there goes without asking (had it asked, "No" would have stopped it).
        MessageBox::takeShownTexts();
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_window->isSending());
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        QVERIFY(MessageBox::takeShownTexts().isEmpty());
        QVERIFY(finished.wait(30000));
    }

    void sendFailedAgainAsksForAnUnconfirmedHostToo()
    {
        openSessionTargeting(Foreign);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        QVERIFY(m_window->sendFailedAction()->isEnabled()); // the trap answers nothing

        TokenHosts::forgetAll();
        const int before = m_connections;
        MessageBox::takeShownTexts();
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        const QString asked = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(asked.contains(QStringLiteral("asana-api.example.net")), qPrintable(asked));
        QVERIFY(!m_window->isSending());
        QCoreApplication::processEvents();
        QCOMPARE(m_connections, before);
    }

    void eachHostIsConfirmedOnItsOwn()
    {
        TokenHosts::trust(QUrl(Foreign));
        openSessionTargeting(OtherForeign);
        const int before = m_connections;
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        const QString asked = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(asked.contains(QStringLiteral("other-mirror.example.org")), qPrintable(asked));
        QVERIFY(!m_window->isSending());
        QCoreApplication::processEvents();
        QCOMPARE(m_connections, before);
        QCOMPARE(TokenHosts::trustedHosts(), QStringList{QStringLiteral("asana-api.example.net")});
    }

    void asanaAndThisComputerDoNotAsk()
    {
        // A loopback server that only accepts the user's token: success proves it went there.
        SandboxOptions options;
        options.token = Secret;
        SandboxServer server(options);
        QVERIFY(!server.listen(0));
        openSessionTargeting(server.baseUrl().toString());
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        MessageBox::setNextAnswer(QMessageBox::No); // would stop the send, had it asked
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_window->isSending());
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(m_window->results()->entry(0).result.state, ActionState::Succeeded);

        // Asana itself (the trap stands in for it: no test reaches the internet).
        m_window->setTarget(QStringLiteral("asana"));
        m_requested.clear();
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_window->isSending());
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        QVERIFY(MessageBox::takeShownTexts().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_requested.contains(QStringLiteral("app.asana.com")), 20000);
        QVERIFY(TokenHosts::trustedHosts().size() <= 1); // nothing added for Asana
    }

    void theTokenDialogForgetsConfirmedHosts()
    {
        TokenHosts::trust(QUrl(Foreign));
        m_window->editToken();
        auto *dialog = m_window->findChild<TokenDialog *>();
        QVERIFY(dialog);
        auto *hosts = dialog->findChild<QLabel *>(QStringLiteral("tokenHosts"));
        QVERIFY(hosts);
        QVERIFY(hosts->text().contains(QStringLiteral("asana-api.example.net")));
        dialog->findChild<QPushButton *>(QStringLiteral("tokenForgetHosts"))->click();
        QVERIFY(TokenHosts::trustedHosts().isEmpty());
        dialog->reject();
    }

private:
    void openSessionTargeting(const QString &target)
    {
        Session session;
        session.name = QStringLiteral("shared");
        session.target = Target::parse(target).value();
        session.actions = {readTask(0), readTask(1)};
        const QString path = m_dir.filePath(QStringLiteral("shared.tenfold.json"));
        QVERIFY(!writeFileAtomically(path, serializeSession(session)));
        FileDialog::setNextFileName(path);
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(m_window->document()->actions()->rowCount(), 2);
        QCOMPARE(m_window->document()->target().spec(), session.target.spec());
    }

    QTemporaryDir m_dir;
    QTcpServer m_trap;
    int m_connections = 0;
    QString m_requested;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestGuiTokenHosts)
#include "tst_guitokenhosts.moc"
