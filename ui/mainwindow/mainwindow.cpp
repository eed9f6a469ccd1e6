#include "mainwindow.h"

#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "common/plural.h"
#include "cost/costpanel.h"
#include "curl/curlexportdialog.h"
#include "curl/curlpaste.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "history/historypanel.h"
#include "results/keptresults.h"
#include "results/resultdetailview.h"
#include "results/resultsio.h"
#include "results/resultsmodel.h"
#include "results/resultspane.h"
#include "sending/batchsender.h"
#include "sending/resultsfile.h"
#include "sending/runrecorder.h"
#include "sending/sendcontroller.h"
#include "sending/sendguard.h"
#include "sending/tokendialog.h"
#include "sending/tokenhosts.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"
#include "validation/diagnosticsmodel.h"
#include "validation/sendgate.h"
#include "validation/validationcache.h"
#include "validation/validator.h"
#include "variables/variablesmodel.h"
#include "welcomepage.h"
#include "wire/batchbody.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Tenfold {

namespace {

constexpr int AutosaveDelayMs = 5000;

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name),
                            QApplication::style()->standardIcon(fallback));
}

QString recoveryDirectory()
{
    return qEnvironmentVariable("TENFOLD_RECOVERY_DIR");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new SessionDocument(this))
    , m_validation(new ValidationCache(m_document->actions(), m_document->variables(), this))
    , m_diagnostics(new DiagnosticsModel(m_validation, this))
    , m_gate(std::make_unique<SendGate>(m_document->actions(), m_validation))
    , m_recovery(recoveryDirectory())
{
    setObjectName(QStringLiteral("mainWindow"));
    m_document->actions()->setValidation(m_validation);
    m_results = new ResultsModel(m_document->actions(), m_document->variables(), this);
    m_sendController = new SendController(this);
    m_sendGuard = new SendGuard(m_sendController, this);
    // Before the window's own connections: the summary after a send reads the recorded rows.
    m_recorder = new RunRecorder(m_sendController->sender(), m_results, this);
    m_tokenStore = std::make_unique<KeychainTokenStore>();
    setAcceptDrops(true);

    createActions();
    createCentralArea();
    m_history = HistoryPanel::addDockTo(this);
    m_history->setCurrentResults([this] { return m_results->toRun(); });
    connect(m_history, &HistoryPanel::openRequested, this,
            [this](const SendRun &run, const QString &label) {
                if (isSending())
                    return;
                // A run of this session as it is laid row for row, so edits since show as stale;
                // any other run (another session, rows added or removed) only where an action
                // is what was sent.
                if (run.actions.size() == m_results->rowCount()) {
                    const int placed = m_results->loadRun(run);
                    statusBar()->showMessage(
                        tr("Showing %1 from %2")
                            .arg(countOf(placed, tr("result"), tr("results")), label),
                        8000);
                    showResultsPane(true);
                    return;
                }
                showMatchedResults(run, label);
            });
    connect(m_history, &HistoryPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    createMenus();
    createToolBar();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("validationStatus"));
    m_statusLabel->setTextFormat(Qt::RichText);
    m_activity = new QLabel(this);
    m_activity->setObjectName(QStringLiteral("sendActivity"));
    m_activity->hide();
    statusBar()->addPermanentWidget(m_activity);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sendProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("%v / %m actions"));
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_statusLabel);
    m_targetStatus = new QLabel(this);
    m_targetStatus->setObjectName(QStringLiteral("targetStatus"));
    m_targetStatus->setTextFormat(Qt::RichText);
    statusBar()->addPermanentWidget(m_targetStatus);

    connect(m_sendController, &SendController::asComposedChanged, m_cost,
            &CostPanel::setAsComposed);
    BatchSender *sender = m_sendController->sender();
    connect(sender, &BatchSender::finished, this, &MainWindow::onSendFinished);
    connect(sender, &BatchSender::finished, m_history,
            [this, sender] { m_history->recordRun(sender->run(), m_document->filePath()); });
    connect(sender, &BatchSender::progress, this, [this](int done, int total) {
        m_progress->setMaximum(std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(m_sendController, &SendController::activityChanged, this, &MainWindow::updateSendState);
    connect(m_sendController, &SendController::sandboxStateChanged, this,
            &MainWindow::updateTargetStatus);
    connect(m_document, &SessionDocument::targetChanged, this, &MainWindow::updateTargetStatus);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_document->actions(), signal, this, &MainWindow::updateSendState);
    connect(m_document->actions(), &QAbstractItemModel::modelReset, this,
            &MainWindow::updateSendState);
    connect(m_results, &ResultsModel::resultsChanged, this, [this](int row) {
        if (row < 0) {
            showResultsPane(m_results->resultCount() > 0 || isSending());
            m_sendFailed->setEnabled(!isSending() && !m_results->unfinishedRows().isEmpty());
            return;
        }
        // One row: only look at that row (a full scan per answer would be quadratic).
        const ActionState state = m_results->entry(row).result.state;
        if (!isSending() && (state == ActionState::Failed || state == ActionState::Cancelled ||
                             state == ActionState::OutcomeUnknown))
            m_sendFailed->setEnabled(true);
    });

    connect(m_document, &SessionDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SessionDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SessionDocument::targetChanged, this, &MainWindow::showTarget);
    connect(m_document, &SessionDocument::targetChanged, this, [this] {
        m_kept.setTarget(m_document->target());
        m_keepResults->setChecked(m_kept.keep());
    });
    connect(m_validation, &ValidationCache::summaryChanged, this,
            &MainWindow::updateValidationStatus);
    connect(m_document->actions(), &QAbstractItemModel::rowsInserted, this,
            &MainWindow::updateEmptyState);
    connect(m_document->actions(), &QAbstractItemModel::rowsRemoved, this,
            &MainWindow::updateEmptyState);
    connect(m_document->actions(), &QAbstractItemModel::modelReset, this,
            &MainWindow::updateEmptyState);

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(AutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosave);
    connect(m_document, &SessionDocument::contentChanged, this, [this] {
        if (m_document->isModified())
            m_autosave.start();
    });

    loadSession(Session{}, {});
    // Connected after the first (empty) session, so that starting up keeps what a crashed run
    // left for offerRecovery().
    connect(m_document, &SessionDocument::modifiedChanged, this, [this](bool modified) {
        if (modified) {
            // The first edit after a load or save changes the content before the undo stack
            // leaves its clean index, so contentChanged alone would miss it (an inserted row,
            // a changed target).
            m_autosave.start();
        } else {
            m_autosave.stop();
            m_recovery.discard(); // what is on disk is what the user has: nothing to recover
        }
    });
    updateTargetStatus();
    updateSendState();
    resize(1280, 800);
    const QByteArray geometry = QSettings().value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QUndoStack *stack = m_document->undoStack();

    m_new = new QAction(themeIcon("document-new", QStyle::SP_FileIcon), tr("&New"), this);
    m_new->setShortcut(QKeySequence::New);
    m_new->setToolTip(tr("Start an empty session"));
    connect(m_new, &QAction::triggered, this, &MainWindow::newSession);

    m_open = new QAction(themeIcon("document-open", QStyle::SP_DialogOpenButton), tr("&Open\u2026"),
                         this);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setObjectName(QStringLiteral("actionOpen"));
    m_open->setToolTip(tr("Open a session, a batch body or a JSON array of actions"));
    connect(m_open, &QAction::triggered, this, &MainWindow::openWithDialog);

    m_save =
        new QAction(themeIcon("document-save", QStyle::SP_DialogSaveButton), tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("actionSave"));
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &MainWindow::save);

    m_saveAs = new QAction(themeIcon("document-save-as", QStyle::SP_DialogSaveButton),
                           tr("Save &As\u2026"), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAs, &QAction::triggered, this, &MainWindow::saveAs);

    m_quit =
        new QAction(themeIcon("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), this);
    // Platforms whose key scheme has no Quit binding (Windows, offscreen) still get Ctrl+Q.
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    m_quit->setShortcuts(quitKeys.isEmpty() ? QList<QKeySequence>{Qt::CTRL | Qt::Key_Q} : quitKeys);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_undo = stack->createUndoAction(this, tr("&Undo"));
    m_undo->setIcon(themeIcon("edit-undo", QStyle::SP_ArrowBack));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = stack->createRedoAction(this, tr("&Redo"));
    m_redo->setIcon(themeIcon("edit-redo", QStyle::SP_ArrowForward));
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    m_add =
        new QAction(themeIcon("list-add", QStyle::SP_FileDialogNewFolder), tr("&Add Action"), this);
    m_add->setObjectName(QStringLiteral("actionAdd"));
    m_add->setShortcuts({QKeySequence(Qt::Key_Insert), QKeySequence(Qt::CTRL | Qt::Key_T)});
    m_add->setToolTip(tr("Add an action below the current one (Insert, Ctrl+T)"));
    connect(m_add, &QAction::triggered, this, &MainWindow::addNewAction);

    m_duplicate =
        new QAction(themeIcon("edit-copy", QStyle::SP_FileLinkIcon), tr("&Duplicate"), this);
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicate, &QAction::triggered, this, &MainWindow::duplicateSelection);

    m_delete = new QAction(themeIcon("edit-delete", QStyle::SP_TrashIcon), tr("De&lete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    connect(m_delete, &QAction::triggered, this, &MainWindow::deleteSelection);

    m_moveUp = new QAction(themeIcon("go-up", QStyle::SP_ArrowUp), tr("Move &Up"), this);
    m_moveUp->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(m_moveUp, &QAction::triggered, this, [this] { moveSelection(-1); });

    m_moveDown = new QAction(themeIcon("go-down", QStyle::SP_ArrowDown), tr("Move Do&wn"), this);
    m_moveDown->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(m_moveDown, &QAction::triggered, this, [this] { moveSelection(+1); });

    m_copy = new QAction(tr("&Copy Actions"), this);
    m_copy->setToolTip(tr("Copy the selected actions as a JSON array"));
    connect(m_copy, &QAction::triggered, this, &MainWindow::copySelection);

    m_paste = new QAction(themeIcon("edit-paste", QStyle::SP_DialogApplyButton),
                          tr("&Paste Actions"), this);
    m_paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_paste->setToolTip(
        tr("Insert a batch body, a JSON array of actions or a curl command from the clipboard"));
    connect(m_paste, &QAction::triggered, this, &MainWindow::pasteFromClipboard);

    m_send =
        new QAction(themeIcon("media-playback-start", QStyle::SP_MediaPlay), tr("&Send"), this);
    m_send->setObjectName(QStringLiteral("actionSend"));
    m_send->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(m_send, &QAction::triggered, this, &MainWindow::send);
    m_sendFailed = new QAction(themeIcon("view-refresh", QStyle::SP_BrowserReload),
                               tr("Send &Failed Again"), this);
    m_sendFailed->setObjectName(QStringLiteral("actionSendFailed"));
    m_sendFailed->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_sendFailed->setToolTip(
        tr("Resend only the actions that failed, were cancelled or whose outcome is unknown"));
    m_sendFailed->setEnabled(false);
    connect(m_sendFailed, &QAction::triggered, this, &MainWindow::sendFailed);
    m_cancel = new QAction(themeIcon("process-stop", QStyle::SP_BrowserStop), tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("actionCancel"));
    m_cancel->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Escape));
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop sending: batches not sent yet are cancelled"));
    connect(m_cancel, &QAction::triggered, this, &MainWindow::cancelSend);
    m_asComposed = new QAction(tr("Send Batches as &Composed"), this);
    m_asComposed->setObjectName(QStringLiteral("actionSendAsComposed"));
    m_asComposed->setCheckable(true);
    m_asComposed->setToolTip(tr("Send exactly the batches the table shows (10 actions each); "
                                "otherwise each batch is formed when a slot frees, which is "
                                "faster when the concurrency limits bind"));
    connect(m_asComposed, &QAction::toggled, m_sendController, &SendController::setAsComposed);
    connect(m_sendController, &SendController::asComposedChanged, m_asComposed,
            &QAction::setChecked);
    m_token = new QAction(themeIcon("dialog-password", QStyle::SP_DialogYesButton),
                          tr("Access &Token…"), this);
    m_token->setObjectName(QStringLiteral("actionToken"));
    m_token->setToolTip(tr("The Asana personal access token used for Asana and custom targets"));
    connect(m_token, &QAction::triggered, this, &MainWindow::editToken);
    m_keepResults = new QAction(tr("&Keep Results with Session"), this);
    m_keepResults->setObjectName(QStringLiteral("actionKeepResults"));
    m_keepResults->setCheckable(true);
    m_keepResults->setChecked(m_kept.keep());
    m_keepResults->setToolTip(tr("Save the results pane into the session file (never the "
                                 "token), so a QA report can be shared and reopened. Results "
                                 "hold full response bodies: on by default only for the "
                                 "sandbox and for files that already hold results"));
    connect(m_keepResults, &QAction::triggered, this, [this](bool keep) { m_kept.choose(keep); });

    for (QAction *action : {m_add, m_duplicate, m_delete, m_moveUp, m_moveDown, m_copy, m_paste,
                            m_send, m_sendFailed, m_cancel})
        addAction(action); // shortcuts work even with the menu bar hidden
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_new);
    file->addAction(m_open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QMenu *samples = file->addMenu(tr("Open Sa&mple"));
    const QList<SampleSession> list = sampleSessions();
    for (const SampleSession &sample : list) {
        QAction *action = samples->addAction(sample.title);
        action->setToolTip(sample.description);
        const QString path = sample.resourcePath;
        connect(action, &QAction::triggered, this, [this, path] { openSample(path); });
    }
    file->addSeparator();
    file->addAction(m_save);
    file->addAction(m_saveAs);
    QAction *curl = file->addAction(tr("Export as c&url\u2026"), this, [this] {
        CurlExportDialog dialog(m_document->session(), {}, this);
        dialog.exec();
    });
    curl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    curl->setToolTip(tr("The session as curl commands to share or debug"));
    file->addSeparator();
    file->addAction(tr("Open Res&ults\u2026"), this, &MainWindow::openResultsWithDialog)
        ->setToolTip(tr("Show a results file saved by tenfold-cli send --out"));
    QAction *exportResults =
        file->addAction(tr("E&xport Results\u2026"), this, &MainWindow::exportResultsWithDialog);
    exportResults->setObjectName(QStringLiteral("actionExportResults"));
    exportResults->setToolTip(tr("Save the results as JSON (results file format) or CSV"));
    file->addAction(m_keepResults);
    file->addSeparator();
    file->addAction(m_quit);
    connect(&m_recentFiles, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    edit->addAction(m_add);
    edit->addAction(m_duplicate);
    edit->addAction(m_delete);
    edit->addSeparator();
    edit->addAction(m_moveUp);
    edit->addAction(m_moveDown);
    edit->addSeparator();
    edit->addAction(m_copy);
    edit->addAction(m_paste);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_send);
    run->addAction(m_sendFailed);
    run->addAction(m_cancel);
    run->addAction(m_asComposed);
    run->addSeparator();
    run->addAction(m_token);
    run->addSeparator();
    run->addAction(m_history->toggleAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Asana &Batch API Facts"), this, &MainWindow::showBatchFacts);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Tenfold"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(m_new);
    bar->addAction(m_open);
    bar->addAction(m_save);
    bar->addSeparator();
    bar->addAction(m_undo);
    bar->addAction(m_redo);
    bar->addSeparator();
    bar->addAction(m_add);
    bar->addAction(m_duplicate);
    bar->addAction(m_delete);
    bar->addAction(m_moveUp);
    bar->addAction(m_moveDown);
    bar->addSeparator();
    bar->addAction(m_send);
    bar->addAction(m_sendFailed);
    bar->addAction(m_cancel);
    for (QAction *action : {m_add, m_send}) {
        if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    auto *targetLabel = new QLabel(tr("&Target:"));
    bar->addWidget(targetLabel);
    m_targetCombo = new QComboBox;
    m_targetCombo->setObjectName(QStringLiteral("targetSelector"));
    m_targetCombo->addItem(tr("Sandbox (built in)"), QStringLiteral("sandbox"));
    m_targetCombo->addItem(tr("Asana"), QStringLiteral("asana"));
    m_targetCombo->addItem(tr("Custom URL\u2026"), QStringLiteral("custom"));
    m_targetCombo->setToolTip(tr("Where batches go: the embedded sandbox (safe), Asana itself "
                                 "(app.asana.com/api/1.0), or any compatible server"));
    targetLabel->setBuddy(m_targetCombo);
    bar->addWidget(m_targetCombo);
    m_targetUrl = new QLineEdit;
    m_targetUrl->setObjectName(QStringLiteral("targetUrl"));
    m_targetUrl->setPlaceholderText(tr("https://host/api/1.0"));
    m_targetUrl->setMinimumWidth(220);
    m_targetUrlAction = bar->addWidget(m_targetUrl);
    connect(m_targetCombo, &QComboBox::activated, this, &MainWindow::applyTargetChoice);
    connect(m_targetUrl, &QLineEdit::editingFinished, this, &MainWindow::applyTargetChoice);
    showTarget();
}

void MainWindow::createCentralArea()
{
    m_table = new ActionTableView;
    m_table->setActionModel(m_document->actions());
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *action : {m_add, m_duplicate, m_delete, m_moveUp, m_moveDown, m_copy, m_paste})
        m_table->addAction(action);
    // Ctrl+C/Ctrl+V on the table copy and paste actions; inside cell editors they edit text.
    auto *copy = new QShortcut(QKeySequence::Copy, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &MainWindow::copySelection);
    auto *paste = new QShortcut(QKeySequence::Paste, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(paste, &QShortcut::activated, this, &MainWindow::pasteFromClipboard);

    m_welcome = new WelcomePage;
    connect(m_welcome, &WelcomePage::addActionRequested, this, &MainWindow::addNewAction);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openWithDialog);
    connect(m_welcome, &WelcomePage::pasteRequested, this, &MainWindow::pasteFromClipboard);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSample);

    m_tableStack = new QStackedWidget;
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_welcome);

    m_detail = new ActionDetailEditor(m_document->actions());
    m_diagnosticsView = new QTableView;
    m_diagnosticsView->setObjectName(QStringLiteral("diagnosticsView"));
    m_diagnosticsView->setModel(m_diagnostics);
    m_diagnosticsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diagnosticsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_diagnosticsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_diagnosticsView->setWordWrap(false);
    m_diagnosticsView->verticalHeader()->setVisible(false);
    m_diagnosticsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_diagnosticsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_diagnosticsView->horizontalHeader()->setStretchLastSection(true);
    m_diagnosticsView->setColumnWidth(DiagnosticsModel::SeverityColumn, 110);
    m_diagnosticsView->setColumnWidth(DiagnosticsModel::ActionColumn, 70);
    m_diagnosticsView->setColumnWidth(DiagnosticsModel::FieldColumn, 150);
    connect(m_diagnosticsView, &QAbstractItemView::activated, this, &MainWindow::jumpToDiagnostic);

    m_bottomTabs = new QTabWidget;
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_detail, tr("&Details"));
    m_bottomTabs->addTab(m_diagnosticsView, tr("&Problems"));

    auto *composer = m_composerSplitter = new QSplitter(Qt::Vertical);
    composer->setObjectName(QStringLiteral("composerSplitter"));
    composer->addWidget(m_tableStack);
    composer->addWidget(m_bottomTabs);
    composer->setStretchFactor(0, 3);
    composer->setStretchFactor(1, 2);
    composer->setChildrenCollapsible(false);

    auto *side = new QWidget;
    side->setObjectName(QStringLiteral("sidePanel"));
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *costBox = new QGroupBox(tr("Cost preview"));
    auto *costLayout = new QVBoxLayout(costBox);
    m_cost = new CostPanel(m_document);
    costLayout->addWidget(m_cost);
    sideLayout->addWidget(costBox, 0);
    sideLayout->addWidget(createVariablesPanel(), 1);

    // The results pane sits between the composer and the side panel, row for row with the table.
    m_resultsPane = new ResultsPane(m_results);
    m_resultsPane->attach(m_table, composer);
    m_resultsPane->hide();
    connect(m_resultsPane, &ResultsPane::exportRequested, this,
            &MainWindow::exportResultsWithDialog);
    connect(m_resultsPane, &ResultsPane::openRequested, this, &MainWindow::openResultsWithDialog);
    connect(m_resultsPane, &ResultsPane::clearRequested, this, [this] {
        if (!isSending())
            m_results->clear();
    });
    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(composer);
    m_mainSplitter->addWidget(m_resultsPane);
    m_mainSplitter->addWidget(side);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setStretchFactor(2, 0);
    m_mainSplitter->setSizes({1000, 0, 320});
    // The results filter's banner spans both tables, so their rows stay on the same lines.
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_resultsPane->filterBanner());
    centralLayout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateSelectionActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateSelectionActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_document->actions(), signal, this, &MainWindow::updateSelectionActions);
}

