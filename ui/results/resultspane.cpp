#include "resultspane.h"

#include "emptynotice.h"
#include "resultdetailview.h"
#include "sending/resultsfile.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tenfold {

namespace {

// Rows shown or hidden per event-loop turn stay within this budget, so a filter over 100,000
// rows never stalls the window.
constexpr qint64 FilterSliceMs = 8;

QString filterName(ResultsModel::Filter filter)
{
    switch (filter) {
    case ResultsModel::Filter::All:
        break;
    case ResultsModel::Filter::Failures:
        return ResultsPane::tr("failures only");
    case ResultsModel::Filter::OutcomeUnknown:
        return ResultsPane::tr("outcome unknown only");
    }
    return ResultsPane::tr("all results");
}

QString emptyReason(ResultsModel::Filter filter)
{
    return filter == ResultsModel::Filter::Failures ? ResultsPane::tr("No failed results.")
                                                    : ResultsPane::tr("No result with an unknown "
                                                                      "outcome.");
}

} // namespace

ResultsPane::ResultsPane(ResultsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView)
    , m_split(new QSplitter(Qt::Vertical))
    , m_filterCombo(new QComboBox)
    , m_counts(new QLabel)
    , m_detail(new ResultDetailView(model))
    , m_banner(new QWidget)
    , m_bannerText(new QLabel)
    , m_resultsEmpty(new EmptyNotice(m_view->viewport()))
    , m_filterTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("resultsPane"));
    m_view->setObjectName(QStringLiteral("resultsTable"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(ResultsModel::StatusColumn, digit * 6 + 12);
    m_view->setColumnWidth(ResultsModel::StateColumn,
                           fontMetrics().horizontalAdvance(tr("outcome unknown")) + 16);
    m_view->setColumnWidth(ResultsModel::SummaryColumn, digit * 30);
    m_view->setColumnWidth(ResultsModel::DurationColumn, digit * 8 + 12);
    m_view->setColumnWidth(ResultsModel::BatchColumn, digit * 5 + 12);
    m_view->setColumnWidth(ResultsModel::AttemptsColumn, digit * 5 + 12);
    // The summary takes what is left, so status to tries fit without scrolling sideways.
    m_view->horizontalHeader()->setSectionResizeMode(ResultsModel::SummaryColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(digit * 4);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyShortcut =
        new QShortcut(QKeySequence::Copy, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copyShortcut, &QShortcut::activated, this, &ResultsPane::copySelection);
    auto *copyAction = new QAction(tr("&Copy Result"), m_view);
    connect(copyAction, &QAction::triggered, this, &ResultsPane::copySelection);
    m_view->addAction(copyAction);

    auto *lower = new QWidget;
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    auto *show = new QLabel(tr("Sho&w:"));
    m_filterCombo->setObjectName(QStringLiteral("resultsFilter"));
    m_filterCombo->addItem(tr("All results"), int(ResultsModel::Filter::All));
    m_filterCombo->addItem(tr("Failures only"), int(ResultsModel::Filter::Failures));
    m_filterCombo->addItem(tr("Outcome unknown"), int(ResultsModel::Filter::OutcomeUnknown));
    m_filterCombo->setToolTip(tr("Hides the other rows in both tables"));
    show->setBuddy(m_filterCombo);
    bar->addWidget(show);
    bar->addWidget(m_filterCombo);
    m_counts->setObjectName(QStringLiteral("resultsCounts"));
    m_counts->setTextFormat(Qt::RichText);
    // A long count line is cut, never widening the window past the screen.
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_counts, 1);
    auto addButton = [this, bar](const QString &text, const QString &tip, const char *name) {
        auto *button = new QToolButton;
        button->setText(text);
        button->setToolTip(tip);
        button->setObjectName(QLatin1String(name));
        button->setAutoRaise(true);
        bar->addWidget(button);
        return button;
    };
    connect(addButton(tr("Copy"), tr("Copy the selected results as JSON (Ctrl+C)"), "copyResults"),
            &QToolButton::clicked, this, &ResultsPane::copySelection);
    connect(addButton(tr("Export\u2026"), tr("Save the results as JSON (results file) or CSV"),
                      "exportResults"),
            &QToolButton::clicked, this, &ResultsPane::exportRequested);
    connect(addButton(tr("Open\u2026"), tr("Show a results file saved by tenfold-cli send --out"),
                      "openResults"),
            &QToolButton::clicked, this, &ResultsPane::openRequested);
    connect(addButton(tr("Clear"), tr("Forget these results"), "clearResults"),
            &QToolButton::clicked, this, &ResultsPane::clearRequested);
    lowerLayout->addLayout(bar);
    lowerLayout->addWidget(m_detail, 1);

    m_split->setObjectName(QStringLiteral("resultsSplitter"));
    m_split->addWidget(m_view);
    m_split->addWidget(lower);
    m_split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_split);

    connect(m_filterCombo, &QComboBox::activated, this,
            [this] { setFilter(ResultsModel::Filter(m_filterCombo->currentData().toInt())); });

    // The banner is the filter's one visible trace outside this pane: what it hides, and the
    // way back.
    m_banner->setObjectName(QStringLiteral("resultsFilterBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::ToolTipBase));
    bannerPalette.setColor(QPalette::WindowText, bannerPalette.color(QPalette::ToolTipText));
    m_banner->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 2, 4, 2);
    m_bannerText->setObjectName(QStringLiteral("resultsFilterText"));
    bannerLayout->addWidget(m_bannerText, 1);
    auto *showAll = new QToolButton;
    showAll->setObjectName(QStringLiteral("showAllResults"));
    showAll->setText(tr("Show &all rows"));
    showAll->setToolTip(tr("Turn the results filter off"));
    bannerLayout->addWidget(showAll);
    connect(showAll, &QToolButton::clicked, this, [this] { setFilter(ResultsModel::Filter::All); });
    m_banner->hide();
    connect(m_resultsEmpty, &QLabel::linkActivated, this,
            [this] { setFilter(ResultsModel::Filter::All); });
    m_resultsEmpty->setObjectName(QStringLiteral("resultsEmptyNotice"));
    // Opening a session, opening results or clearing them starts over: the filter was about the
    // rows that were there.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_filter != ResultsModel::Filter::All)
            setFilter(ResultsModel::Filter::All);
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_filter != ResultsModel::Filter::All && !isFiltering())
            startFiltering(); // recounts what is hidden
    });
    m_filterTimer->setInterval(0);
    connect(m_filterTimer, &QTimer::timeout, this, &ResultsPane::filterSlice);
    auto updateCounts = [this] {
        const SendSummary s = m_model->summary();
        QStringList parts;
        if (s.succeeded)
            parts << tr("%1 succeeded").arg(s.succeeded);
        if (s.failed)
            parts << tr("<b>%1 failed</b>").arg(s.failed);
        if (s.unknown)
            parts << tr("<b>%1 outcome unknown</b>").arg(s.unknown);
        if (s.cancelled)
            parts << tr("%1 cancelled").arg(s.cancelled);
        if (s.pending)
            parts << tr("%1 pending").arg(s.pending);
        m_counts->setText(parts.join(QStringLiteral(" \u00b7 ")));
        m_counts->setToolTip(m_counts->text());
    };
    auto *countsTimer = new QTimer(this); // counting 100,000 rows per answer would be wasteful
    countsTimer->setSingleShot(true);
    countsTimer->setInterval(100);
    connect(countsTimer, &QTimer::timeout, this, updateCounts);
    connect(m_model, &ResultsModel::resultsChanged, this, [this, countsTimer](int row) {
        countsTimer->start();
        if (m_filter == ResultsModel::Filter::All)
            return;
        if (row < 0) {
            startFiltering();
        } else if (!isFiltering()) {
            applyRow(row);
            showFilterState();
        }
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (m_filter == ResultsModel::Filter::All || isFiltering())
                    return;
                // A row that comes back with its result (a move, an undone deletion) is
                // filtered like the others; a new action has no result and stays in sight,
                // or the row just added would vanish under the user's hands.
                for (int row = first; row <= last; ++row)
                    if (m_model->hasResult(row))
                        applyRow(row);
                showFilterState();
            });
}

