#include "resultsmodel.h"

#include "actiontable/actiontablemodel.h"
#include "common/plural.h"
#include "model/variables.h"
#include "variables/variablesmodel.h"
#include "wire/batchbody.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPalette>

#include <numeric>

namespace Tenfold {

namespace {

bool sameOnTheWire(const Action &a, const Action &b)
{
    return a.method.compare(b.method, Qt::CaseInsensitive) == 0 &&
           a.relativePath == b.relativePath && a.data == b.data && a.options == b.options;
}

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

// Status colours by class, one set per palette so each stays readable on its background.
QColor statusColor(int status)
{
    const bool dark = darkPalette();
    if (status >= 200 && status < 300)
        return dark ? QColor(0x6c, 0xd3, 0x83) : QColor(0x1e, 0x7b, 0x34);
    if (status == 429 || (status >= 400 && status < 500))
        return dark ? QColor(0xff, 0xb8, 0x5c) : QColor(0xb3, 0x58, 0x00);
    if (status >= 500)
        return dark ? QColor(0xff, 0x7b, 0x7b) : QColor(0xc0, 0x1c, 0x28);
    return QGuiApplication::palette().color(QPalette::PlaceholderText);
}

QColor stateColor(ActionState state)
{
    const bool dark = darkPalette();
    switch (state) {
    case ActionState::Succeeded:
        return dark ? QColor(0x6c, 0xd3, 0x83) : QColor(0x1e, 0x7b, 0x34);
    case ActionState::Failed:
        return dark ? QColor(0xff, 0x7b, 0x7b) : QColor(0xc0, 0x1c, 0x28);
    case ActionState::OutcomeUnknown:
        return dark ? QColor(0xd9, 0xa0, 0xff) : QColor(0x7a, 0x2e, 0xa6);
    default:
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    }
}

QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

} // namespace

ResultsModel::ResultsModel(ActionTableModel *actions, VariablesModel *variables, QObject *parent)
    : QAbstractTableModel(parent)
    , m_actions(actions)
    , m_variables(variables)
{
    onActionsReset();
    connect(actions, &QAbstractItemModel::rowsInserted, this, &ResultsModel::onActionsInserted);
    connect(actions, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &ResultsModel::onActionsAboutToBeRemoved);
    connect(actions, &QAbstractItemModel::rowsRemoved, this, &ResultsModel::onActionsRemoved);
    connect(actions, &QAbstractItemModel::modelReset, this, &ResultsModel::onActionsReset);
    connect(actions, &QAbstractItemModel::dataChanged, this, &ResultsModel::onActionsChanged);
    connect(actions, &ActionTableModel::actionsChanged, this, [this] {
        if (m_removing)
            m_removing = false; // keep the stash for the insert that may follow (a move)
        else
            m_stash.clear();
    });
    connect(variables, &VariablesModel::variablesChanged, this,
            [this] { recheckStale(0, rowCount() - 1); });
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ResultsModel::summarize(const ActionResult &result)
{
    // When the whole batch ended one way (lost connection, garbled or short answer, cancel), the
    // body is the batch's, not this action's: summarising it would mislead ("9 items", a page of
    // HTML). The reason says what happened. An action's own failure has a status of 400 or more.
    const bool batchLevel = result.state == ActionState::OutcomeUnknown ||
                            result.state == ActionState::Cancelled ||
                            (result.state == ActionState::Failed && result.statusCode < 400);
    if (batchLevel && !result.reason.isEmpty())
        return result.reason;
    if (!result.errors.isEmpty())
        return result.errors.first().message;
    const QJsonValue data = result.body.toObject().value(QLatin1String("data"));
    if (data.isObject()) {
        const QJsonObject object = data.toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        const QString gid = object.value(QLatin1String("gid")).toString();
        const QString type = object.value(QLatin1String("resource_type")).toString();
        QString text = name.isEmpty() ? type : name;
        if (!gid.isEmpty())
            text += text.isEmpty() ? gid : QStringLiteral(" (%1)").arg(gid);
        if (!text.isEmpty())
            return text;
        return object.isEmpty() ? QObject::tr("empty object") : QString();
    }
    if (data.isArray()) {
        const qsizetype n = data.toArray().size();
        return n == 1 ? QObject::tr("1 item") : QObject::tr("%1 items").arg(n);
    }
    if (result.body.isString())
        return result.body.toString().left(200).simplified();
    return result.reason;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == StateRole)
        return e.present ? int(e.result.state) : -1;
    if (role == StaleRole)
        return e.present && e.stale;
    if (!e.present)
        return {};
    const ActionResult &r = e.result;
    const bool pending = r.state == ActionState::Pending;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return r.statusCode > 0 ? QVariant(r.statusCode) : QVariant(QStringLiteral("\u2014"));
        case StateColumn:
            return e.stale ? tr("%1 (stale)").arg(actionStateText(r.state))
                           : actionStateText(r.state);
        case SummaryColumn:
            return pending ? QString() : summarize(r);
        case DurationColumn:
            return pending || r.batch == 0 ? QString() : formatDuration(r.durationMs);
        case BatchColumn:
            return r.batch > 0 ? QVariant(r.batch) : QVariant();
        case AttemptsColumn:
            return r.attempts > 0 ? QVariant(r.attempts) : QVariant();
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return statusColor(r.statusCode);
        if (index.column() == StateColumn)
            return stateColor(r.state);
        if (e.stale)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        break;
    case Qt::FontRole:
        if (index.column() == StatusColumn || (index.column() == StateColumn && e.stale)) {
            QFont font;
            font.setBold(index.column() == StatusColumn);
            font.setItalic(e.stale);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == DurationColumn ||
            index.column() == BatchColumn || index.column() == AttemptsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (e.stale)
            return tr("Stale: the action was edited after this result arrived; send it again "
                      "to see what it does now.");
        if (index.column() == SummaryColumn && !r.reason.isEmpty())
            return r.reason;
        break;
    }
    return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StatusColumn:
            return tr("Status");
        case StateColumn:
            return tr("State");
        case SummaryColumn:
            return tr("Summary");
        case DurationColumn:
            return tr("Time");
        case BatchColumn:
            return tr("Batch");
        case AttemptsColumn:
            return tr("Tries");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StatusColumn:
            return tr("The action's own HTTP status (for a refused batch, the batch's)");
        case SummaryColumn:
            return tr("The first error message, or the name and gid of the object returned");
        case DurationColumn:
            return tr("The last attempt, request to answer");
        case BatchColumn:
            return tr("The batch that carried the action");
        case AttemptsColumn:
            return tr("How many times its batch was sent (429 waits and read retries included)");
        }
    }
    return {};
}