QWidget *MainWindow::createVariablesPanel()
{
    auto *box = new QGroupBox(tr("Variables"));
    auto *layout = new QVBoxLayout(box);
    auto *hint = new QLabel(tr("Use as {{name}} in paths, data and options."));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    layout->addWidget(hint);
    m_variablesView = new QTableView;
    m_variablesView->setObjectName(QStringLiteral("variablesView"));
    m_variablesView->setModel(m_document->variables());
    m_variablesView->verticalHeader()->setVisible(false);
    m_variablesView->horizontalHeader()->setStretchLastSection(true);
    m_variablesView->setColumnWidth(VariablesModel::NameColumn, 120);
    m_variablesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_variablesView);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add &variable"));
    add->setObjectName(QStringLiteral("addVariable"));
    auto *remove = new QPushButton(tr("Remove"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        m_document->variables()->addVariable();
        const int row = m_document->variables()->rowCount() - 1;
        m_variablesView->setCurrentIndex(m_document->variables()->index(row, 0));
        m_variablesView->edit(m_variablesView->currentIndex());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        m_document->variables()->removeVariable(m_variablesView->currentIndex().row());
    });
    return box;
}

// --- Files -------------------------------------------------------------------------------------

bool MainWindow::maybeSave()
{
    if (!m_sendGuard->mayLeaveSession())
        return false;
    if (!m_document->isModified())
        return true;
    const QMessageBox::StandardButton answer = MessageBox::question(
        this, tr("Unsaved changes"),
        tr("Save the changes to \u201c%1\u201d before closing it?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::loadSession(const Session &session, const QString &filePath)
{
    statusBar()->clearMessage();
    m_document->load(session, filePath);
    m_kept.reset(session.target);
    m_keepResults->setChecked(m_kept.keep());
    updateTitle();
    updateEmptyState();
    updateSelectionActions();
    if (m_document->actions()->rowCount() > 0)
        m_table->selectRows({0});
}

bool MainWindow::newSession()
{
    if (!maybeSave())
        return false;
    Session session;
    session.target = m_document->target(); // a new session goes where the last one went
    loadSession(session, {});
    m_recovery.discard();
    return true;
}

QString MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return tr("cancelled");
    Result<LoadedInput> loaded = loadInput(path);
    if (!loaded) {
        const QString message = loaded.errorString();
        MessageBox::critical(
            this, tr("Cannot open file"),
            tr("Tenfold could not open \u201c%1\u201d.").arg(QDir::toNativeSeparators(path)),
            tr("%1\n\nThe file was not changed.").arg(message));
        return message;
    }
    Session session = loaded->session;
    // Only Tenfold sessions are saved back in place; a batch body or an action array keeps its
    // own format on disk, so saving asks for a new session file instead of rewriting it.
    const bool isSession = loaded->kind == InputKind::Session;
    if (session.name.isEmpty())
        session.name = QFileInfo(path).completeBaseName();
    loadSession(session, isSession ? QFileInfo(path).absoluteFilePath() : QString());
    // A batch body is one request as its author wrote it.
    m_sendController->setAsComposed(loaded->kind == InputKind::BatchBody);
    m_recentFiles.add(path);
    const int count = int(session.actions.size());
    statusBar()->showMessage(tr("Opened %1 (%2)")
                                 .arg(QFileInfo(path).fileName(),
                                      count == 1 ? tr("1 action") : tr("%1 actions").arg(count)),
                             5000);
    if (!loaded->keptResults.isUndefined()) {
        QFile file(path);
        const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        showKeptResults(bytes, loaded->keptResults, QFileInfo(path).fileName());
    }
    return {};
}

void MainWindow::showKeptResults(const QByteArray &fileBytes, const QJsonValue &keptResults,
                                 const QString &fileName)
{
    const std::optional<Result<SendRun>> kept = resultsInSession(keptResults);
    if (!kept)
        return;
    // What cannot be read is written back as it was (a newer Tenfold's results), so the text
    // is taken from the file itself, not from what Qt's parser made of it.
    m_kept.reset(m_document->target(), rawMemberText(fileBytes, QLatin1String("results")),
                 bool(*kept));
    m_keepResults->setChecked(m_kept.keep());
    if (*kept) {
        m_results->loadRun(kept->value());
        return;
    }
    // Someone's saved QA results are missing from view: say so in full, not in a status message
    // too long for the status bar.
    MessageBox::warning(
        this, tr("Results not shown"),
        tr("\u201c%1\u201d opened, but the results saved in it could not be read.").arg(fileName),
        tr("%1\n\nThey stay in the file as they are, unless results of a new run "
           "are kept in their place.")
            .arg(kept->errorString()));
}

void MainWindow::openWithDialog()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Open Session"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openSample(const QString &resourcePath)
{
    if (!maybeSave())
        return;
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    Result<LoadedInput> loaded = parseInput(file.readAll());
    if (!loaded)
        return;
    loadSession(loaded->session, {}); // a copy: saving asks where, the sample stays pristine
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty()) {
        QString base = m_document->displayName().toLower();
        base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        suggestion = base + QStringLiteral(".tenfold.json"); // in the last folder used
    }
    const FileDialog::Saved saved = FileDialog::getSaveFileName(
        this, {tr("Save Session As"), suggestion, FileDialog::sessionFormats(),
               m_kept.describe(m_document->actions()->rowCount(), keptResultCount())});
    if (!saved.accepted())
        return false;
    return saveTo(saved.path);
}

int MainWindow::keptResultCount() const
{
    return m_kept.keep() && !isSending() ? m_results->resultCount() : 0;
}

std::function<QJsonValue()> MainWindow::resultsToKeep() const
{
    // Results go under the session's optional "results" member (the results file format);
    // neither part has a field for the token. The run is copied now; turning it into JSON can
    // wait for the thread that writes (autosave).
    if (keptResultCount() == 0)
        return nullptr;
    const SendRun run = m_results->toRun();
    return [run] { return QJsonValue(resultsToJson(run)); };
}

bool MainWindow::saveTo(const QString &path)
{
    if (!m_gate->maySave(this))
        return false;
    Session session = m_document->session();
    if (session.name.isEmpty())
        session.name = QFileInfo(path).fileName().section(u'.', 0, 0);
    const QByteArray bytes = m_kept.serialize(session, resultsToKeep());
    if (const std::optional<Error> error = writeFileAtomically(path, bytes)) {
        MessageBox::critical(
            this, tr("Cannot save"),
            tr("Tenfold could not save \u201c%1\u201d.").arg(QDir::toNativeSeparators(path)),
            tr("%1\n\nAny earlier version of the file was left as it was.").arg(error->toString()));
        return false;
    }
    m_document->markSaved(QFileInfo(path).absoluteFilePath());
    if (m_document->actions()->hasDrafts())
        m_document->undoStack()->resetClean(); // what was typed is not in the file yet
    m_recentFiles.add(path);
    m_recovery.discard();
    const int results = keptResultCount();
    statusBar()->showMessage(results > 0 ? tr("Saved %1 with %2")
                                               .arg(QDir::toNativeSeparators(path),
                                                    countOf(results, tr("result"), tr("results")))
                                         : tr("Saved %1").arg(QDir::toNativeSeparators(path)),
                             4000);
    updateTitle();
    return true;
}

void MainWindow::autosave()
{
    if (!m_document->isModified())
        return;
    // In the background: writing a 100,000-action session takes a quarter of a second, which
    // would otherwise freeze the window every few seconds while the user edits.
    // The copy holds what a save would write, kept results included.
    m_recovery.saveInBackground(
        [kept = m_kept, session = m_document->session(), results = resultsToKeep()] {
            return kept.serialize(session, results);
        },
        m_document->filePath(), this,
        [this](const Error &error) {
            statusBar()->showMessage(
                tr("Could not write the recovery file: %1").arg(error.toString()), 8000);
        });
}

bool MainWindow::offerRecovery()
{
    QList<RecoveryStore::Recovered> copies = m_recovery.claimOrphans();
    bool restored = false;
    int kept = 0;
    for (const RecoveryStore::Recovered &copy : copies) {
        if (restored) {
            m_recovery.keepForLater(copy.id); // one window holds one session
            ++kept;
            continue;
        }
        const QString what = copy.originalPath.isEmpty()
                                 ? tr("an unsaved session")
                                 : QDir::toNativeSeparators(copy.originalPath);
        const QMessageBox::StandardButton answer = MessageBox::question(
            this, tr("Recover unsaved work?"),
            tr("A Tenfold window did not close properly (its work was last kept at %1). "
               "Restore the unsaved changes to %2 (%3)?\n\nCancel keeps them for the next "
               "start.")
                .arg(QLocale().toString(copy.writtenAt, QLocale::ShortFormat), what,
                     countOf(copy.session.actions.size(), tr("action"), tr("actions"))),
            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Discard) {
            m_recovery.discardOrphan(copy.id);
            continue;
        }
        if (answer != QMessageBox::Yes) {
            m_recovery.keepForLater(copy.id);
            ++kept;
            continue;
        }
        loadSession(copy.session, copy.originalPath);
        const Result<LoadedInput> loaded = parseInput(copy.bytes);
        if (loaded && !loaded->keptResults.isUndefined())
            showKeptResults(copy.bytes, loaded->keptResults,
                            QFileInfo(copy.originalPath).fileName());
        // Restored work is not on disk yet: keep it dirty until the user saves it, and keep its
        // copy (now this window's) until then.
        m_document->undoStack()->resetClean();
        m_recovery.adopt(copy.id);
        updateTitle();
        restored = true;
    }
    if (kept > 0) {
        statusBar()->showMessage(
            tr("%1 kept for the next start")
                .arg(countOf(kept, tr("recovery copy"), tr("recovery copies"))),
            8000);
    }
    return restored;
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] \u2014 Tenfold").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles.files();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction *action =
            m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        connect(action, &QAction::triggered, this, [this, path] {
            if (!QFile::exists(path)) {
                MessageBox::critical(
                    this, tr("Cannot open file"),
                    tr("\u201c%1\u201d no longer exists.").arg(QDir::toNativeSeparators(path)));
                m_recentFiles.remove(path);
                return;
            }
            openFile(path);
        });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent sessions"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), &m_recentFiles, &RecentFiles::clear);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave.stop();
    m_recovery.discard();
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // Open after the drop returns, so a question dialog does not run inside the drag.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

// --- Target ------------------------------------------------------------------------------------

void MainWindow::setTarget(const QString &spec)
{
    Result<Target> target = Target::parse(spec);
    if (target)
        m_document->setTarget(target.value());
}

void MainWindow::showTarget()
{
    const Target &target = m_document->target();
    m_targetCombo->setCurrentIndex(int(target.kind));
    m_targetUrl->setText(target.kind == Target::Kind::Custom ? target.customUrl.toString()
                                                             : QString());
    m_targetUrlAction->setVisible(target.kind == Target::Kind::Custom);
    m_targetUrl->setToolTip({});
}

void MainWindow::applyTargetChoice()
{
    const QString choice = m_targetCombo->currentData().toString();
    if (choice == QLatin1String("custom")) {
        m_targetUrlAction->setVisible(true);
        if (m_targetUrl->text().trimmed().isEmpty()) {
            m_targetUrl->setFocus();
            return;
        }
        Result<Target> target = Target::parse(m_targetUrl->text().trimmed());
        if (!target) {
            m_targetUrl->setToolTip(target.errorString());
            statusBar()->showMessage(tr("Target not changed: %1").arg(target.errorString()), 8000);
            return;
        }
        m_document->setTarget(target.value());
        return;
    }
    m_document->setTarget(Target::parse(choice).value());
}

// --- Editing -----------------------------------------------------------------------------------

void MainWindow::addNewAction()
{
    const QList<int> rows = m_table->selectedRows();
    const int at = rows.isEmpty() ? m_document->actions()->rowCount() : rows.constLast() + 1;
    Action action;
    action.method = QStringLiteral("get");
    m_document->actions()->insertActionsAt(at, {action}, tr("Add action"));
    m_table->setFocus();
    const QModelIndex path = m_document->actions()->index(at, ActionTableModel::PathColumn);
    m_table->setCurrentIndex(path);
    m_table->edit(path);
}

void MainWindow::duplicateSelection()
{
    m_document->actions()->duplicateRows(m_table->selectedRows());
}

void MainWindow::deleteSelection()
{
    const QList<int> rows = m_table->selectedRows();
    if (rows.isEmpty())
        return;
    m_document->actions()->removeActionRows(rows);
    const int count = m_document->actions()->rowCount();
    if (count > 0)
        m_table->selectRows({std::min(rows.first(), count - 1)});
}

void MainWindow::moveSelection(int delta)
{
    const QList<int> rows = m_table->selectedRows();
    if (rows.isEmpty())
        return;
    m_document->actions()->moveRows(rows, rows.first() + delta);
}

void MainWindow::copySelection()
{
    const QList<int> rows = m_table->selectedRows();
    if (rows.isEmpty())
        return;
    QJsonArray array;
    for (int row : rows)
        array.append(actionToSessionValue(m_document->actions()->action(row)));
    QApplication::clipboard()->setText(QString::fromUtf8(QJsonDocument(array).toJson()));
    statusBar()->showMessage(
        rows.size() == 1 ? tr("Copied 1 action") : tr("Copied %1 actions").arg(rows.size()), 3000);
}

void MainWindow::pasteFromClipboard()
{
    const QString text = QApplication::clipboard()->text();
    const QString error = pasteActions(text);
    if (error.isEmpty())
        return;
    if (error.startsWith(tr("the curl command"))) {
        MessageBox::critical(this, tr("Cannot paste curl command"),
                             tr("Tenfold cannot turn this into actions: %1").arg(error),
                             tr("Tenfold reads curl commands that call the Asana API (POST /batch "
                                "or a single call) with their body written out."));
        return;
    }
    MessageBox::critical(this, tr("Nothing to paste"),
                         tr("The clipboard holds no actions Tenfold can read: %1").arg(error),
                         tr("Copy a batch body {\"data\":{\"actions\":[...]}}, a JSON array of "
                            "actions, a Tenfold session or a curl command."));
}

QString MainWindow::pasteActions(const QString &text)
{
    QByteArray bytes = text.trimmed().toUtf8();
    if (bytes.isEmpty())
        return tr("the clipboard is empty");
    // Not JSON: maybe a curl command (Tenfold's export, Asana's docs, a browser's "copy as cURL").
    if (!bytes.startsWith('{') && !bytes.startsWith('[')) {
        static const QRegularExpression curlWord(QStringLiteral("(^|[\\s;&|(])curl(\\s|$)"));
        if (!curlWord.match(text).hasMatch())
            return tr("it is neither JSON nor a curl command");
        const CurlPaste::Outcome pasted = CurlPaste::fromText(this, text);
        if (pasted.actions.isEmpty())
            return pasted.error; // empty when the user chose not to leave commands out
        const QList<int> rows = m_table->selectedRows();
        const int at = rows.isEmpty() ? m_document->actions()->rowCount() : rows.constLast() + 1;
        m_document->actions()->insertActionsAt(
            at, pasted.actions,
            tr("Paste %1 from curl")
                .arg(countOf(pasted.actions.size(), tr("action"), tr("actions"))));
        statusBar()->showMessage(pasted.status, 8000);
        return {};
    }
    // A single action object is a common thing to copy from the docs: treat it as a list of one.
    if (bytes.startsWith('{') && !bytes.contains("\"actions\"") && !bytes.contains("\"format\""))
        bytes = '[' + bytes + ']';
    Result<LoadedInput> loaded = parseInput(bytes);
    if (!loaded)
        return loaded.errorString();
    // The verdict validate and send give the same body: one request Asana would refuse.
    if (const std::optional<Diagnostic> tooMany = batchBodySizeError(loaded->session, loaded->kind))
        return tooMany->messageFor(FrontEnd::Window);
    const QList<Action> &actions = loaded->session.actions;
    if (actions.isEmpty())
        return tr("it holds an empty list of actions");
    const QList<int> rows = m_table->selectedRows();
    const int at = rows.isEmpty() ? m_document->actions()->rowCount() : rows.constLast() + 1;
    m_document->actions()->insertActionsAt(
        at, actions,
        actions.size() == 1 ? tr("Paste 1 action") : tr("Paste %1 actions").arg(actions.size()));
    statusBar()->showMessage(actions.size() == 1 ? tr("Pasted 1 action")
                                                 : tr("Pasted %1 actions").arg(actions.size()),
                             4000);
    return {};
}

void MainWindow::updateSelectionActions()
{
    const QList<int> rows = m_table->selectedRows();
    const bool any = !rows.isEmpty();
    const int count = m_document->actions()->rowCount();
    m_duplicate->setEnabled(any);
    m_delete->setEnabled(any);
    m_copy->setEnabled(any);
    m_moveUp->setEnabled(any && rows.first() > 0);
    m_moveDown->setEnabled(any && rows.last() < count - 1);
    // One current row: both detail panes show the same action.
    const int current = rows.size() == 1 ? rows.first() : -1;
    m_detail->setRow(current, int(rows.size()));
    m_resultsPane->showRow(current, int(rows.size()));
}

void MainWindow::updateEmptyState()
{
    const bool empty = m_document->actions()->rowCount() == 0;
    m_tableStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_welcome) : m_table);
    m_bottomTabs->setVisible(!empty);
}

