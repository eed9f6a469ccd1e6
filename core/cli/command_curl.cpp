#include "catalog/endpointcatalog.h"
#include "cli.h"
#include "commandinput.h"
#include "common/plural.h"
#include "console.h"
#include "curl/curlexport.h"
#include "curl/curlimport.h"
#include "validation/validator.h"

#include <QFile>

namespace Tenfold::Cli {

int runCurl(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption perActionOption(
        QStringLiteral("per-action"),
        QStringLiteral("One direct API call per action instead of one POST /batch per batch."));
    const QCommandLineOption shellOption(
        QStringLiteral("shell"),
        QStringLiteral("posix (default: a bash script), powershell, cmd (to "
                       "type or paste at a cmd.exe prompt) or bat "
                       "(to save as a .bat file)."),
        QStringLiteral("shell"), QStringLiteral("posix"));
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        QStringLiteral("API root (default: the session's custom target, else "
                       "https://app.asana.com/api/1.0)."),
        QStringLiteral("URL"));
    const QCommandLineOption withTokenOption(
        QStringLiteral("with-token"),
        QStringLiteral("Write the token from ASANA_ACCESS_TOKEN into the commands instead of a "
                       "reference to the variable. The output is then a secret."));
    const QCommandLineOption prettyOption(QStringLiteral("pretty"),
                                          QStringLiteral("Indented JSON bodies."));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        QStringLiteral("Export even when validation finds errors (to see how a server answers "
                       "a broken batch)."));
    parser.addOptions({perActionOption, shellOption, baseUrlOption, withTokenOption, prettyOption,
                       forceOption, variableOption()});
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("curl"),
            QStringLiteral("Print the enabled actions as curl commands, variables substituted. "
                           "The POSIX output is a bash script that runs them in order."),
            {{QStringLiteral("FILE"), QStringLiteral("Session, batch body or action array; - for "
                                                     "stdin.")}}))
        return *code;

    CurlExportOptions options;
    Result<Shell> shell = parseShell(parser.value(shellOption));
    if (!shell) {
        err() << "tenfold-cli curl: " << shell.errorString() << "\n";
        return ExitUsage;
    }
    options.shell = shell.value();
    options.perAction = parser.isSet(perActionOption);
    options.pretty = parser.isSet(prettyOption);
    if (parser.isSet(baseUrlOption)) {
        Result<Target> target = Target::parse(parser.value(baseUrlOption));
        if (!target || target->kind != Target::Kind::Custom) {
            err() << "tenfold-cli curl: --base-url needs an http(s) URL such as "
                     "https://app.asana.com/api/1.0\n";
            return ExitUsage;
        }
        options.baseUrl = target->customUrl;
    }
    if (parser.isSet(withTokenOption)) {
        options.token = qEnvironmentVariable(TokenEnvironmentVariable).trimmed();
        if (options.token.isEmpty()) {
            err() << "tenfold-cli curl: --with-token needs the token in "
                  << TokenEnvironmentVariable << "\n";
            return ExitUsage;
        }
    }

    const QString path = parser.positionalArguments().constFirst();
    std::optional<LoadedInput> input = loadCommandInput(path, parser);
    if (!input)
        return ExitUsage;

    // The same gate as `body` and `send`: commands Asana would refuse are not handed out as if
    // they were fine.
    const QList<Diagnostic> diagnostics =
        combineDiagnostics(input->diagnostics, validateSession(input->session, input->kind,
                                                               EndpointCatalog::builtin()));
    if (hasErrors(diagnostics) && !parser.isSet(forceOption)) {
        printErrors(diagnostics, path);
        err() << "tenfold-cli curl: not exporting actions with errors; fix them or use --force.\n";
        return ExitFailed;
    }
    if (!options.token.isEmpty() && !parser.isSet(baseUrlOption) &&
        input->session.target.kind == Target::Kind::Custom) {
        // As with send: a shared session must not choose where a literal token is sent.
        err() << "tenfold-cli curl: the session targets "
              << input->session.target.baseUrl().toString()
              << "; to write your token into commands for it, confirm with --base-url "
              << input->session.target.baseUrl().toString() << "\n";
        return ExitUsage;
    }
    Result<QString> script = exportCurl(input->session, options);
    if (!script) {
        err() << "tenfold-cli curl: " << script.errorString() << "\n";
        return ExitFailed;
    }
    const QUrl to =
        options.baseUrl.isEmpty() ? defaultCurlBaseUrl(input->session) : options.baseUrl;
    if (!parser.isSet(baseUrlOption) && input->session.target.kind == Target::Kind::Custom &&
        !isLoopbackHost(to.host())) {
        // The session, which someone else may have written, chose this server.
        err() << "note: these commands send your token to " << to.host()
              << " (the session's target); check that you trust it, or choose with --base-url\n";
    }
    out() << script.value();
    return ExitOk;
}

