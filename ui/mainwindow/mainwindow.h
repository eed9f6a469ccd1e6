#pragma once

#include "files/recentfiles.h"
#include "files/recoverystore.h"
#include "results/keptresults.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QJsonValue;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace Tenfold {

class ActionDetailEditor;
class ActionTableView;
class CostPanel;
class HistoryPanel;
class DiagnosticsModel;
class ResultsModel;
class ResultsPane;
class RunRecorder;
class SendController;
class SendGate;
class SendGuard;
class TokenStore;
class SessionDocument;
class ValidationCache;
class WelcomePage;
struct Session;
struct SendRun;

/// The composer: the action table with its detail editor and diagnostics below, cost and
/// variables beside it, and the File/Edit/Run/Help commands. The horizontal splitter leaves room
/// for the results pane that arrives with the sender.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a session, batch body or action array; on failure shows why and returns the
    /// message (the current session stays). Asks to save unsaved changes first.
    QString openFile(const QString &path);
    /// Starts an empty untitled session (asks to save first); false when the user cancelled.
    bool newSession();
    /// Saves to the session's file, or asks for one; false when not saved.
    bool save();
    bool saveAs();
    /// Inserts the actions of a batch body, action array or session text after the current row.
    QString pasteActions(const QString &text);
    /// Sets the target for this run (the --target option); undoable like a menu choice.
    void setTarget(const QString &spec);
    /// Offers the work windows that are gone left behind (never a running window's), one copy
    /// at a time; true when one was restored into this window.
    bool offerRecovery();
    /// Writes the recovery file now if there is unsaved work (the timer does this normally).
    void autosave();
    /// True while an autosave is due (the recovery copy follows within a few seconds).
    bool isAutosavePending() const { return m_autosave.isActive(); }

    SessionDocument *document() const { return m_document; }
    ValidationCache *validation() const { return m_validation; }
    ActionTableView *actionTable() const { return m_table; }
    ActionDetailEditor *detailEditor() const { return m_detail; }
    CostPanel *costPanel() const { return m_cost; }
    RecoveryStore &recoveryStore() { return m_recovery; }
    QAction *sendAction() const { return m_send; }
    QAction *sendFailedAction() const { return m_sendFailed; }
    QAction *cancelAction() const { return m_cancel; }
    /// Why Send is blocked right now (validation errors), or empty.
    QString sendBlockedReason() const;

    /// Sends the enabled actions (Run > Send); errors block it with an explanation.
    void send();
    /// Resends only the actions whose result failed, is unknown or was cancelled.
    void sendFailed();
    void cancelSend();
    bool isSending() const;
    /// Run > Access Token: the token dialog (opened window-modal, not blocking).
    void editToken();
    /// Where the token is kept (the system keychain by default; tests pass memory).
    void setTokenStore(std::unique_ptr<TokenStore> store);
    /// Shows a results file (as saved by tenfold-cli send --out) in the results pane.
    QString openResults(const QString &path);
    /// Writes the results as JSON (results file format) or, for a .csv name, CSV.
    QString exportResults(const QString &path);

    SendController *sendController() const { return m_sendController; }
    HistoryPanel *historyPanel() const { return m_history; }
    ResultsModel *results() const { return m_results; }
    ResultsPane *resultsPane() const { return m_resultsPane; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralArea();
    QWidget *createVariablesPanel();

    bool maybeSave();
    bool saveTo(const QString &path);
    void loadSession(const Session &session, const QString &filePath);
    /// Shows the results a session file kept (or says why not) and remembers what to write back.
    void showKeptResults(const QByteArray &fileBytes, const QJsonValue &keptResults,
                         const QString &fileName);
    int keptResultCount() const;
    std::function<QJsonValue()> resultsToKeep() const;
    void openSample(const QString &resourcePath);
    void openWithDialog();
    void updateTitle();
    void updateRecentMenu();
    void updateSelectionActions();
    void updateValidationStatus();
    void updateEmptyState();
    void showTarget();
    void applyTargetChoice();
    void jumpToDiagnostic(const QModelIndex &index);

    enum class TokenSource
    {
        None,
        Stored,
        Entered,
        Environment
    };
    void withToken(const std::function<void()> &then);
    void startSend(const QList<int> &onlyRows, bool continuesRun);
    void onSendFinished();
    void updateSendState();
    void updateTargetStatus();
    void showResultsPane(bool show);
    /// Lays `run` on the rows whose action is what was sent, and says how many matched.
    void showMatchedResults(const SendRun &run, const QString &source);
    void exportResultsWithDialog();
    void openResultsWithDialog();

    void addNewAction();
    void duplicateSelection();
    void deleteSelection();
    void moveSelection(int delta);
    void copySelection();
    void pasteFromClipboard();
    void showBatchFacts();
    void showAbout();

    SessionDocument *m_document;
    ValidationCache *m_validation;
    DiagnosticsModel *m_diagnostics;
    std::unique_ptr<SendGate> m_gate;
    RecentFiles m_recentFiles;
    RecoveryStore m_recovery;
    KeptResults m_kept;
    QTimer m_autosave;

    QSplitter *m_mainSplitter = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    WelcomePage *m_welcome = nullptr;
    ActionTableView *m_table = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    QTableView *m_diagnosticsView = nullptr;
    ActionDetailEditor *m_detail = nullptr;
    CostPanel *m_cost = nullptr;
    QTableView *m_variablesView = nullptr;
    QComboBox *m_targetCombo = nullptr;
    QLineEdit *m_targetUrl = nullptr;
    QAction *m_targetUrlAction = nullptr;
    QLabel *m_statusLabel = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_new = nullptr;
    QAction *m_open = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_add = nullptr;
    QAction *m_asComposed = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_send = nullptr;
    QAction *m_sendFailed = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_token = nullptr;
    QAction *m_keepResults = nullptr;

    ResultsModel *m_results = nullptr;
    ResultsPane *m_resultsPane = nullptr;
    SendController *m_sendController = nullptr;
    SendGuard *m_sendGuard = nullptr;
    RunRecorder *m_recorder = nullptr;
    HistoryPanel *m_history = nullptr;
    QSplitter *m_composerSplitter = nullptr;
    QLabel *m_targetStatus = nullptr;
    QLabel *m_activity = nullptr;
    QProgressBar *m_progress = nullptr;
    std::unique_ptr<TokenStore> m_tokenStore;
    QString m_tokenValue; // in memory only; never written anywhere but the keychain
    TokenSource m_tokenSource = TokenSource::None;
    QString m_tokenNotice;
    bool m_tokenRead = false;
};

} // namespace Tenfold
