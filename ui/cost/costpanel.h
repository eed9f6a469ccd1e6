#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Tenfold {

struct CostEstimate;
struct Plan;

class SessionDocument;

/// The cost preview: what sending the enabled actions costs against the plan's limits, and the
/// shortest time it can take. Recomputed shortly after each change, never per keystroke.
class CostPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CostPanel(SessionDocument *document, QWidget *parent = nullptr);

    /// Recomputes now and waits for the figures (tests and benchmarks; the panel otherwise
    /// computes on a worker thread after a pause in typing).
    void recompute();
    /// The figures as shown, one "label: value" per line (tests and screen readers).
    QString summaryText() const;

    /// Whether the send goes as composed (the window's toggle) or adaptively.
    void setAsComposed(bool asComposed);
    bool asComposed() const { return m_asComposed; }

private:
    /// Starts an estimate on the thread pool; the newest result wins.
    void startEstimate();
    void showEstimate(const CostEstimate &cost, const Plan &plan);
    void showPlan();
    void applyPlanEdit();

    SessionDocument *m_document;
    QTimer m_debounce;
    quint64 m_generation = 0;
    QComboBox *m_plan;
    QLineEdit *m_customQuota;
    QLineEdit *m_concurrency;
    QSpinBox *m_readLatency;
    QSpinBox *m_writeLatency;
    bool m_asComposed = false;
    QLabel *m_figures;
    QLabel *m_warnings;
};

} // namespace Tenfold
