// Start-up as a user meets it: the real `tenfold` program, offscreen, with a home and XDG
// folders of its own, started the way a desktop starts it (`tenfold FILE` on a double-click).
// What it decides is read from the dialog log it writes under TENFOLD_TEST_DIALOG_LOG (every
// dialog with its answer, the window title, status messages, and a "ready" line once start-up is
// done), and from the recovery folder on disk.
#include "model/session.h"
#include "session/sessionfile.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Tenfold;

namespace {

const QString SessionSample =
    QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/getting-started.tenfold.json");

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A process id that was in use a moment ago and is not any more (an instance killed with -9).
qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("true"));
    process.waitForStarted();
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

/// One run of the program, with its own dialog log.
class App
{
public:
    App(const QString &home, const QString &name)
        : m_log(home + QStringLiteral("/") + name + QStringLiteral(".log"))
    {
        QFile::remove(m_log);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("TENFOLD_TEST_DIALOG_LOG"), m_log);
        env.remove(QStringLiteral("TENFOLD_RECOVERY_DIR"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain of the machine's
        env.remove(QStringLiteral("ASANA_ACCESS_TOKEN"));
        m_env = env;
        QDir().mkpath(home + QStringLiteral("/runtime"));
        QFile::setPermissions(home + QStringLiteral("/runtime"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    void start(const QStringList &arguments, const QStringList &answers = {})
    {
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("TENFOLD_TEST_ANSWERS"), answers.join(u','));
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(TENFOLD_GUI_PATH), arguments);
        QVERIFY(m_process.waitForStarted(60000));
    }

    /// Waits (generously: a busy machine starts programs slowly) until start-up is done.
    bool waitUntilReady()
    {
        (void)QTest::qWaitFor(
            [this] {
                return !lines("ready:").isEmpty() || m_process.state() == QProcess::NotRunning;
            },
            120000);
        return !lines("ready:").isEmpty() && m_process.state() == QProcess::Running;
    }

    QByteArray log() const { return readAll(m_log); }
    QByteArray lines(const char *kind) const
    {
        QByteArray out;
        for (const QByteArray &line : log().split('\n')) {
            if (line.startsWith(kind))
                out += line + '\n';
        }
        return out;
    }
    /// Like kill -9: no clean-up of any kind.
    void crash()
    {
        m_process.kill();
        QVERIFY(m_process.waitForFinished(60000));
    }
    QProcess &process() { return m_process; }

private:
    QString m_log;
    QProcessEnvironment m_env;
    QProcess m_process;
};

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
    }

    void withNothingItStartsEmptyAndAsksNothing()
    {
        App app(home(), QStringLiteral("plain"));
        app.start({});
        QVERIFY(app.waitUntilReady());
        QVERIFY2(app.lines("ready:").contains("Untitled") &&
                     app.lines("ready:").contains("target: sandbox"),
                 app.log().constData());
        QVERIFY2(app.lines("question:").isEmpty(), app.log().constData());
    }

    void aFileArgumentOpensTheFile()
    {
        App app(home(), QStringLiteral("file"));
        app.start({SessionSample});
        QVERIFY(app.waitUntilReady());
        QVERIFY2(app.lines("ready:").contains("Getting started"), app.log().constData());
        QVERIFY2(app.lines("status:").contains("Opened getting-started.tenfold.json"),
                 app.log().constData());
        QVERIFY(app.lines("question:").isEmpty());
    }

    void aCrashedWindowsWorkIsOfferedEvenWhenAFileIsOpened()
    {
        const QString copy =
            leaveCopyOfDeadWindow(QStringLiteral("dead1"), QStringLiteral("Lost work"),
                                  home() + QStringLiteral("/other.tenfold.json"));
        App app(home(), QStringLiteral("double-click"));
        app.start({SessionSample}, {QStringLiteral("Cancel")});
        QVERIFY(app.waitUntilReady());
        const QByteArray questions = app.lines("question:");
        QVERIFY2(questions.contains("Recover unsaved work?") &&
                     questions.contains("other.tenfold.json"),
                 app.log().constData());
        // Not decided: the file opens and the copy stays for the next start.
        QVERIFY2(app.lines("ready:").contains("Getting started"), app.log().constData());
        app.crash();
        QVERIFY(QFile::exists(copy));
    }

