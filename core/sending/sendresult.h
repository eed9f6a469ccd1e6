#pragma once

#include "model/action.h"
#include "model/plan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Tenfold {

/// Where one action ended. Exactly one final state per action that was part of the run.
enum class ActionState
{
    Pending,        ///< not finished yet (only while sending)
    Succeeded,      ///< its own status was 2xx
    Failed,         ///< its own 4xx/5xx, or the whole request was refused so it never ran
    OutcomeUnknown, ///< it may or may not have run (lost connection, 5xx, garbled answer)
    Cancelled,      ///< never sent (or a read aborted in flight)
    Skipped         ///< disabled or not selected: not part of this run
};

/// Stable lower-case names used in results files and --json ("outcome_unknown"...).
QString actionStateName(ActionState state);
std::optional<ActionState> actionStateFromName(const QString &name);
/// Words for people ("outcome unknown").
QString actionStateText(ActionState state);

/// One entry of Asana's {"errors":[...]}: phrase only comes with 500s.
struct ApiError
{
    QString message;
    QString help;
    QString phrase;

    bool operator==(const ApiError &other) const = default;
};

/// Reads {"errors":[{message, help, phrase}]} from a response body; empty for anything else.
QList<ApiError> parseApiErrors(const QJsonValue &body);

/// What happened to one action.
struct ActionResult
{
    ActionState state = ActionState::Pending;
    int statusCode = 0;     ///< the action's own status; for batch-level failures the HTTP status
    QJsonObject headers;    ///< the action's headers (e.g. location), names lower case
    QJsonValue body;        ///< the action's body as JSON (a string when it was not JSON)
    QList<ApiError> errors; ///< parsed from body
    int batch = 0;          ///< 1-based number of the batch that carried it; 0 when not sent
    int attempts = 0;       ///< how many times its batch was sent
    qint64 durationMs = 0;  ///< of the last attempt, request to answer
    QString reason;         ///< for anything but success: what happened, in words

    bool operator==(const ActionResult &other) const = default;
};

/// One batch of the run and how it went.
struct BatchRecord
{
    int number = 0;           ///< 1-based
    QList<int> actionIndexes; ///< into the run's actions
    int attempts = 0;         ///< requests made for it
    int rateLimited = 0;      ///< of which answered 429
    int httpStatus = 0;       ///< of the last attempt; 0 when no answer came
    qint64 startedMs = -1;    ///< first attempt, ms after the run started; -1 when never sent
    qint64 durationMs = 0;    ///< first request to final answer
    QString outcome;          ///< one line for people

    bool operator==(const BatchRecord &other) const = default;
};

/// Counts by final state.
struct SendSummary
{
    int succeeded = 0;
    int failed = 0;
    int unknown = 0;
    int cancelled = 0;
    int skipped = 0;
    int pending = 0;

    int sent() const { return succeeded + failed + unknown + cancelled + pending; }
    /// Counts one action in its state.
    void add(ActionState state);
};

/// A whole send: what was sent where, under which plan, and every action's result, index for
/// index with the session's actions. Never holds the token.
struct SendRun
{
    QString sessionName;
    QUrl baseUrl;
    Plan plan;
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 wallMs = 0;
    bool cancelled = false;
    int rateLimitedCount = 0;    ///< 429 answers met
    bool reachedServer = false;  ///< some request got an HTTP answer or may have been processed
    QList<Action> actions;       ///< as sent (variables resolved), all of the session's
    QList<ActionResult> results; ///< results[i] belongs to actions[i]
    QList<BatchRecord> batches;

    SendSummary summary() const;
    /// Indexes whose state is Failed, OutcomeUnknown or Cancelled (what a resend would take).
    QList<int> unfinishedIndexes() const;
};

} // namespace Tenfold
