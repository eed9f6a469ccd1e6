#pragma once

#include "common/result.h"
#include "sending/sendresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Tenfold {

/// How a run ended as a whole, from its counts (the list's outcome column and filter).
enum class RunOutcome
{
    Succeeded,   ///< every action that went succeeded
    Failed,      ///< some action failed, none has an unknown outcome
    Unknown,     ///< some action may or may not have run
    Cancelled,   ///< the user cancelled the run
    NothingSent, ///< no request reached a server
};

/// Stable lower-case names ("nothing_sent") for the database, --json and filters.
QString runOutcomeName(RunOutcome outcome);
std::optional<RunOutcome> runOutcomeFromName(const QString &name);
/// Words for people ("nothing sent").
QString runOutcomeText(RunOutcome outcome);
RunOutcome runOutcomeOf(const SendRun &run);

/// One recorded run as the list shows it: everything but the results file.
struct RunRecord
{
    qint64 id = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString sessionName;
    QString sessionPath; ///< absolute; empty for standard input or an unsaved session
    QString actionsHash; ///< SHA-256 of the actions as sent: equal hashes, same requests
    QString target;      ///< the API root
    QString plan;
    QString source; ///< "cli" or "window"
    RunOutcome outcome = RunOutcome::Succeeded;
    SendSummary summary;
    int actionCount = 0;
    qint64 wallMs = 0;
    int rateLimited = 0;
};

/// Where a run came from, which the run itself does not know.
struct RunOrigin
{
    QString sessionPath;
    QString source;
};

/// What the list shows; empty members do not filter.
struct HistoryFilter
{
    QString sessionPath;
    QString target;
    QDateTime from; ///< started at or after
    QDateTime to;   ///< started before
    std::optional<RunOutcome> outcome;
    QString pathSearch; ///< part of an action's "METHOD /path", any case
    int limit = -1;     ///< at most this many, newest first; -1 for all
};

/// Which runs are kept: the newest `keepRuns` and those younger than `keepDays` (0: no limit).
struct Retention
{
    int keepRuns = 1000;
    int keepDays = 0;

    bool operator==(const Retention &other) const = default;
};

/// The runs a filter selects, read a few at a time, so a model lists 10,000 runs without
/// reading them all first.
class HistoryCursor
{
public:
    HistoryCursor();
    ~HistoryCursor();
    HistoryCursor(HistoryCursor &&other) noexcept;
    HistoryCursor &operator=(HistoryCursor &&other) noexcept;

    /// Up to `count` more runs, newest first; fewer (or none) at the end.
    QList<RunRecord> fetch(int count);
    bool atEnd() const;

private:
    friend class HistoryStore;
    struct Private;
    std::unique_ptr<Private> d;
};

/// The run history: an SQLite database (Qt SQL, QSQLITE) shared by the window and the CLI.
/// WAL mode and a busy timeout let both write at once; the schema carries a version
/// (PRAGMA user_version) and is migrated forward on open. A file that is not a readable
/// database is moved aside and a new one started, with notice() saying where it went. The
/// token is never stored: runs hold the results file, which has no field for it.
/// One instance is one connection; use it from the thread that opened it.
class HistoryStore
{
public:
    static constexpr int SchemaVersion = 2;

    /// TENFOLD_HISTORY, else history.sqlite in the user's data folder (Tenfold/ under
    /// GenericDataLocation, the same for the window and the CLI).
    static QString defaultPath();

    explicit HistoryStore(const QString &path = defaultPath());
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    QString path() const { return m_path; }
    /// Opens (creating the folder and file) and migrates. A damaged file is moved aside and a
    /// new database started; only what cannot be recovered (a newer schema, a folder that
    /// cannot be written) is an error.
    std::optional<Error> open();
    bool isOpen() const { return m_open; }
    /// Set when open() or a write moved a damaged database aside: one line for people.
    QString notice() const { return m_notice; }

    /// Records a finished run, then prunes by the retention. Returns the run's id.
    Result<qint64> record(const SendRun &run, const RunOrigin &origin);

    /// Runs matching `filter`, newest first.
    Result<QList<RunRecord>> list(const HistoryFilter &filter = {});
    /// The same runs, read on demand (the cursor must not outlive the store).
    Result<HistoryCursor> cursor(const HistoryFilter &filter);

    Result<RunRecord> run(qint64 id);
    /// The run's results file, as recorded.
    Result<QByteArray> resultsJson(qint64 id);
    Result<SendRun> results(qint64 id);
    std::optional<Error> remove(const QList<qint64> &ids);
    Result<int> count();

    /// Distinct sessions and targets for the filters.
    QStringList sessionPaths();
    QStringList targets();

    Retention retention();
    /// Stores the retention (shared by both front ends) and prunes by it.
    std::optional<Error> setRetention(const Retention &retention);
    /// Deletes what the retention no longer keeps; vacuums when much space was freed.
    Result<int> prune();

private:
    std::optional<Error> openConnection();
    void closeConnection();
    std::optional<Error> migrate();
    bool moveAside(const QString &why);
    Error sqlError(const QString &doing, const QString &sqlMessage) const;

    QString m_path;
    QString m_connection;
    QString m_notice;
    bool m_open = false;
    bool m_migrationDamaged = false;
};

/// SHA-256 (hex) over the wire form of `actions`.
QString actionsHash(const QList<Action> &actions);

} // namespace Tenfold
