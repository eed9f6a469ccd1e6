// What the loader diagnoses in a file reaches the window: every per-action finding of
// `tenfold-cli validate` (loadInput() + validateSession()) is in the Problems list and the row's
// icon, errors block sending the same way, an action whose own fields could not be read is
// never sent (not by Send, not by Send Failed Again, not even to the sandbox), and saving keeps
// the user's value instead of the default it fell back to.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "catalog/endpointcatalog.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"
#include "validation/validationcache.h"
#include "validation/validator.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

namespace {

QByteArray sessionWith(const QByteArray &firstAction)
{
    return "{\"format\": \"tenfold-session\", \"version\": 1, \"name\": \"loaded\", \"actions\": "
           "[" +
           firstAction + ", {\"method\": \"get\", \"relative_path\": \"/users/me\"}]}";
}

/// "ACTION:SEVERITY:FIELD:CODE" for every finding about an action (the input-wide ones, such
/// as how many batches it takes, are the CLI's own lines).
QStringList perAction(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        if (d.action >= 0)
            out.append(QStringLiteral("%1:%2:%3:%4")
                           .arg(d.action)
                           .arg(severityName(d.severity), d.field, d.code));
    }
    out.sort();
    return out;
}

/// What `tenfold-cli validate FILE` reports.
QList<Diagnostic> cliVerdict(const QString &path)
{
    Result<LoadedInput> input = loadInput(path);
    if (!input)
        return {};
    return combineDiagnostics(input->diagnostics, validateSession(input->session, input->kind,
                                                                  EndpointCatalog::builtin()));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLoaderDiagnostics : public QObject
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
        m_model = m_window->document()->actions();
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

    void everyLoaderFindingReachesTheWindow_data()
    {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<QString>("code");
        // One row per diagnostic the session loader produces (core/session/sessionfile.cpp).
        QTest::newRow("enabled as a string")
            << QByteArray(R"({"method": "delete", "relative_path": "/tasks/1401",
                              "enabled": "false"})")
            << QStringLiteral("enabled.type");
        QTest::newRow("method as a number")
            << QByteArray(R"({"method": 5, "relative_path": "/tasks/1401"})")
            << QStringLiteral("method.type");
        QTest::newRow("method and path malformed: one finding each")
            << QByteArray(R"({"method": 5, "relative_path": ["x"]})")
            << QStringLiteral("method.type");
        QTest::newRow("path as an array")
            << QByteArray(R"({"method": "delete", "relative_path": ["/tasks/1401"]})")
            << QStringLiteral("path.type");
        QTest::newRow("not an object") << QByteArray("42") << QStringLiteral("action.not-object");
        QTest::newRow("note as a number")
            << QByteArray(R"({"method": "get", "relative_path": "/users/me", "note": 7})")
            << QStringLiteral("note.type");
        QTest::newRow("unknown key")
            << QByteArray(R"({"method": "get", "relative_path": "/users/me", "dta": {"a": 1}})")
            << QStringLiteral("action.unknown-key");
        QTest::newRow("hidden character")
            << QByteArray("{\"\xef\xbb\xbfmethod\": \"get\", \"relative_path\": \"/users/me\"}")
            << QStringLiteral("action.hidden-character");
    }

    void everyLoaderFindingReachesTheWindow()
    {
        QFETCH(QByteArray, action);
        QFETCH(QString, code);
        const QString path = m_dir.filePath(QStringLiteral("loaded.tenfold.json"));
        QVERIFY(writeFile(path, sessionWith(action)));
        const QList<Diagnostic> cli = cliVerdict(path);
        QVERIFY2(perAction(cli).join(u' ').contains(u':' + code),
                 qPrintable(perAction(cli).join(u' ')));

        QVERIFY(m_window->openFile(path).isEmpty());
        m_window->validation()->flush();
        QCOMPARE(perAction(m_window->validation()->allDiagnostics()), perAction(cli));
        QVERIFY(
            !m_model->index(0, ActionTableModel::NumberColumn).data(Qt::DecorationRole).isNull());
        QCOMPARE(m_window->validation()->errorCount() > 0, hasErrors(cli));

        const bool unreadable = std::any_of(cli.begin(), cli.end(), [&code](const Diagnostic &d) {
            return d.code == code && d.severity == Severity::Error;
        });
        QCOMPARE(m_model->isHeldBack(0), unreadable);
        if (unreadable) {
            // Blocked as the CLI blocks it: even the sandbox rehearsal, answered yes, sends
            // nothing while action 1's own fields are unreadable.
            MessageBox::setNextAnswer(QMessageBox::Yes);
            m_window->sendAction()->trigger();
            QVERIFY(!m_window->isSending());
            QCOMPARE(m_window->results()->resultCount(), 0);
            MessageBox::setNextAnswer(QMessageBox::NoButton);
        }

        // Saving keeps what the file said: the saved file gets the same findings.
        QVERIFY(m_window->save());
        QCOMPARE(perAction(cliVerdict(path)), perAction(cli));
    }

    void aDisabledFlagThatIsAStringIsNeverSentOrSavedAsEnabled()
    {
        // The issue's case, end to end: the DELETE must not reach the sandbox.
        const QString path = m_dir.filePath(QStringLiteral("delete.tenfold.json"));
        QVERIFY(writeFile(path, sessionWith(R"({"method": "delete",
                                   "relative_path": "/tasks/1401", "enabled": "false"})")));
        QVERIFY(m_window->openFile(path).isEmpty());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        m_window->sendAction()->trigger();
        QVERIFY(!m_window->isSending());
        const QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QStringLiteral("Action 1: enabled: enabled must be true or "
                                               "false, not a string")),
                 qPrintable(shown));
        MessageBox::setNextAnswer(QMessageBox::NoButton);

        QVERIFY(m_window->save());
        QVERIFY2(readAll(path).contains("\"enabled\": \"false\""), readAll(path).constData());

        // On screen the flag is neither on nor off; a click in Details answers it.
        QCOMPARE(m_model->index(0, ActionTableModel::EnabledColumn).data(Qt::CheckStateRole),
                 QVariant(Qt::PartiallyChecked));
        m_window->actionTable()->selectRows({0});
        auto *box =
            m_window->detailEditor()->findChild<QCheckBox *>(QStringLiteral("detailEnabled"));
        QCOMPARE(box->checkState(), Qt::PartiallyChecked);
        QTest::mouseClick(box, Qt::LeftButton);
        QCOMPARE(box->checkState(), Qt::Checked);
        QVERIFY(m_model->action(0).enabled);
        QVERIFY(!m_model->isHeldBack(0));
        m_window->document()->undoStack()->undo();
        QCOMPARE(box->checkState(), Qt::PartiallyChecked);
        QVERIFY(m_model->isHeldBack(0));

        // Unticking "on" is the user's answer: the row is disabled, the problem is gone, and
        // undo brings the file's value (and the problem) back.
        m_model->setData(m_model->index(0, ActionTableModel::EnabledColumn), Qt::Unchecked,
                         Qt::CheckStateRole);
        m_window->validation()->flush();
        QVERIFY(!m_model->action(0).enabled);
        QCOMPARE(m_window->validation()->errorCount(), 0);
        QVERIFY(m_window->save());
        QVERIFY(readAll(path).contains("\"enabled\": false"));
        m_window->document()->undoStack()->undo();
        m_window->validation()->flush();
        QVERIFY(m_model->isHeldBack(0));
        QCOMPARE(m_window->validation()->errorCount(), 1);
    }

    void sendFailedAgainNeverSendsAnUnreadableAction()
    {
        // A DELETE that failed, its results exported; then the session comes back from a file
        // whose copy of the action says "enabled": "false" as a string.
        Session session;
        session.name = QStringLiteral("QA");
        session.actions = {Action(QStringLiteral("delete"), QStringLiteral("/tasks/999999")),
                           Action(QStringLiteral("get"), QStringLiteral("/users/me"))};
        m_window->document()->load(session, {});
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(finished.wait(20000));
        QCOMPARE(m_window->results()->entry(0).result.state, ActionState::Failed);
        const QString results = m_dir.filePath(QStringLiteral("run.results.json"));
        QVERIFY(m_window->exportResults(results).isEmpty());

        const QString path = m_dir.filePath(QStringLiteral("again.tenfold.json"));
        QVERIFY(writeFile(path, sessionWith(R"({"method": "delete",
                                   "relative_path": "/tasks/999999", "enabled": "false"})")));
        QVERIFY(m_window->openFile(path).isEmpty());
        QVERIFY(m_window->openResults(results).isEmpty());
        QCOMPARE(m_window->results()->unfinishedRows(), QList<int>({0}));

        MessageBox::takeShownTexts();
        MessageBox::setNextAnswer(QMessageBox::Yes); // "these write to Asana: send again?"
        m_window->sendFailedAction()->trigger();
        QVERIFY(!m_window->isSending());
        QVERIFY2(MessageBox::takeShownTexts().join(u'\n').contains(QStringLiteral("enabled")),
                 "the refusal names the field");
    }

    void pastedActionsKeepTheirFindings()
    {
        m_window->pasteActions(QStringLiteral(
            R"([{"method": "delete", "relative_path": "/tasks/1401", "enabled": "false"}])"));
        m_window->validation()->flush();
        QVERIFY2(perAction(m_window->validation()->allDiagnostics())
                     .contains(QStringLiteral("0:error:enabled:enabled.type")),
                 qPrintable(perAction(m_window->validation()->allDiagnostics()).join(u' ')));
        QVERIFY(m_model->isHeldBack(0));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
};

QTEST_MAIN(TestLoaderDiagnostics)
#include "tst_loaderdiagnostics.moc"
