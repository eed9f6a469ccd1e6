#pragma once

#include <QStringList>

namespace Tenfold::Cli {

/// Exit codes shared by every command, documented in `tenfold-cli --help`.
enum ExitCode
{
    ExitOk = 0,          ///< everything succeeded / no errors
    ExitFailed = 1,      ///< the input has errors, or an action failed
    ExitUsage = 2,       ///< bad arguments, or the input cannot be read or parsed
    ExitNothingSent = 3, ///< `send`: nothing could be sent
};

/// One sub-command of tenfold-cli. `run` gets the arguments after the command's name.
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

/// Every command, in the order `--help` lists them.
const QList<Command> &commands();

/// Runs tenfold-cli with the full argument list (program name first). Needs a
/// QCoreApplication; commands that serve or send run its event loop themselves.
int run(const QStringList &arguments);

// Commands, one per file (command_<name>.cpp).
int runValidate(const QStringList &arguments);
int runBody(const QStringList &arguments);
int runCost(const QStringList &arguments);
int runSandbox(const QStringList &arguments);
int runCurl(const QStringList &arguments);       // command_curl.cpp
int runImportCurl(const QStringList &arguments); // command_curl.cpp
int runSend(const QStringList &arguments);
int runHistory(const QStringList &arguments); // command_history.cpp
int runDiff(const QStringList &arguments);    // command_diff.cpp

} // namespace Tenfold::Cli