int ResultsModel::resultCount() const
{
    int count = 0;
    for (const Entry &e : m_entries)
        count += e.present ? 1 : 0;
    return count;
}

bool ResultsModel::matches(int row, Filter filter) const
{
    const Entry &e = m_entries.at(row);
    switch (filter) {
    case Filter::All:
        return true;
    case Filter::Failures:
        return e.present && e.result.state == ActionState::Failed;
    case Filter::OutcomeUnknown:
        return e.present && e.result.state == ActionState::OutcomeUnknown;
    }
    return true;
}

int ResultsModel::rowForKey(quint64 key) const
{
    if (m_keyIndexDirty) {
        m_keyIndex.clear();
        m_keyIndex.reserve(m_keys.size());
        for (int row = 0; row < m_keys.size(); ++row)
            m_keyIndex.insert(m_keys.at(row), row);
        m_keyIndexDirty = false;
    }
    return m_keyIndex.value(key, -1);
}

void ResultsModel::beginRun(const QList<int> &rows, bool continuesRun)
{
    m_continuing = continuesRun;
    m_batchOffset = 0;
    if (continuesRun) {
        // Numbered on from every batch the run knows of, including those of results shown
        // from a file (whose batch records are not kept).
        m_batchOffset = int(m_info.batches.size());
        for (const Entry &e : std::as_const(m_entries))
            m_batchOffset = std::max(m_batchOffset, e.result.batch);
    }
    for (int row : rows) {
        Entry &e = m_entries[row];
        if (!continuesRun || !e.present)
            e.sends.clear();
        e.present = true;
        e.stale = false;
        e.result = ActionResult{};
        e.sent = Action{};
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit resultsChanged(-1);
}

void ResultsModel::setResult(int row, const ActionResult &result, const Action &sent)
{
    Entry &e = m_entries[row];
    ActionResult send = result;
    if (send.batch > 0)
        send.batch += m_batchOffset;
    e.sends.append(send);
    e.present = true;
    e.result = send;
    e.result.attempts = 0;
    for (const ActionResult &each : std::as_const(e.sends)) {
        e.result.attempts += each.attempts;
        if (each.batch > 0)
            e.result.batch = each.batch; // the latest batch that carried it
    }
    e.sent = sent;
    e.stale = computeStale(row);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit resultsChanged(row);
}

void ResultsModel::clear()
{
    beginResetModel();
    for (Entry &e : m_entries)
        e = Entry{};
    m_info = SendRun{};
    m_continuing = false;
    endResetModel();
    emit resultsChanged(-1);
}

int ResultsModel::loadRun(const SendRun &run)
{
    beginResetModel();
    for (Entry &e : m_entries)
        e = Entry{};
    int placed = 0;
    const int count = std::min(int(run.results.size()), int(m_entries.size()));
    for (int i = 0; i < count; ++i) {
        if (run.results.at(i).state == ActionState::Skipped)
            continue;
        Entry &e = m_entries[i];
        e.present = true;
        e.result = run.results.at(i);
        e.sends = {e.result};
        e.sent = run.actions.value(i);
        e.stale = computeStale(i);
        ++placed;
    }
    m_continuing = false;
    setRunInfo(run);
    endResetModel();
    emit resultsChanged(-1);
    return placed;
}

ResultsModel::Placement ResultsModel::matchRun(const SendRun &run)
{
    // The key is the action exactly as it goes on the wire, so two actions match when sending
    // either would send the same bytes.
    const auto wireKey = [](const Action &resolved) {
        return batchBody(QList<Action>{resolved}, QList<int>{0});
    };
    const QList<Variable> &variables = m_variables->variables();
    QHash<QByteArray, QList<int>> rowsByKey; // rows in table order, taken front first
    rowsByKey.reserve(m_entries.size());
    for (int row = 0; row < m_entries.size(); ++row)
        rowsByKey[wireKey(resolveVariables(m_actions->action(row), variables))].append(row);

    beginResetModel();
    for (Entry &e : m_entries)
        e = Entry{};
    Placement placement;
    for (int i = 0; i < run.results.size(); ++i) {
        if (run.results.at(i).state == ActionState::Skipped)
            continue;
        const Action sent = run.actions.value(i);
        auto it = rowsByKey.find(wireKey(sent));
        if (it == rowsByKey.end() || it->isEmpty()) {
            ++placement.unmatched;
            continue;
        }
        const int row = it->takeFirst();
        Entry &e = m_entries[row];
        e.present = true;
        e.result = run.results.at(i);
        e.sends = {e.result};
        e.sent = sent;
        e.stale = computeStale(row);
        ++placement.placed;
    }
    placement.rowsWithout = int(m_entries.size()) - placement.placed;
    m_continuing = false;
    setRunInfo(run);
    // Batch records point at the file's action indexes, which are not the rows here.
    m_info.batches.clear();
    endResetModel();
    emit resultsChanged(-1);
    return placement;
}

QString ResultsModel::Placement::text(const QString &source) const
{
    const QString results = countOf(placed + unmatched, tr("result"), tr("results"));
    QString text =
        unmatched == 0
            ? tr("Showing all %1 from %2, each on the action it was sent as").arg(results, source)
            : tr("%1 of %2 from %3 matched an action here by what was sent (method, path, data "
                 "and options)")
                  .arg(placed)
                  .arg(results, source);
    if (unmatched > 0)
        text += tr("; %1 not shown: no action here is what was sent (edited or removed since)")
                    .arg(countOf(unmatched, tr("result is"), tr("results are")));
    if (rowsWithout > 0)
        text +=
            tr("; %1 without a result")
                .arg(rowsWithout == 1 ? tr("1 action is") : tr("%1 actions are").arg(rowsWithout));
    return text;
}

void ResultsModel::setRunInfo(const SendRun &run)
{
    if (!m_continuing) {
        m_info = run;
        m_info.actions.clear();
        m_info.results.clear();
        return;
    }
    // A continued run: the first send's start, the latest send's end, every batch.
    m_info.baseUrl = run.baseUrl;
    m_info.plan = run.plan;
    m_info.finishedAt = run.finishedAt;
    m_info.wallMs += run.wallMs;
    m_info.cancelled = run.cancelled;
    m_info.rateLimitedCount += run.rateLimitedCount;
    m_info.reachedServer = m_info.reachedServer || run.reachedServer;
    for (BatchRecord batch : run.batches) {
        batch.number += m_batchOffset;
        m_info.batches.append(batch);
    }
}

SendRun ResultsModel::toRun() const
{
    QList<int> rows(m_entries.size());
    std::iota(rows.begin(), rows.end(), 0);
    return toRun(rows);
}

SendRun ResultsModel::toRun(const QList<int> &rows) const
{
    SendRun run = m_info;
    const QList<Variable> &variables = m_variables->variables();
    for (int row : rows) {
        const Entry &e = m_entries.at(row);
        if (e.present) {
            run.actions.append(e.sent);
            run.results.append(e.result);
        } else {
            run.actions.append(resolveVariables(m_actions->action(row), variables));
            ActionResult skipped;
            skipped.state = ActionState::Skipped;
            run.results.append(skipped);
        }
        run.actions.last().enabled = m_actions->action(row).enabled;
    }
    if (rows.size() != m_entries.size())
        run.batches.clear(); // batch indexes would point at the wrong actions
    return run;
}

SendSummary ResultsModel::summary() const
{
    SendSummary summary;
    for (const Entry &e : m_entries)
        summary.add(e.present ? e.result.state : ActionState::Skipped);
    return summary;
}

QList<int> ResultsModel::unfinishedRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_entries.size(); ++row) {
        const Entry &e = m_entries.at(row);
        if (e.present && m_actions->action(row).enabled &&
            (e.result.state == ActionState::Failed ||
             e.result.state == ActionState::OutcomeUnknown ||
             e.result.state == ActionState::Cancelled))
            rows.append(row);
    }
    return rows;
}

