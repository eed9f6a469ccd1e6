#pragma once

#include "validation/diagnostic.h"

#include <QAbstractTableModel>
#include <QList>

namespace Tenfold {

class ValidationCache;

/// The diagnostics list under the table: one row per finding, refreshed when a round of
/// checking finishes (not per keystroke).
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        ActionColumn,
        FieldColumn,
        MessageColumn,
        ColumnCount
    };

    explicit DiagnosticsModel(const ValidationCache *cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Diagnostic &diagnostic(int row) const { return m_diagnostics.at(row); }
    void refresh();

private:
    const ValidationCache *m_cache;
    QList<Diagnostic> m_diagnostics;
};

} // namespace Tenfold
