#pragma once

#include "session/sessionfile.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace Tenfold::Cli {

/// The `--var name=value` option every command that reads actions accepts.
QCommandLineOption variableOption();

/// Parses a command's arguments; prints the error or help and returns the exit code when the
/// command should stop. `positional` describes the expected positional arguments for --help.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  const QString &command, const QString &description,
                                  const QList<std::pair<QString, QString>> &positional);

/// The longest latency or slow-fault delay the sandbox options take: ten minutes, longer than
/// any client waits, and small enough that a latency plus the slow delay cannot overflow an int.
constexpr int MaxSandboxDelayMs = 600'000;

/// Parses a sandbox latency, "40" or "20-80" milliseconds, up to MaxSandboxDelayMs.
bool parseLatencyRange(const QString &text, int *minMs, int *maxMs);

/// How diagnostics name their input: "<stdin>" for "-", else the path.
QString inputDisplayName(const QString &path);

/// Prints the errors among `diagnostics` on standard error, one line each.
void printErrors(const QList<Diagnostic> &diagnostics, const QString &path);

/// Loads FILE ("-" for stdin) as any of the three input kinds and applies `--var` overrides.
/// On failure prints "FILE:LINE:COLUMN: error: MESSAGE" and returns nothing (exit code 2).
std::optional<LoadedInput> loadCommandInput(const QString &path, const QCommandLineParser &parser);

} // namespace Tenfold::Cli
