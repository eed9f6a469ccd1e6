#include "comparedialog.h"

#include "comparemodel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Tenfold {

CompareDialog::CompareDialog(const SendRun &a, const QString &aLabel, const SendRun &b,
                             const QString &bLabel, QWidget *parent)
    : QDialog(parent)
    , m_a(a)
    , m_b(b)
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare Runs"));
    auto *layout = new QVBoxLayout(this);
    auto *sides = new QLabel(
        tr("<b>A</b>: %1<br><b>B</b>: %2").arg(aLabel.toHtmlEscaped(), bLabel.toHtmlEscaped()),
        this);
    sides->setObjectName(QStringLiteral("compareSides"));
    layout->addWidget(sides);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_allFields = new QCheckBox(tr("Compare &all fields (created gids, created_at/modified_at, "
                                   "timings, the 500 phrase)"),
                                this);
    m_allFields->setObjectName(QStringLiteral("compareAllFields"));
    layout->addWidget(m_allFields);
    m_model = new CompareModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("compareView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_allFields, &QCheckBox::toggled, this, &CompareDialog::compare);
    compare();
    resize(980, 620);
}

void CompareDialog::compare()
{
    CompareOptions options;
    options.allFields = m_allFields->isChecked();
    const RunComparison comparison = compareRuns(m_a, m_b, options);
    m_model->setComparison(comparison);
    const int actions = int(comparison.actions.size());
    if (comparison.equal()) {
        m_summary->setText(actions == 1 ? tr("No differences in 1 action.")
                                        : tr("No differences in %1 actions.").arg(actions));
    } else {
        m_summary->setText(tr("%1 of %2 actions changed, %3 only in A, %4 only in B.")
                               .arg(comparison.changed)
                               .arg(actions)
                               .arg(comparison.onlyInA)
                               .arg(comparison.onlyInB));
    }
    // The first changed action is open; the others one click away.
    if (m_model->rowCount() > 0 && m_model->action(0).match == ActionComparison::Match::Changed)
        m_view->expand(m_model->index(0, 0));
    m_view->setColumnWidth(CompareModel::WhatColumn, 420);
    m_view->setColumnWidth(CompareModel::AColumn, 250);
}

} // namespace Tenfold