void ResultsPane::attach(QTableView *actionTable, QSplitter *composerSplitter)
{
    m_actions = actionTable;
    m_actionsEmpty = new EmptyNotice(actionTable->viewport());
    m_actionsEmpty->setObjectName(QStringLiteral("actionsEmptyNotice"));
    connect(m_actionsEmpty, &QLabel::linkActivated, this,
            [this] { setFilter(ResultsModel::Filter::All); });
    m_view->verticalHeader()->setDefaultSectionSize(
        actionTable->verticalHeader()->defaultSectionSize());
    // Headers of the same height put row i of both tables on the same line.
    m_view->horizontalHeader()->setFixedHeight(
        actionTable->horizontalHeader()->sizeHint().height());
    actionTable->horizontalHeader()->setFixedHeight(
        actionTable->horizontalHeader()->sizeHint().height());

    QScrollBar *a = actionTable->verticalScrollBar();
    QScrollBar *b = m_view->verticalScrollBar();
    connect(a, &QScrollBar::valueChanged, b, [b](int value) {
        if (b->value() != value)
            b->setValue(value);
    });
    connect(b, &QScrollBar::valueChanged, a, [a](int value) {
        if (a->value() != value)
            a->setValue(value);
    });
    connect(actionTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { syncSelection(m_actions, m_view); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { syncSelection(m_view, m_actions); });
    // Moving the current cell without selecting (Ctrl+arrows, Ctrl+End) changes no selection:
    // the two tables' current rows follow each other on their own.
    connect(actionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { syncCurrent(m_actions, m_view); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { syncCurrent(m_view, m_actions); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_detail->setRow(m_row, m_selectedCount);
        m_view->verticalScrollBar()->setValue(m_actions->verticalScrollBar()->value());
    });

    // The pane's table and detail take the same heights as the action table and the tabs below:
    // dragging either splitter moves the other, and any relayout of the composer is followed.
    m_composer = composerSplitter;
    connect(composerSplitter, &QSplitter::splitterMoved, this, &ResultsPane::followComposer);
    connect(m_split, &QSplitter::splitterMoved, composerSplitter, [this] {
        if (m_composer->sizes() != m_split->sizes())
            m_composer->setSizes(m_split->sizes());
    });
    composerSplitter->widget(0)->installEventFilter(this);
    followComposer();
}

void ResultsPane::followComposer()
{
    if (m_composer && isVisible() && m_split->sizes() != m_composer->sizes())
        m_split->setSizes(m_composer->sizes());
}

bool ResultsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
        QTimer::singleShot(0, this, &ResultsPane::followComposer);
    return QWidget::eventFilter(watched, event);
}

void ResultsPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QTimer::singleShot(0, this, &ResultsPane::followComposer);
}

