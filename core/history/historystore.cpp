#include "historystore.h"

#include "sending/resultsfile.h"
#include "wire/batchbody.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

#include <atomic>

namespace Tenfold {

namespace {

const QLatin1String Driver("QSQLITE");
// Long enough for the other front end to finish a write (a record and its prune take
// milliseconds); short enough that a stuck lock only delays the end of a send a little.
constexpr int BusyTimeoutMs = 5000;

/// One step of the schema: statements run in one transaction, then an optional fill-in of
/// the new columns from what the rows already hold.
struct Migration
{
    int version;
    QList<const char *> statements;
    std::optional<Error> (*fill)(QSqlDatabase &database);
};

struct OutcomeName
{
    RunOutcome outcome;
    const char *name;
    const char *text;
};

constexpr OutcomeName OutcomeNames[] = {
    {RunOutcome::Succeeded, "succeeded", "succeeded"},
    {RunOutcome::Failed, "failed", "failed"},
    {RunOutcome::Unknown, "outcome_unknown", "outcome unknown"},
    {RunOutcome::Cancelled, "cancelled", "cancelled"},
    {RunOutcome::NothingSent, "nothing_sent", "nothing sent"},
};

/// Text columns are NOT NULL: a null QString would bind as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

/// "GET /tasks/1\nPOST /tasks" for the search by action path.
QString actionPaths(const QList<Action> &actions)
{
    QStringList lines;
    QSet<QString> seen;
    for (const Action &action : actions) {
        const QString line = action.method.toUpper() + u' ' + action.relativePath;
        if (!seen.contains(line)) {
            seen.insert(line);
            lines.append(line);
        }
    }
    return lines.join(u'\n');
}

std::optional<Error> fillVersion2(QSqlDatabase &database)
{
    QSqlQuery select(database);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT id, results FROM runs")))
        return Error{select.lastError().text()};
    QSqlQuery update(database);
    update.prepare(QStringLiteral(
        "UPDATE runs SET actions_hash = ?, rate_limited = ?, outcome = ?, action_count = ?, "
        "action_paths = ? WHERE id = ?"));
    while (select.next()) {
        Result<SendRun> run = parseResults(select.value(1).toByteArray());
        if (!run)
            continue; // the row keeps its defaults; its results still open as they are
        update.addBindValue(actionsHash(run->actions));
        update.addBindValue(run->rateLimitedCount);
        update.addBindValue(runOutcomeName(runOutcomeOf(run.value())));
        update.addBindValue(int(run->actions.size()));
        update.addBindValue(text(actionPaths(run->actions)));
        update.addBindValue(select.value(0));
        if (!update.exec())
            return Error{update.lastError().text()};
    }
    return std::nullopt;
}

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         {"CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, "
          "finished_at TEXT NOT NULL DEFAULT '', session_name TEXT NOT NULL DEFAULT '', "
          "session_path TEXT NOT NULL DEFAULT '', target TEXT NOT NULL DEFAULT '', "
          "plan TEXT NOT NULL DEFAULT '', succeeded INTEGER NOT NULL DEFAULT 0, "
          "failed INTEGER NOT NULL DEFAULT 0, outcome_unknown INTEGER NOT NULL DEFAULT 0, "
          "cancelled INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0, "
          "wall_ms INTEGER NOT NULL DEFAULT 0, results TEXT NOT NULL)",
          "CREATE INDEX runs_started_at ON runs (started_at)"},
         nullptr},
        {2,
         {"ALTER TABLE runs ADD COLUMN actions_hash TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE runs ADD COLUMN rate_limited INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE runs ADD COLUMN outcome TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE runs ADD COLUMN source TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE runs ADD COLUMN action_count INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE runs ADD COLUMN action_paths TEXT NOT NULL DEFAULT ''",
          "CREATE INDEX runs_session_path ON runs (session_path)",
          "CREATE INDEX runs_target ON runs (target)",
          "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"},
         fillVersion2},
    };
    return list;
}