// --- Validation --------------------------------------------------------------------------------

QString MainWindow::sendBlockedReason() const
{
    const int errors = m_validation->errorCount();
    if (errors == 0)
        return {};
    return errors == 1 ? tr("Before sending, fix the error listed under Problems.")
                       : tr("Before sending, fix the %1 errors listed under Problems.").arg(errors);
}

void MainWindow::updateValidationStatus()
{
    const int errors = m_validation->errorCount();
    const int warnings = m_validation->warningCount();
    QString status;
    if (m_document->actions()->rowCount() == 0) {
        status = tr("No actions yet");
    } else if (errors > 0) {
        status = QStringLiteral("<span style=\"color:#d0312d\">&#10006; %1</span>")
                     .arg(errors == 1 ? tr("1 error blocks sending")
                                      : tr("%1 errors block sending").arg(errors));
    } else {
        int enabled = 0;
        for (const Action &action : m_document->actions()->actions())
            enabled += action.enabled ? 1 : 0;
        const int batches = (enabled + MaxActionsPerBatch - 1) / MaxActionsPerBatch;
        status =
            QStringLiteral("<span style=\"color:#2e8540\">&#10004; %1</span>")
                .arg(batches == 1
                         ? tr("Ready: %1 to send in 1 batch")
                               .arg(enabled == 1 ? tr("1 action") : tr("%1 actions").arg(enabled))
                         : tr("Ready: %1 actions to send in %2 batches").arg(enabled).arg(batches));
    }
    if (warnings > 0)
        status += QStringLiteral(" \u00b7 ") +
                  (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    m_statusLabel->setText(status);
    const QString blocked = sendBlockedReason();
    m_send->setToolTip(blocked.isEmpty() ? tr("Send the enabled actions (Ctrl+Return)") : blocked);
    m_send->setStatusTip(m_send->toolTip());
    QString tab = tr("&Problems");
    if (errors + warnings > 0)
        tab = tr("&Problems (%1)").arg(errors + warnings);
    m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_diagnosticsView), tab);
    m_bottomTabs->setTabIcon(m_bottomTabs->indexOf(m_diagnosticsView),
                             errors > 0     ? style()->standardIcon(QStyle::SP_MessageBoxCritical)
                             : warnings > 0 ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                            : QIcon());
}

