// Crash recovery and kept results through the real window: opening a file never removes a
// recovery copy, a second window never offers, discards or deletes the first one's live copy,
// an undecided copy stays, and a `results` member this version cannot read is written back
// byte for byte (also after a crash and a restore).
#include "actiontable/actiontablemodel.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Tenfold;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The results of a later Tenfold: a version this one refuses, written the way no Qt writer
/// would (unsorted keys, 1.50, its own spacing), so keeping it byte for byte is visible.
const QByteArray FutureResults =
    R"({"version": 99,   "format": "tenfold-results", "runs": [1.50, {"b": 2, "a": "x"}]})";

QByteArray sessionWithFutureResults()
{
    return R"({
  "format": "tenfold-session",
  "version": 1,
  "name": "QA from the future",
  "target": "sandbox",
  "actions": [{"method": "get", "relative_path": "/users/me"}],
  "results": )" +
           FutureResults + "\n}\n";
}

} // namespace

class TestMainWindowRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void cleanup()
    {
        MessageBox::takeShownTexts();
        QDir(recoveryDir()).removeRecursively();
    }

    void openingAFileNeverRemovesARecoveryCopy()
    {
        crashWithUnsavedWork(QStringLiteral("not saved yet"));
        QCOMPARE(copies().size(), 1);

        // What a double-click runs: a new window opens a file.
        MainWindow next;
        next.setTokenStore(std::make_unique<MemoryTokenStore>());
        QVERIFY(next.openFile(TestSupport::sample("getting-started.tenfold.json")).isEmpty());
        next.recoveryStore().waitForBackgroundWork();
        QCOMPARE(copies().size(), 1);
        // ...and the work is still offered, whatever was opened.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(next.offerRecovery());
        QCOMPARE(next.document()->actions()->action(0).note, QStringLiteral("not saved yet"));
    }

    void theFirstEditOfAnyKindIsKeptInACopy()
    {
        // Inserting a row or changing the target as the first edit after opening a file is
        // unsaved work like typing: a crash must not lose it.
        const QString path = m_dir.filePath(QStringLiteral("first-edit.tenfold.json"));
        QVERIFY(QFile::copy(TestSupport::sample("getting-started.tenfold.json"), path));
        for (int kind = 0; kind < 2; ++kind) {
            MainWindow window;
            window.setTokenStore(std::make_unique<MemoryTokenStore>());
            QVERIFY(window.openFile(path).isEmpty());
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(!window.isAutosavePending());
            if (kind == 0) {
                auto *table = window.findChild<QTableView *>(QStringLiteral("actionTable"));
                QVERIFY(table);
                table->setFocus();
                table->setCurrentIndex(table->model()->index(0, 2));
                QTest::keyClick(table, Qt::Key_Insert);
                QCOMPARE(window.document()->actions()->rowCount(), 9);
            } else {
                window.document()->setTarget(Target::parse(QStringLiteral("asana")).value());
            }
            QVERIFY(window.document()->isModified());
            QVERIFY2(window.isAutosavePending(), kind == 0 ? "insert" : "target");
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(window.recoveryStore().sessionPath()), 30000);
            window.recoveryStore().waitForBackgroundWork();
            MessageBox::setNextAnswer(QMessageBox::Discard);
            QVERIFY(window.close());
        }
    }

    void aSecondWindowLeavesTheFirstOnesLiveCopyAlone()
    {
        MainWindow first;
        first.setTokenStore(std::make_unique<MemoryTokenStore>());
        first.pasteActions(
            QStringLiteral(R"([{"method":"get","relative_path":"/users/me","note":"live"}])"));
        first.autosave();
        first.recoveryStore().waitForBackgroundWork();
        QVERIFY(QFile::exists(first.recoveryStore().sessionPath()));

        {
            MainWindow second;
            second.setTokenStore(std::make_unique<MemoryTokenStore>());
            MessageBox::setNextAnswer(QMessageBox::Discard); // would discard, if it were asked
            QVERIFY(!second.offerRecovery());
            QVERIFY(MessageBox::takeShownTexts().isEmpty()); // never offered
            MessageBox::setNextAnswer(QMessageBox::NoButton);
            // Its own edits, saves, new sessions and closing touch only its own copy.
            second.pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/x"}])"));
            second.autosave();
            FileDialog::setNextFileName(m_dir.filePath(QStringLiteral("second.tenfold.json")));
            QVERIFY(second.save());
            QVERIFY(second.newSession());
            QVERIFY(second.close());
            second.recoveryStore().waitForBackgroundWork();
        }
        QVERIFY(QFile::exists(first.recoveryStore().sessionPath()));
        QCOMPARE(copies().size(), 1);
        QCOMPARE(loadInput(first.recoveryStore().sessionPath())->session.actions.first().note,
                 QStringLiteral("live"));
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QVERIFY(first.close());
    }

    void anUndecidedCopyIsKeptForTheNextStart()
    {
        crashWithUnsavedWork(QStringLiteral("decide later"));
        {
            MainWindow next;
            next.setTokenStore(std::make_unique<MemoryTokenStore>());
            MessageBox::setNextAnswer(QMessageBox::Cancel);
            QVERIFY(!next.offerRecovery());
            QVERIFY(!next.document()->isModified());
            QVERIFY(next.close());
        }
        QCOMPARE(copies().size(), 1);
        MainWindow later;
        later.setTokenStore(std::make_unique<MemoryTokenStore>());
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QVERIFY(!later.offerRecovery());
        later.recoveryStore().waitForBackgroundWork();
        QVERIFY(copies().isEmpty()); // the user's choice
    }

    void aRestoredCopyStaysUntilItsWorkIsSaved()
    {
        crashWithUnsavedWork(QStringLiteral("restore me"));
        {
            MainWindow next;
            next.setTokenStore(std::make_unique<MemoryTokenStore>());
            MessageBox::setNextAnswer(QMessageBox::Yes);
            QVERIFY(next.offerRecovery());
            QVERIFY(next.document()->isModified());
            next.recoveryStore().waitForBackgroundWork();
            // Restored is not saved: a crash now must not lose it.
            QCOMPARE(copies().size(), 1);
            FileDialog::setNextFileName(m_dir.filePath(QStringLiteral("restored.tenfold.json")));
            QVERIFY(next.save());
            next.recoveryStore().waitForBackgroundWork();
            QVERIFY(copies().isEmpty());
            QVERIFY(next.close());
        }
    }

    void unreadableKeptResultsAreWrittenBackByteForByte()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.tenfold.json"));
        QVERIFY(!writeFileAtomically(path, sessionWithFutureResults()));
        MainWindow window;
        window.setTokenStore(std::make_unique<MemoryTokenStore>());
        QVERIFY(window.openFile(path).isEmpty());
        const QStringList shown = MessageBox::takeShownTexts();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().contains(QStringLiteral("could not be read")),
                 qPrintable(shown.join(u'|')));

        window.pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/tasks/1"}])"));
        QVERIFY(window.save());
        const QByteArray saved = readAll(path);
        QVERIFY2(saved.contains(QByteArray("\"results\": ").append(FutureResults)),
                 saved.constData());
        const Result<LoadedInput> reread = parseInput(saved);
        QVERIFY(reread);
        QCOMPARE(reread->session.actions.size(), 2);

        // A new run kept with the session replaces them.
        QSignalSpy finished(window.sendController()->sender(), &BatchSender::finished);
        window.sendAction()->trigger();
        QVERIFY(finished.wait(60000));
        QVERIFY(window.results()->hasResult(0));
        QVERIFY(window.save());
        const QByteArray replaced = readAll(path);
        QVERIFY(!replaced.contains(FutureResults));
        QVERIFY(replaced.contains("\"results\""));
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QVERIFY(window.close());
    }

    void unreadableKeptResultsSurviveACrash()
    {
        const QString path = m_dir.filePath(QStringLiteral("future-crash.tenfold.json"));
        QVERIFY(!writeFileAtomically(path, sessionWithFutureResults()));
        {
            auto window = std::make_unique<MainWindow>();
            window->setTokenStore(std::make_unique<MemoryTokenStore>());
            QVERIFY(window->openFile(path).isEmpty());
            window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/x"}])"));
            window->autosave();
            window->recoveryStore().waitForBackgroundWork();
        } // a crash: no closeEvent
        MainWindow next;
        next.setTokenStore(std::make_unique<MemoryTokenStore>());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(next.offerRecovery());
        QCOMPARE(next.document()->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(next.save());
        QVERIFY(readAll(path).contains(QByteArray("\"results\": ").append(FutureResults)));
        QCOMPARE(loadInput(path)->session.actions.size(), 2);
    }

private:
    QString recoveryDir() const { return m_dir.filePath(QStringLiteral("recovery")); }
    QStringList copies() const
    {
        return QDir(recoveryDir()).entryList({QStringLiteral("*.tenfold.json")}, QDir::Files);
    }

    /// A window with unsaved, autosaved work that goes away without closing (as in a crash:
    /// its lock goes with it, its copy stays).
    void crashWithUnsavedWork(const QString &note)
    {
        auto window = std::make_unique<MainWindow>();
        window->setTokenStore(std::make_unique<MemoryTokenStore>());
        window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/users/me",)"
                                            R"("note":"%1"}])")
                                 .arg(note));
        window->autosave();
        window->recoveryStore().waitForBackgroundWork();
        QVERIFY(QFile::exists(window->recoveryStore().sessionPath()));
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindowRecovery)
#include "tst_mainwindowrecovery.moc"
