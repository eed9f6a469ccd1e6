#pragma once

#include "common/result.h"
#include "curl/shellquote.h"
#include "model/session.h"

#include <QString>
#include <QUrl>

namespace Tenfold {

/// The environment variable exports read the token from, and `--with-token` reads it at export.
inline constexpr char TokenEnvironmentVariable[] = "ASANA_ACCESS_TOKEN";

/// How to write a session as curl commands.
struct CurlExportOptions
{
    Shell shell = Shell::Posix;
    bool perAction = false; ///< one direct API call per action instead of one POST /batch per batch
    bool pretty = false;    ///< indented JSON bodies instead of one compact line
    QUrl baseUrl;           ///< the API root; empty means https://app.asana.com/api/1.0
    /// Empty: the commands read ASANA_ACCESS_TOKEN when they run. Set only when the user asked
    /// for the literal token in the export.
    QString token;
};

/// The API root an export of `session` uses by default: the session's custom target, else Asana.
QUrl defaultCurlBaseUrl(const Session &session);

/// The curl commands for the session's enabled actions, variables resolved, in sending order.
/// A POSIX export is a bash script that runs them and prints each response. Fails, naming the
/// action and field, for an undefined variable or (per action) data a query string cannot carry.
Result<QString> exportCurl(const Session &session, const CurlExportOptions &options);

} // namespace Tenfold
