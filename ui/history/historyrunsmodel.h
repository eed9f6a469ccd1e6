#pragma once

#include "history/historystore.h"

#include <QAbstractTableModel>

#include <memory>

namespace Tenfold {

/// The recorded runs a filter selects, newest first, read from the database a page at a time
/// (canFetchMore/fetchMore), so 10,000 runs list as fast as 200.
class HistoryRunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        StartedColumn,
        SessionColumn,
        TargetColumn,
        OutcomeColumn,
        ActionsColumn,
        TimeColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int PageSize = 200;

    explicit HistoryRunsModel(const QString &databasePath, QObject *parent = nullptr);
    ~HistoryRunsModel() override;

    HistoryStore &store() { return *m_store; }
    HistoryFilter filter() const { return m_filter; }
    /// Reads the runs again (after a send was recorded, or another filter).
    void setFilter(const HistoryFilter &filter);
    void refresh();
    /// Why the list is empty because the database could not be read, or empty.
    QString problem() const { return m_problem; }

    const RunRecord &record(int row) const { return m_records.at(row); }
    int rowForId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    std::unique_ptr<HistoryStore> m_store;
    HistoryFilter m_filter;
    std::optional<HistoryCursor> m_cursor;
    QList<RunRecord> m_records;
    QString m_problem;
    bool m_changing = false;
};

} // namespace Tenfold