void MainWindow::jumpToDiagnostic(const QModelIndex &index)
{
    const Diagnostic &d = m_diagnostics->diagnostic(index.row());
    if (d.action < 0 || d.action >= m_document->actions()->rowCount())
        return;
    m_table->selectRows({d.action});
    int column = ActionTableModel::PathColumn;
    if (d.field == QLatin1String("method"))
        column = ActionTableModel::MethodColumn;
    else if (d.field.startsWith(QLatin1String("data")))
        column = ActionTableModel::DataColumn;
    else if (d.field.startsWith(QLatin1String("options")))
        column = ActionTableModel::OptionsColumn;
    m_table->setCurrentIndex(m_document->actions()->index(d.action, column));
    m_bottomTabs->setCurrentWidget(m_detail);
    m_detail->focusField(d.field);
}

// --- Sending -----------------------------------------------------------------------------------

bool MainWindow::isSending() const
{
    return m_sendController->sender()->isRunning();
}

void MainWindow::setTokenStore(std::unique_ptr<TokenStore> store)
{
    m_tokenStore = std::move(store);
    m_tokenRead = false;
    m_tokenValue.clear();
    m_tokenSource = TokenSource::None;
    updateTargetStatus();
}

void MainWindow::send()
{
    if (isSending())
        return;
    QList<int> rows;
    const QList<Action> &actions = m_document->actions()->actions();
    for (int row = 0; row < actions.size(); ++row)
        if (actions.at(row).enabled)
            rows.append(row);
    if (!m_gate->maySend(this, rows, m_document->target().kind))
        return;
    if (rows.isEmpty()) {
        MessageBox::information(this, tr("Nothing to send"),
                                tr("Every action is disabled: tick \u201con\u201d for the actions "
                                   "to send."));
        return;
    }
    withToken([this, rows] { startSend(rows, false); });
}