    void restoringTheOpenedFilesOwnCopyShowsTheRestoredWork()
    {
        const QString file = home() + QStringLiteral("/mine.tenfold.json");
        QVERIFY(QFile::copy(SessionSample, file));
        const QString copy =
            leaveCopyOfDeadWindow(QStringLiteral("dead2"), QStringLiteral("Edited"), file);
        App app(home(), QStringLiteral("restore"));
        app.start({file}, {QStringLiteral("Yes")});
        QVERIFY(app.waitUntilReady());
        QCOMPARE(app.lines("question:").count('\n'), 1); // no "save changes?" after restoring
        QVERIFY2(app.lines("ready:").contains("Edited"), app.log().constData());
        // Restored, not saved: the copy stays until the work is saved.
        app.crash();
        QVERIFY(QFile::exists(copy));
    }

    void aSecondInstanceNeverOffersOrRemovesTheFirstOnesCopy()
    {
        const QString copy =
            leaveCopyOfDeadWindow(QStringLiteral("dead3"), QStringLiteral("Shared?"), {});
        App first(home(), QStringLiteral("first"));
        first.start({}, {QStringLiteral("Yes")});
        QVERIFY(first.waitUntilReady());
        QVERIFY2(first.lines("ready:").contains("Shared?"), first.log().constData());

        // While the first runs with that work, a second one (told to discard anything it is
        // offered) offers nothing and removes nothing.
        App second(home(), QStringLiteral("second"));
        second.start({SessionSample}, {QStringLiteral("Discard"), QStringLiteral("Discard")});
        QVERIFY(second.waitUntilReady());
        QVERIFY2(second.lines("question:").isEmpty(), second.log().constData());
        second.crash();
        QVERIFY(QFile::exists(copy));

        // The first one crashes too: now its work is offered again.
        first.crash();
        App third(home(), QStringLiteral("third"));
        third.start({}, {QStringLiteral("Cancel")});
        QVERIFY(third.waitUntilReady());
        QVERIFY2(third.lines("question:").contains("Recover unsaved work?"),
                 third.log().constData());
    }

    void anUnreadableSettingsFileIsSaidAndTheAppStarts()
    {
        const QString settings = home() + QStringLiteral("/.config/Tenfold/Tenfold.conf");
        QVERIFY(QDir().mkpath(settings)); // a folder where the file should be: cannot be read
        App app(home(), QStringLiteral("settings"));
        app.start({SessionSample});
        QVERIFY(app.waitUntilReady());
        QVERIFY2(app.lines("status:").contains("could not be read"), app.log().constData());
        QVERIFY2(app.lines("ready:").contains("Getting started"), app.log().constData());
    }

    void targetOption_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("shown");
        QTest::newRow("sandbox") << QStringLiteral("sandbox") << QStringLiteral("target: sandbox");
        QTest::newRow("asana") << QStringLiteral("asana") << QStringLiteral("target: asana");
        QTest::newRow("https url") << QStringLiteral("https://asana.example.com/api/1.0")
                                   << QStringLiteral("target: https://asana.example.com/api/1.0");
    }

    void targetOption()
    {
        QFETCH(QString, target);
        QFETCH(QString, shown);
        App app(home(), QStringLiteral("target"));
        app.start({QStringLiteral("--target"), target, SessionSample});
        QVERIFY(app.waitUntilReady());
        QVERIFY2(app.lines("ready:").contains(shown.toUtf8()), app.log().constData());
    }

    void aBadTargetIsRefusedBeforeAnyWindow()
    {
        App app(home(), QStringLiteral("badtarget"));
        app.start({QStringLiteral("--target"), QStringLiteral("ftp://example.com"), SessionSample});
        QVERIFY(app.process().waitForFinished(60000));
        QCOMPARE(app.process().exitCode(), 2);
        QVERIFY(app.process().readAllStandardError().contains("tenfold: --target:"));
        QVERIFY(app.log().isEmpty()); // no window, no dialog
    }

private:
    QString home() const { return m_home->path(); }
    QString recoveryDir() const
    {
        return home() + QStringLiteral("/.local/share/Tenfold/Tenfold/recovery");
    }

    /// What a window killed with -9 leaves: its copy, its origin and a lock naming a dead process.
    QString leaveCopyOfDeadWindow(const QString &id, const QString &name, const QString &origin)
    {
        Session session;
        session.name = name;
        session.actions.append(Action(QStringLiteral("get"), QStringLiteral("/users/me")));
        const QString copy = recoveryDir() + u'/' + id + QStringLiteral(".tenfold.json");
        writeFile(copy, serializeSession(session));
        writeFile(recoveryDir() + u'/' + id + QStringLiteral(".origin"), origin.toUtf8());
        writeFile(recoveryDir() + u'/' + id + QStringLiteral(".lock"),
                  QByteArray::number(deadPid()) + "\ntenfold\n\n");
        return copy;
    }

    std::unique_ptr<QTemporaryDir> m_home;
};

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
