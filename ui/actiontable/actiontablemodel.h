#pragma once

#include "model/action.h"
#include "validation/diagnostic.h"

#include <QAbstractTableModel>
#include <QList>

#include <map>
#include <optional>
#include <vector>

class QUndoStack;

namespace Tenfold {

class ValidationCache;

/// The session's actions as a table. Views and delegates edit through setData(), which pushes an
/// undo command; the commands call the apply*() primitives, which change the rows and notify.
class ActionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        EnabledColumn,
        MethodColumn,
        PathColumn,
        DataColumn,
        OptionsColumn,
        NoteColumn,
        ColumnCount
    };

    enum Role
    {
        /// The 1-based batch this row starts when it is the first of a batch after the first;
        /// 0 otherwise (disabled rows are never sent, so they start nothing).
        BatchStartRole = Qt::UserRole + 1,
        /// The 1-based batch an enabled row goes out in; 0 for a disabled row.
        BatchNumberRole,
    };

    static constexpr const char *RowsMimeType = "application/x-tenfold-action-rows";

    explicit ActionTableModel(QUndoStack *undoStack, QObject *parent = nullptr);

    void setValidation(const ValidationCache *validation);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    const QList<Action> &actions() const { return m_actions; }
    const Action &action(int row) const { return m_actions.at(row); }

    /// Pushes a command that sets one column of a row to `value` (a QString, bool or
    /// QJsonValue). `typing` lets consecutive edits of the same cell merge into one undo step.
    /// For data and options a QString is text that does not parse (yet): it becomes the cell's
    /// draft, shown and reported, while the action keeps its last valid value.
    bool editField(int row, int column, const QVariant &value, bool typing = false);
    /// Sets method and path in one undo step (choosing an endpoint from the completer).
    void editEndpoint(int row, const QString &method, const QString &path);

    /// Pushes commands for the structural edits; rows are 0-based and need not be sorted.
    void insertActionsAt(int row, const QList<Action> &actions, const QString &text);
    void removeActionRows(QList<int> rows);
    void duplicateRows(QList<int> rows);
    /// Moves the rows as a block so that it starts at `to`, counted after the rows are taken out.
    void moveRows(QList<int> rows, int to);

    /// Replaces everything without undo (opening a file).
    void resetActions(const QList<Action> &actions);

    /// The text typed into the row's data or options that does not parse; nullopt when there is
    /// none (the cell holds its value).
    std::optional<QString> draft(int row, int column) const;
    bool hasDrafts() const { return !m_drafts.empty(); }
    QList<int> draftRows() const;
    /// What is wrong with what was entered into the row itself, beyond the rules the validator
    /// checks: fields its file held that could not be read, and drafts that do not parse.
    QList<Diagnostic> inputDiagnostics(int row) const;
    /// True when the row must not be sent as it is, whatever the target: an error among its
    /// inputDiagnostics() (sending would use a value the user did not give).
    bool isHeldBack(int row) const;
    /// True when the file held a value for the row's column that could not be read (kept in
    /// Action::unread until the user sets the field).
    bool holdsUnread(int row, int column) const;

    // Primitives for the undo commands: change the data and notify views. No undo here.
    /// The column's value; a QString for a data or options draft.
    QVariant fieldValue(int row, int column) const;
    /// Sets the column; the field's unread member (Action::unread) is forgotten, or set to
    /// `unread` when given (undo puts back what the file held).
    void applyField(int row, int column, const QVariant &value, const QJsonValue *unread = nullptr);
    void applyInsert(const QList<int> &positions, const QList<Action> &actions);
    QList<Action> applyRemove(const QList<int> &sortedRows);

signals:
    /// Rows a command just inserted or moved, so the view can select them.
    void rowsPlaced(const QList<int> &rows);
    /// Any change to the actions (for cost, autosave and the detail editor).
    void actionsChanged();

private:
    void invalidateBatches();
    void ensureBatches() const;
    void onRowsValidated(int first, int last);

    struct Drafts
    {
        std::optional<QString> data;
        std::optional<QString> options;
        bool isEmpty() const { return !data && !options; }
    };

    QUndoStack *m_undoStack;
    const ValidationCache *m_validation = nullptr;
    QList<Action> m_actions;
    // Drafts by row: rare (the rows being typed into), so kept aside rather than per row.
    std::map<int, Drafts> m_drafts;
    // Drafts of removed rows, kept for the next insert: a move (remove + insert of the same
    // actions) and the undo of a removal bring them back.
    QList<std::pair<Action, Drafts>> m_draftStash;
    // Enabled ordinal (0-based) per row, -1 for disabled rows; rebuilt lazily when flags change.
    mutable std::vector<int> m_ordinals;
    mutable bool m_batchesDirty = true;
};

/// The compact one-line JSON of a data or options value ("" when absent).
QString compactJson(const QJsonValue &value);
/// Parses one JSON value of any type; empty text gives Undefined. On failure, `error` is set.
QJsonValue parseJsonValue(const QString &text, bool *ok, QString *error = nullptr,
                          int *line = nullptr, int *column = nullptr);

} // namespace Tenfold