void MainWindow::sendFailed()
{
    if (isSending())
        return;
    const QList<int> rows = m_results->unfinishedRows();
    if (rows.isEmpty()) {
        statusBar()->showMessage(tr("No failed, cancelled or unknown results to send again"), 4000);
        return;
    }
    if (!m_gate->maySend(this, rows, m_document->target().kind))
        return;
    int writes = 0;
    int unknownWrites = 0;
    for (int row : rows) {
        if (!m_document->actions()->action(row).isRead()) {
            ++writes;
            if (m_results->entry(row).result.state == ActionState::OutcomeUnknown)
                ++unknownWrites;
        }
    }
    if (writes > 0) {
        QString text = tr("%n of the actions to send again write to Asana.", nullptr, writes);
        if (unknownWrites > 0)
            text += u' ' + tr("%n of them may already have run (outcome unknown): sending "
                              "again could do it twice. Check in Asana first.",
                              nullptr, unknownWrites);
        const QMessageBox::StandardButton answer = MessageBox::question(
            this, tr("Send failed actions again?"),
            text + QStringLiteral("\n\n") +
                tr("Send these %1 again?").arg(countOf(rows.size(), tr("action"), tr("actions"))),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    withToken([this, rows] { startSend(rows, true); });
}

void MainWindow::cancelSend()
{
    if (isSending()) {
        m_sendController->sender()->cancel();
        statusBar()->showMessage(tr("Cancelling\u2026"), 3000);
    }
}

void MainWindow::withToken(const std::function<void()> &then)
{
    if (m_document->target().kind == Target::Kind::Sandbox || !m_tokenValue.isEmpty()) {
        then();
        return;
    }
    if (!m_tokenRead) {
        QPointer<MainWindow> self(this);
        m_tokenStore->read([self, then](Result<QString> stored) {
            if (!self)
                return;
            self->m_tokenRead = true;
            if (stored && !stored->isEmpty()) {
                self->m_tokenValue = stored.value();
                self->m_tokenSource = TokenSource::Stored;
            } else if (!stored) {
                self->m_tokenNotice =
                    tr("The stored token could not be read (%1).").arg(stored.errorString());
            }
            self->updateTargetStatus();
            self->withToken(then);
        });
        return;
    }
    const QString environment = qEnvironmentVariable("ASANA_ACCESS_TOKEN").trimmed();
    if (!environment.isEmpty()) {
        m_tokenValue = environment;
        m_tokenSource = TokenSource::Environment;
        updateTargetStatus();
        statusBar()->showMessage(tr("Using the token from the ASANA_ACCESS_TOKEN environment "
                                    "variable (set one in Run \u203a Access Token to use the "
                                    "keychain instead)"),
                                 8000);
        then();
        return;
    }
    editToken();
    if (auto *dialog = findChild<TokenDialog *>()) {
        connect(dialog, &QDialog::accepted, this, [this, then] {
            if (!m_tokenValue.isEmpty())
                then();
        });
    }
}

void MainWindow::editToken()
{
    QString hint;
    if (!m_tokenValue.isEmpty()) {
        hint = maskToken(m_tokenValue) + QStringLiteral(", ") +
               (m_tokenSource == TokenSource::Environment
                    ? tr("from ASANA_ACCESS_TOKEN")
                    : tr("kept in %1").arg(m_tokenStore->describe()));
    }
    auto *dialog = new TokenDialog(hint, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QPointer<MainWindow> self(this);
        if (dialog->forgetRequested()) {
            m_tokenValue.clear();
            m_tokenSource = TokenSource::None;
            m_tokenStore->erase([self](std::optional<Error> error) {
                if (self && error)
                    self->statusBar()->showMessage(error->toString(), 8000);
            });
            m_tokenRead = true;
            updateTargetStatus();
            return;
        }
        m_tokenValue = dialog->token();
        m_tokenSource = TokenSource::Entered;
        m_tokenRead = true;
        m_tokenNotice.clear();
        m_tokenStore->write(m_tokenValue, [self](std::optional<Error> error) {
            if (!self)
                return;
            self->m_tokenNotice =
                error ? tr("The token could not be stored (%1); it is kept in memory until "
                           "Tenfold quits.")
                            .arg(error->toString())
                      : QString();
            self->updateTargetStatus();
        });
        updateTargetStatus();
    });
    dialog->open();
}

void MainWindow::startSend(const QList<int> &rows, bool continuesRun)
{
    if (isSending())
        return;
    Session session = m_document->session();
    Result<QUrl> baseUrl = m_sendController->baseUrl(session.target);
    if (!baseUrl) {
        MessageBox::critical(this, tr("Cannot send"), baseUrl.errorString());
        return;
    }
    SendOptions options;
    options.baseUrl = baseUrl.value();
    options.plan = session.plan;
    options.timeoutMs = m_sendController->timeoutMs();
    options.token = session.target.kind == Target::Kind::Sandbox ? SendController::sandboxToken()
                                                                 : m_tokenValue;
    if (session.target.kind != Target::Kind::Sandbox) {
        // A refused address is refused outright; any other host than Asana's or this
        // computer's is confirmed once before the token goes there.
        if (std::optional<Error> error = checkBaseUrl(options.baseUrl)) {
            MessageBox::critical(this, tr("Cannot send"), error->toString());
            return;
        }
        if (!TokenHosts::confirm(this, options.baseUrl)) {
            statusBar()->showMessage(
                tr("Nothing was sent: %1 was not confirmed to receive your token")
                    .arg(options.baseUrl.host()),
                8000);
            return;
        }
    }
    options.onlyIndexes = rows;
    options.asComposed = m_sendController->asComposed();
    // Actions are sent as they are now; edits made while sending mark their results stale.
    for (Action &action : session.actions)
        action.note.clear();
    if (std::optional<Error> error = m_sendController->sender()->start(session, options)) {
        MessageBox::critical(this, tr("Cannot send"), error->toString());
        return;
    }
    m_resultsPane->setFilter(ResultsModel::Filter::All); // a filter belongs to the run it shows
    m_recorder->begin(rows, int(session.actions.size()), continuesRun);
    showResultsPane(true);
    m_progress->setMaximum(int(rows.size()));
    m_progress->setValue(0);
    updateSendState();
    updateTargetStatus();
}

void MainWindow::onSendFinished()
{
    const SendRun &run = m_sendController->sender()->run();
    const SendSummary summary = run.summary();
    QString text = tr("Sent to %1: %2 succeeded, %3 failed")
                       .arg(run.baseUrl.host())
                       .arg(summary.succeeded)
                       .arg(summary.failed);
    if (summary.unknown > 0)
        text += tr(", %1 outcome unknown").arg(summary.unknown);
    if (summary.cancelled > 0)
        text += tr(", %1 cancelled").arg(summary.cancelled);
    if (run.rateLimitedCount > 0)
        text += tr(" (%1)").arg(
            countOf(run.rateLimitedCount, tr("rate limit wait"), tr("rate limit waits")));
    statusBar()->showMessage(text, 15000);
    updateSendState();
    m_sendFailed->setEnabled(!m_results->unfinishedRows().isEmpty());
}

void MainWindow::updateSendState()
{
    const bool sending = isSending();
    m_send->setEnabled(!sending && m_document->actions()->rowCount() > 0);
    m_sendFailed->setEnabled(!sending && !m_results->unfinishedRows().isEmpty());
    m_cancel->setEnabled(sending);
    m_progress->setVisible(sending);
    const int waiting = m_sendController->retryAfterRemaining();
    const int flying = m_sendController->batchesInFlight();
    QString activity;
    if (sending && waiting > 0)
        activity = tr("Rate limited (429): resuming in %n s (Retry-After)", nullptr, waiting);
    else if (sending)
        activity = tr("%1 in flight").arg(countOf(flying, tr("batch"), tr("batches")));
    m_activity->setText(activity);
    m_activity->setStyleSheet(waiting > 0 ? QStringLiteral("color:#b35800; font-weight:bold")
                                          : QString());
    m_activity->setVisible(!activity.isEmpty());
}

void MainWindow::updateTargetStatus()
{
    const Target &target = m_document->target();
    QString text;
    if (target.kind == Target::Kind::Sandbox) {
        SandboxServer *sandbox = m_sendController->sandbox();
        text = sandbox ? tr("Sandbox %1 \u00b7 running").arg(sandbox->baseUrl().toString())
                       : tr("Sandbox \u00b7 %1").arg(m_sendController->sandboxState());
        text += tr(" \u00b7 no token needed");
    } else {
        text = target.baseUrl().toString();
        switch (m_tokenSource) {
        case TokenSource::None:
            text += tr(" \u00b7 token: not set (Run \u203a Access Token)");
            break;
        case TokenSource::Stored:
        case TokenSource::Entered:
            text += tr(" \u00b7 token %1").arg(maskToken(m_tokenValue));
            break;
        case TokenSource::Environment:
            text += QStringLiteral(" \u00b7 <span style=\"color:#b35800\">%1</span>")
                        .arg(tr("token from ASANA_ACCESS_TOKEN").toHtmlEscaped());
            break;
        }
        if (!m_tokenNotice.isEmpty() && m_tokenSource == TokenSource::Entered)
            text += QStringLiteral(" \u00b7 <span style=\"color:#b35800\">%1</span>")
                        .arg(tr("not in the keychain").toHtmlEscaped());
    }
    m_targetStatus->setText(text.contains(u'<') ? text : text.toHtmlEscaped());
    m_targetStatus->setToolTip(m_tokenNotice);
}

void MainWindow::showResultsPane(bool show)
{
    if (show == m_resultsPane->isVisible())
        return;
    m_resultsPane->setVisible(show);
    if (show) {
        QList<int> sizes = m_mainSplitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        if (sizes.value(1) < 200 && total > 600)
            m_mainSplitter->setSizes({total * 11 / 20, total * 9 / 20, sizes.value(2)});
    }
}

QString MainWindow::openResults(const QString &path)
{
    if (isSending()) {
        const QString why = tr("a send is running: its answers go on these rows; open the "
                               "results file once it has ended");
        statusBar()->showMessage(tr("Results not opened: %1").arg(why), 8000);
        return why;
    }
    Result<SendRun> run = loadResults(path);
    if (!run) {
        MessageBox::critical(
            this, tr("Cannot open results"),
            tr("Tenfold could not read \u201c%1\u201d.").arg(QDir::toNativeSeparators(path)),
            run.errorString());
        return run.errorString();
    }
    showMatchedResults(run.value(), QFileInfo(path).fileName());
    return {};
}

void MainWindow::showMatchedResults(const SendRun &run, const QString &source)
{
    const ResultsModel::Placement placement = m_results->matchRun(run);
    const QString message = placement.text(source);
    showResultsPane(true);
    if (placement.unmatched > 0)
        MessageBox::warning(this, tr("Some results not shown"),
                            tr("Not every result in \u201c%1\u201d matches an action of this "
                               "session.")
                                .arg(source),
                            message + u'.');
    else
        statusBar()->showMessage(message, 15000);
}

QString MainWindow::exportResults(const QString &path)
{
    const SendRun run = m_results->toRun();
    QByteArray bytes;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        QList<bool> stale;
        for (int row = 0; row < m_results->rowCount(); ++row)
            stale.append(m_results->entry(row).stale);
        bytes = resultsToCsv(run, stale);
    } else {
        bytes = serializeResults(run);
    }
    if (std::optional<Error> error = writeFileAtomically(path, bytes)) {
        MessageBox::critical(this, tr("Cannot export results"), error->toString());
        return error->toString();
    }
    statusBar()->showMessage(tr("Exported results to %1").arg(QDir::toNativeSeparators(path)),
                             5000);
    return {};
}

