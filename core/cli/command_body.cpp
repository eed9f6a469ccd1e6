#include "catalog/endpointcatalog.h"
#include "cli.h"
#include "commandinput.h"
#include "console.h"
#include "validation/validator.h"
#include "wire/batchbody.h"

namespace Tenfold::Cli {

int runBody(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Print only batch N (1-based)."),
                                         QStringLiteral("N"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"),
        QStringLiteral("Print the body even when validation finds errors (to see how a server "
                       "answers a broken batch)."));
    parser.addOption(batchOption);
    parser.addOption(forceOption);
    parser.addOption(variableOption());
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("body"),
            QStringLiteral("Print the exact POST /batch body for the enabled actions, one compact "
                           "JSON line per batch of at most 10, with variables substituted."),
            {{QStringLiteral("FILE"), QStringLiteral("Session, batch body or action array; - for "
                                                     "stdin.")}}))
        return *code;

    const QString path = parser.positionalArguments().constFirst();
    std::optional<LoadedInput> input = loadCommandInput(path, parser);
    if (!input)
        return ExitUsage;

    QList<Action> resolved;
    const QList<Diagnostic> diagnostics = combineDiagnostics(
        input->diagnostics,
        validateSession(input->session, input->kind, EndpointCatalog::builtin(), &resolved));
    if (hasErrors(diagnostics) && !parser.isSet(forceOption)) {
        printErrors(diagnostics, path);
        err() << "tenfold-cli body: not printing a body with errors; fix them or use --force.\n";
        return ExitFailed;
    }

    const QList<BatchPlan> batches = planBatches(resolved);

    int only = 0;
    if (parser.isSet(batchOption)) {
        bool ok = false;
        only = parser.value(batchOption).toInt(&ok);
        if (!ok || only < 1 || only > batches.size()) {
            err() << "tenfold-cli body: --batch " << parser.value(batchOption)
                  << " is out of range: this input has " << batches.size() << " batch(es).\n";
            return ExitUsage;
        }
    }
    if (only > 0) {
        out() << batchBody(resolved, batches.at(only - 1).actionIndexes) << "\n";
        return ExitOk;
    }
    forEachBatchBody(resolved, batches,
                     [](const BatchPlan &, const QByteArray &body) { out() << body << "\n"; });
    return ExitOk;
}

} // namespace Tenfold::Cli