bool ResultsModel::computeStale(int row) const
{
    const Entry &e = m_entries.at(row);
    if (!e.present || e.result.state == ActionState::Pending)
        return false;
    return !sameOnTheWire(resolveVariables(m_actions->action(row), m_variables->variables()),
                          e.sent);
}

void ResultsModel::recheckStale(int first, int last)
{
    for (int row = first; row <= last && row < m_entries.size(); ++row) {
        Entry &e = m_entries[row];
        if (!e.present)
            continue;
        const bool stale = computeStale(row);
        if (stale != e.stale) {
            e.stale = stale;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            emit resultsChanged(row);
        }
    }
}

void ResultsModel::onActionsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    recheckStale(topLeft.row(), bottomRight.row());
}

void ResultsModel::onActionsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    beginInsertRows({}, first, last);
    for (int row = first; row <= last; ++row) {
        const Action &action = m_actions->action(row);
        qsizetype found = -1;
        for (qsizetype i = 0; i < m_stash.size(); ++i) {
            if (m_stash.at(i).action == action) {
                found = i;
                break;
            }
        }
        if (found >= 0) {
            m_entries.insert(row, m_stash.at(found).entry);
            m_keys.insert(row, m_stash.at(found).key);
            m_stash.remove(found);
        } else {
            m_entries.insert(row, Entry{});
            m_keys.insert(row, m_nextKey++);
        }
    }
    invalidateKeys();
    endInsertRows();
}

void ResultsModel::onActionsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (!m_removing) {
        m_stash.clear();
        m_removing = true;
    }
    // Chunks go bottom first: put each in front so the stash keeps the table's order.
    QList<Stashed> chunk;
    for (int row = first; row <= last; ++row)
        chunk.append({m_actions->action(row), m_entries.at(row), m_keys.at(row)});
    m_stash = chunk + m_stash;
    beginRemoveRows({}, first, last);
    m_entries.remove(first, last - first + 1);
    m_keys.remove(first, last - first + 1);
    invalidateKeys();
}

void ResultsModel::onActionsRemoved(const QModelIndex &parent, int, int)
{
    if (parent.isValid())
        return;
    endRemoveRows();
}

void ResultsModel::onActionsReset()
{
    beginResetModel();
    const int count = m_actions->rowCount();
    m_entries = QList<Entry>(count);
    m_keys.resize(count);
    for (quint64 &key : m_keys)
        key = m_nextKey++;
    m_stash.clear();
    m_info = SendRun{};
    m_continuing = false;
    invalidateKeys();
    endResetModel();
    emit resultsChanged(-1);
}

} // namespace Tenfold
