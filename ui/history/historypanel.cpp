#include "historypanel.h"

#include "comparedialog.h"
#include "dialogs/messagebox.h"
#include "historyrunsmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

namespace Tenfold {

namespace {

const QString RecordSetting = QStringLiteral("history/recordSends");

/// The date filter's choices: how many days back (0: any time).
struct DateChoice
{
    const char *text;
    int days;
};
constexpr DateChoice DateChoices[] = {
    {QT_TRANSLATE_NOOP("Tenfold::HistoryPanel", "Any time"), 0},
    {QT_TRANSLATE_NOOP("Tenfold::HistoryPanel", "Today"), 1},
    {QT_TRANSLATE_NOOP("Tenfold::HistoryPanel", "Last 7 days"), 7},
    {QT_TRANSLATE_NOOP("Tenfold::HistoryPanel", "Last 30 days"), 30},
};

constexpr RunOutcome Outcomes[] = {RunOutcome::Succeeded, RunOutcome::Failed, RunOutcome::Unknown,
                                   RunOutcome::Cancelled, RunOutcome::NothingSent};

struct Recorded
{
    qint64 id = 0;
    QString message;
};

/// Puts `values` in `combo` after its first ("all") entry, keeping the current choice.
void fillCombo(QComboBox *combo, const QStringList &values, bool fileNames)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString &value : values) {
        combo->addItem(fileNames ? QFileInfo(value).fileName() : value, value);
        combo->setItemData(combo->count() - 1, value, Qt::ToolTipRole);
    }
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

HistoryPanel::HistoryPanel(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_path(databasePath)
    , m_writer(new QThreadPool(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    // One writer thread: runs are recorded in the order they finished.
    m_writer->setMaxThreadCount(1);

    m_model = new HistoryRunsModel(databasePath, this);

    m_session = new QComboBox(this);
    m_session->setObjectName(QStringLiteral("historySessionFilter"));
    m_session->addItem(tr("All sessions"), QString());
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("historyTargetFilter"));
    m_target->addItem(tr("All targets"), QString());
    m_date = new QComboBox(this);
    m_date->setObjectName(QStringLiteral("historyDateFilter"));
    for (const DateChoice &choice : DateChoices)
        m_date->addItem(tr(choice.text), choice.days);
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("historyOutcomeFilter"));
    m_outcome->addItem(tr("Any outcome"), QString());
    for (RunOutcome outcome : Outcomes)
        m_outcome->addItem(runOutcomeText(outcome), runOutcomeName(outcome));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search action paths, e.g. POST /tasks"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_session, 2);
    filters->addWidget(m_target, 2);
    filters->addWidget(m_date, 1);
    filters->addWidget(m_outcome, 1);
    filters->addWidget(m_search, 3);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(HistoryRunsModel::IdColumn, 56);
    m_view->setColumnWidth(HistoryRunsModel::StartedColumn, 140);
    m_view->setColumnWidth(HistoryRunsModel::SessionColumn, 200);
    m_view->setColumnWidth(HistoryRunsModel::TargetColumn, 240);
    m_view->setColumnWidth(HistoryRunsModel::OutcomeColumn, 120);
    m_view->setColumnWidth(HistoryRunsModel::ActionsColumn, 170);
    m_view->setWordWrap(false);

    m_open = new QPushButton(tr("&Open Results"), this);
    m_open->setObjectName(QStringLiteral("historyOpen"));
    m_open->setToolTip(tr("Show the run's results beside the session's actions"));
    m_compareButton = new QPushButton(tr("&Compare"), this);
    m_compareButton->setObjectName(QStringLiteral("historyCompare"));
    m_compareButton->setToolTip(tr("Compare the two selected runs action by action"));
    m_compareScreen = new QPushButton(tr("Compare with &Screen"), this);
    m_compareScreen->setObjectName(QStringLiteral("historyCompareScreen"));
    m_compareScreen->setToolTip(tr("Compare the selected run with the results on screen"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("historyDelete"));
    m_record = new QCheckBox(tr("&Record sends"), this);
    m_record->setObjectName(QStringLiteral("historyRecord"));
    m_record->setToolTip(tr("Record every send from this window in the run history"));
    m_record->setChecked(recordingEnabled());
    m_keepRuns = new QSpinBox(this);
    m_keepRuns->setObjectName(QStringLiteral("historyKeepRuns"));
    m_keepRuns->setRange(0, 1'000'000);
    m_keepRuns->setSpecialValueText(tr("all"));
    m_keepRuns->setPrefix(tr("keep "));
    m_keepRuns->setSuffix(tr(" runs"));
    m_keepRuns->setToolTip(tr("Older runs are deleted after each send (shared with tenfold-cli)"));
    m_keepDays = new QSpinBox(this);
    m_keepDays->setObjectName(QStringLiteral("historyKeepDays"));
    m_keepDays->setRange(0, 36'500);
    m_keepDays->setSpecialValueText(tr("any age"));
    m_keepDays->setPrefix(tr("for "));
    m_keepDays->setSuffix(tr(" days"));
    const Retention retention = m_model->store().retention();
    m_keepRuns->setValue(retention.keepRuns);
    m_keepDays->setValue(retention.keepDays);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_compareButton);
    buttons->addWidget(m_compareScreen);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_record);
    buttons->addWidget(m_keepRuns);
    buttons->addWidget(m_keepDays);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    for (QComboBox *combo : {m_session, m_target, m_date, m_outcome})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &HistoryPanel::applyFilter);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &HistoryPanel::openSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateButtons);
    connect(m_open, &QPushButton::clicked, this, &HistoryPanel::openSelected);
    connect(m_compareButton, &QPushButton::clicked, this, &HistoryPanel::compareSelected);
    connect(m_compareScreen, &QPushButton::clicked, this, &HistoryPanel::compareWithScreen);
    connect(m_delete, &QPushButton::clicked, this, &HistoryPanel::deleteSelected);
    connect(m_record, &QCheckBox::toggled, this, &HistoryPanel::setRecordingEnabled);
    auto applyRetention = [this] {
        const Retention wanted{m_keepRuns->value(), m_keepDays->value()};
        if (wanted == m_model->store().retention())
            return;
        if (auto error = m_model->store().setRetention(wanted))
            emit message(error->toString());
        refresh();
    };
    connect(m_keepRuns, &QSpinBox::editingFinished, this, applyRetention);
    connect(m_keepDays, &QSpinBox::editingFinished, this, applyRetention);

    fillChoices();
    updateButtons();
    if (!m_model->store().notice().isEmpty())
        QTimer::singleShot(0, this, [this] { emit message(m_model->store().notice()); });
}

