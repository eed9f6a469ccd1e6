#pragma once

#include "common/result.h"
#include "sending/sendresult.h"

#include <QByteArray>
#include <QJsonValue>

#include <optional>

namespace Tenfold {

/// The results as CSV (one line per action: index, method, path, state, status, summary,
/// duration, batch, attempts, stale), quoted per RFC 4180.
QByteArray resultsToCsv(const SendRun &run, const QList<bool> &stale = {});

/// The results kept in a session file, from its "results" member as the loader read it
/// (LoadedInput::keptResults); nullopt when it has none, an error when it is broken.
std::optional<Result<SendRun>> resultsInSession(const QJsonValue &keptResults);

} // namespace Tenfold
