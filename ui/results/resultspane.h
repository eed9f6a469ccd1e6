#pragma once

#include "resultsmodel.h"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;
class QSplitter;
class QTableView;
class QTimer;

namespace Tenfold {

class ResultDetailView;

/// The results table beside the action table, row for row: same order, same row heights, and
/// scrolling, selection and filtering kept in sync with the action table both ways. Under it the
/// filter, copy/export/open commands and the detail of the selected result.
class ResultsPane : public QWidget
{
    Q_OBJECT

public:
    ResultsPane(ResultsModel *model, QWidget *parent = nullptr);

    /// Keeps this pane's table in step with the composer's table and its splitter.
    void attach(QTableView *actionTable, QSplitter *composerSplitter);

    ResultsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ResultDetailView *detail() const { return m_detail; }

    /// The window's current row, the one the action detail editor shows too (-1 for none, or
    /// `selectedCount` rows selected): the result detail always shows the same action.
    void showRow(int row, int selectedCount);

    /// Shows only the rows a filter keeps, in both tables. A filter belongs to the results it
    /// was set on: opening a session, clearing or opening results, and a new send set it back
    /// to All.
    void setFilter(ResultsModel::Filter filter);
    ResultsModel::Filter filter() const { return m_filter; }
    /// True while rows are still being shown or hidden for a filter change.
    bool isFiltering() const { return m_filterRow >= 0; }
    /// Rows the filter hides now (0 while it is being applied).
    int hiddenCount() const { return m_hidden; }

    /// The line that says a filter is on, how many rows it hides, with a button back to all;
    /// shown whenever a filter is on. The window puts it above both tables.
    QWidget *filterBanner() const { return m_banner; }

    /// Copies the selected results as JSON (the results file's action entries).
    void copySelection();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

signals:
    /// The filter was applied to every row.
    void filterApplied();
    void exportRequested();
    void openRequested();
    void clearRequested();

private:
    void followComposer();
    void startFiltering();
    void filterSlice();
    void applyRow(int row);
    void showFilterState();
    void syncSelection(QTableView *from, QTableView *to);
    void syncCurrent(QTableView *from, QTableView *to);
    QList<int> selectedRows() const;

    ResultsModel *m_model;
    QTableView *m_view;
    QTableView *m_actions = nullptr;
    QSplitter *m_split;
    QSplitter *m_composer = nullptr;
    QComboBox *m_filterCombo;
    QLabel *m_counts;
    ResultDetailView *m_detail;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QLabel *m_actionsEmpty = nullptr; // over the action table when the filter hides every row
    QLabel *m_resultsEmpty;
    ResultsModel::Filter m_filter = ResultsModel::Filter::All;
    QTimer *m_filterTimer;
    int m_filterRow = -1;
    int m_hidden = 0;
    int m_hiddenSoFar = 0; // counted by the filter pass in progress
    bool m_syncing = false;
    int m_row = -1;
    int m_selectedCount = 0;
};

} // namespace Tenfold