HistoryPanel::~HistoryPanel()
{
    // A send finished just before closing is still recorded.
    m_writer->waitForDone();
}

HistoryPanel *HistoryPanel::addDockTo(QMainWindow *window)
{
    auto *dock = new QDockWidget(tr("History"), window);
    dock->setObjectName(QStringLiteral("historyDock"));
    auto *panel = new HistoryPanel(HistoryStore::defaultPath(), dock);
    dock->setWidget(panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    panel->m_toggle = dock->toggleViewAction();
    panel->m_toggle->setText(tr("&History"));
    panel->m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    panel->m_toggle->setToolTip(tr("Recorded runs of the window and tenfold-cli: open, compare, "
                                   "delete"));
    // Opening the dock shows what the CLI recorded meanwhile.
    connect(dock, &QDockWidget::visibilityChanged, panel, [panel](bool visible) {
        if (visible)
            panel->refresh();
    });
    return panel;
}

CompareDialog *HistoryPanel::lastCompareDialog() const
{
    return m_compare;
}

bool HistoryPanel::recordingEnabled()
{
    return QSettings().value(RecordSetting, true).toBool();
}

void HistoryPanel::setRecordingEnabled(bool enabled)
{
    QSettings().setValue(RecordSetting, enabled);
}

void HistoryPanel::recordRun(const SendRun &run, const QString &sessionPath)
{
    if (!recordingEnabled())
        return;
    const QString path = m_path;
    const RunOrigin origin{sessionPath, QStringLiteral("window")};
    auto *watcher = new QFutureWatcher<Recorded>(this);
    connect(watcher, &QFutureWatcher<Recorded>::finished, this, [this, watcher] {
        const Recorded recorded = watcher->result();
        watcher->deleteLater();
        if (!recorded.message.isEmpty())
            emit message(recorded.message);
        refresh();
        emit recordFinished(recorded.id);
    });
    watcher->setFuture(QtConcurrent::run(m_writer, [path, run, origin] {
        HistoryStore store(path);
        Result<qint64> id = store.record(run, origin);
        Recorded recorded;
        QStringList messages;
        if (!store.notice().isEmpty())
            messages.append(store.notice());
        if (id)
            recorded.id = id.value();
        else
            messages.append(
                tr("The run was not recorded in the history: %1").arg(id.errorString()));
        recorded.message = messages.join(QStringLiteral("; "));
        return recorded;
    }));
}

void HistoryPanel::refresh()
{
    fillChoices();
    m_model->refresh();
    m_status->setVisible(!m_model->problem().isEmpty());
    m_status->setText(m_model->problem());
}

void HistoryPanel::fillChoices()
{
    fillCombo(m_session, m_model->store().sessionPaths(), true);
    fillCombo(m_target, m_model->store().targets(), false);
}

void HistoryPanel::applyFilter()
{
    HistoryFilter filter;
    filter.sessionPath = m_session->currentData().toString();
    filter.target = m_target->currentData().toString();
    const int days = m_date->currentData().toInt();
    if (days > 0) {
        // "Today" starts at local midnight; "last 7 days" at midnight six days ago.
        filter.from = QDateTime(QDate::currentDate().addDays(1 - days), QTime(0, 0));
    }
    filter.outcome = runOutcomeFromName(m_outcome->currentData().toString());
    filter.pathSearch = m_search->text().trimmed();
    m_model->setFilter(filter);
}

void HistoryPanel::updateButtons()
{
    const int selected = int(selectedIds().size());
    m_open->setEnabled(selected == 1);
    m_compareButton->setEnabled(selected == 2);
    m_compareScreen->setEnabled(selected == 1 && m_currentResults);
    m_delete->setEnabled(selected > 0);
}

QList<qint64> HistoryPanel::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(m_model->record(row.row()).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString HistoryPanel::labelFor(qint64 id) const
{
    const int row = m_model->rowForId(id);
    if (row < 0)
        return tr("run %1").arg(id);
    const RunRecord &record = m_model->record(row);
    return tr("run %1 (%2, %3)")
        .arg(id)
        .arg(m_model->data(m_model->index(row, HistoryRunsModel::SessionColumn)).toString(),
             QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat));
}

void HistoryPanel::openSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1)
        return;
    Result<SendRun> run = m_model->store().results(ids.first());
    if (!run) {
        MessageBox::critical(this, tr("Cannot open the run"), run.errorString());
        return;
    }
    emit openRequested(run.value(), labelFor(ids.first()));
}

