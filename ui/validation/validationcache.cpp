#include "validationcache.h"

#include "actiontable/actiontablemodel.h"
#include "catalog/endpointcatalog.h"
#include "validation/validator.h"
#include "variables/variablesmodel.h"

#include <QElapsedTimer>

namespace Tenfold {

namespace {

constexpr int SliceBudgetMs = 12; // leaves most of a 60 Hz frame to painting and input

ValidationCache::Worst worstOf(const QList<Diagnostic> &diagnostics)
{
    ValidationCache::Worst worst = ValidationCache::WorstNone;
    for (const Diagnostic &d : diagnostics) {
        const ValidationCache::Worst w = d.severity == Severity::Error ? ValidationCache::WorstError
                                         : d.severity == Severity::Warning
                                             ? ValidationCache::WorstWarning
                                             : ValidationCache::WorstInfo;
        worst = std::max(worst, w);
    }
    return worst;
}

} // namespace

ValidationCache::ValidationCache(const ActionTableModel *actions, const VariablesModel *variables,
                                 QObject *parent)
    : QObject(parent)
    , m_actions(actions)
    , m_variables(variables)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        m_cursor = 0;
        m_slice.start();
    });
    m_slice.setSingleShot(true);
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &ValidationCache::processSlice);

    connect(actions, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                   const QList<int> &roles) {
                // Our own icon refreshes come back through here; they change no action.
                if (roles.contains(Qt::DecorationRole) ||
                    roles.contains(ActionTableModel::BatchStartRole))
                    return;
                markStale(topLeft.row(), bottomRight.row());
            });
    connect(actions, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(actions, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRowsRemoved(first, last); });
    connect(actions, &QAbstractItemModel::modelReset, this, &ValidationCache::onReset);
    connect(variables, &VariablesModel::variablesChanged, this, &ValidationCache::markAllStale);
    onReset();
}

void ValidationCache::setDelay(int ms)
{
    m_debounce.setInterval(ms);
}

void ValidationCache::count(const Row &row, int sign)
{
    for (const Diagnostic &d : row.diagnostics) {
        if (d.severity == Severity::Error)
            m_errors += sign;
        else if (d.severity == Severity::Warning)
            m_warnings += sign;
    }
}

void ValidationCache::markStale(int first, int last)
{
    for (int row = first; row <= last && row < int(m_rows.size()); ++row) {
        if (!m_rows[size_t(row)].stale) {
            m_rows[size_t(row)].stale = true;
            ++m_staleCount;
        }
    }
    m_debounce.start();
}

void ValidationCache::markAllStale()
{
    if (!m_rows.empty())
        markStale(0, int(m_rows.size()) - 1);
}

void ValidationCache::onRowsInserted(int first, int last)
{
    m_rows.insert(m_rows.begin() + first, size_t(last - first + 1), Row{});
    m_staleCount += last - first + 1;
    m_debounce.start();
}

void ValidationCache::onRowsRemoved(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const Row &gone = m_rows[size_t(row)];
        if (gone.stale)
            --m_staleCount;
        count(gone, -1);
    }
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
    m_debounce.start(); // session-wide counts changed
}

void ValidationCache::onReset()
{
    m_rows.assign(size_t(m_actions->rowCount()), Row{});
    m_staleCount = int(m_rows.size());
    m_errors = 0;
    m_warnings = 0;
    m_cursor = 0;
    // A freshly opened file shows its problems at once; typing waits for a pause.
    m_debounce.stop();
    m_slice.start();
}

void ValidationCache::checkRow(int row)
{
    Row &entry = m_rows[size_t(row)];
    count(entry, -1); // a stale row still holds (and counts) its previous findings
    const Action &action = m_actions->action(row);
    // What could not be read or parsed is reported whether or not the row is enabled, as
    // tenfold-cli validate reports every loader diagnostic.
    // One finding per fault, as the CLI reports them: a method of 5 is "not a string", not also
    // "missing".
    entry.diagnostics = m_actions->inputDiagnostics(row);
    if (action.enabled)
        entry.diagnostics = combineDiagnostics(
            entry.diagnostics,
            validateAction(action, row, m_variables->variables(), EndpointCatalog::builtin()));
    entry.worst = worstOf(entry.diagnostics);
    if (entry.stale)
        --m_staleCount;
    entry.stale = false;
    count(entry, +1);
}

void ValidationCache::processSlice()
{
    QElapsedTimer clock;
    clock.start();
    const int size = int(m_rows.size());
    int first = -1;
    int last = -1;
    while (m_staleCount > 0 && m_cursor < size) {
        if (m_rows[size_t(m_cursor)].stale) {
            checkRow(m_cursor);
            if (first < 0)
                first = m_cursor;
            last = m_cursor;
        }
        ++m_cursor;
        if ((m_cursor & 255) == 0 && clock.elapsed() >= SliceBudgetMs)
            break;
    }
    if (first >= 0)
        emit rowsValidated(first, last);
    if (m_staleCount > 0 && m_cursor < size) {
        m_slice.start();
        return;
    }
    if (m_staleCount > 0) { // rows went stale behind the cursor meanwhile
        m_cursor = 0;
        m_slice.start();
        return;
    }
    emit summaryChanged();
}

void ValidationCache::flush()
{
    m_debounce.stop();
    m_slice.stop();
    int first = -1;
    int last = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (m_rows[size_t(row)].stale) {
            checkRow(row);
            if (first < 0)
                first = row;
            last = row;
        }
    }
    if (first >= 0)
        emit rowsValidated(first, last);
    emit summaryChanged();
}

QList<Diagnostic> ValidationCache::diagnostics(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    QList<Diagnostic> out = m_rows[size_t(row)].diagnostics;
    for (Diagnostic &d : out)
        d.action = row;
    return out;
}

ValidationCache::Worst ValidationCache::worstSeverity(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return WorstNone;
    return m_rows[size_t(row)].worst;
}

QList<Diagnostic> ValidationCache::sessionDiagnostics() const
{
    // Only the session-wide rules of validateSession(): with no action enabled it checks none,
    // and otherwise the per-row results are already here.
    const QList<Action> &actions = m_actions->actions();
    const bool anyEnabled =
        std::any_of(actions.begin(), actions.end(), [](const Action &a) { return a.enabled; });
    if (anyEnabled)
        return {};
    Session shell;
    shell.actions = actions; // shared, not copied: all disabled, so none is checked
    return validateSession(shell, InputKind::Session, EndpointCatalog::builtin());
}

QList<Diagnostic> ValidationCache::allDiagnostics() const
{
    QList<Diagnostic> out = sessionDiagnostics();
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const Row &entry = m_rows[size_t(row)];
        for (const Diagnostic &d : entry.diagnostics) {
            out.append(d);
            out.last().action = row;
        }
    }
    return out;
}

int ValidationCache::errorCount() const
{
    return m_errors + int(hasErrors(sessionDiagnostics()));
}

int ValidationCache::warningCount() const
{
    return m_warnings;
}

} // namespace Tenfold