const char *const ListColumns =
    "id, started_at, finished_at, session_name, session_path, actions_hash, target, plan, "
    "source, outcome, succeeded, failed, outcome_unknown, cancelled, skipped, action_count, "
    "wall_ms, rate_limited";

QString escapeLike(QString text)
{
    text.replace(u'\\', QLatin1String("\\\\"));
    text.replace(u'%', QLatin1String("\\%"));
    text.replace(u'_', QLatin1String("\\_"));
    return text;
}

QSqlDatabase connection(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

bool isDamaged(const QSqlQuery &query)
{
    // SQLite's primary result codes: SQLITE_CORRUPT, SQLITE_NOTADB.
    const int code = query.lastError().nativeErrorCode().toInt() & 0xff;
    return code == 11 || code == 26;
}

RunRecord recordFromQuery(const QSqlQuery &query)
{
    RunRecord record;
    record.id = query.value(0).toLongLong();
    record.startedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
    record.finishedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
    record.sessionName = query.value(3).toString();
    record.sessionPath = query.value(4).toString();
    record.actionsHash = query.value(5).toString();
    record.target = query.value(6).toString();
    record.plan = query.value(7).toString();
    record.source = query.value(8).toString();
    record.outcome = runOutcomeFromName(query.value(9).toString()).value_or(RunOutcome::Failed);
    record.summary.succeeded = query.value(10).toInt();
    record.summary.failed = query.value(11).toInt();
    record.summary.unknown = query.value(12).toInt();
    record.summary.cancelled = query.value(13).toInt();
    record.summary.skipped = query.value(14).toInt();
    record.actionCount = query.value(15).toInt();
    record.wallMs = query.value(16).toLongLong();
    record.rateLimited = query.value(17).toInt();
    return record;
}

} // namespace

struct HistoryCursor::Private
{
    QSqlQuery query;
    bool atEnd = false;
};

HistoryCursor::HistoryCursor()
    : d(std::make_unique<Private>())
{
}

HistoryCursor::~HistoryCursor() = default;
HistoryCursor::HistoryCursor(HistoryCursor &&other) noexcept = default;
HistoryCursor &HistoryCursor::operator=(HistoryCursor &&other) noexcept = default;

QList<RunRecord> HistoryCursor::fetch(int count)
{
    QList<RunRecord> records;
    if (!d || d->atEnd)
        return records;
    while (records.size() < count) {
        if (!d->query.next()) {
            d->atEnd = true;
            d->query.finish();
            break;
        }
        records.append(recordFromQuery(d->query));
    }
    return records;
}

bool HistoryCursor::atEnd() const
{
    return !d || d->atEnd;
}

