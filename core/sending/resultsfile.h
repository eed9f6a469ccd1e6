#pragma once

#include "common/result.h"
#include "sendresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Tenfold {

constexpr int ResultsFormatVersion = 1;

/// The results file as JSON (docs/RESULTS-FORMAT.md): the actions as sent, each one's final state
/// and result, the batches, timings, the target and the plan. There is no field for the token.
QJsonObject resultsToJson(const SendRun &run);
QByteArray serializeResults(const SendRun &run);

/// Reads a results file back (the GUI's results pane, `send --only-failed-from`).
Result<SendRun> parseResults(const QByteArray &json);
Result<SendRun> loadResults(const QString &path);

/// Writes atomically: an interrupted save never leaves half a file.
std::optional<Error> saveResults(const SendRun &run, const QString &path);

} // namespace Tenfold