void MainWindow::exportResultsWithDialog()
{
    if (m_results->resultCount() == 0) {
        statusBar()->showMessage(tr("No results to export yet: send first"), 4000);
        return;
    }
    QString base = m_document->displayName().toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const FileDialog::Saved saved = FileDialog::getSaveFileName(
        this,
        {tr("Export Results"), base + QStringLiteral(".results.json"), FileDialog::resultsFormats(),
         tr("%1, with the summary of each response (CSV) or the full response bodies, "
            "which can include names and email addresses (JSON).")
             .arg(countOf(m_results->resultCount(), tr("result"), tr("results")))});
    if (saved.accepted())
        exportResults(saved.path);
}

void MainWindow::openResultsWithDialog()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Open Results File"),
                                                     tr("Results files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openResults(path);
}

// --- Help --------------------------------------------------------------------------------------

void MainWindow::showBatchFacts()
{
    MessageBox::information(
        this, tr("Asana batch API facts"),
        tr("<p><b>POST /batch</b> carries up to <b>10 actions</b>; Tenfold splits longer lists "
           "into several batches.</p>"
           "<p>Each action counts as one request against the plan's quota (150 per minute on "
           "free plans, 1,500 on paid plans) and as one concurrent request (50 reads and 15 "
           "writes in flight at once). Search calls are also limited to 60 per minute.</p>"
           "<p><b>relative_path</b> is relative to /api/1.0 and carries no query string: query "
           "parameters go in <b>data</b>; <b>options</b> takes fields, limit (1\u2013100) and "
           "offset.</p>"
           "<p>The batch API refuses attachment uploads, organization exports, SCIM calls and "
           "nested batches.</p>"
           "<p>Actions run in parallel, in no set order: one action cannot use another's "
           "result. Each gets its own status, in the order sent; the batch answers 200 even if "
           "every action failed. If any action would break a rate limit, the whole batch is "
           "refused with 429 and none of it ran.</p>"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tenfold"),
                       tr("<h3>Tenfold %1</h3><p>Compose, check and send Asana batch API "
                          "requests.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace Tenfold