void HistoryPanel::compareSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 2)
        return;
    // The older run is A, so changes read from then to now.
    Result<SendRun> a = m_model->store().results(ids.at(0));
    Result<SendRun> b = m_model->store().results(ids.at(1));
    if (!a || !b) {
        MessageBox::critical(this, tr("Cannot compare the runs"),
                             !a ? a.errorString() : b.errorString());
        return;
    }
    showCompare(a.value(), labelFor(ids.at(0)), b.value(), labelFor(ids.at(1)));
}

void HistoryPanel::compareWithScreen()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1 || !m_currentResults)
        return;
    Result<SendRun> a = m_model->store().results(ids.first());
    if (!a) {
        MessageBox::critical(this, tr("Cannot compare the runs"), a.errorString());
        return;
    }
    showCompare(a.value(), labelFor(ids.first()), m_currentResults(), tr("the results on screen"));
}

void HistoryPanel::showCompare(const SendRun &a, const QString &aLabel, const SendRun &b,
                               const QString &bLabel)
{
    if (m_compare)
        m_compare->close();
    m_compare = new CompareDialog(a, aLabel, b, bLabel, this);
    m_compare->setAttribute(Qt::WA_DeleteOnClose);
    m_compare->show();
}

void HistoryPanel::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const QString text = ids.size() == 1
                             ? tr("Delete %1 from the history?").arg(labelFor(ids.first()))
                             : tr("Delete %1 runs from the history?").arg(ids.size());
    if (MessageBox::question(this, tr("Delete Runs"), text, QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto error = m_model->store().remove(ids))
        MessageBox::critical(this, tr("Cannot delete the runs"), error->toString());
    refresh();
}

} // namespace Tenfold
