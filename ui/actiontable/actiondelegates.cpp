#include "actiondelegates.h"

#include "actiontablemodel.h"
#include "endpointcompleter.h"

#include <QComboBox>
#include <QLineEdit>

namespace Tenfold {

void NumberDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = QString::number(index.row() + 1);
    option->features |= QStyleOptionViewItem::HasDisplay;
    option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
}

QStringList MethodDelegate::methods()
{
    return {QStringLiteral("GET"),   QStringLiteral("POST"),   QStringLiteral("PUT"),
            QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD")};
}

QWidget *MethodDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                      const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("methodEditor"));
    combo->addItems(methods());
    // Commit as soon as a method is picked: one click, like a native table.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        emit const_cast<MethodDelegate *>(this)->commitData(combo);
        emit const_cast<MethodDelegate *>(this)->closeEditor(combo);
    });
    return combo;
}

void MethodDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const QString method = index.data(Qt::EditRole).toString().toUpper();
    const int found = combo->findText(method);
    if (found < 0 && !method.isEmpty())
        combo->addItem(method); // keep a wrong method visible rather than silently changing it
    combo->setCurrentIndex(found >= 0 ? found : combo->count() - 1);
}

void MethodDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentText(), Qt::EditRole);
}

QWidget *PathDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &) const
{
    auto *edit = new PathLineEdit(parent);
    edit->setObjectName(QStringLiteral("pathEditor"));
    edit->setFrame(false);
    return edit;
}

void PathDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = static_cast<PathLineEdit *>(editor);
    if (!edit->isEdited())
        edit->setPath(index.data(Qt::EditRole).toString());
}

void PathDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    auto *edit = static_cast<PathLineEdit *>(editor);
    auto *actions = qobject_cast<ActionTableModel *>(model);
    if (actions && !edit->chosenMethod().isEmpty()) {
        actions->editEndpoint(index.row(), edit->chosenMethod(), edit->text());
        return;
    }
    model->setData(index, edit->text(), Qt::EditRole);
}

QWidget *JsonCellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                        const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QStringLiteral("jsonCellEditor"));
    edit->setFrame(false);
    edit->setPlaceholderText(tr("{\"key\": \"value\"}"));
    connect(edit, &QLineEdit::textChanged, edit, [edit](const QString &text) {
        bool ok = false;
        QString error;
        parseJsonValue(text, &ok, &error);
        edit->setToolTip(ok ? QString() : error);
        edit->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { color: #d0312d; }"));
    });
    return edit;
}

void JsonCellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    // Text that does not parse becomes the cell's draft (see ActionTableModel::setData()):
    // shown in red and reported, never dropped.
    model->setData(index, static_cast<QLineEdit *>(editor)->text(), Qt::EditRole);
}

} // namespace Tenfold
