#pragma once

#include "model/variables.h"

#include <QAbstractTableModel>
#include <QList>

class QUndoStack;

namespace Tenfold {

/// The session's `name = value` variables as a two-column table; edits are undoable.
class VariablesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        ValueColumn,
        ColumnCount
    };

    explicit VariablesModel(QUndoStack *undoStack, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    const QList<Variable> &variables() const { return m_variables; }

    /// Pushes an undoable change to the whole list (add, remove, edit).
    void edit(const QList<Variable> &variables, const QString &text);
    void addVariable();
    void removeVariable(int row);

    /// Applies without undo (opening a file, and the undo command itself).
    void apply(const QList<Variable> &variables);

signals:
    void variablesChanged();

private:
    QUndoStack *m_undoStack;
    QList<Variable> m_variables;
};

} // namespace Tenfold
