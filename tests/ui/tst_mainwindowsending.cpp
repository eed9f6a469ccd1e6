// Sending from the window against the in-process sandbox: results line up with the actions row
// for row, the failures filter, a 429 wait that then completes, cancel, and the token never
// reaching a saved session.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "results/resultspane.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "sending/resultsfile.h"
#include "sending/sendcontroller.h"
#include "sending/tokendialog.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Tenfold;

namespace {

Action get(const QString &path)
{
    return Action(QStringLiteral("get"), path);
}

Action createTask(const QString &name)
{
    Action action(QStringLiteral("post"), QStringLiteral("/tasks"));
    action.data = QJsonObject{{QStringLiteral("name"), name},
                              {QStringLiteral("workspace"), QStringLiteral("1001")}};
    return action;
}

/// A keychain that cannot be reached (no Secret Service daemon, locked, denied).
class UnreachableTokenStore : public TokenStore
{
public:
    void read(ReadCallback done) override { done(Error{QStringLiteral("no keychain daemon")}); }
    void write(const QString &, WriteCallback done) override
    {
        done(Error{QStringLiteral("no keychain daemon")});
    }
    void erase(WriteCallback done) override { done(Error{QStringLiteral("no keychain daemon")}); }
    QString describe() const override { return QStringLiteral("nowhere"); }
};

ActionState stateAt(MainWindow *window, int row)
{
    return window->results()->entry(row).result.state;
}

} // namespace

