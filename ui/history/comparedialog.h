#pragma once

#include "sending/sendresult.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QTreeView;

namespace Tenfold {

class CompareModel;

/// Two runs side by side, action by action: changed actions first, each expandable to its
/// differences; "All fields" also compares what differs on every run.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    CompareDialog(const SendRun &a, const QString &aLabel, const SendRun &b, const QString &bLabel,
                  QWidget *parent = nullptr);

    CompareModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QCheckBox *allFieldsBox() const { return m_allFields; }
    QLabel *summaryLabel() const { return m_summary; }

private:
    void compare();

    SendRun m_a;
    SendRun m_b;
    CompareModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QCheckBox *m_allFields = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Tenfold
