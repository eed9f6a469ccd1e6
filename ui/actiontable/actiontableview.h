#pragma once

#include <QTableView>

namespace Tenfold {

class ActionTableModel;

/// The action table: delegates per column, drag and drop to reorder, and a line with the batch
/// number where each batch after the first begins.
class ActionTableView : public QTableView
{
    Q_OBJECT

public:
    explicit ActionTableView(QWidget *parent = nullptr);

    void setActionModel(ActionTableModel *model);

    /// Selected rows, sorted; the current row when nothing is selected.
    QList<int> selectedRows() const;
    /// Selects exactly these rows and scrolls the first into view.
    void selectRows(const QList<int> &rows);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ActionTableModel *m_model = nullptr;
};

} // namespace Tenfold
