// The secrets sweep of the window: the token is entered in the token dialog, then everything that
// produces output is done (send to the sandbox, to a loopback server that answers 401, to an
// unreachable https address and to one that accepts it; save with results, autosave, export
// results as JSON and CSV, export curl), and the token is searched for in every file under the
// test's folders (HOME and XDG folders included), the window title, every status bar message, the
// target status, the results pane, the message boxes and all qDebug/qWarning output. Also: plain
// http to a host that is not this computer is refused before any connection is made.
#include "actiontable/actiontablemodel.h"
#include "curl/curlexportdialog.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokendialog.h"
#include "sending/tokenstore.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkProxy>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace Tenfold;

namespace {

const QString Secret = QStringLiteral("0/tenfold-secret-7c1f");

bool containsSecret(const QByteArray &bytes)
{
    return bytes.contains(Secret.toUtf8()) || bytes.contains("tenfold-secret-7c1f") ||
           bytes.contains(QUrl::toPercentEncoding(Secret));
}

bool containsSecret(const QString &text)
{
    return containsSecret(text.toUtf8());
}

QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

Action readTask(int i)
{
    return Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i));
}

} // namespace

class TestGuiSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Every place the window could write to lies under the test's folder, so it is searched.
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(home));
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/.config")).toUtf8());
        qputenv("XDG_DATA_HOME", (home + QStringLiteral("/.local/share")).toUtf8());
        qputenv("XDG_CACHE_HOME", (home + QStringLiteral("/.cache")).toUtf8());
        qputenv("XDG_STATE_HOME", (home + QStringLiteral("/.local/state")).toUtf8());
        qunsetenv("ASANA_ACCESS_TOKEN");
        TestSupport::isolate(m_dir);
        g_previousHandler = qInstallMessageHandler(captureMessage);
        qInfo("message capture on"); // proves the handler sees messages
        QVERIFY(g_messages.contains(QStringLiteral("message capture on")));

        m_window = std::make_unique<MainWindow>();
        m_window->setTokenStore(std::make_unique<MemoryTokenStore>());
        connect(m_window->statusBar(), &QStatusBar::messageChanged, this,
                [this](const QString &message) { m_texts.append(message); });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        if (m_window) {
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
        qInstallMessageHandler(g_previousHandler);
    }

    void enterTheTokenInTheDialog()
    {
        m_window->editToken();
        auto *dialog = m_window->findChild<TokenDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit")), Secret);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(m_window->findChild<TokenDialog *>() == nullptr);
        collectWindowTexts();

        // Opened again, the dialog only hints at the stored token.
        m_window->editToken();
        dialog = m_window->findChild<TokenDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->text().isEmpty());
        const QString hint = dialog->findChild<QLabel *>(QStringLiteral("tokenHint"))->text();
        QVERIFY2(hint.contains(QStringLiteral("7c1f")), qPrintable(hint)); // recognisable
        for (QLabel *label : dialog->findChildren<QLabel *>())
            m_texts.append(label->text());
        dialog->reject();
        QTRY_VERIFY(m_window->findChild<TokenDialog *>() == nullptr);
    }

    void sendEverywhere()
    {
        Session session;
        session.name = QStringLiteral("secrets");
        Action create(QStringLiteral("post"), QStringLiteral("/tasks"));
        create.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("sweep")},
                                  {QStringLiteral("workspace"), QStringLiteral("1001")}};
        session.actions = {readTask(0), readTask(1), create, readTask(998)};
        m_window->document()->load(session, {});

        // The sandbox (it gets a fixed token of its own, never the user's).
        m_window->setTarget(QStringLiteral("sandbox"));
        sendAndWait();
        QCOMPARE(m_window->results()->entry(0).result.state, ActionState::Succeeded);

        // A loopback server that refuses the token with 401.
        SandboxOptions refusing;
        refusing.token = QStringLiteral("not-the-users-token");
        SandboxServer unauthorized(refusing);
        QVERIFY(!unauthorized.listen(0));
        m_window->setTarget(unauthorized.baseUrl().toString());
        sendAndWait();
        QCOMPARE(m_window->results()->entry(0).result.state, ActionState::Failed);
        QCOMPARE(m_window->results()->entry(0).result.statusCode, 401);

        // An https address where nothing listens.
        m_window->setTarget(QStringLiteral("https://127.0.0.1:1/api/1.0"));
        sendAndWait();
        QCOMPARE(m_window->results()->entry(0).result.state, ActionState::Failed);

        // A server that takes it: the token went out (in the Authorization header only).
        SandboxServer accepting;
        QVERIFY(!accepting.listen(0));
        m_window->setTarget(accepting.baseUrl().toString());
        sendAndWait();
        QCOMPARE(m_window->results()->entry(0).result.state, ActionState::Succeeded);
        QCOMPARE(m_window->results()->entry(3).result.statusCode, 404);
    }

    void saveAutosaveAndExport()
    {
        const QString saved = m_dir.filePath(QStringLiteral("secrets.tenfold.json"));
        // Results of a server other than the sandbox are kept only when the user asks.
        QAction *keep = m_window->findChild<QAction *>(QStringLiteral("actionKeepResults"));
        QVERIFY(keep && !keep->isChecked());
        keep->trigger();
        FileDialog::setNextFileName(saved);
        QVERIFY(m_window->saveAs());
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"results\"")); // results were kept with the session
        collectWindowTexts();

        m_window->document()->actions()->editField(0, ActionTableModel::PathColumn,
                                                   QStringLiteral("/tasks/1410"));
        m_window->autosave();
        m_window->recoveryStore().waitForBackgroundWork(); // written off the UI thread
        QVERIFY(QFile::exists(m_window->recoveryStore().sessionPath()));
        QVERIFY(m_window->exportResults(m_dir.filePath(QStringLiteral("secrets.results.json")))
                    .isEmpty());
        QVERIFY(m_window->exportResults(m_dir.filePath(QStringLiteral("secrets.csv"))).isEmpty());
        collectWindowTexts();
    }

    void exportCurlFromTheMenu()
    {
        QAction *curl = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text().contains(QStringLiteral("c&url")))
                curl = action;
        }
        QVERIFY(curl);
        QString withoutToken;
        QString tokenTicked;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<CurlExportDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *include = dialog->findChild<QCheckBox *>(QStringLiteral("includeToken"));
            if (include)
                include->setChecked(false);
            withoutToken = dialog->commands();
            // Even ticked, the window hands the dialog no token (a placeholder is written).
            if (include)
                include->setChecked(true);
            tokenTicked = dialog->commands();
            dialog->reject();
        });
        curl->trigger();
        QVERIFY2(withoutToken.contains(QStringLiteral("curl")), qPrintable(withoutToken));
        m_texts << withoutToken << tokenTicked;
    }

    void plainHttpToAnotherHostIsRefusedBeforeAnyConnection()
    {
        // Tests reach nothing beyond loopback, even when the code under test is broken: every
        // connection is routed through an HTTP proxy that is a listener on 127.0.0.1. Had the
        // window sent anything to the remote host, the request would land there.
        QTcpServer trap;
        QVERIFY(trap.listen(QHostAddress::LocalHost, 0));
        int connections = 0;
        connect(&trap, &QTcpServer::newConnection, this, [&] { ++connections; });
        QNetworkProxy::setApplicationProxy(QNetworkProxy(
            QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), trap.serverPort()));
        const auto restore = qScopeGuard([] {
            QNetworkProxyFactory::setApplicationProxyFactory(
                new TestSupport::LoopbackOnlyProxyFactory);
        });

        MessageBox::takeShownTexts();
        m_window->setTarget(QStringLiteral("http://asana.example.com/api/1.0"));
        m_window->sendAction()->trigger();
        QVERIFY(!m_window->isSending());
        const QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QStringLiteral("plain http")), qPrintable(shown));
        m_texts.append(shown);
        QTest::qWait(300); // a connection, had one been made, would arrive in this time
        QCOMPARE(connections, 0);
    }

    void theTokenAppearsNowhere()
    {
        collectWindowTexts();
        m_texts.append(MessageBox::takeShownTexts());
        for (const QString &text : std::as_const(m_texts))
            QVERIFY2(!containsSecret(text), qPrintable(text));
        for (const QString &message : std::as_const(g_messages))
            QVERIFY2(!containsSecret(message), qPrintable(message));

        // Every cell of the results pane, shown or in a tooltip.
        ResultsModel *results = m_window->results();
        for (int row = 0; row < results->rowCount(); ++row) {
            for (int column = 0; column < results->columnCount(); ++column) {
                const QModelIndex index = results->index(row, column);
                QVERIFY(!containsSecret(results->data(index, Qt::DisplayRole).toString()));
                QVERIFY(!containsSecret(results->data(index, Qt::ToolTipRole).toString()));
            }
        }

        // Every file written anywhere under the test's folder (saved session, recovery file,
        // exports, settings).
        QStringList searched;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!containsSecret(file.readAll()), qPrintable(path));
            searched.append(QFileInfo(path).fileName());
        }
        for (const char *expected :
             {"secrets.tenfold.json", "secrets.results.json", "secrets.csv", "history.sqlite"})
            QVERIFY2(searched.contains(QLatin1String(expected)), qPrintable(searched.join(u' ')));
        // The window's recovery copy is named after the window.
        const QString recovery = QFileInfo(m_window->recoveryStore().sessionPath()).fileName();
        QVERIFY2(searched.contains(recovery), qPrintable(searched.join(u' ')));
    }

private:
    void sendAndWait()
    {
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(m_window->isSending());
        collectWindowTexts();
        QVERIFY(finished.wait(20000));
        collectWindowTexts();
    }

    void collectWindowTexts()
    {
        m_texts.append(m_window->windowTitle());
        m_texts.append(m_window->statusBar()->currentMessage());
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
            m_texts.append(label->text());
            m_texts.append(label->toolTip());
        }
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_texts;
};

QTEST_MAIN(TestGuiSecrets)
#include "tst_guisecrets.moc"
