#pragma once

#include "common/result.h"
#include "model/session.h"
#include "sending/sendresult.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Tenfold {

/// The results as CSV (one line per action: index, method, path, state, status, summary,
/// duration, batch, attempts, stale), quoted per RFC 4180.
QByteArray resultsToCsv(const SendRun &run, const QList<bool> &stale = {});

/// The results kept in a session file, from its "results" member as the loader read it
/// (LoadedInput::keptResults); nullopt when it has none, an error when it is broken.
std::optional<Result<SendRun>> resultsInSession(const QJsonValue &keptResults);

} // namespace Tenfold

namespace Tenfold {

/// The text of a top-level member of the JSON object in `json`, exactly as it is written there
/// (from the value's first byte to its last); nullopt when there is none or `json` is not an
/// object. With duplicate keys it is the last one, as Qt's parser keeps. Meant for documents the
/// loader accepted: it finds boundaries, it does not check the JSON.
std::optional<QByteArray> rawMemberText(const QByteArray &json, QLatin1String key);

/// serializeSession() with `rawResults` as the text of its "results" member, byte for byte (the
/// results of a newer Tenfold, which this one cannot read, kept as they were).
QByteArray serializeSessionWithRawResults(const Session &session, const QByteArray &rawResults);

} // namespace Tenfold