void ResultsPane::syncSelection(QTableView *from, QTableView *to)
{
    if (m_syncing || !from || !to)
        return;
    m_syncing = true;
    QItemSelection selection;
    const QModelIndexList rows = from->selectionModel()->selectedRows();
    QAbstractItemModel *target = to->model();
    const int lastColumn = target->columnCount() - 1;
    for (const QModelIndex &index : rows)
        selection.select(target->index(index.row(), 0), target->index(index.row(), lastColumn));
    to->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const QModelIndex current = from->selectionModel()->currentIndex();
    if (current.isValid())
        to->selectionModel()->setCurrentIndex(target->index(current.row(), 0),
                                              QItemSelectionModel::NoUpdate);
    m_syncing = false;
}

void ResultsPane::syncCurrent(QTableView *from, QTableView *to)
{
    if (m_syncing || !from || !to)
        return;
    const QModelIndex current = from->selectionModel()->currentIndex();
    if (!current.isValid() || to->selectionModel()->currentIndex().row() == current.row())
        return;
    m_syncing = true;
    const int column = std::max(0, to->selectionModel()->currentIndex().column());
    to->selectionModel()->setCurrentIndex(to->model()->index(current.row(), column),
                                          QItemSelectionModel::NoUpdate);
    m_syncing = false;
}

