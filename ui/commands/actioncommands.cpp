#include "actioncommands.h"

#include "actiontable/actiontablemodel.h"

#include <QCoreApplication>

namespace Tenfold {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Tenfold::ActionCommands", text, nullptr, n);
}

QString fieldName(int column)
{
    switch (column) {
    case ActionTableModel::EnabledColumn:
        return tr("enabled");
    case ActionTableModel::MethodColumn:
        return tr("method");
    case ActionTableModel::PathColumn:
        return tr("relative path");
    case ActionTableModel::DataColumn:
        return tr("data");
    case ActionTableModel::OptionsColumn:
        return tr("options");
    case ActionTableModel::NoteColumn:
        return tr("note");
    }
    return {};
}

} // namespace

ChangeActionField::ChangeActionField(ActionTableModel *model, int row, int column,
                                     const QVariant &value, bool typing)
    : m_model(model)
    , m_row(row)
    , m_column(column)
    , m_old(model->fieldValue(row, column))
    , m_new(value)
    , m_oldUnread(model->action(row).unread)
    , m_typing(typing)
{
    setText(tr("Change %1 of action %2").arg(fieldName(column)).arg(row + 1));
}

void ChangeActionField::undo()
{
    m_model->applyField(m_row, m_column, m_old, &m_oldUnread);
}

void ChangeActionField::redo()
{
    m_model->applyField(m_row, m_column, m_new);
}

bool ChangeActionField::mergeWith(const QUndoCommand *other)
{
    const auto *change = static_cast<const ChangeActionField *>(other);
    if (!m_typing || !change->m_typing || change->m_model != m_model || change->m_row != m_row ||
        change->m_column != m_column)
        return false;
    m_new = change->m_new;
    // Typed back to where it started: nothing to undo, unless the edit replaced what the file
    // held for the field (undo must still bring that back).
    if (m_new == m_old && m_model->action(m_row).unread == m_oldUnread)
        setObsolete(true);
    return true;
}

InsertActions::InsertActions(ActionTableModel *model, const QList<int> &positions,
                             const QList<Action> &actions, const QString &text)
    : m_model(model)
    , m_positions(positions)
    , m_actions(actions)
{
    setText(text);
}

void InsertActions::undo()
{
    m_model->applyRemove(m_positions);
}

void InsertActions::redo()
{
    m_model->applyInsert(m_positions, m_actions);
}

RemoveActions::RemoveActions(ActionTableModel *model, const QList<int> &sortedRows)
    : m_model(model)
    , m_rows(sortedRows)
{
    setText(sortedRows.size() == 1 ? tr("Delete 1 action")
                                   : tr("Delete %1 actions").arg(sortedRows.size()));
}

void RemoveActions::undo()
{
    m_model->applyInsert(m_rows, m_removed);
}

void RemoveActions::redo()
{
    m_removed = m_model->applyRemove(m_rows);
}

MoveActions::MoveActions(ActionTableModel *model, const QList<int> &sortedRows, int to)
    : m_model(model)
    , m_rows(sortedRows)
    , m_to(to)
{
    setText(sortedRows.size() == 1 ? tr("Move 1 action")
                                   : tr("Move %1 actions").arg(sortedRows.size()));
}

QList<int> MoveActions::blockRows() const
{
    QList<int> rows;
    rows.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        rows.append(m_to + i);
    return rows;
}

void MoveActions::undo()
{
    const QList<Action> moved = m_model->applyRemove(blockRows());
    m_model->applyInsert(m_rows, moved);
}

void MoveActions::redo()
{
    const QList<Action> moved = m_model->applyRemove(m_rows);
    m_model->applyInsert(blockRows(), moved);
}

} // namespace Tenfold
