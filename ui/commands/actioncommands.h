#pragma once

#include "model/action.h"

#include <QList>
#include <QUndoCommand>
#include <QVariant>

namespace Tenfold {

class ActionTableModel;

/// Ids for QUndoCommand::mergeWith: typing into one cell merges into a single undo step.
enum CommandId
{
    ChangeActionFieldId = 1,
};

/// Sets one field of one action (Tiled's ChangeValue shape): remembers the old value (and what
/// the file held for it that could not be read), and merges with the next change of the same
/// field when both come from typing.
class ChangeActionField : public QUndoCommand
{
public:
    ChangeActionField(ActionTableModel *model, int row, int column, const QVariant &value,
                      bool typing);

    void undo() override;
    void redo() override;
    int id() const override { return ChangeActionFieldId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ActionTableModel *m_model;
    int m_row;
    int m_column;
    QVariant m_old;
    QVariant m_new;
    QJsonValue m_oldUnread; // what the file held for the field and could not be read
    bool m_typing;
};

/// Inserts actions at ascending final positions (add, duplicate, paste).
class InsertActions : public QUndoCommand
{
public:
    InsertActions(ActionTableModel *model, const QList<int> &positions,
                  const QList<Action> &actions, const QString &text);

    void undo() override;
    void redo() override;

private:
    ActionTableModel *m_model;
    QList<int> m_positions;
    QList<Action> m_actions;
};

/// Deletes rows (sorted); undo puts them back where they were.
class RemoveActions : public QUndoCommand
{
public:
    RemoveActions(ActionTableModel *model, const QList<int> &sortedRows);

    void undo() override;
    void redo() override;

private:
    ActionTableModel *m_model;
    QList<int> m_rows;
    QList<Action> m_removed;
};

/// Takes rows (sorted) out and puts them back as one block starting at `to` (keys, drag and drop).
class MoveActions : public QUndoCommand
{
public:
    MoveActions(ActionTableModel *model, const QList<int> &sortedRows, int to);

    void undo() override;
    void redo() override;

private:
    QList<int> blockRows() const;

    ActionTableModel *m_model;
    QList<int> m_rows;
    int m_to;
};

} // namespace Tenfold
