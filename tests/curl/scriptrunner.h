#pragma once

// Shared by the tests that run an export through the real bash and curl.

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace TenfoldTest {

struct ScriptRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs `script` with bash while the event loop keeps turning, so an in-process server can
/// answer. ASANA_ACCESS_TOKEN is "dummy"; the working directory is `workDir`.
inline ScriptRun runBash(const QString &script, const QString &workDir)
{
    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("dummy"));
    env.insert(QStringLiteral("VAR"), QStringLiteral("expanded"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // No proxy may divert a request meant for 127.0.0.1.
    for (const char *name :
         {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
        env.remove(QLatin1String(name));
    bash.setProcessEnvironment(env);
    bash.setWorkingDirectory(workDir);
    QEventLoop loop;
    QObject::connect(&bash, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&bash, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(50000, &loop, &QEventLoop::quit); // a hung script fails, never hangs
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    loop.exec();
    if (bash.state() != QProcess::NotRunning) {
        bash.kill();
        bash.waitForFinished();
        return {};
    }
    return {bash.exitStatus() == QProcess::NormalExit ? bash.exitCode() : -1,
            bash.readAllStandardOutput(), bash.readAllStandardError()};
}

/// Task names that break other exporters. `marker` is a file a command substitution would create.
inline QStringList hostileNames(const QString &marker)
{
    return {QStringLiteral("it's a 'quoted' name"),
            QStringLiteral("say \"hello\""),
            QStringLiteral("back\\slash \\n \\' \\\\"),
            QStringLiteral("$VAR ${VAR} $HOME"),
            QStringLiteral("$(touch ") + marker + u')',
            QStringLiteral("`touch ") + marker + QStringLiteral("` and `id`"),
            QStringLiteral("bang! !! !$ !-1"),
            QStringLiteral("@/etc/passwd"),
            QStringLiteral("line one\nline two\r\nline three"),
            QStringLiteral("tab\there\ttoo"),
            QStringLiteral("[brackets] {braces} {{not_a_variable}x} *?"),
            QStringLiteral("100% %s %20 %ASANA_ACCESS_TOKEN% %%"),
            QStringLiteral("Grüße, 東京, naïve café, emoji 🎉, ‘curly’ quotes"),
            QStringLiteral("a;b&&c||d|e>f<g #hash ~tilde"),
            QStringLiteral("   surrounded by spaces   ")};
}

} // namespace TenfoldTest
