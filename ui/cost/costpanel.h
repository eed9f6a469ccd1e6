#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Tenfold {

class SessionDocument;

/// The cost preview: what sending the enabled actions costs against the plan's limits, and the
/// shortest time it can take. Recomputed shortly after each change, never per keystroke.
class CostPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CostPanel(SessionDocument *document, QWidget *parent = nullptr);

    /// Recomputes now (tests; the panel otherwise waits for a pause in typing).
    void recompute();
    /// The figures as shown, one "label: value" per line (tests and screen readers).
    QString summaryText() const;

private:
    void showPlan();
    void applyPlanEdit();

    SessionDocument *m_document;
    QTimer m_debounce;
    QComboBox *m_plan;
    QLineEdit *m_customQuota;
    QLineEdit *m_concurrency;
    QLabel *m_figures;
    QLabel *m_warnings;
};

} // namespace Tenfold