int runImportCurl(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption skipBadOption(
        QStringLiteral("skip-bad"),
        QStringLiteral("Import the commands that can be imported and leave out the others (each "
                       "is still reported). Without it, nothing is imported when any command "
                       "cannot be."));
    parser.addOption(skipBadOption);
    // FILE is optional: without it, read standard input.
    QStringList withFile = arguments;
    if (std::none_of(arguments.begin(), arguments.end(), [](const QString &argument) {
            return argument == QLatin1String("-") || !argument.startsWith(u'-');
        }))
        withFile.append(QStringLiteral("-"));
    if (auto code = parseArguments(
            parser, withFile, QStringLiteral("import-curl"),
            QStringLiteral("Read curl commands (a Tenfold export, Asana's docs, a browser's "
                           "\"copy as cURL\") and print them as a Tenfold session that targets "
                           "the server they call. The token is never imported. Every command "
                           "that cannot be imported is reported with its line.\n"
                           "Exit code: 0 imported (with --skip-bad: something was), 1 a command "
                           "cannot be imported, 2 unreadable input."),
            {{QStringLiteral("FILE"), QStringLiteral("Text holding curl commands; - or nothing "
                                                     "for stdin.")}}))
        return *code;

    const QString path = parser.positionalArguments().constFirst();
    const QString name = inputDisplayName(path);
    QFile file;
    const bool opened = path == QLatin1String("-")
                            ? file.open(stdin, QIODevice::ReadOnly)
                            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err() << "tenfold-cli import-curl: cannot read " << name << ": " << file.errorString()
              << "\n";
        return ExitUsage;
    }
    // A regular file's size is known before reading it (stdin reports 0: the read tells).
    const QByteArray bytes =
        file.size() > MaxInputBytes ? QByteArray() : file.read(MaxInputBytes + 1);
    if (file.size() > MaxInputBytes || bytes.size() > MaxInputBytes) {
        err() << "tenfold-cli import-curl: " << name << " is too large to be curl commands\n";
        return ExitUsage;
    }
    Result<CurlImport> import = readCurlImport(QString::fromUtf8(bytes));
    if (!import) {
        const Error &error = import.error();
        err() << name;
        if (error.line > 0)
            err() << ':' << error.line;
        err() << ": error: " << error.message << "\n";
        return ExitFailed;
    }
    const bool skipBad = parser.isSet(skipBadOption);
    const QList<CurlImportNote> &problems = import->problems;
    for (const CurlImportNote &problem : problems) {
        err() << name << ':' << problem.line << (skipBad ? ": warning: left out: " : ": error: ")
              << problem.message << "\n";
    }
    for (const CurlImportNote &note : std::as_const(import->notes))
        err() << name << ':' << note.line << ": note: " << note.message << "\n";
    const int actions = int(import->session.actions.size());
    if (!problems.isEmpty() && (!skipBad || actions == 0)) {
        err() << "tenfold-cli import-curl: nothing imported: "
              << countOf(problems.size(), QStringLiteral("command"), QStringLiteral("commands"))
              << " cannot be imported";
        if (actions > 0)
            err() << "; --skip-bad imports the other "
                  << countOf(actions, QStringLiteral("action"), QStringLiteral("actions"));
        err() << "\n";
        return ExitFailed;
    }
    if (!problems.isEmpty()) {
        err() << "tenfold-cli import-curl: imported "
              << countOf(actions, QStringLiteral("action"), QStringLiteral("actions"))
              << ", left out "
              << countOf(problems.size(), QStringLiteral("command"), QStringLiteral("commands"))
              << "\n";
    }
    out() << serializeSession(import->session);
    return ExitOk;
}

} // namespace Tenfold::Cli