void ResultsPane::showRow(int row, int selectedCount)
{
    m_row = row;
    m_selectedCount = selectedCount;
    m_detail->setRow(row, selectedCount);
}

QList<int> ResultsPane::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList indexes = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : indexes)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    return rows;
}

void ResultsPane::copySelection()
{
    QList<int> rows;
    for (int row : selectedRows())
        if (m_model->hasResult(row))
            rows.append(row);
    if (rows.isEmpty())
        return;
    const QJsonArray actions =
        resultsToJson(m_model->toRun(rows)).value(QLatin1String("actions")).toArray();
    QJsonArray out;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QJsonObject entry = actions.at(i).toObject();
        entry.insert(QStringLiteral("index"), rows.at(i)); // the row in the table, not in the copy
        out.append(entry);
    }
    const QJsonDocument doc =
        out.size() == 1 ? QJsonDocument(out.first().toObject()) : QJsonDocument(out);
    QApplication::clipboard()->setText(QString::fromUtf8(doc.toJson()));
}

void ResultsPane::setFilter(ResultsModel::Filter filter)
{
    m_filter = filter;
    const int index = m_filterCombo->findData(int(filter));
    if (index != m_filterCombo->currentIndex())
        m_filterCombo->setCurrentIndex(index);
    startFiltering();
}

void ResultsPane::startFiltering()
{
    m_filterRow = 0;
    m_hiddenSoFar = 0;
    m_filterTimer->start();
    showFilterState();
}

void ResultsPane::applyRow(int row)
{
    const bool hide = !m_model->matches(row, m_filter);
    if (m_view->isRowHidden(row) != hide) {
        m_view->setRowHidden(row, hide);
        if (!isFiltering())
            m_hidden += hide ? 1 : -1;
    }
    if (m_actions && m_actions->isRowHidden(row) != hide)
        m_actions->setRowHidden(row, hide);
}

void ResultsPane::filterSlice()
{
    QElapsedTimer clock;
    clock.start();
    const int count = m_model->rowCount();
    while (m_filterRow < count) {
        const int row = m_filterRow++;
        applyRow(row);
        m_hiddenSoFar += m_view->isRowHidden(row) ? 1 : 0;
        if ((m_filterRow & 63) == 0 && clock.elapsed() >= FilterSliceMs)
            return; // the rest on the next turn of the event loop
    }
    m_filterTimer->stop();
    m_filterRow = -1;
    m_hidden = m_hiddenSoFar;
    showFilterState();
    emit filterApplied();
}

void ResultsPane::showFilterState()
{
    const bool on = m_filter != ResultsModel::Filter::All;
    const int rows = m_model->rowCount();
    m_banner->setVisible(on);
    QString text;
    if (on && isFiltering())
        text = tr("Showing %1\u2026").arg(filterName(m_filter));
    else if (on)
        text = tr("Showing %1: %2 of %3 hidden")
                   .arg(filterName(m_filter))
                   .arg(m_hidden)
                   .arg(rows == 1 ? tr("1 row") : tr("%1 rows").arg(rows));
    m_bannerText->setText(text);
    const bool allHidden = on && !isFiltering() && rows > 0 && m_hidden == rows;
    const QString why = allHidden ? tr("%1 The filter \u201c%2\u201d hides all %3. <a "
                                       "href=\"all\">Show all rows</a>")
                                        .arg(emptyReason(m_filter), filterName(m_filter),
                                             rows == 1 ? tr("1 row") : tr("%1 rows").arg(rows))
                                  : QString();
    for (QLabel *notice : {static_cast<QLabel *>(m_resultsEmpty), m_actionsEmpty}) {
        if (!notice)
            continue;
        notice->setText(why);
        notice->setVisible(allHidden);
    }
}

} // namespace Tenfold
