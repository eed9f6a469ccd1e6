// Sessions in the main window: save and reopen round trip, dirty tracking in the title, asking
// to save on close, bad files explained and never touched, recent files, crash recovery.
#include "actiontable/actiontablemodel.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "files/recentfiles.h"
#include "mainwindow/mainwindow.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestMainWindowFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        MessageBox::takeShownTexts();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        if (m_window) {
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
        QDir(m_dir.path() + QStringLiteral("/recovery")).removeRecursively();
    }

    void saveAndReopenGivesTheSameSession()
    {
        const QString original = TestSupport::sample("broken-batch.tenfold.json");
        const QByteArray originalBytes = readAll(original);
        QVERIFY(m_window->openFile(original).isEmpty());
        const Session opened = m_window->document()->session();
        QCOMPARE(opened.actions.size(), 22);
        const QString path = m_dir.filePath(QStringLiteral("copy.tenfold.json"));
        FileDialog::setNextFileName(path);
        QVERIFY(m_window->saveAs());
        QCOMPARE(readAll(original), originalBytes);
        QCOMPARE(m_window->document()->filePath(), path);

        MainWindow other;
        QVERIFY(other.openFile(path).isEmpty());
        QCOMPARE(other.document()->session(), opened);
        QCOMPARE(serializeSession(other.document()->session()), readAll(path));
    }

    void dirtyTrackingFollowsEditsUndoAndSave()
    {
        const QString path = m_dir.filePath(QStringLiteral("dirty.tenfold.json"));
        QFile::copy(TestSupport::sample("getting-started.tenfold.json"), path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(m_window->openFile(path).isEmpty());
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Getting started")));
        QVERIFY(!m_window->isWindowModified());

        m_window->document()->actions()->editField(0, ActionTableModel::NoteColumn,
                                                   QStringLiteral("changed"));
        QVERIFY(m_window->isWindowModified());
        m_window->document()->undoStack()->undo();
        QVERIFY(!m_window->isWindowModified()); // back to what is on disk
        m_window->document()->undoStack()->redo();
        QVERIFY(m_window->isWindowModified());
        QVERIFY(m_window->save());
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(readAll(path).contains("\"changed\""));

        // Target and plan changes are edits too.
        m_window->setTarget(QStringLiteral("asana"));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->document()->target().kind, Target::Kind::Asana);
    }

    void askToSaveOnClose()
    {
        m_window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/users/me"}])"));
        QVERIFY(m_window->document()->isModified());
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QCOMPARE(MessageBox::takeShownTexts().size(), 1);

        const QString path = m_dir.filePath(QStringLiteral("onclose.tenfold.json"));
        MessageBox::setNextAnswer(QMessageBox::Save);
        FileDialog::setNextFileName(path);
        QVERIFY(m_window->close());
        QVERIFY(QFile::exists(path));
        m_window.reset();
    }

    void badFileIsExplainedAndLeftAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.tenfold.json"));
        const QByteArray broken = "{\n  \"format\": \"tenfold-session\",\n  \"actions\": [\n";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(broken);
        file.close();
        QVERIFY(m_window->openFile(TestSupport::sample("getting-started.tenfold.json")).isEmpty());

        const QString error = m_window->openFile(path);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("line 4")), qPrintable(error));
        const QStringList shown = MessageBox::takeShownTexts();
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.first().contains(QStringLiteral("bad.tenfold.json")));
        QCOMPARE(readAll(path), broken);                          // never touched
        QCOMPARE(m_window->document()->actions()->rowCount(), 8); // the open session stays
    }

    void batchBodyIsNotOverwrittenInPlace()
    {
        const QString path = m_dir.filePath(QStringLiteral("body.json"));
        const QByteArray body =
            R"({"data":{"actions":[{"method":"get","relative_path":"/users/me"}]}})";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(body);
        file.close();
        QVERIFY(m_window->openFile(path).isEmpty());
        QVERIFY(m_window->document()->filePath().isEmpty());
        FileDialog::setNextFileName(QString()); // the user cancels the Save As dialog
        QVERIFY(!m_window->save());
        QCOMPARE(readAll(path), body);
    }

    void droppingAFileOpensIt()
    {
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(TestSupport::sample("getting-started.tenfold.json"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QTRY_COMPARE(m_window->document()->actions()->rowCount(), 8);
        delete mime;
    }

    void recentFilesRememberOpenedSessions()
    {
        QVERIFY(
            m_window->openFile(TestSupport::sample("create-and-comment.tenfold.json")).isEmpty());
        const QStringList recent = RecentFiles().files();
        QVERIFY(!recent.isEmpty());
        QVERIFY(recent.first().endsWith(QStringLiteral("create-and-comment.tenfold.json")));
    }

    void recoveryAfterACrash()
    {
        m_window->pasteActions(QStringLiteral(
            R"([{"method":"get","relative_path":"/users/me","note":"not saved yet"}])"));
        m_window->autosave();
        m_window->recoveryStore().waitForBackgroundWork(); // written off the UI thread
        QVERIFY(QFile::exists(m_window->recoveryStore().sessionPath()));
        // A crash: the window goes away without closeEvent cleaning up.
        m_window.release()->deleteLater();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        MainWindow next;
        MessageBox::setNextAnswer(QMessageBox::Yes);
        next.offerRecovery();
        QCOMPARE(next.document()->actions()->rowCount(), 1);
        QCOMPARE(next.document()->actions()->action(0).note, QStringLiteral("not saved yet"));
        QVERIFY(next.document()->isModified()); // restored work still needs saving

        const QString path = m_dir.filePath(QStringLiteral("recovered.tenfold.json"));
        FileDialog::setNextFileName(path);
        QVERIFY(next.save());
        next.recoveryStore().waitForBackgroundWork();
        QVERIFY(!QFile::exists(next.recoveryStore().sessionPath())); // saved: nothing to recover
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindowFiles)
#include "tst_mainwindowfiles.moc"
