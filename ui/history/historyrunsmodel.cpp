#include "historyrunsmodel.h"

#include <QBrush>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Tenfold {

HistoryRunsModel::HistoryRunsModel(const QString &databasePath, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(std::make_unique<HistoryStore>(databasePath))
{
    refresh();
}

HistoryRunsModel::~HistoryRunsModel()
{
    m_cursor.reset(); // before the store's connection goes
}

void HistoryRunsModel::setFilter(const HistoryFilter &filter)
{
    m_filter = filter;
    refresh();
}

void HistoryRunsModel::refresh()
{
    // Views ask for more rows while a reset or an insert is announced; those rows go in after
    // it, never nested inside it.
    m_changing = true;
    beginResetModel();
    m_cursor.reset();
    m_records.clear();
    m_problem.clear();
    Result<HistoryCursor> cursor = m_store->cursor(m_filter);
    if (cursor) {
        m_cursor.emplace(std::move(cursor).value());
        m_records = m_cursor->fetch(PageSize);
    } else {
        m_problem = cursor.errorString();
    }
    endResetModel();
    m_changing = false;
}

int HistoryRunsModel::rowForId(qint64 id) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).id == id)
            return row;
    }
    return -1;
}

int HistoryRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int HistoryRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool HistoryRunsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_changing && m_cursor && !m_cursor->atEnd();
}

void HistoryRunsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<RunRecord> more = m_cursor->fetch(PageSize);
    if (more.isEmpty())
        return;
    m_changing = true;
    beginInsertRows({}, int(m_records.size()), int(m_records.size() + more.size() - 1));
    m_records.append(more);
    endInsertRows();
    m_changing = false;
}

namespace {

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace

QVariant HistoryRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord &record = m_records.at(index.row());
    if (role == IdRole)
        return record.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return record.id;
        case StartedColumn:
            return QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat);
        case SessionColumn: {
            if (!record.sessionName.isEmpty())
                return record.sessionName;
            const QString file = QFileInfo(record.sessionPath).fileName();
            return file.isEmpty() ? tr("(unsaved)") : file;
        }
        case TargetColumn:
            return record.target;
        case OutcomeColumn:
            return runOutcomeText(record.outcome);
        case ActionsColumn: {
            QString text = tr("%1 ok").arg(record.summary.succeeded);
            if (record.summary.failed > 0)
                text += tr(", %1 failed").arg(record.summary.failed);
            if (record.summary.unknown > 0)
                text += tr(", %1 unknown").arg(record.summary.unknown);
            return tr("%1 of %2").arg(text).arg(record.actionCount);
        }
        case TimeColumn:
            return durationText(record.wallMs);
        }
    }
    if (role == Qt::ToolTipRole) {
        return tr("Run %1 from the %2, %3\nSession: %4\nTarget: %5, plan %6\n%7 answered 429")
            .arg(record.id)
            .arg(record.source == QLatin1String("cli") ? tr("command line") : tr("window"))
            .arg(QLocale().toString(record.startedAt.toLocalTime(), QLocale::LongFormat))
            .arg(record.sessionPath.isEmpty() ? tr("(unsaved)") : record.sessionPath)
            .arg(record.target, record.plan)
            .arg(record.rateLimited);
    }
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn &&
        record.outcome != RunOutcome::Succeeded) {
        return QBrush(record.outcome == RunOutcome::Failed ? QColor(0xb0, 0x20, 0x20)
                                                           : QColor(0xa0, 0x60, 0x00));
    }
    if (role == Qt::TextAlignmentRole && index.column() == IdColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant HistoryRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Run");
    case StartedColumn:
        return tr("Started");
    case SessionColumn:
        return tr("Session");
    case TargetColumn:
        return tr("Target");
    case OutcomeColumn:
        return tr("Outcome");
    case ActionsColumn:
        return tr("Actions");
    case TimeColumn:
        return tr("Time");
    }
    return {};
}

} // namespace Tenfold
