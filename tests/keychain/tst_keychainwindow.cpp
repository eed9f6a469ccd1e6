// The window with its real token store (the system keychain, here gnome-keyring-daemon on a
// private D-Bus: privatekeyring.h) sending to a loopback server that accepts exactly one token:
// a token typed into the token dialog is kept in the keychain, the next window sends with it
// without asking, a new token replaces it, Forget erases it; when the keyring daemon goes away
// mid-run the window keeps the token in memory and says so, and a window started without a
// keychain asks for the token and sends with it.
#include "document/sessiondocument.h"
#include "keychaintestsupport.h"
#include "mainwindow/mainwindow.h"
#include "privatekeyring.h"
#include "results/resultsmodel.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokendialog.h"
#include "sending/tokenstore.h"
#include "uitestsupport.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Tenfold;
using namespace KeychainTest;

class TestKeychainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_keyring.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        TestSupport::isolate(m_dir);
        qunsetenv("ASANA_ACCESS_TOKEN");
    }

    void cleanup()
    {
        for (auto &window : m_windows) {
            window->cancelSend();
            MessageBox::setNextAnswer(QMessageBox::Discard);
            window->close();
        }
        m_windows.clear();
        m_server.reset();
        m_serverToken.clear();
    }

    void aTypedTokenIsKeptInTheKeychain()
    {
        m_token = makeToken();
        MainWindow *window = openWindow(m_token);
        QSignalSpy finished(window->sendController()->sender(), &BatchSender::finished);
        window->sendAction()->trigger();
        // Nothing is stored yet: the window asks.
        QVERIFY(typeIntoTokenDialog(window, m_token));
        QVERIFY(finished.wait(20000));
        QCOMPARE(window->results()->entry(0).result.state, ActionState::Succeeded);
        QTRY_VERIFY2_WITH_TIMEOUT(stored() == m_token, "the keychain does not hold the token",
                                  30000);
        const QLabel *status = targetStatus(window);
        QVERIFY2(status->text().contains(maskToken(m_token)), qPrintable(status->text()));
        QVERIFY2(!status->text().contains(QStringLiteral("not in the keychain")),
                 qPrintable(status->text()));
        QVERIFY2(status->toolTip().isEmpty(), qPrintable(status->toolTip()));
    }

    void theNextWindowSendsWithTheStoredToken()
    {
        MainWindow *window = openWindow(m_token);
        QSignalSpy finished(window->sendController()->sender(), &BatchSender::finished);
        window->sendAction()->trigger();
        // No dialog: the send can only finish with the token from the keychain.
        QVERIFY(finished.wait(20000));
        QVERIFY(!window->findChild<TokenDialog *>());
        QCOMPARE(window->results()->entry(0).result.state, ActionState::Succeeded);
        QVERIFY2(targetStatus(window)->text().contains(maskToken(m_token)),
                 qPrintable(targetStatus(window)->text()));
    }

    void aNewTokenReplacesTheStoredOne()
    {
        MainWindow *window = openWindow(m_token);
        QVERIFY(sendAndWait(window));
        window->editToken();
        TokenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<TokenDialog *>()) != nullptr);
        const QString hint = dialog->findChild<QLabel *>(QStringLiteral("tokenHint"))->text();
        QVERIFY2(hint.contains(maskToken(m_token)) &&
                     hint.contains(QStringLiteral("kept in the system keychain")),
                 qPrintable(hint));
        const QString replaced = m_token;
        m_token = makeToken();
        QVERIFY(typeIntoTokenDialog(window, m_token));
        QTRY_VERIFY2_WITH_TIMEOUT(stored() == m_token, "the keychain does not hold the new token",
                                  30000);

        // The next window sends with the new one (the server takes no other).
        MainWindow *next = openWindow(m_token);
        QVERIFY(sendAndWait(next));
        QCOMPARE(next->results()->entry(0).result.state, ActionState::Succeeded);
        QVERIFY(replaced != m_token);
    }

    void forgettingErasesTheStoredToken()
    {
        MainWindow *window = openWindow(m_token);
        QVERIFY(sendAndWait(window));
        window->editToken();
        TokenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<TokenDialog *>()) != nullptr);
        auto *forget = dialog->findChild<QPushButton *>(QStringLiteral("tokenForget"));
        QVERIFY(forget);
        forget->click();
        QTRY_VERIFY_WITH_TIMEOUT(stored().isEmpty(), 30000);
        QVERIFY2(targetStatus(window)->text().contains(QStringLiteral("token: not set")),
                 qPrintable(targetStatus(window)->text()));

        // The next window has no token to use and asks; cancelling sends nothing.
        MainWindow *next = openWindow(m_token);
        next->sendAction()->trigger();
        QTRY_VERIFY((dialog = next->findChild<TokenDialog *>()) != nullptr);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        QTRY_VERIFY(!next->findChild<TokenDialog *>());
        QVERIFY(!next->isSending());
        QCOMPARE(next->results()->entry(0).result.statusCode, 0);
    }

    void aKeychainThatGoesAwayKeepsTheTokenInMemory()
    {
        m_token = makeToken();
        MainWindow *window = openWindow(m_token);
        QSignalSpy finished(window->sendController()->sender(), &BatchSender::finished);
        window->sendAction()->trigger();
        QVERIFY(typeIntoTokenDialog(window, m_token));
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY2_WITH_TIMEOUT(stored() == m_token, "the keychain does not hold the token",
                                  30000);

        // The keyring daemon ends while the window is open (a crash, the session ending).
        QVERIFY(m_keyring.killKeyring());
        m_token = makeToken();
        aimServerAt(m_token);
        window->setTarget(m_server->baseUrl().toString());
        window->editToken();
        QVERIFY(typeIntoTokenDialog(window, m_token));
        const QLabel *status = targetStatus(window);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("not in the keychain")),
                                  qPrintable(status->text()), 30000);
        QVERIFY2(status->text().contains(maskToken(m_token)), qPrintable(status->text()));
        QVERIFY2(status->toolTip().contains(QStringLiteral(
                     "could not be stored (the system keychain is not available: ")) &&
                     status->toolTip().contains(
                         QStringLiteral("it is kept in memory until Tenfold quits")),
                 qPrintable(status->toolTip()));

        // The token in memory is the one sent.
        QVERIFY(sendAndWait(window));
        QCOMPARE(window->results()->entry(0).result.state, ActionState::Succeeded);
    }

    void aWindowWithoutKeychainAsksAndSends()
    {
        m_token = makeToken();
        MainWindow *window = openWindow(m_token);
        QSignalSpy finished(window->sendController()->sender(), &BatchSender::finished);
        window->sendAction()->trigger();
        TokenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<TokenDialog *>()) != nullptr);
        const QLabel *status = targetStatus(window);
        QVERIFY2(status->toolTip().startsWith(QStringLiteral(
                     "The stored token could not be read (the system keychain is not available: ")),
                 qPrintable(status->toolTip()));
        QVERIFY(typeIntoTokenDialog(window, m_token));
        QVERIFY(finished.wait(20000));
        QCOMPARE(window->results()->entry(0).result.state, ActionState::Succeeded);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("not in the keychain")),
                                  qPrintable(status->text()), 30000);
        QVERIFY2(status->toolTip().contains(QStringLiteral("kept in memory until Tenfold quits")),
                 qPrintable(status->toolTip()));
    }

