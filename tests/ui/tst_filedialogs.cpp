// The window's file dialogs, answered through FileDialog's seam (a typed name and the filter
// chosen go through the same resolve() as the real dialog's answer): each save dialog offers the
// formats it writes and honours the one chosen, every dialog opens in the folder last used, and
// saving a session says what the file will hold; results (full response bodies) are kept by
// default only for the sandbox.
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sending/batchsender.h"
#include "sending/resultsfile.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Tenfold;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// What the last file dialog showed.
struct Seen
{
    QString folder;
    QString note;
};

Seen lastShown()
{
    return {FileDialog::lastShownFolder(), FileDialog::lastShownNote()};
}

} // namespace

class TestFileDialogs : public QObject
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
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
    }

    void aNameDecidesTheFormatElseTheChosenFilterDoes()
    {
        const QList<FileDialog::Format> results = FileDialog::resultsFormats();
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/exp1.csv"), results, 0).path,
                 QStringLiteral("/t/exp1.csv"));
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/exp1.csv"), results, 0).format, 1);
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/exp1.CSV"), results, 0).format, 1);
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/exp2"), results, 1).path,
                 QStringLiteral("/t/exp2.csv"));
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/exp3"), results, 0).path,
                 QStringLiteral("/t/exp3.json"));
        const QList<FileDialog::Format> sessions = FileDialog::sessionFormats();
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/a.tenfold.json"), sessions, 1).format, 0);
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/plain"), sessions, 0).path,
                 QStringLiteral("/t/plain.tenfold.json"));
        QCOMPARE(FileDialog::resolve(QStringLiteral("/t/body.json"), sessions, 0).path,
                 QStringLiteral("/t/body.json"));
    }

    void exportWritesWhatTheDialogOffersAndTheUserChose()
    {
        sendToTheSandbox();
        const QString folder = m_dir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(folder));
        QAction *exportResults =
            m_window->findChild<QAction *>(QStringLiteral("actionExportResults"));
        QVERIFY(exportResults);

        // Typed with its suffix: written as typed, in that format, whatever the filter.
        FileDialog::setNextFileName(folder + QStringLiteral("/exp1.csv"), 0);
        exportResults->trigger();
        QVERIFY2(readAll(folder + QStringLiteral("/exp1.csv")).startsWith("index,method"),
                 qPrintable(QDir(folder).entryList().join(u' ')));
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("exp1.csv")});

        // No suffix: the chosen filter's.
        FileDialog::setNextFileName(folder + QStringLiteral("/exp2"), 1); // the CSV filter
        exportResults->trigger();
        const Seen csv = lastShown();
        QVERIFY(readAll(folder + QStringLiteral("/exp2.csv")).startsWith("index,method"));
        FileDialog::setNextFileName(folder + QStringLiteral("/exp3"), 0); // the JSON filter
        exportResults->trigger();
        const Seen json = lastShown();
        const Result<SendRun> run = loadResults(folder + QStringLiteral("/exp3.json"));
        QVERIFY2(run, qPrintable(run.errorString()));
        QCOMPARE(run->results.size(), 1);
        // Each dialog opened where the last one was used.
        QCOMPARE(csv.folder, folder);
        QCOMPARE(json.folder, folder);
    }

    void everyDialogOpensInTheLastFolderUsed()
    {
        const QString folder = m_dir.filePath(QStringLiteral("work"));
        QVERIFY(QDir().mkpath(folder));
        m_window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/users/me"}])"));
        FileDialog::setNextFileName(folder + QStringLiteral("/first"));
        QVERIFY(m_window->saveAs());
        QVERIFY(QFile::exists(folder + QStringLiteral("/first.tenfold.json")));

        QVERIFY(m_window->newSession());
        FileDialog::setNextFileName({}); // looks, then cancels
        m_window->findChild<QAction *>(QStringLiteral("actionOpen"))->trigger();
        QCOMPARE(lastShown().folder, folder);

        m_window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/users/me"}])"));
        FileDialog::setNextFileName({});
        QVERIFY(!m_window->saveAs());
        QCOMPARE(lastShown().folder, folder);
    }

    void resultsAreKeptByDefaultOnlyForTheSandboxAndTheSaveDialogSaysSo()
    {
        sendToTheSandbox();
        QAction *keep = m_window->findChild<QAction *>(QStringLiteral("actionKeepResults"));
        QVERIFY(keep);
        QVERIFY(keep->isChecked()); // the sandbox's made-up data

        const QString sandboxPath = m_dir.filePath(QStringLiteral("sandbox-run"));
        FileDialog::setNextFileName(sandboxPath);
        QVERIFY(m_window->saveAs());
        const Seen sandbox = lastShown();
        QVERIFY2(sandbox.note.contains(QStringLiteral("1 result")) &&
                     sandbox.note.contains(QStringLiteral("full response bodies")),
                 qPrintable(sandbox.note));
        QVERIFY(readAll(sandboxPath + QStringLiteral(".tenfold.json")).contains("\"results\""));

        // The same results, the session now aimed at Asana: real people's data, not kept
        // unless the user says so.
        m_window->setTarget(QStringLiteral("asana"));
        QVERIFY(!keep->isChecked());
        const QString asanaPath = m_dir.filePath(QStringLiteral("asana-run"));
        FileDialog::setNextFileName(asanaPath);
        QVERIFY(m_window->saveAs());
        const Seen asana = lastShown();
        QVERIFY2(asana.note.contains(QStringLiteral("no results")), qPrintable(asana.note));
        QVERIFY(!readAll(asanaPath + QStringLiteral(".tenfold.json")).contains("\"results\""));

        // The user's choice wins, and stays with the session.
        keep->trigger();
        QVERIFY(keep->isChecked());
        m_window->setTarget(QStringLiteral("sandbox"));
        m_window->setTarget(QStringLiteral("asana"));
        QVERIFY(keep->isChecked());
        QVERIFY(m_window->save());
        QVERIFY(readAll(asanaPath + QStringLiteral(".tenfold.json")).contains("\"results\""));

        // A file that holds results keeps them, whatever its target.
        MainWindow other;
        other.setTokenStore(std::make_unique<MemoryTokenStore>());
        QVERIFY(other.openFile(asanaPath + QStringLiteral(".tenfold.json")).isEmpty());
        QCOMPARE(other.document()->target().kind, Target::Kind::Asana);
        QVERIFY(other.findChild<QAction *>(QStringLiteral("actionKeepResults"))->isChecked());
    }

private:
    void sendToTheSandbox()
    {
        m_window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/users/me"}])"));
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(finished.wait(60000));
        QVERIFY(m_window->results()->hasResult(0));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestFileDialogs)
#include "tst_filedialogs.moc"
