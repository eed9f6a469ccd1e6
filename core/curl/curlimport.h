#pragma once

#include "common/result.h"
#include "model/session.h"

#include <QList>
#include <QString>

namespace Tenfold {

/// What one curl command line asks for, before it is read as Asana actions.
struct CurlRequest
{
    QString method; ///< upper case, after -X, -I, -G and the body decided it
    QString url;    ///< with the query, including what -G added
    QList<std::pair<QString, QString>> headers;
    QString body; ///< the request body as curl would send it
    bool hasBody = false;
    int line = 1; ///< where the command starts in the pasted text
};

/// Parses every curl command in POSIX shell text (one command, or a script such as a Tenfold
/// export; echo, printf, : and set lines are skipped). Fails, naming the option or the word, for
/// unknown options, bodies read from files and anything else curl would not send as written.
Result<QList<CurlRequest>> parseCurlCommands(const QString &text);

/// Reads curl commands as a session: a POST /batch becomes its actions, any other API call one
/// action (query parameters into data, opt_fields/limit/offset into options). The token is never
/// imported. Fails with a message naming the part that cannot be represented.
Result<Session> importCurl(const QString &text);

} // namespace Tenfold
