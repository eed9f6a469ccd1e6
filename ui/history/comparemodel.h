#pragma once

#include "compare/resultscompare.h"

#include <QAbstractItemModel>

namespace Tenfold {

/// A comparison as a tree: one row per aligned action (changed first, then those in one run
/// only, then the equal ones), each with its differences as children.
class CompareModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        WhatColumn, ///< the action, or the difference's path
        AColumn,
        BColumn,
        ColumnCount
    };

    explicit CompareModel(QObject *parent = nullptr);

    void setComparison(const RunComparison &comparison);
    const RunComparison &comparison() const { return m_comparison; }
    /// The action a top-level row shows.
    const ActionComparison &action(int row) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    RunComparison m_comparison;
    QList<int> m_order; ///< top-level row -> index into m_comparison.actions
};

} // namespace Tenfold
