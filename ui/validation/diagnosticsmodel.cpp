#include "diagnosticsmodel.h"

#include "validationcache.h"

#include <QApplication>
#include <QStyle>

namespace Tenfold {

DiagnosticsModel::DiagnosticsModel(const ValidationCache *cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
{
    connect(cache, &ValidationCache::summaryChanged, this, &DiagnosticsModel::refresh);
}

void DiagnosticsModel::refresh()
{
    beginResetModel();
    m_diagnostics = m_cache->allDiagnostics();
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_diagnostics.size())
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeverityColumn:
            switch (d.severity) {
            case Severity::Error:
                return tr("Error");
            case Severity::Warning:
                return tr("Warning");
            case Severity::Info:
                return tr("Info");
            }
            return {};
        case ActionColumn:
            return d.action >= 0 ? QVariant(d.action + 1) : QVariant(tr("session"));
        case FieldColumn:
            return d.field;
        case MessageColumn:
            return d.messageFor(FrontEnd::Window);
        }
    } else if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        const QStyle::StandardPixmap pixmap =
            d.severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
            : d.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                              : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(pixmap);
    } else if (role == Qt::ToolTipRole) {
        return QStringLiteral("%1 [%2]").arg(d.messageFor(FrontEnd::Window), d.code);
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case ActionColumn:
        return tr("Action");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace Tenfold
