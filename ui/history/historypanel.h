#pragma once

#include "sending/sendresult.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QCheckBox;
class QMainWindow;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QThreadPool;
class QTimer;

namespace Tenfold {

class CompareDialog;
class HistoryRunsModel;

/// The History dock: recorded runs (window and CLI) newest first, filtered by session, target,
/// date and outcome, searched by action path; opens a run into the results pane, compares two
/// runs (or a run and the results on screen), deletes runs. It also records the window's sends,
/// on a thread of its own so a busy database never holds up the window.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(const QString &databasePath, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    /// A panel on HistoryStore::defaultPath() in a (hidden) dock at the bottom of `window`.
    static HistoryPanel *addDockTo(QMainWindow *window);
    /// Shows and hides the dock (Run > History); null outside a dock.
    QAction *toggleAction() const { return m_toggle; }

    /// The "history/recordSends" setting (on unless turned off).
    static bool recordingEnabled();
    static void setRecordingEnabled(bool enabled);

    /// Records a finished send (unless the setting is off); the list follows when it is in.
    void recordRun(const SendRun &run, const QString &sessionPath);
    /// The results on screen, for "Compare with Results on Screen".
    void setCurrentResults(std::function<SendRun()> provider) { m_currentResults = provider; }

    void refresh();
    void openSelected();
    void compareSelected();
    void compareWithScreen();
    void deleteSelected();

    HistoryRunsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *sessionFilter() const { return m_session; }
    QComboBox *targetFilter() const { return m_target; }
    QComboBox *dateFilter() const { return m_date; }
    QComboBox *outcomeFilter() const { return m_outcome; }
    QLineEdit *searchField() const { return m_search; }
    QCheckBox *recordBox() const { return m_record; }
    QSpinBox *keepRunsBox() const { return m_keepRuns; }
    QSpinBox *keepDaysBox() const { return m_keepDays; }
    CompareDialog *lastCompareDialog() const;

signals:
    /// The user asked to see this run's results in the results pane.
    void openRequested(const SendRun &run, const QString &label);
    /// One line for the status bar (a damaged database moved aside, a run not recorded).
    void message(const QString &text);
    /// A send was recorded (or failed to be: id 0).
    void recordFinished(qint64 id);

private:
    void applyFilter();
    void fillChoices();
    void updateButtons();
    QList<qint64> selectedIds() const;
    QString labelFor(qint64 id) const;
    void showCompare(const SendRun &a, const QString &aLabel, const SendRun &b,
                     const QString &bLabel);

    QString m_path;
    HistoryRunsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_session = nullptr;
    QComboBox *m_target = nullptr;
    QComboBox *m_date = nullptr;
    QComboBox *m_outcome = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_compareButton = nullptr;
    QPushButton *m_compareScreen = nullptr;
    QPushButton *m_delete = nullptr;
    QCheckBox *m_record = nullptr;
    QSpinBox *m_keepRuns = nullptr;
    QSpinBox *m_keepDays = nullptr;
    QLabel *m_status = nullptr;
    QThreadPool *m_writer = nullptr;
    QPointer<CompareDialog> m_compare;
    QAction *m_toggle = nullptr;
    std::function<SendRun()> m_currentResults;
};

} // namespace Tenfold
