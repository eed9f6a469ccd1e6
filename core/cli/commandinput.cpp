#include "commandinput.h"

#include "cli.h"
#include "console.h"

#include <QCoreApplication>

namespace Tenfold::Cli {

QCommandLineOption variableOption()
{
    return QCommandLineOption(
        QStringLiteral("var"),
        QCoreApplication::translate("Tenfold::Cli",
                                    "Define or override a session variable used as {{name}}."),
        QStringLiteral("name=value"));
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  const QString &command, const QString &description,
                                  const QList<std::pair<QString, QString>> &positional)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    for (const auto &[name, text] : positional)
        parser.addPositionalArgument(name, text);
    // QCommandLineParser expects the program name first; show "tenfold-cli COMMAND" in --help.
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("tenfold-cli ") + command);
    if (!parser.parse(withProgram)) {
        err() << "tenfold-cli " << command << ": " << parser.errorText() << "\n"
              << "Try 'tenfold-cli " << command << " --help'.\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // helpText() names the program by its path; name the sub-command instead.
        QString help = parser.helpText();
        const qsizetype usageEnd = help.indexOf(QLatin1String(" [options]"));
        if (help.startsWith(QLatin1String("Usage: ")) && usageEnd > 0)
            help.replace(7, usageEnd - 7, QStringLiteral("tenfold-cli ") + command);
        out() << help;
        return ExitOk;
    }
    const QStringList given = parser.positionalArguments();
    if (given.size() != positional.size()) {
        err() << "tenfold-cli " << command << ": ";
        if (given.size() < positional.size())
            err() << "missing " << positional.at(given.size()).first << "\n";
        else
            err() << "unexpected argument '" << given.at(positional.size()) << "'\n";
        err() << "Try 'tenfold-cli " << command << " --help'.\n";
        return ExitUsage;
    }
    return std::nullopt;
}

bool parseLatencyRange(const QString &text, int *minMs, int *maxMs)
{
    const QStringList parts = text.trimmed().split(u'-');
    bool minOk = false;
    bool maxOk = true;
    const int low = parts.value(0).toInt(&minOk);
    const int high = parts.size() == 2 ? parts.at(1).toInt(&maxOk) : low;
    if (parts.size() > 2 || !minOk || !maxOk || low < 0 || high < low || high > MaxSandboxDelayMs)
        return false;
    *minMs = low;
    *maxMs = high;
    return true;
}

QString inputDisplayName(const QString &path)
{
    return path == QLatin1String("-") ? QStringLiteral("<stdin>") : path;
}

void printErrors(const QList<Diagnostic> &diagnostics, const QString &path)
{
    const QString name = inputDisplayName(path);
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity == Severity::Error)
            err() << diagnostic.toText(name) << "\n";
    }
}

std::optional<LoadedInput> loadCommandInput(const QString &path, const QCommandLineParser &parser)
{
    Result<LoadedInput> loaded = loadInput(path);
    const QString name = inputDisplayName(path);
    if (!loaded) {
        const Error &error = loaded.error();
        err() << name;
        if (error.line > 0)
            err() << ':' << error.line << ':' << error.column;
        err() << ": error: " << error.message << "\n";
        return std::nullopt;
    }
    for (const QString &assignment : parser.values(QStringLiteral("var"))) {
        const qsizetype equals = assignment.indexOf(u'=');
        const QString variableName = assignment.left(equals);
        if (equals < 0 || !isValidVariableName(variableName)) {
            err() << "tenfold-cli: --var " << assignment
                  << ": expected name=value, with a name that starts with a letter or '_' "
                     "and holds letters, digits, '_', '-' or '.'\n";
            return std::nullopt;
        }
        loaded->session.variables.append({variableName, assignment.mid(equals + 1)});
    }
    return std::move(loaded).value();
}

} // namespace Tenfold::Cli
