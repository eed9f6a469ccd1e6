#include "cli.h"

#include "console.h"

#include <QCoreApplication>

namespace Tenfold::Cli {

namespace {

void printUsage(QTextStream &stream)
{
    stream
        << "Usage: tenfold-cli COMMAND [options] [FILE]\n\n"
           "Compose, check and send Asana batch API requests.\n"
           "FILE is a Tenfold session, an Asana batch body ({\"data\":{\"actions\":[...]}}) or a "
           "JSON array of actions; '-' reads standard input.\n\n"
           "Commands:\n";
    for (const Command &command : commands())
        stream << "  " << QString::fromLatin1(command.name).leftJustified(12) << " "
               << command.summary << "\n";
    stream << "\nOptions:\n"
              "  -h, --help     Show this help; 'tenfold-cli COMMAND --help' for a command's.\n"
              "  -v, --version  Show the version.\n\n"
              "Exit codes: 0 success, 1 errors found or actions failed, 2 usage or input error, "
              "3 nothing could be sent.\n";
}

} // namespace

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"validate", "Check actions against every rule of the batch API.", runValidate},
        {"body", "Print the exact POST /batch body, one JSON line per batch.", runBody},
        {"cost", "Show batches, rate-limit cost and the shortest send time.", runCost},
        {"sandbox", "Run the embedded Asana sandbox on 127.0.0.1.", runSandbox},
        {"curl", "Print the actions as curl commands (a bash script by default).", runCurl},
        {"import-curl", "Read curl commands and print them as a session.", runImportCurl},
        {"send", "Send the actions in batches under the plan's limits; report each result.",
         runSend},
        {"history", "List recorded runs; 'history show ID' gives one back as a results file.",
         runHistory},
        {"diff", "Compare two runs (results files or history ids) action by action.", runDiff},
    };
    return list;
}

int run(const QStringList &arguments)
{
    // "help COMMAND" is "COMMAND --help", as git and most tools with sub-commands read it.
    if (arguments.value(1) == QLatin1String("help") && arguments.size() > 2)
        return run({arguments.at(0), arguments.at(2), QStringLiteral("--help")});
    const QString first = arguments.value(1);
    int code = ExitUsage;
    if (first.isEmpty()) {
        printUsage(err());
    } else if (first == QLatin1String("-h") || first == QLatin1String("--help") ||
               first == QLatin1String("help")) {
        printUsage(out());
        code = ExitOk;
    } else if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        out() << "tenfold-cli " << TENFOLD_VERSION << "\n";
        code = ExitOk;
    } else {
        const auto &list = commands();
        const auto it = std::find_if(list.begin(), list.end(), [&](const Command &command) {
            return first == QLatin1String(command.name);
        });
        if (it == list.end()) {
            err() << "tenfold-cli: unknown command '" << first
                  << "'. Run 'tenfold-cli --help' for the list.\n";
        } else {
            code = it->run(arguments.mid(2));
        }
    }
    out().flush();
    err().flush();
    return code;
}

} // namespace Tenfold::Cli