private:
    /// A window with one read of a task, aimed at a loopback server that accepts only `token`.
    MainWindow *openWindow(const QString &token)
    {
        aimServerAt(token);
        auto window = std::make_unique<MainWindow>();
        Session session;
        session.name = QStringLiteral("Keychain");
        session.actions = {Action(QStringLiteral("get"), QStringLiteral("/tasks/1401"))};
        window->document()->load(session, {});
        window->setTarget(m_server->baseUrl().toString());
        window->show();
        m_windows.push_back(std::move(window));
        return m_windows.back().get();
    }

    /// Replaces the server unless the running one already accepts `token`.
    void aimServerAt(const QString &token)
    {
        if (m_server && m_serverToken == token)
            return;
        SandboxOptions options;
        options.token = token;
        m_server = std::make_unique<SandboxServer>(options);
        m_serverToken = token;
        if (std::optional<Error> error = m_server->listen(0))
            qFatal("the sandbox does not listen: %s", qPrintable(error->toString()));
    }

    /// Waits for the token dialog, types `token` as a person would and confirms it.
    static bool typeIntoTokenDialog(MainWindow *window, const QString &token)
    {
        TokenDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = window->findChild<TokenDialog *>()); }, 30000))
            return false;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit")), token);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        return QTest::qWaitFor([&] { return !window->findChild<TokenDialog *>(); }, 30000);
    }

    static bool sendAndWait(MainWindow *window)
    {
        QSignalSpy finished(window->sendController()->sender(), &BatchSender::finished);
        window->sendAction()->trigger();
        return finished.wait(20000);
    }

    static const QLabel *targetStatus(MainWindow *window)
    {
        return window->findChild<QLabel *>(QStringLiteral("targetStatus"));
    }

    /// What the keychain holds now, read by a store of its own; empty for nothing or an error.
    static QString stored()
    {
        KeychainTokenStore store;
        const Result<QString> read = readFrom(store);
        return read ? read.value() : QString();
    }

    PrivateKeyring m_keyring;
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    QString m_serverToken;
    std::vector<std::unique_ptr<MainWindow>> m_windows;
    QString m_token;
};

QTEST_MAIN(TestKeychainWindow)
#include "tst_keychainwindow.moc"
