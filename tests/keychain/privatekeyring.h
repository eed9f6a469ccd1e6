#pragma once

// A real Secret Service for the keychain tests, private to one test process: a D-Bus session bus
// of its own (dbus-daemon with a configuration that activates nothing, so no other keyring or
// service can start on it) and gnome-keyring-daemon on that bus with a login keyring unlocked by a
// throwaway password. HOME, XDG_* and DBUS_SESSION_BUS_ADDRESS point into a temporary folder before
// anything talks to D-Bus, so the user's own keyring and session bus are never reached.
//
// Both daemons get SIGKILL from the kernel when the test process ends in any way (a failed test,
// a crash, ctest's timeout), and stop() ends them explicitly; no process outlives the test.

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace KeychainTest {

inline constexpr char SecretsService[] = "org.freedesktop.secrets";
inline constexpr char LoginCollection[] = "/org/freedesktop/secrets/collection/login";

class PrivateKeyring
{
public:
    PrivateKeyring() = default;
    PrivateKeyring(const PrivateKeyring &) = delete;
    PrivateKeyring &operator=(const PrivateKeyring &) = delete;
    ~PrivateKeyring() { stop(); }

    /// Starts the bus and the keyring; an empty string on success, else what went wrong. Call
    /// before the test process makes any D-Bus call: the address is read once per process.
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        for (const char *program : {"dbus-daemon", "gnome-keyring-daemon"}) {
            if (QStandardPaths::findExecutable(QLatin1String(program)).isEmpty())
                return QStringLiteral("%1 is not installed (run ./scripts/bootstrap)")
                    .arg(QLatin1String(program));
        }
        if (QString error = isolateEnvironment(); !error.isEmpty())
            return error;
        if (QString error = startBus(); !error.isEmpty())
            return error;
        return startKeyring();
    }

    /// Starts gnome-keyring-daemon (again) on the bus and waits until it owns the Secret
    /// Service name. The keyring files stay in the temporary folder between runs.
    QString startKeyring()
    {
        m_keyring.setProgram(QStringLiteral("gnome-keyring-daemon"));
        m_keyring.setArguments({QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                QStringLiteral("--components=secrets")});
        m_keyring.setProcessEnvironment(childEnvironment());
        m_keyring.setChildProcessModifier(dieWithParent);
        m_keyring.start();
        if (!m_keyring.waitForStarted(30000))
            return QStringLiteral("gnome-keyring-daemon did not start: %1")
                .arg(m_keyring.errorString());
        // --unlock reads the login keyring's password from standard input until it closes.
        m_keyring.write(QByteArrayLiteral("throwaway-test-password"));
        m_keyring.closeWriteChannel();
        if (!waitForService(true))
            return QStringLiteral("gnome-keyring-daemon did not offer %1 within 30 s: %2")
                .arg(QLatin1String(SecretsService),
                     QString::fromLocal8Bit(m_keyring.readAllStandardError()));
        return {};
    }

    /// Ends gnome-keyring-daemon (as when it crashes or the session ends) and waits until the
    /// bus no longer knows the Secret Service; the bus itself stays.
    bool killKeyring()
    {
        if (m_keyring.state() != QProcess::NotRunning) {
            m_keyring.kill();
            m_keyring.waitForFinished(30000);
        }
        return m_keyring.state() == QProcess::NotRunning && waitForService(false);
    }

    /// Locks the login collection through the Secret Service, as the desktop does on a timeout
    /// or when the screen locks. Unlocking would need a person at a prompt.
    QString lockLogin()
    {
        // A plain method call: QDBusInterface would introspect the service and cache a meta
        // object that Qt 6.4 never frees (LeakSanitizer reports it).
        QDBusMessage lock = QDBusMessage::createMethodCall(
            QLatin1String(SecretsService), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock << QVariant::fromValue(
            QList<QDBusObjectPath>{QDBusObjectPath(QLatin1String(LoginCollection))});
        const QDBusMessage reply = m_bus.call(lock, QDBus::Block, 30000);
        if (reply.type() == QDBusMessage::ErrorMessage)
            return reply.errorMessage();
        return {};
    }

    /// What `secret-tool` finds for these attributes (as another program on the desktop sees the
    /// keychain), or an error text. The value goes to the caller only, never to the output.
    QByteArray lookup(const QStringList &attributes, bool *found) const
    {
        QProcess tool;
        tool.setProcessEnvironment(childEnvironment());
        tool.start(QStringLiteral("secret-tool"),
                   QStringList{QStringLiteral("lookup")} + attributes);
        tool.waitForFinished(30000);
        *found = tool.exitStatus() == QProcess::NormalExit && tool.exitCode() == 0;
        return tool.readAllStandardOutput();
    }

    /// Every file the keyring and the code under test could have written, for secrecy checks.
    QString root() const { return m_dir.path(); }

    /// Ends both daemons. Only at the very end of a test process: while an event loop still
    /// runs, GLib's shared session connection (libsecret's) answers a vanished bus by raising
    /// SIGTERM in its own process.
    void stop()
    {
        for (QProcess *process : {&m_keyring, &m_busProcess}) {
            if (process->state() == QProcess::NotRunning)
                continue;
            process->terminate();
            if (!process->waitForFinished(10000)) {
                process->kill();
                process->waitForFinished(10000);
            }
        }
        if (m_bus.isConnected())
            QDBusConnection::disconnectFromBus(m_bus.name());
    }

private:
    static void dieWithParent() { ::prctl(PR_SET_PDEATHSIG, SIGKILL); }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QString isolateEnvironment()
    {
        const struct
        {
            const char *variable;
            const char *folder;
        } folders[] = {{"HOME", "home"},
                       {"XDG_CONFIG_HOME", "home/.config"},
                       {"XDG_DATA_HOME", "home/.local/share"},
                       {"XDG_CACHE_HOME", "home/.cache"},
                       {"XDG_STATE_HOME", "home/.local/state"},
                       {"XDG_RUNTIME_DIR", "runtime"}};
        for (const auto &folder : folders) {
            if (!QDir().mkpath(path(folder.folder)))
                return QStringLiteral("cannot create %1").arg(path(folder.folder));
            qputenv(folder.variable, QFile::encodeName(path(folder.folder)));
        }
        QFile::setPermissions(path("runtime"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        // QtKeychain picks its backend from the desktop: KWallet under KDE. These tests are
        // about the Secret Service, which it uses under GNOME (and on desktops it does not know).
        qputenv("XDG_CURRENT_DESKTOP", "GNOME");
        for (const char *variable : {"DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION",
                                     "GNOME_KEYRING_CONTROL", "DBUS_SESSION_BUS_PID"})
            qunsetenv(variable);
        // Until the private bus runs, nothing may reach the user's bus.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "disabled:");
        return {};
    }

    QProcessEnvironment childEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // No display: a keyring that wants to ask a person must fail instead of opening a prompt.
        for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "SSH_AUTH_SOCK"})
            environment.remove(QLatin1String(variable));
        return environment;
    }

    QString startBus()
    {
        QFile config(path("bus.conf"));
        if (!config.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(config.fileName());
        // No <servicedir>: nothing is started on demand, so a killed keyring stays away.
        // (Plain literals: moc, which reads this header, mistakes "//" in a raw string for a
        // comment.)
        config.write(
            QStringLiteral("<!DOCTYPE busconfig PUBLIC"
                           " \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                           " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                           "<busconfig>\n"
                           "  <type>session</type>\n"
                           "  <listen>unix:dir=%1</listen>\n"
                           "  <auth>EXTERNAL</auth>\n"
                           "  <policy context=\"default\">\n"
                           "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                           "    <allow eavesdrop=\"true\"/>\n"
                           "    <allow own=\"*\"/>\n"
                           "  </policy>\n"
                           "</busconfig>\n")
                .arg(path("runtime"))
                .toUtf8());
        config.close();

        m_busProcess.setProgram(QStringLiteral("dbus-daemon"));
        m_busProcess.setArguments({QStringLiteral("--config-file=") + config.fileName(),
                                   QStringLiteral("--nofork"),
                                   QStringLiteral("--print-address=1")});
        m_busProcess.setProcessEnvironment(childEnvironment());
        m_busProcess.setChildProcessModifier(dieWithParent);
        m_busProcess.start();
        QByteArray address;
        const QDeadlineTimer deadline(30000);
        while (!address.contains('\n') && !deadline.hasExpired() &&
               m_busProcess.state() != QProcess::NotRunning) {
            m_busProcess.waitForReadyRead(int(deadline.remainingTime()));
            address += m_busProcess.readAllStandardOutput();
        }
        address = address.trimmed();
        if (address.isEmpty())
            return QStringLiteral("dbus-daemon gave no address: %1 %2")
                .arg(m_busProcess.errorString(),
                     QString::fromLocal8Bit(m_busProcess.readAllStandardError()));
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        m_bus = QDBusConnection::connectToBus(QString::fromUtf8(address),
                                              QStringLiteral("tenfold-test-keyring"));
        if (!m_bus.isConnected())
            return QStringLiteral("cannot connect to the private bus: %1")
                .arg(m_bus.lastError().message());
        return {};
    }

    bool waitForService(bool present)
    {
        const QDeadlineTimer deadline(30000);
        while (m_bus.interface()->isServiceRegistered(QLatin1String(SecretsService)).value() !=
               present) {
            if (deadline.hasExpired() || (present && m_keyring.state() == QProcess::NotRunning))
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    QTemporaryDir m_dir;
    QProcess m_busProcess;
    QProcess m_keyring;
    QDBusConnection m_bus{QString()};
};

} // namespace KeychainTest
