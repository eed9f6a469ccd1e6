// Leaving a session while it is being sent, through the real window and a slow in-process
// sandbox: Quit (Ctrl+Q), New (Ctrl+N) and Open (Ctrl+O) ask first; "keep sending" changes
// nothing and every answer still lands on its row; "stop" cancels and keeps every answer,
// including the batches the server had already received (writes in flight end "outcome
// unknown", never lost); and destroying the window mid-send calls nothing in it.
#include "actiontable/actiontablemodel.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Tenfold;

namespace {

Action createTask(int i)
{
    Action action(QStringLiteral("post"), QStringLiteral("/tasks"));
    action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("guard %1").arg(i)},
                              {QStringLiteral("workspace"), QStringLiteral("1001")}};
    return action;
}

Action readTask(int i)
{
    return Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i % 50));
}

int statInt(const SandboxServer *sandbox, const char *key)
{
    return sandbox->stats().value(QLatin1String(key)).toInt();
}

} // namespace

class TestGuiSendGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        MessageBox::takeShownTexts();
        m_window = std::make_unique<MainWindow>();
        m_window->setTokenStore(std::make_unique<MemoryTokenStore>());
        // Slow enough that a person (or this test) acts while batches are in flight.
        SandboxOptions options;
        options.latencyMinMs = 1500;
        options.latencyMaxMs = 1500;
        m_window->sendController()->setSandboxOptions(options);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        if (m_window) {
            m_window->cancelSend();
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
    }

    void quitWhileSendingAsksAndKeepsSending()
    {
        load(30, createTask);
        QSignalSpy finished(sender(), &BatchSender::finished);
        startAndWaitForTheServer();

        MessageBox::setNextAnswer(QMessageBox::No); // keep sending
        QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
        const QString asked = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(asked.contains(QStringLiteral("still being sent")), qPrintable(asked));
        QVERIFY(m_window->isVisible());
        QVERIFY(m_window->isSending());

        QVERIFY(finished.wait(30000));
        QVERIFY(m_window->isVisible());
        for (int row = 0; row < 30; ++row)
            QCOMPARE(state(row), ActionState::Succeeded);

        // Once the send has ended, Quit quits without asking about it.
        QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
        QVERIFY(MessageBox::takeShownTexts().isEmpty());
        QVERIFY(!m_window->isVisible());
    }

    void quitWhileSendingCanStopAndKeepsWhatTheServerAnswered()
    {
        load(30, createTask); // writes: 15 in flight at most
        QSignalSpy finished(sender(), &BatchSender::finished);
        startAndWaitForTheServer();
        const int batchesReceived = statInt(m_window->sendController()->sandbox(), "batches");
        const int actionsReceived = statInt(m_window->sendController()->sandbox(), "actions");

        MessageBox::setNextAnswer(QMessageBox::Yes); // stop sending
        QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
        QVERIFY2(!MessageBox::takeShownTexts().isEmpty(), "Quit did not ask");
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSending(), 30000);
        QVERIFY(m_window->isVisible()); // the answers stay in view
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("stopped")));

        // Every row has its final state, and every batch the server had received is recorded:
        // its answer, or "outcome unknown" (it may have run). Nothing is left pending.
        int unknown = 0;
        int answered = 0;
        for (int row = 0; row < 30; ++row) {
            const ActionState s = state(row);
            QVERIFY2(s == ActionState::OutcomeUnknown || s == ActionState::Succeeded ||
                         s == ActionState::Cancelled,
                     qPrintable(QString::number(row)));
            unknown += s == ActionState::OutcomeUnknown ? 1 : 0;
            answered += s == ActionState::Succeeded ? 1 : 0;
            QVERIFY(m_window->results()->hasResult(row));
        }
        QVERIFY(batchesReceived >= 1);
        QVERIFY2(unknown + answered >= actionsReceived, qPrintable(QString::number(unknown)));
        QVERIFY(unknown > 0);
        QVERIFY(m_window->sendFailedAction()->isEnabled());

        // Quitting now quits: nothing is in flight any more.
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
        QVERIFY(!m_window->isVisible());
    }

    void closingTheWindowWhileSendingAsksToo()
    {
        load(30, createTask);
        startAndWaitForTheServer();
        MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!m_window->close()); // the title bar's close button, the window manager
        QVERIFY(!MessageBox::takeShownTexts().isEmpty());
        QVERIFY(m_window->isVisible());
        QVERIFY(m_window->isSending());
    }

    void destroyingTheWindowMidSendCallsNothingInIt()
    {
        // An application quitting without closing its windows first destroys the window with
        // the send running: the cancelled batches must not report into the half-destroyed
        // window (a debug build asserted "Called object is not of the correct type").
        load(30, createTask);
        startAndWaitForTheServer();
        m_window.reset();
        QCoreApplication::processEvents();
        QVERIFY(!m_window);
    }

    void newWhileSendingKeepsTheRunOnItsSession()
    {
        load(30, readTask);
        QSignalSpy finished(sender(), &BatchSender::finished);
        startAndWaitForTheServer();

        MessageBox::setNextAnswer(QMessageBox::No); // keep sending
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(!MessageBox::takeShownTexts().isEmpty());
        QCOMPARE(m_window->document()->actions()->rowCount(), 30);
        QVERIFY(m_window->isSending());
        QVERIFY(finished.wait(30000));
        // Every answer is on its own row of the session that was sent.
        for (int row = 0; row < 30; ++row) {
            QCOMPARE(state(row), ActionState::Succeeded);
            QCOMPARE(m_window->results()->entry(row).sent.relativePath,
                     m_window->document()->actions()->action(row).relativePath);
        }

        // Stopping keeps the session and its answers; New then starts a new session.
        finished.clear();
        startAndWaitForTheServer();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSending(), 30000);
        QCOMPARE(m_window->document()->actions()->rowCount(), 30);
        for (int row = 0; row < 30; ++row)
            QVERIFY(state(row) != ActionState::Pending);
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(m_window->document()->actions()->rowCount(), 0);
        QCOMPARE(m_window->results()->resultCount(), 0);
    }

    void openWhileSendingKeepsTheRunOnItsSession()
    {
        Session other;
        other.name = QStringLiteral("other");
        other.actions = {readTask(7)};
        const QString path = m_dir.filePath(QStringLiteral("other.tenfold.json"));
        QVERIFY(!writeFileAtomically(path, serializeSession(other)));

        load(30, readTask);
        QSignalSpy finished(sender(), &BatchSender::finished);
        startAndWaitForTheServer();
        FileDialog::setNextFileName(path);
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
        QVERIFY(!MessageBox::takeShownTexts().isEmpty());
        QCOMPARE(m_window->document()->actions()->rowCount(), 30);
        QVERIFY(finished.wait(30000));
        for (int row = 0; row < 30; ++row)
            QCOMPARE(state(row), ActionState::Succeeded);

        // After the send, Open opens.
        FileDialog::setNextFileName(path);
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(m_window->document()->actions()->rowCount(), 1);
        QCOMPARE(m_window->results()->resultCount(), 0);
    }

private:
    BatchSender *sender() const { return m_window->sendController()->sender(); }

    ActionState state(int row) const { return m_window->results()->entry(row).result.state; }

    void load(int count, Action (*make)(int))
    {
        Session session;
        session.name = QStringLiteral("guarded");
        for (int i = 0; i < count; ++i)
            session.actions.append(make(i));
        m_window->document()->load(session, {});
    }

    /// Sends with Ctrl+Return and waits until the server has received a batch.
    void startAndWaitForTheServer()
    {
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_window->isSending());
        SandboxServer *sandbox = m_window->sendController()->sandbox();
        QVERIFY(sandbox);
        QTRY_VERIFY_WITH_TIMEOUT(statInt(sandbox, "batches") >= 1, 20000); // counted on arrival
        QVERIFY(m_window->isSending()); // 1.5 s per action: still far from done
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestGuiSendGuard)
#include "tst_guisendguard.moc"
