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

/// Something in the pasted text, with the line its command starts on.
struct CurlImportNote
{
    int line = 0;
    QString message;

    bool operator==(const CurlImportNote &other) const = default;
    /// "line 3: message"
    QString toString() const;
};

/// Everything a text of curl commands holds: the actions of every command that could be read,
/// each command that could not (and why), and what was dropped on the way.
struct CurlImport
{
    /// The importable actions; its target is the server the commands called (Asana, or the
    /// custom API root of the first command).
    Session session;
    QList<CurlImportNote> problems; ///< commands left out: not curl, a file upload, ...
    QList<CurlImportNote> notes;    ///< dropped parts (opt_pretty) and other servers named
};

/// Reads every command, going on after one that cannot be imported, so that all problems are
/// reported at once. Fails only when the text cannot be split into commands at all (an
/// unclosed quote) or holds no curl command.
Result<CurlImport> readCurlImport(const QString &text);

/// Reads curl commands as a session: a POST /batch becomes its actions, any other API call one
/// action (query parameters into data, opt_fields/limit/offset into options). The token is never
/// imported. Fails when any command cannot be imported, naming every one (the error's line is
/// the first's); readCurlImport() keeps what can be imported.
Result<Session> importCurl(const QString &text);

} // namespace Tenfold