class TestMainWindowSending : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        MessageBox::takeShownTexts();
        m_window = std::make_unique<MainWindow>();
        m_window->setTokenStore(std::make_unique<MemoryTokenStore>());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
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

    void resultsLineUpWithActionsRowForRow()
    {
        Action restricted(QStringLiteral("post"), QStringLiteral("/attachments"));
        restricted.data = QJsonObject{{QStringLiteral("parent"), QStringLiteral("1401")}};
        load({get(QStringLiteral("/tasks/1401")), get(QStringLiteral("/tasks/999999")), restricted,
              createTask(QStringLiteral("Made by the QA run")),
              get(QStringLiteral("/projects/1201"))});
        // The restricted call is a validation error: against the sandbox the user may still
        // rehearse it after saying so.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        sendAndWait();
        ResultsModel *results = m_window->results();
        QCOMPARE(results->rowCount(), 5);
        const QList<int> statuses = {200, 404, 400, 201, 200};
        for (int row = 0; row < 5; ++row) {
            QVERIFY(results->hasResult(row));
            QCOMPARE(results->entry(row).result.statusCode, statuses.at(row));
            QCOMPARE(results->entry(row).sent.relativePath,
                     m_window->document()->actions()->action(row).relativePath);
        }
        QCOMPARE(stateAt(m_window.get(), 1), ActionState::Failed);
        QCOMPARE(stateAt(m_window.get(), 2), ActionState::Failed);
        QCOMPARE(stateAt(m_window.get(), 3), ActionState::Succeeded);
        const QString created =
            results->data(results->index(3, ResultsModel::SummaryColumn)).toString();
        QVERIFY2(created.contains(QStringLiteral("Made by the QA run")), qPrintable(created));
        QVERIFY2(created.contains(QStringLiteral("(")), qPrintable(created)); // the gid
        QVERIFY(m_window->resultsPane()->isVisible());

        // Failures only: exactly the failed rows stay, in both tables.
        QSignalSpy applied(m_window->resultsPane(), &ResultsPane::filterApplied);
        m_window->resultsPane()->setFilter(ResultsModel::Filter::Failures);
        QVERIFY(applied.count() > 0 || applied.wait(5000));
        for (int row = 0; row < 5; ++row) {
            const bool failed = row == 1 || row == 2;
            QCOMPARE(m_window->resultsPane()->view()->isRowHidden(row), !failed);
            QCOMPARE(m_window->actionTable()->isRowHidden(row), !failed);
        }
        m_window->resultsPane()->setFilter(ResultsModel::Filter::All);
        QTRY_VERIFY(!m_window->actionTable()->isRowHidden(0));

        // Editing an action after its result arrived marks the result stale.
        QVERIFY(!results->entry(0).stale);
        m_window->document()->actions()->editField(0, ActionTableModel::PathColumn,
                                                   QStringLiteral("/tasks/1402"));
        QVERIFY(results->entry(0).stale);
        // Results follow their action when rows move.
        m_window->document()->actions()->moveRows({4}, 0);
        QCOMPARE(results->entry(0).sent.relativePath, QStringLiteral("/projects/1201"));
        QCOMPARE(results->entry(2).result.statusCode, 404);

        // Send failed again only takes the failed rows; writes are confirmed first.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QCOMPARE(results->unfinishedRows(), QList<int>({2, 3}));
    }

    void errorsBlockSendingToAsana()
    {
        load({Action(QStringLiteral("post"), QStringLiteral("/attachments"))});
        m_window->setTarget(QStringLiteral("asana"));
        m_window->sendAction()->trigger();
        QVERIFY(!m_window->isSending());
        const QStringList shown = MessageBox::takeShownTexts();
        QVERIFY2(shown.join(u'\n').contains(QStringLiteral("Problems")),
                 qPrintable(shown.join(u'\n')));
        QVERIFY(!m_window->results()->hasResult(0));
    }

    void rateLimitShowsTheWaitThenCompletes()
    {
        SandboxOptions options;
        options.plan = Plan::parse(QStringLiteral("10/2")).value(); // smaller than the paid plan
        m_window->sendController()->setSandboxOptions(options);
        QList<Action> actions;
        for (int i = 0; i < 25; ++i)
            actions.append(get(QStringLiteral("/tasks/%1").arg(1401 + i)));
        load(actions);
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        auto *activity = m_window->findChild<QLabel *>(QStringLiteral("sendActivity"));
        QVERIFY(activity);
        QTRY_VERIFY_WITH_TIMEOUT(activity->text().contains(QStringLiteral("Retry-After")), 10000);
        QVERIFY(m_window->sendController()->retryAfterRemaining() > 0);
        QVERIFY(finished.wait(30000));
        for (int row = 0; row < 25; ++row)
            QCOMPARE(stateAt(m_window.get(), row), ActionState::Succeeded);
        QVERIFY(m_window->sendController()->sender()->run().rateLimitedCount > 0);
        QVERIFY(!activity->isVisible());
    }

    void cancelMidRunLeavesTheRightStates()
    {
        SandboxOptions options;
        options.latencyMinMs = 150;
        options.latencyMaxMs = 200;
        m_window->sendController()->setSandboxOptions(options);
        QList<Action> actions;
        for (int i = 0; i < 120; ++i)
            actions.append(i % 3 == 0 ? createTask(QStringLiteral("t%1").arg(i))
                                      : get(QStringLiteral("/tasks/%1").arg(1401 + i % 50)));
        load(actions);
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        QSignalSpy done(m_window->sendController()->sender(), &BatchSender::actionFinished);
        m_window->sendAction()->trigger();
        QVERIFY(done.wait(10000));
        QVERIFY(m_window->cancelAction()->isEnabled());
        m_window->cancelAction()->trigger();
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        int cancelled = 0;
        int succeeded = 0;
        for (int row = 0; row < actions.size(); ++row) {
            const ActionState state = stateAt(m_window.get(), row);
            QVERIFY2(state != ActionState::Pending, qPrintable(QString::number(row)));
            if (state == ActionState::OutcomeUnknown) {
                // Only a batch holding a write is left unknown (a read batch is just cancelled).
                const int batch = m_window->results()->entry(row).result.batch;
                const BatchRecord &record =
                    m_window->sendController()->sender()->run().batches.at(batch - 1);
                QVERIFY(std::any_of(record.actionIndexes.begin(), record.actionIndexes.end(),
                                    [&](int i) { return !actions.at(i).isRead(); }));
            }
            cancelled += state == ActionState::Cancelled ? 1 : 0;
            succeeded += state == ActionState::Succeeded ? 1 : 0;
        }
        QVERIFY(cancelled > 0);
        QVERIFY(succeeded > 0);
        QVERIFY(!m_window->cancelAction()->isEnabled());
        QVERIFY(m_window->sendFailedAction()->isEnabled());
    }

    void tokenFromTheDialogNeverReachesTheSavedSession()
    {
        const QString secret = QStringLiteral("1/1234567890:abcdefSECRETtoken9876");
        m_window->editToken();
        auto *dialog = m_window->findChild<TokenDialog *>();
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        dialog->findChild<QCheckBox *>(QStringLiteral("tokenShow"))->click();
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QTest::keyClicks(edit, secret);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("targetStatus"));

        load({get(QStringLiteral("/tasks/1401")), get(QStringLiteral("/tasks/999999"))});
        m_window->setTarget(QStringLiteral("asana"));
        QVERIFY(status->text().contains(QStringLiteral("9876")));
        QVERIFY(!status->text().contains(secret));
        m_window->setTarget(QStringLiteral("sandbox"));
        sendAndWait();
        QVERIFY(m_window->results()->hasResult(1));
        const QString path = m_dir.filePath(QStringLiteral("with-results.tenfold.json"));
        FileDialog::setNextFileName(path);
        QVERIFY(m_window->saveAs());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("\"results\""));
        QVERIFY(!saved.contains(secret.toUtf8()));
        QVERIFY(!saved.contains("SECRET"));
        QVERIFY(!saved.contains("tenfold-sandbox-token"));

        // Reopened, the session brings its results back, row for row.
        MainWindow other;
        other.setTokenStore(std::make_unique<MemoryTokenStore>());
        QVERIFY(other.openFile(path).isEmpty());
        QCOMPARE(other.results()->entry(1).result.statusCode, 404);
        QVERIFY(!other.results()->entry(1).stale);
        // Older readers see a plain session.
        QVERIFY(bool(parseInput(saved)));
    }

    void brokenKeptResultsAreReportedAndTheSessionStillOpens()
    {
        Session session;
        session.name = QStringLiteral("QA");
        session.actions = {get(QStringLiteral("/tasks/1401"))};
        QJsonObject root = QJsonDocument::fromJson(serializeSession(session)).object();
        root.insert(QStringLiteral("results"), QStringLiteral("not a results object"));
        const QString path = m_dir.filePath(QStringLiteral("broken-results.tenfold.json"));
        QVERIFY(!writeFileAtomically(path, QJsonDocument(root).toJson()));

        MessageBox::takeShownTexts();
        QVERIFY(m_window->openFile(path).isEmpty());
        QCOMPARE(m_window->document()->actions()->rowCount(), 1);
        QVERIFY(!m_window->results()->hasResult(0));
        // Said in full, in a dialog: the reason is longer than a status bar shows.
        const QStringList shown = MessageBox::takeShownTexts();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().contains(QStringLiteral("could not be read")) &&
                     shown.first().contains(QStringLiteral("not an object")),
                 qPrintable(shown.join(u'|')));
    }

    void sendingToAServerAsksForTheTokenFirst()
    {
        qunsetenv("ASANA_ACCESS_TOKEN");
        SandboxServer server; // stands in for Asana: any bearer token is accepted
        QVERIFY(!server.listen(0));
        load({get(QStringLiteral("/tasks/1401"))});
        m_window->setTarget(server.baseUrl().toString());
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        TokenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<TokenDialog *>()) != nullptr);
        QVERIFY(!m_window->isSending()); // nothing goes without a token
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit")),
                         QStringLiteral("0/abcdef0123456789wxyz"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(stateAt(m_window.get(), 0), ActionState::Succeeded);
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("targetStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("wxyz")), qPrintable(status->text()));
        QVERIFY(!status->text().contains(QStringLiteral("abcdef")));
        // The next send uses the same token without asking.
        m_window->sendAction()->trigger();
        QVERIFY(m_window->isSending());
        QVERIFY(finished.wait(10000));
    }

    void environmentTokenIsUsedWithANotice()
    {
        qputenv("ASANA_ACCESS_TOKEN", "0/fromtheenvironment1234");
        SandboxServer server;
        QVERIFY(!server.listen(0));
        load({get(QStringLiteral("/tasks/1401"))});
        m_window->setTarget(server.baseUrl().toString());
        sendAndWait();
        qunsetenv("ASANA_ACCESS_TOKEN");
        QCOMPARE(stateAt(m_window.get(), 0), ActionState::Succeeded);
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("targetStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("ASANA_ACCESS_TOKEN")),
                 qPrintable(status->text()));
        QVERIFY(!status->text().contains(QStringLiteral("fromtheenvironment")));
    }

    void theKeychainIsPreferredOverTheEnvironment()
    {
        // The server accepts only the stored token: success proves which one was sent.
        qputenv("ASANA_ACCESS_TOKEN", "0/fromtheenvironment1234");
        auto store = std::make_unique<MemoryTokenStore>();
        store->write(QStringLiteral("0/fromthekeychain5678"), [](std::optional<Error>) {});
        m_window->setTokenStore(std::move(store));
        SandboxOptions options;
        options.token = QStringLiteral("0/fromthekeychain5678");
        SandboxServer server(options);
        QVERIFY(!server.listen(0));
        load({get(QStringLiteral("/tasks/1401"))});
        m_window->setTarget(server.baseUrl().toString());
        sendAndWait();
        qunsetenv("ASANA_ACCESS_TOKEN");
        QCOMPARE(stateAt(m_window.get(), 0), ActionState::Succeeded);
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("targetStatus"));
        QVERIFY2(!status->text().contains(QStringLiteral("ASANA_ACCESS_TOKEN")),
                 qPrintable(status->text()));
        QVERIFY(status->text().contains(QStringLiteral("5678")));
    }

    void anUnreachableKeychainKeepsTheTokenInMemory()
    {
        qunsetenv("ASANA_ACCESS_TOKEN");
        m_window->setTokenStore(std::make_unique<UnreachableTokenStore>());
        SandboxServer server;
        QVERIFY(!server.listen(0));
        load({get(QStringLiteral("/tasks/1401"))});
        m_window->setTarget(server.baseUrl().toString());
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        TokenDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<TokenDialog *>()) != nullptr);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit")),
                         QStringLiteral("0/keptinmemory5678"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(stateAt(m_window.get(), 0), ActionState::Succeeded);
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("targetStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("not in the keychain")),
                 qPrintable(status->text()));
        QVERIFY(status->toolTip().contains(QStringLiteral("kept in memory")));
    }

    void resultsExportOpenAndCopy()
    {
        load({get(QStringLiteral("/tasks/1401")), get(QStringLiteral("/tasks/999999"))});
        sendAndWait();
        const QString json = m_dir.filePath(QStringLiteral("run.results.json"));
        const QString csv = m_dir.filePath(QStringLiteral("run.csv"));
        QVERIFY(m_window->exportResults(json).isEmpty());
        QVERIFY(m_window->exportResults(csv).isEmpty());
        Result<SendRun> saved = loadResults(json); // what tenfold-cli send --out writes
        QVERIFY(saved);
        QCOMPARE(saved->results.size(), 2);
        QCOMPARE(saved->results.at(1).statusCode, 404);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("index,method,relative_path,state,status_code"));
        QVERIFY(lines.at(2).startsWith("1,get,/tasks/999999,failed,404,"));

        // Another window with the same actions shows the file row for row.
        MainWindow other;
        other.setTokenStore(std::make_unique<MemoryTokenStore>());
        Session session;
        session.actions = {get(QStringLiteral("/tasks/1401")),
                           get(QStringLiteral("/tasks/999999"))};
        other.document()->load(session, {});
        QVERIFY(other.openResults(json).isEmpty());
        QCOMPARE(other.results()->entry(0).result.statusCode, 200);
        QCOMPARE(other.results()->entry(1).result.state, ActionState::Failed);
        QVERIFY(!other.results()->entry(1).stale);

        // Copy: the selected result as JSON, with its row's index.
        m_window->resultsPane()->view()->selectRow(1);
        m_window->resultsPane()->copySelection();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(QStringLiteral("\"status_code\": 404")), qPrintable(copied));
        QVERIFY(copied.contains(QStringLiteral("\"index\": 1")));
    }

    void selectionIsSyncedBothWays()
    {
        load({get(QStringLiteral("/tasks/1401")), get(QStringLiteral("/tasks/1402")),
              get(QStringLiteral("/tasks/1403"))});
        sendAndWait();
        QVERIFY(m_window->sendAction()->isEnabled());
        QVERIFY(!m_window->cancelAction()->isEnabled());
        QTableView *results = m_window->resultsPane()->view();
        m_window->actionTable()->selectRows({2});
        QCOMPARE(results->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(results->selectionModel()->selectedRows().first().row(), 2);
        results->selectRow(0);
        QCOMPARE(m_window->actionTable()->selectedRows(), QList<int>({0}));
        QCOMPARE(m_window->actionTable()->verticalHeader()->defaultSectionSize(),
                 results->verticalHeader()->defaultSectionSize());
    }

    void pastingACurlCommandAddsItsActions()
    {
        load({get(QStringLiteral("/tasks/1401"))});
        m_window->actionTable()->selectRows({0});
        QApplication::clipboard()->setText(
            QStringLiteral("curl -X POST https://app.asana.com/api/1.0/tasks \\\n"
                           "  -H 'Authorization: Bearer $TOKEN' \\\n"
                           "  -H 'Content-Type: application/json' \\\n"
                           "  --data-raw '{\"data\": {\"name\": \"From curl\"}}'"));
        m_window->actionTable()->setFocus();
        QTest::keySequence(m_window->actionTable(), QKeySequence::Paste);
        QCOMPARE(m_window->document()->actions()->rowCount(), 2);
        const Action &pasted = m_window->document()->actions()->action(1);
        QCOMPARE(pasted.relativePath, QStringLiteral("/tasks"));
        QCOMPARE(pasted.data.toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("From curl"));

        QApplication::clipboard()->setText(QStringLiteral("curl -F file=@x.png "
                                                          "https://app.asana.com/api/1.0/tasks"));
        MessageBox::takeShownTexts();
        QTest::keySequence(m_window->actionTable(), QKeySequence::Paste);
        QCOMPARE(m_window->document()->actions()->rowCount(), 2);
        const QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QStringLiteral("curl")), qPrintable(shown));
    }

private:
    void load(const QList<Action> &actions)
    {
        Session session;
        session.name = QStringLiteral("QA");
        session.actions = actions;
        m_window->document()->load(session, {});
    }

    void sendAndWait()
    {
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(finished.wait(20000));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindowSending)
#include "tst_mainwindowsending.moc"
