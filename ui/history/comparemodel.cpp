#include "comparemodel.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Tenfold {

namespace {

// Children carry their parent's row + 1 in the internal id; top-level rows carry 0.
constexpr quintptr TopLevel = 0;

int matchRank(ActionComparison::Match match)
{
    switch (match) {
    case ActionComparison::Match::Changed:
        return 0;
    case ActionComparison::Match::OnlyInA:
    case ActionComparison::Match::OnlyInB:
        return 1;
    case ActionComparison::Match::Same:
        return 2;
    }
    return 3;
}

QString valueText(const QJsonValue &value)
{
    if (value.isUndefined())
        return QCoreApplication::translate("Tenfold::CompareModel", "(none)");
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(value.toString());
    const QByteArray json =
        value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
        : value.isArray()
            ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
    return QString::fromUtf8(json);
}

QString sideText(const QString &state, int status)
{
    if (state.isEmpty())
        return QCoreApplication::translate("Tenfold::CompareModel", "(not in this run)");
    QString text = state;
    text.replace(u'_', u' ');
    if (status > 0)
        text += QStringLiteral(" [%1]").arg(status);
    return text;
}

} // namespace

CompareModel::CompareModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void CompareModel::setComparison(const RunComparison &comparison)
{
    beginResetModel();
    m_comparison = comparison;
    m_order.clear();
    for (int i = 0; i < m_comparison.actions.size(); ++i)
        m_order.append(i);
    std::stable_sort(m_order.begin(), m_order.end(), [this](int left, int right) {
        return matchRank(m_comparison.actions.at(left).match) <
               matchRank(m_comparison.actions.at(right).match);
    });
    endResetModel();
}

const ActionComparison &CompareModel::action(int row) const
{
    return m_comparison.actions.at(m_order.at(row));
}

QModelIndex CompareModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex CompareModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, TopLevel);
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_order.size());
    if (parent.internalId() != TopLevel || parent.column() != 0)
        return 0;
    return int(action(parent.row()).differences.size());
}

int CompareModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == TopLevel) {
        const ActionComparison &action = this->action(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case WhatColumn: {
                const int number = (action.aIndex >= 0 ? action.aIndex : action.bIndex) + 1;
                QString text = tr("%1. %2 %3").arg(number).arg(action.method, action.relativePath);
                switch (action.match) {
                case ActionComparison::Match::Changed:
                    text += action.differences.size() == 1
                                ? tr(" \u2014 1 difference")
                                : tr(" \u2014 %1 differences").arg(action.differences.size());
                    break;
                case ActionComparison::Match::OnlyInA:
                    text += tr(" \u2014 only in A");
                    break;
                case ActionComparison::Match::OnlyInB:
                    text += tr(" \u2014 only in B");
                    break;
                case ActionComparison::Match::Same:
                    text += tr(" \u2014 same");
                    break;
                }
                return text;
            }
            case AColumn:
                return sideText(action.aState, action.aStatus);
            case BColumn:
                return sideText(action.bState, action.bStatus);
            }
        }
        if (role == Qt::FontRole && action.match != ActionComparison::Match::Same) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::ForegroundRole && action.match == ActionComparison::Match::Same)
            return QBrush(QColor(0x70, 0x70, 0x70));
        return {};
    }
    const ActionComparison &action = this->action(int(index.internalId() - 1));
    if (index.row() >= action.differences.size())
        return {};
    const JsonDifference &difference = action.differences.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case WhatColumn:
            if (difference.kind == JsonDifference::Kind::Added)
                return tr("+ %1").arg(difference.path);
            if (difference.kind == JsonDifference::Kind::Removed)
                return tr("\u2212 %1").arg(difference.path);
            if (difference.kind == JsonDifference::Kind::Length)
                return tr("%1 (length)").arg(difference.path);
            return difference.path;
        case AColumn:
            if (difference.kind == JsonDifference::Kind::Length)
                return tr("%1 items").arg(difference.a.toInt());
            return valueText(difference.a);
        case BColumn:
            if (difference.kind == JsonDifference::Kind::Length)
                return tr("%1 items").arg(difference.b.toInt());
            return valueText(difference.b);
        }
    }
    return {};
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhatColumn:
        return tr("Action / path");
    case AColumn:
        return tr("A");
    case BColumn:
        return tr("B");
    }
    return {};
}

} // namespace Tenfold