QString runOutcomeName(RunOutcome outcome)
{
    for (const OutcomeName &entry : OutcomeNames) {
        if (entry.outcome == outcome)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<RunOutcome> runOutcomeFromName(const QString &name)
{
    for (const OutcomeName &entry : OutcomeNames) {
        if (name == QLatin1String(entry.name))
            return entry.outcome;
    }
    return std::nullopt;
}

QString runOutcomeText(RunOutcome outcome)
{
    for (const OutcomeName &entry : OutcomeNames) {
        if (entry.outcome == outcome)
            return QString::fromLatin1(entry.text);
    }
    return {};
}

RunOutcome runOutcomeOf(const SendRun &run)
{
    const SendSummary summary = run.summary();
    if (!run.reachedServer && summary.succeeded == 0)
        return RunOutcome::NothingSent;
    if (run.cancelled)
        return RunOutcome::Cancelled;
    if (summary.unknown > 0)
        return RunOutcome::Unknown;
    if (summary.failed > 0 || summary.cancelled > 0 || summary.pending > 0)
        return RunOutcome::Failed;
    return RunOutcome::Succeeded;
}

QString actionsHash(const QList<Action> &actions)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Action &action : actions) {
        hash.addData(QJsonDocument(actionToWire(action)).toJson(QJsonDocument::Compact));
        hash.addData(QByteArrayView("\n"));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString HistoryStore::defaultPath()
{
    const QString overridden = qEnvironmentVariable("TENFOLD_HISTORY");
    if (!overridden.isEmpty())
        return overridden;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/Tenfold/history.sqlite");
}

HistoryStore::HistoryStore(const QString &path)
    : m_path(path)
{
    static std::atomic<int> counter = 0;
    m_connection = QStringLiteral("tenfold-history-%1").arg(counter++);
}

HistoryStore::~HistoryStore()
{
    closeConnection();
}

void HistoryStore::closeConnection()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_open = false;
}

Error HistoryStore::sqlError(const QString &doing, const QString &sqlMessage) const
{
    return Error{QStringLiteral("the history database %1 could not %2: %3")
                     .arg(QDir::toNativeSeparators(m_path), doing, sqlMessage)};
}

std::optional<Error> HistoryStore::openConnection()
{
    closeConnection();
    if (!QSqlDatabase::isDriverAvailable(Driver)) {
        return Error{QStringLiteral("Qt's SQLite driver (QSQLITE) is missing, so runs are not "
                                    "recorded; install libqt6sql6-sqlite")};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(Driver, m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db.open()) {
        return Error{QStringLiteral("cannot open the history database %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), db.lastError().text())};
    }
    return std::nullopt;
}

bool HistoryStore::moveAside(const QString &why)
{
    closeConnection();
    const QString aside =
        m_path + QStringLiteral(".damaged-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    if (!QFileInfo(m_path).isFile() || !QFile::rename(m_path, aside))
        return false;
    // The write-ahead log belongs to the damaged file; a new database must not replay it.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString extra = m_path + QLatin1String(suffix);
        if (QFile::exists(extra) && !QFile::rename(extra, aside + QLatin1String(suffix)))
            QFile::remove(extra);
    }
    m_notice = QStringLiteral("the history database %1 could not be read (%2); it was moved to "
                              "%3 and a new one was started")
                   .arg(QDir::toNativeSeparators(m_path), why, QDir::toNativeSeparators(aside));
    return true;
}

namespace {

/// The history holds whole response bodies (users' names and emails): only its owner may read
/// it. An empty file is an empty SQLite database, and SQLite gives its -wal and -shm files the
/// main file's permissions.
void createPrivately(const QString &path)
{
    if (QFileInfo::exists(path))
        return;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace

std::optional<Error> HistoryStore::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error{QStringLiteral("cannot create the folder %1 for the run history")
                         .arg(QDir::toNativeSeparators(info.absolutePath()))};
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        createPrivately(m_path);
        if (auto error = openConnection()) {
            if (attempt == 0 && QFileInfo(m_path).isFile() && moveAside(error->message))
                continue;
            return error;
        }
        QSqlQuery check(connection(m_connection));
        // Reading the schema is the first read of the file: a file that is not a database or
        // whose first pages are damaged fails here, before anything is written to it.
        if (!check.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !check.next()) {
            const QString why = check.lastError().text();
            if (attempt == 0 && moveAside(why))
                continue;
            return sqlError(QStringLiteral("be read"), check.lastError().text());
        }
        check.finish();
        if (auto error = migrate()) {
            if (attempt == 0 && m_migrationDamaged && moveAside(error->message))
                continue;
            closeConnection();
            return error;
        }
        m_open = true;
        return std::nullopt;
    }
    return Error{QStringLiteral("cannot open the history database %1")
                     .arg(QDir::toNativeSeparators(m_path))};
}

std::optional<Error> HistoryStore::migrate()
{
    m_migrationDamaged = false;
    QSqlDatabase db = connection(m_connection);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
        m_migrationDamaged = isDamaged(query);
        return sqlError(QStringLiteral("switch to WAL mode"), query.lastError().text());
    }
    query.finish();
    // Another process may be migrating the same file: take the write lock, then read the
    // version, so each step runs exactly once.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_migrationDamaged = isDamaged(query);
        return sqlError(QStringLiteral("be locked for writing"), query.lastError().text());
    }
    auto rollback = [&](const QString &doing, const QSqlQuery &failed) {
        Error error = sqlError(doing, failed.lastError().text());
        m_migrationDamaged = isDamaged(failed);
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return rollback(QStringLiteral("read its schema version"), query);
    const int version = query.value(0).toInt();
    query.finish();
    if (version > SchemaVersion) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return Error{QStringLiteral("the history database %1 was written by a newer Tenfold "
                                    "(schema %2, this one knows %3); runs are not recorded "
                                    "until Tenfold is updated or TENFOLD_HISTORY names "
                                    "another file")
                         .arg(QDir::toNativeSeparators(m_path))
                         .arg(version)
                         .arg(SchemaVersion)};
    }
    for (const Migration &migration : migrations()) {
        if (migration.version <= version)
            continue;
        for (const char *statement : migration.statements) {
            if (!query.exec(QString::fromLatin1(statement)))
                return rollback(QStringLiteral("be migrated to schema %1").arg(migration.version),
                                query);
        }
        if (migration.fill) {
            if (auto error = migration.fill(db)) {
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                return Error{QStringLiteral("the history database %1 could not be migrated to "
                                            "schema %2: %3")
                                 .arg(QDir::toNativeSeparators(m_path))
                                 .arg(migration.version)
                                 .arg(error->message)};
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
            return rollback(QStringLiteral("store its schema version"), query);
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return rollback(QStringLiteral("commit its schema"), query);
    return std::nullopt;
}

Result<qint64> HistoryStore::record(const SendRun &run, const RunOrigin &origin)
{
    if (!m_open) {
        if (auto error = open())
            return *error;
    }
    const SendSummary summary = run.summary();
    // User info in the target could hold a password: neither the list nor the stored results
    // keep it.
    const QUrl url = run.baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    const QString target = url.toString();
    QByteArray results;
    if (url == run.baseUrl) {
        results = serializeResults(run);
    } else {
        SendRun stored = run;
        stored.baseUrl = url;
        results = serializeResults(stored);
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        QSqlDatabase db = connection(m_connection);
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            if (attempt == 0 && isDamaged(query) && moveAside(query.lastError().text()) && !open())
                continue;
            return sqlError(QStringLiteral("be locked for writing"), query.lastError().text());
        }
        query.prepare(QStringLiteral(
            "INSERT INTO runs (started_at, finished_at, session_name, session_path, "
            "actions_hash, target, plan, source, outcome, succeeded, failed, outcome_unknown, "
            "cancelled, skipped, action_count, wall_ms, rate_limited, action_paths, results) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QDateTime started =
            run.startedAt.isValid() ? run.startedAt : QDateTime::currentDateTimeUtc();
        for (const QVariant &value : QVariantList{
                 isoTime(started), isoTime(run.finishedAt), text(run.sessionName),
                 text(origin.sessionPath), actionsHash(run.actions), text(target),
                 text(run.plan.spec()), text(origin.source), runOutcomeName(runOutcomeOf(run)),
                 summary.succeeded, summary.failed, summary.unknown, summary.cancelled,
                 summary.skipped, int(run.actions.size()), run.wallMs, run.rateLimitedCount,
                 text(actionPaths(run.actions)), QString::fromUtf8(results)})
            query.addBindValue(value);
        if (!query.exec()) {
            const bool damaged = isDamaged(query);
            const QString why = query.lastError().text();
            Error error = sqlError(QStringLiteral("record the run"), query.lastError().text());
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            if (attempt == 0 && damaged && moveAside(why) && !open())
                continue;
            return error;
        }
        const qint64 id = query.lastInsertId().toLongLong();
        if (!query.exec(QStringLiteral("COMMIT"))) {
            Error error = sqlError(QStringLiteral("record the run"), query.lastError().text());
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return error;
        }
        // Pruning is housekeeping: the run is recorded even when it fails (another writer
        // holding the lock past the timeout); the next record prunes again.
        prune();
        return id;
    }
    return Error{QStringLiteral("the run could not be recorded in %1")
                     .arg(QDir::toNativeSeparators(m_path))};
}

Result<HistoryCursor> HistoryStore::cursor(const HistoryFilter &filter)
{
    if (!m_open) {
        if (auto error = open())
            return *error;
    }
    QStringList where;
    QVariantList values;
    if (!filter.sessionPath.isEmpty()) {
        where.append(QStringLiteral("session_path = ?"));
        values.append(filter.sessionPath);
    }
    if (!filter.target.isEmpty()) {
        where.append(QStringLiteral("target = ?"));
        values.append(filter.target);
    }
    if (filter.from.isValid()) {
        where.append(QStringLiteral("started_at >= ?"));
        values.append(isoTime(filter.from));
    }
    if (filter.to.isValid()) {
        where.append(QStringLiteral("started_at < ?"));
        values.append(isoTime(filter.to));
    }
    if (filter.outcome) {
        where.append(QStringLiteral("outcome = ?"));
        values.append(runOutcomeName(*filter.outcome));
    }
    if (!filter.pathSearch.isEmpty()) {
        where.append(QStringLiteral("action_paths LIKE ? ESCAPE '\\'"));
        values.append(QString(u'%' + escapeLike(filter.pathSearch) + u'%'));
    }
    QString sql = QStringLiteral("SELECT %1 FROM runs").arg(QLatin1String(ListColumns));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC");
    if (filter.limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery query(connection(m_connection));
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(QStringLiteral("list the runs"), query.lastError().text());
    HistoryCursor cursor;
    cursor.d->query = std::move(query);
    return cursor;
}

Result<QList<RunRecord>> HistoryStore::list(const HistoryFilter &filter)
{
    Result<HistoryCursor> cursor = this->cursor(filter);
    if (!cursor)
        return cursor.error();
    QList<RunRecord> records;
    while (!cursor->atEnd())
        records.append(cursor->fetch(1000));
    return records;
}

Result<RunRecord> HistoryStore::run(qint64 id)
{
    if (!m_open) {
        if (auto error = open())
            return *error;
    }
    QSqlQuery query(connection(m_connection));
    query.prepare(
        QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(QLatin1String(ListColumns)));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("read run %1").arg(id), query.lastError().text());
    if (!query.next())
        return Error{QStringLiteral("there is no run %1 in the history (%2)")
                         .arg(id)
                         .arg(QDir::toNativeSeparators(m_path))};
    return recordFromQuery(query);
}

Result<QByteArray> HistoryStore::resultsJson(qint64 id)
{
    if (!m_open) {
        if (auto error = open())
            return *error;
    }
    QSqlQuery query(connection(m_connection));
    query.prepare(QStringLiteral("SELECT results FROM runs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(QStringLiteral("read run %1").arg(id), query.lastError().text());
    if (!query.next())
        return Error{QStringLiteral("there is no run %1 in the history (%2)")
                         .arg(id)
                         .arg(QDir::toNativeSeparators(m_path))};
    return query.value(0).toString().toUtf8();
}

Result<SendRun> HistoryStore::results(qint64 id)
{
    Result<QByteArray> json = resultsJson(id);
    if (!json)
        return json.error();
    Result<SendRun> run = parseResults(json.value());
    if (!run)
        return Error{QStringLiteral("run %1 in the history cannot be read: %2")
                         .arg(id)
                         .arg(run.errorString())};
    return run;
}

std::optional<Error> HistoryStore::remove(const QList<qint64> &ids)
{
    if (!m_open) {
        if (auto error = open())
            return error;
    }
    QSqlDatabase db = connection(m_connection);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("be locked for writing"), query.lastError().text());
    query.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    for (qint64 id : ids) {
        query.addBindValue(id);
        if (!query.exec()) {
            Error error =
                sqlError(QStringLiteral("delete run %1").arg(id), query.lastError().text());
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return error;
        }
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return sqlError(QStringLiteral("delete runs"), query.lastError().text());
    return std::nullopt;
}

Result<int> HistoryStore::count()
{
    if (!m_open) {
        if (auto error = open())
            return *error;
    }
    QSqlQuery query(connection(m_connection));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM runs")) || !query.next())
        return sqlError(QStringLiteral("count the runs"), query.lastError().text());
    return query.value(0).toInt();
}

namespace {

QStringList distinctValues(const QSqlDatabase &db, const char *column)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    QStringList values;
    if (!query.exec(QStringLiteral("SELECT DISTINCT %1 FROM runs WHERE %1 <> '' ORDER BY %1")
                        .arg(QLatin1String(column))))
        return values;
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}

} // namespace

QStringList HistoryStore::sessionPaths()
{
    if (!m_open && open())
        return {};
    return distinctValues(connection(m_connection), "session_path");
}

QStringList HistoryStore::targets()
{
    if (!m_open && open())
        return {};
    return distinctValues(connection(m_connection), "target");
}

Retention HistoryStore::retention()
{
    Retention retention;
    if (!m_open && open())
        return retention;
    QSqlQuery query(connection(m_connection));
    if (!query.exec(QStringLiteral(
            "SELECT key, value FROM settings WHERE key IN ('keep_runs', 'keep_days')")))
        return retention;
    while (query.next()) {
        const int value = std::max(0, query.value(1).toInt());
        if (query.value(0).toString() == QLatin1String("keep_runs"))
            retention.keepRuns = value;
        else
            retention.keepDays = value;
    }
    return retention;
}

std::optional<Error> HistoryStore::setRetention(const Retention &retention)
{
    if (!m_open) {
        if (auto error = open())
            return error;
    }
    QSqlQuery query(connection(m_connection));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES "
                                 "('keep_runs', ?), ('keep_days', ?)"));
    query.addBindValue(QString::number(std::max(0, retention.keepRuns)));
    query.addBindValue(QString::number(std::max(0, retention.keepDays)));
    if (!query.exec())
        return sqlError(QStringLiteral("store the retention"), query.lastError().text());
    Result<int> pruned = prune();
    if (!pruned)
        return pruned.error();
    return std::nullopt;
}

Result<int> HistoryStore::prune()
{
    if (!m_open) {
        if (auto error = open())
            return *error;
    }
    const Retention keep = retention();
    QSqlDatabase db = connection(m_connection);
    QSqlQuery query(db);
    int removed = 0;
    if (keep.keepRuns > 0) {
        query.prepare(QStringLiteral("DELETE FROM runs WHERE id NOT IN (SELECT id FROM runs "
                                     "ORDER BY id DESC LIMIT ?)"));
        query.addBindValue(keep.keepRuns);
        if (!query.exec())
            return sqlError(QStringLiteral("prune old runs"), query.lastError().text());
        removed += query.numRowsAffected();
    }
    if (keep.keepDays > 0) {
        query.prepare(QStringLiteral("DELETE FROM runs WHERE started_at < ?"));
        query.addBindValue(isoTime(QDateTime::currentDateTimeUtc().addDays(-keep.keepDays)));
        if (!query.exec())
            return sqlError(QStringLiteral("prune old runs"), query.lastError().text());
        removed += query.numRowsAffected();
    }
    if (removed > 0) {
        // Vacuum only when a quarter of the file is free pages: pruning one run per send at
        // the limit must not rewrite the whole file every time.
        QSqlQuery pages(db);
        qint64 freePages = 0;
        qint64 allPages = 0;
        if (pages.exec(QStringLiteral("PRAGMA freelist_count")) && pages.next())
            freePages = pages.value(0).toLongLong();
        if (pages.exec(QStringLiteral("PRAGMA page_count")) && pages.next())
            allPages = pages.value(0).toLongLong();
        pages.finish();
        if (freePages * 4 > allPages)
            QSqlQuery(db).exec(QStringLiteral("VACUUM"));
    }
    return removed;
}

} // namespace Tenfold
