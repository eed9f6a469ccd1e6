#include "variablesmodel.h"

#include "commands/sessioncommands.h"

#include <QColor>
#include <QUndoStack>

namespace Tenfold {

VariablesModel::VariablesModel(QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent)
    , m_undoStack(undoStack)
{
}

int VariablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_variables.size());
}

int VariablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariablesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_variables.size())
        return {};
    const Variable &variable = m_variables.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == NameColumn ? variable.name : variable.value;
    if (role == Qt::ToolTipRole && index.column() == NameColumn) {
        if (!isValidVariableName(variable.name))
            return tr("Not a usable name: use letters, digits, '_', '-' and '.', starting with a "
                      "letter or '_'");
        return tr("Write {{%1}} in a path, data or options").arg(variable.name);
    }
    if (role == Qt::ForegroundRole && index.column() == NameColumn &&
        !isValidVariableName(variable.name))
        return QColor(Qt::red);
    return {};
}

QVariant VariablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == NameColumn ? tr("Name") : tr("Value");
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags VariablesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool VariablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    QList<Variable> changed = m_variables;
    Variable &variable = changed[index.row()];
    const QString text = value.toString();
    if (index.column() == NameColumn)
        variable.name = text.trimmed();
    else
        variable.value = text;
    if (changed == m_variables)
        return true;
    edit(changed, tr("Edit variable %1").arg(variable.name));
    return true;
}

void VariablesModel::edit(const QList<Variable> &variables, const QString &text)
{
    m_undoStack->push(new ChangeVariables(text, m_variables, variables,
                                          [this](const QList<Variable> &v) { apply(v); }));
}

void VariablesModel::addVariable()
{
    QList<Variable> changed = m_variables;
    QString name = QStringLiteral("name");
    for (int n = 2; std::any_of(changed.begin(), changed.end(),
                                [&](const Variable &v) { return v.name == name; });
         ++n)
        name = QStringLiteral("name%1").arg(n);
    changed.append(Variable{name, QString()});
    edit(changed, tr("Add variable"));
}

void VariablesModel::removeVariable(int row)
{
    if (row < 0 || row >= m_variables.size())
        return;
    QList<Variable> changed = m_variables;
    const QString name = changed.takeAt(row).name;
    edit(changed, tr("Remove variable %1").arg(name));
}

void VariablesModel::apply(const QList<Variable> &variables)
{
    if (variables.size() == m_variables.size()) {
        m_variables = variables;
        if (!m_variables.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_variables.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_variables = variables;
        endResetModel();
    }
    emit variablesChanged();
}

} // namespace Tenfold
