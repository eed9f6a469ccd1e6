#pragma once

#include "validation/diagnostic.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <vector>

namespace Tenfold {

class ActionTableModel;
class VariablesModel;

/// Diagnostics per row, kept off the typing path: a change marks rows stale, and after a short
/// pause the stale rows are checked in time-boxed slices, so 100,000 actions never freeze the UI.
/// Only changed rows are checked again (all of them when the variables change). A row's findings
/// are what the loader found in its fields and any draft that does not parse
/// (ActionTableModel::inputDiagnostics()), then, for an enabled row, the validator's.
class ValidationCache : public QObject
{
    Q_OBJECT

public:
    enum Worst : quint8
    {
        WorstNone,
        WorstInfo,
        WorstWarning,
        WorstError,
    };

    ValidationCache(const ActionTableModel *actions, const VariablesModel *variables,
                    QObject *parent = nullptr);

    /// The row's diagnostics (with `action` set to the row as it is now).
    QList<Diagnostic> diagnostics(int row) const;
    Worst worstSeverity(int row) const;

    /// Every diagnostic in row order, with the session-wide ones first.
    QList<Diagnostic> allDiagnostics() const;
    int errorCount() const;
    int warningCount() const;
    /// True while some rows still wait to be checked.
    bool isPending() const { return m_staleCount > 0; }

    /// Checks every stale row now (tests, and before saving a report).
    void flush();
    /// Debounce before checking (ms); 0 checks on the next event loop turn.
    void setDelay(int ms);

signals:
    void rowsValidated(int first, int last);
    /// Counts or the list of diagnostics changed; emitted once a round of checking is done.
    void summaryChanged();

private:
    struct Row
    {
        QList<Diagnostic> diagnostics;
        Worst worst = WorstNone;
        bool stale = true;
    };

    void markStale(int first, int last);
    void markAllStale();
    void onRowsInserted(int first, int last);
    void onRowsRemoved(int first, int last);
    void onReset();
    void processSlice();
    void checkRow(int row);
    void count(const Row &row, int sign);
    QList<Diagnostic> sessionDiagnostics() const;

    const ActionTableModel *m_actions;
    const VariablesModel *m_variables;
    std::vector<Row> m_rows;
    int m_staleCount = 0;
    int m_errors = 0;
    int m_warnings = 0;
    int m_cursor = 0;
    QTimer m_debounce;
    QTimer m_slice;
};

} // namespace Tenfold
