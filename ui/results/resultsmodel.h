#pragma once

#include "sending/sendresult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Tenfold {

class ActionTableModel;
class VariablesModel;

/// The results pane's rows: one per row of the action table, in the same order, so the two tables
/// line up. Rows follow the action table's inserts, removals and moves; a result stays with its
/// action. A result whose action was edited after it arrived (its wire form differs from what was
/// sent) is marked stale.
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StatusColumn,
        StateColumn,
        SummaryColumn,
        DurationColumn,
        BatchColumn,
        AttemptsColumn,
        ColumnCount
    };

    enum Role
    {
        StateRole = Qt::UserRole + 1, ///< int(ActionState), or -1 when the row has no result
        StaleRole,                    ///< bool
    };

    enum class Filter
    {
        All,
        Failures,
        OutcomeUnknown
    };

    /// What one row holds: a result and the action as it was sent (variables resolved).
    struct Entry
    {
        bool present = false;
        bool stale = false;
        /// As shown: the latest answer, with the tries of every send of this row in the run
        /// (Send Failed Again continues a run) and the latest batch that carried it.
        ActionResult result;
        Action sent;
        /// Each send's own result, oldest first, batches numbered across the run; the last is
        /// the latest. One entry for a row sent once.
        QList<ActionResult> sends;
    };

    /// How a results file was laid on the rows (matchRun()).
    struct Placement
    {
        int placed = 0;      ///< results that found their action
        int unmatched = 0;   ///< results whose action is not in the session as it was sent
        int rowsWithout = 0; ///< rows left without a result

        /// For people: how many of `source`'s results matched, and what was left out.
        QString text(const QString &source) const;
    };

    ResultsModel(ActionTableModel *actions, VariablesModel *variables, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Entry &entry(int row) const { return m_entries.at(row); }
    bool hasResult(int row) const { return m_entries.at(row).present; }
    int resultCount() const;
    bool matches(int row, Filter filter) const;

    /// A key that stays with the row's action through inserts, removals and moves (a send in
    /// progress uses it to find the row an answer belongs to).
    quint64 keyForRow(int row) const { return m_keys.at(row); }
    /// -1 when the action is gone.
    int rowForKey(quint64 key) const;

    /// Marks rows as pending for a send (their results are replaced as answers arrive). A send
    /// that `continuesRun` (Send Failed Again) keeps each row's earlier sends: tries add up and
    /// its batches are numbered on from the run's; otherwise a new run starts.
    void beginRun(const QList<int> &rows, bool continuesRun);
    /// An answer of the send begun last, as the sender reports it (its own batch numbers).
    void setResult(int row, const ActionResult &result, const Action &sent);
    /// Forgets every result.
    void clear();
    /// Puts results saved with the session on the rows, index for index (they were saved row
    /// for row); results beyond the last row are dropped. Returns how many were placed.
    int loadRun(const SendRun &run);
    /// Puts a results file's results on the rows whose action is what was sent (method, path,
    /// data and options after variables), whatever their position; repeated actions pair up in
    /// order. Results that find no such action are left out, and so are their rows.
    Placement matchRun(const SendRun &run);
    /// The results as a run (results file format): rows without a result are "skipped".
    SendRun toRun() const;
    /// A run holding only `rows` (for copying).
    SendRun toRun(const QList<int> &rows) const;
    /// toRun().summary() without building the run: the counts line asks after every answer,
    /// and building a run resolves every row's variables (70 ms for 100,000 rows).
    SendSummary summary() const;
    /// What a run's header carries (target, plan, times, batches), from the send begun last;
    /// a continued run adds its batches to the run's.
    void setRunInfo(const SendRun &run);

    /// Rows whose result failed, has an unknown outcome or was cancelled (what "Send failed"
    /// takes).
    QList<int> unfinishedRows() const;

    /// The action's own words for the summary column.
    static QString summarize(const ActionResult &result);

signals:
    /// A result arrived, was cleared or became stale; `row` is -1 for many rows at once.
    void resultsChanged(int row);

private:
    void onActionsInserted(const QModelIndex &parent, int first, int last);
    void onActionsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onActionsRemoved(const QModelIndex &parent, int first, int last);
    void onActionsReset();
    void onActionsChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void recheckStale(int first, int last);
    bool computeStale(int row) const;
    void invalidateKeys() { m_keyIndexDirty = true; }

    ActionTableModel *m_actions;
    VariablesModel *m_variables;
    QList<Entry> m_entries;
    QList<quint64> m_keys;
    quint64 m_nextKey = 1;
    // Removed rows are kept for one following insert, so a move (remove + insert of the same
    // actions) or the undo of a removal brings their results back.
    struct Stashed
    {
        Action action;
        Entry entry;
        quint64 key;
    };
    QList<Stashed> m_stash;
    bool m_removing = false;
    mutable QHash<quint64, int> m_keyIndex;
    mutable bool m_keyIndexDirty = true;
    SendRun m_info;            // header fields of the last run; no actions, no results
    bool m_continuing = false; // the send begun last continues the run
    int m_batchOffset = 0;     // the run's batches before the send begun last
};

} // namespace Tenfold
