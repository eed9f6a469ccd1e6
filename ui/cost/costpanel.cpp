#include "costpanel.h"

#include "actiontable/actiontablemodel.h"
#include "catalog/endpointcatalog.h"
#include "cost/costestimate.h"
#include "document/sessiondocument.h"
#include "variables/variablesmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSpinBox>
#include <QThreadPool>
#include <QVBoxLayout>

#include <tuple>

namespace Tenfold {

namespace {

QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("Tenfold::CostPanel", "%1 ms").arg(ms);
    if (ms < 120000)
        return QCoreApplication::translate("Tenfold::CostPanel", "%1 s")
            .arg(QLocale().toString(ms / 1000.0, 'f', 1));
    const qint64 minutes = ms / 60000;
    const qint64 seconds = (ms % 60000) / 1000;
    return QCoreApplication::translate("Tenfold::CostPanel", "%1 min %2 s")
        .arg(minutes)
        .arg(seconds);
}

} // namespace

CostPanel::CostPanel(SessionDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_plan(new QComboBox)
    , m_customQuota(new QLineEdit)
    , m_concurrency(new QLineEdit)
    , m_readLatency(new QSpinBox)
    , m_writeLatency(new QSpinBox)
    , m_figures(new QLabel)
    , m_warnings(new QLabel)
{
    setObjectName(QStringLiteral("costPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_plan->setObjectName(QStringLiteral("planSelector"));
    m_plan->addItem(tr("Free (150/min)"), QStringLiteral("free"));
    m_plan->addItem(tr("Paid (1,500/min)"), QStringLiteral("paid"));
    m_plan->addItem(tr("Custom"), QStringLiteral("custom"));
    m_plan->setToolTip(tr("The rate limits of the token's plan"));
    form->addRow(tr("&Plan:"), m_plan);
    m_customQuota->setObjectName(QStringLiteral("customQuota"));
    m_customQuota->setPlaceholderText(tr("requests/seconds, e.g. 300/60"));
    form->addRow(tr("&Quota:"), m_customQuota);
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setPlaceholderText(tr("reads,writes, e.g. 50,15"));
    m_concurrency->setToolTip(tr("How many reads and writes may be in flight at once"));
    form->addRow(tr("&Concurrency:"), m_concurrency);
    // What one action takes to answer decides how long the slots are held; the defaults are
    // typical of Asana and can be set to what a test server shows.
    for (auto [box, name, value, tip] :
         {std::tuple{m_readLatency, "readLatency", CostTiming::DefaultReadLatencyMs,
                     tr("Assumed time for a read to answer")},
          std::tuple{m_writeLatency, "writeLatency", CostTiming::DefaultWriteLatencyMs,
                     tr("Assumed time for a write to answer")}}) {
        box->setObjectName(QLatin1String(name));
        box->setRange(0, 60000);
        box->setSingleStep(50);
        box->setSuffix(tr(" ms"));
        box->setValue(value);
        box->setToolTip(tip);
        connect(box, &QSpinBox::valueChanged, &m_debounce, qOverload<>(&QTimer::start));
    }
    form->addRow(tr("&Read latency:"), m_readLatency);
    form->addRow(tr("&Write latency:"), m_writeLatency);
    layout->addLayout(form);

    m_figures->setObjectName(QStringLiteral("costFigures"));
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setWordWrap(true);
    m_figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_figures);
    m_warnings->setObjectName(QStringLiteral("costWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    layout->addWidget(m_warnings);
    layout->addStretch(1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &CostPanel::startEstimate);
    connect(document, &SessionDocument::contentChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(document, &SessionDocument::planChanged, this, &CostPanel::showPlan);
    connect(m_plan, &QComboBox::activated, this, &CostPanel::applyPlanEdit);
    connect(m_customQuota, &QLineEdit::editingFinished, this, &CostPanel::applyPlanEdit);
    connect(m_concurrency, &QLineEdit::editingFinished, this, &CostPanel::applyPlanEdit);
    showPlan();
    recompute();
}

void CostPanel::showPlan()
{
    const Plan &plan = m_document->plan();
    m_plan->setCurrentIndex(int(plan.kind));
    m_customQuota->setText(QStringLiteral("%1/%2").arg(plan.windowQuota).arg(plan.windowSeconds));
    m_customQuota->setEnabled(plan.kind == Plan::Kind::Custom);
    m_concurrency->setText(plan.concurrencySpec());
    m_debounce.start();
}

void CostPanel::applyPlanEdit()
{
    const QString choice = m_plan->currentData().toString();
    Result<Plan> parsed =
        Plan::parse(choice == QLatin1String("custom") ? m_customQuota->text() : choice);
    if (!parsed) {
        m_warnings->setText(QStringLiteral("<span style=\"color:#d0312d\">%1</span>")
                                .arg(parsed.errorString().toHtmlEscaped()));
        return;
    }
    Plan plan = parsed.value();
    if (choice == QLatin1String("custom"))
        plan.kind = Plan::Kind::Custom;
    if (const std::optional<Error> error = plan.setConcurrency(m_concurrency->text())) {
        m_warnings->setText(QStringLiteral("<span style=\"color:#d0312d\">%1</span>")
                                .arg(error->toString().toHtmlEscaped()));
        return;
    }
    m_customQuota->setEnabled(plan.kind == Plan::Kind::Custom);
    m_document->setPlan(plan);
}

namespace {

CostEstimate estimate(const QList<Action> &actions, const QList<Variable> &variables,
                      const Plan &plan, const CostTiming &timing)
{
    QList<Action> resolved;
    resolved.reserve(actions.size());
    for (const Action &action : actions) {
        if (action.enabled)
            resolved.append(variables.isEmpty() ? action : resolveVariables(action, variables));
    }
    return estimateCost(resolved, plan, EndpointCatalog::builtin(), timing);
}

} // namespace

void CostPanel::recompute()
{
    m_debounce.stop();
    ++m_generation; // any estimate still running is stale now
    const Plan plan = m_document->plan();
    const CostTiming timing{m_readLatency->value(), m_writeLatency->value(), m_asComposed};
    showEstimate(estimate(m_document->actions()->actions(), m_document->variables()->variables(),
                          plan, timing),
                 plan);
}

void CostPanel::startEstimate()
{
    // 100,000 actions take a noticeable moment to simulate: do it off the GUI thread on
    // implicitly shared copies, and show only the newest result.
    const quint64 generation = ++m_generation;
    const QList<Action> actions = m_document->actions()->actions();
    const QList<Variable> variables = m_document->variables()->variables();
    const Plan plan = m_document->plan();
    const CostTiming timing{m_readLatency->value(), m_writeLatency->value(), m_asComposed};
    QPointer<CostPanel> self(this);
    QThreadPool::globalInstance()->start([self, generation, actions, variables, plan, timing] {
        const CostEstimate cost = estimate(actions, variables, plan, timing);
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, cost, plan] {
                if (self && self->m_generation == generation)
                    self->showEstimate(cost, plan);
            },
            Qt::QueuedConnection);
    });
}

void CostPanel::showEstimate(const CostEstimate &cost, const Plan &plan)
{
    const QLocale locale;
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing=\"3\">");
    html += row(tr("Batches"), locale.toString(cost.batches.size()));
    html += row(tr("Requests"),
                tr("%1 of %2 per %3 s")
                    .arg(locale.toString(cost.actions), locale.toString(plan.windowQuota))
                    .arg(plan.windowSeconds));
    html += row(tr("Reads / writes"), QStringLiteral("%1 / %2").arg(locale.toString(cost.reads),
                                                                    locale.toString(cost.writes)));
    html += row(tr("Reads at once"), tr("%1 of %2").arg(cost.maxReadsInBatch).arg(plan.maxReads));
    html +=
        row(tr("Writes at once"), tr("%1 of %2").arg(cost.maxWritesInBatch).arg(plan.maxWrites));
    html += row(tr("Search calls"),
                tr("%1 of %2 per window").arg(cost.searches).arg(plan.searchQuota()));
    if (cost.duplications > 0)
        html += row(tr("Duplication jobs"), locale.toString(cost.duplications));
    html += row(tr("Shortest send time"),
                cost.shortestMs < 0 ? tr("never (see below)") : formatDuration(cost.shortestMs));
    if (cost.binding != BindingLimit::None && cost.shortestMs >= 0)
        html += row(tr("Bound by"), bindingLimitText(cost.binding));
    html += QStringLiteral("</table><p style=\"color:gray\">%1</p>")
                .arg((cost.timing.asComposed
                          ? tr("Batches as composed, each holding its slots until its slowest "
                               "action answers, with the latencies above.")
                          : tr("Batches formed as slots free, with the latencies above."))
                         .toHtmlEscaped());
    m_figures->setText(html);

    QStringList warnings;
    for (const CostWarning &warning : cost.warnings)
        warnings.append(tr("Batch %1: %2").arg(warning.batch).arg(warning.message).toHtmlEscaped());
    m_warnings->setText(warnings.isEmpty()
                            ? QString()
                            : QStringLiteral("<span style=\"color:#d0312d\">&#9888; %1</span>")
                                  .arg(warnings.join(QStringLiteral("<br>&#9888; "))));
}

void CostPanel::setAsComposed(bool asComposed)
{
    if (m_asComposed == asComposed)
        return;
    m_asComposed = asComposed;
    m_debounce.start();
}

QString CostPanel::summaryText() const
{
    QString text = m_figures->text();
    text.replace(QLatin1String("</td><td align=\"right\"><b>"), QLatin1String(": "));
    text.replace(QLatin1String("</tr>"), QLatin1String("\n"));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.remove(tags);
    return text.trimmed();
}

} // namespace Tenfold
