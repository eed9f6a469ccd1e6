#pragma once

#include "common/result.h"
#include "model/session.h"
#include "validation/diagnostic.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Tenfold {

struct LoadedInput
{
    InputKind kind = InputKind::Session;
    Session session;
    /// Shape problems found while reading (an action that is not an object, a method that is
    /// not a string...): readDiagnostics() of each action, in order. The affected action is
    /// kept, with what could not be read in Action::unread, so numbering stays true.
    QList<Diagnostic> diagnostics;
    /// A session's optional "results" member as it was read (results kept in the session, read
    /// by ui/results/resultsio), so that opening a session parses the file once. Undefined when
    /// there is none; always Undefined for a batch body or an action array.
    QJsonValue keptResults = QJsonValue::Undefined;
};

constexpr int SessionFormatVersion = 1;
/// Inputs above this size are refused before parsing, so a wrong file cannot eat all memory.
constexpr qint64 MaxInputBytes = 512ll * 1024 * 1024;

/// Parses any of the three input kinds. Fails, with line and column where known, for
/// malformed JSON, foreign JSON or a session of a newer version; never returns half a session.
Result<LoadedInput> parseInput(const QByteArray &json);
/// parseInput() with its two readers chosen by hand, for tests and fuzzing, which check that they
/// agree. The chunked reader is tried whatever the input's size, with chunks of about
/// `chunkBytes`; `usedChunks` tells whether it read the input or left it to the whole parse.
Result<LoadedInput> parseInputInChunks(const QByteArray &json, qsizetype chunkBytes,
                                       bool *usedChunks = nullptr);
Result<LoadedInput> parseInputWhole(const QByteArray &json);
/// Reads and parses a file; "-" reads standard input.
Result<LoadedInput> loadInput(const QString &path);

/// What is wrong with the action's own fields as read (Action::unread): a member of the wrong
/// type, an unknown or hidden key, an element that is not an object. The loader reports exactly
/// these, so whoever holds the action (the window, a pasted copy) can report them too.
/// `index` (0-based) labels the diagnostics.
QList<Diagnostic> readDiagnostics(const Action &action, int index);
/// Forgets the unread member `key` ("method", "relative_path", "note", "enabled"), because the
/// user set that field; an element that was not an object is forgotten whole.
void forgetUnread(Action &action, const QString &key);

/// One action as a JSON object in session files: the wire fields plus note and enabled, and the
/// members that could not be read, as they were.
QJsonObject actionToSessionJson(const Action &action);
/// actionToSessionJson(), or the element itself when it was not an object (kept as written).
QJsonValue actionToSessionValue(const Action &action);
/// The session file's bytes; `keptResults`, when given, becomes its optional "results" member
/// (results kept with the session, written by ui/results; older readers ignore it).
QByteArray serializeSession(const Session &session,
                            const QJsonValue &keptResults = QJsonValue::Undefined);

/// Writes atomically (QSaveFile): the old file stays intact if anything fails.
std::optional<Error> saveSession(const Session &session, const QString &path);
/// The same atomic write for any bytes (results files, exports).
std::optional<Error> writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace Tenfold
