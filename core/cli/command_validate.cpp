#include "catalog/endpointcatalog.h"
#include "cli.h"
#include "commandinput.h"
#include "console.h"
#include "validation/validator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tenfold::Cli {

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the diagnostics as a JSON array."));
    parser.addOption(jsonOption);
    parser.addOption(variableOption());
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("validate"),
            QStringLiteral("Check actions against every rule of Asana's batch API.\n"
                           "Exit code: 0 no errors (warnings allowed), 1 errors, 2 unreadable."),
            {{QStringLiteral("FILE"), QStringLiteral("Session, batch body or action array; - for "
                                                     "stdin.")}}))
        return *code;

    const QString path = parser.positionalArguments().constFirst();
    std::optional<LoadedInput> input = loadCommandInput(path, parser);
    if (!input)
        return ExitUsage;

    const QList<Diagnostic> diagnostics =
        combineDiagnostics(input->diagnostics, validateSession(input->session, input->kind,
                                                               EndpointCatalog::builtin()));

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const Diagnostic &diagnostic : std::as_const(diagnostics))
            array.append(diagnostic.toJson());
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        const QString name = inputDisplayName(path);
        for (const Diagnostic &diagnostic : std::as_const(diagnostics))
            out() << diagnostic.toText(name) << "\n";
    }
    return hasErrors(diagnostics) ? ExitFailed : ExitOk;
}

} // namespace Tenfold::Cli
