#pragma once

// tenfold-cli run as a QA script runs it: a real process, its exit code and what it printed.
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace CliTest {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs tenfold-cli (or `program`, e.g. script(1) for a terminal, with `programArguments`).
inline Run runCli(const QStringList &arguments, const QByteArray &input = {},
                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                  const QString &program = QStringLiteral(TENFOLD_CLI_PATH),
                  const QStringList &programArguments = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, programArguments.isEmpty() ? arguments : programArguments);
    if (!process.waitForStarted())
        qFatal("cannot start tenfold-cli");
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        qFatal("tenfold-cli did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

/// Test JSON is written with single quotes for readability; moc cannot read raw string literals.
inline QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

/// Writes `content` to `name` in `dir` and returns its path.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    file.write(content);
    return file.fileName();
}

} // namespace CliTest
