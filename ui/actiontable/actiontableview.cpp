#include "actiontableview.h"

#include "actiondelegates.h"
#include "actiontablemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPainter>

namespace Tenfold {

ActionTableView::ActionTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("actionTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setDropIndicatorShown(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->setVisible(false);
    // Fixed row heights: with 100,000 rows the view must never measure contents.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);

    setItemDelegateForColumn(ActionTableModel::NumberColumn, new NumberDelegate(this));
    setItemDelegateForColumn(ActionTableModel::MethodColumn, new MethodDelegate(this));
    setItemDelegateForColumn(ActionTableModel::PathColumn, new PathDelegate(this));
    setItemDelegateForColumn(ActionTableModel::DataColumn, new JsonCellDelegate(this));
    setItemDelegateForColumn(ActionTableModel::OptionsColumn, new JsonCellDelegate(this));
}

void ActionTableView::setActionModel(ActionTableModel *model)
{
    m_model = model;
    setModel(model);
    QHeaderView *header = horizontalHeader();
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->setSectionResizeMode(ActionTableModel::NumberColumn, QHeaderView::Fixed);
    header->resizeSection(ActionTableModel::NumberColumn, digit * 7 + 28);
    header->setSectionResizeMode(ActionTableModel::EnabledColumn, QHeaderView::Fixed);
    header->resizeSection(ActionTableModel::EnabledColumn, digit * 3 + 24);
    header->resizeSection(ActionTableModel::MethodColumn, digit * 7 + 36);
    header->resizeSection(ActionTableModel::PathColumn, digit * 30);
    header->resizeSection(ActionTableModel::DataColumn, digit * 22);
    header->resizeSection(ActionTableModel::OptionsColumn, digit * 16);
    connect(model, &ActionTableModel::rowsPlaced, this, &ActionTableView::selectRows);
}

QList<int> ActionTableView::selectedRows() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    const QModelIndexList selected = selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    if (rows.isEmpty() && currentIndex().isValid())
        rows.append(currentIndex().row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ActionTableView::selectRows(const QList<int> &rows)
{
    if (rows.isEmpty() || !m_model)
        return;
    QItemSelection selection;
    // Contiguous runs make one range each: selecting 100,000 pasted rows stays cheap.
    qsizetype i = 0;
    while (i < rows.size()) {
        qsizetype end = i + 1;
        while (end < rows.size() && rows.at(end) == rows.at(end - 1) + 1)
            ++end;
        selection.select(m_model->index(rows.at(i), 0),
                         m_model->index(rows.at(end - 1), ActionTableModel::ColumnCount - 1));
        i = end;
    }
    const int column =
        currentIndex().isValid() ? currentIndex().column() : int(ActionTableModel::PathColumn);
    selectionModel()->setCurrentIndex(m_model->index(rows.first(), column),
                                      QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    scrollTo(m_model->index(rows.first(), column));
}

void ActionTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!m_model || m_model->rowCount() <= 10)
        return;
    // Only the visible rows: a handful of lookups per paint, whatever the session's size.
    const int first = rowAt(0);
    int last = rowAt(viewport()->height() - 1);
    if (first < 0)
        return;
    if (last < 0)
        last = m_model->rowCount() - 1;
    QPainter painter(viewport());
    QColor line = palette().color(QPalette::Highlight);
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setBold(true);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    for (int row = first; row <= last; ++row) {
        const int batch = m_model->index(row, 0).data(ActionTableModel::BatchStartRole).toInt();
        if (batch <= 0)
            continue;
        const int y = rowViewportPosition(row);
        // On a selected row the highlight would swallow the mark: invert it there.
        const bool selected = selectionModel()->isRowSelected(row, {});
        const QColor fill = selected ? palette().color(QPalette::HighlightedText) : line;
        const QColor text = selected ? line : palette().color(QPalette::HighlightedText);
        painter.setPen(QPen(fill, 2));
        painter.drawLine(0, y, viewport()->width(), y);
        const QString label = tr("batch %1").arg(batch);
        const int width = metrics.horizontalAdvance(label) + 8;
        const QRect tag(viewport()->width() - width - 4, y - 1, width, metrics.height());
        painter.fillRect(tag, fill);
        painter.setPen(text);
        painter.drawText(tag, Qt::AlignCenter, label);
    }
}

} // namespace Tenfold
