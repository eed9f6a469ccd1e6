#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tenfold {

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node, const QJsonValue &value)
{
    auto add = [node](const QString &key, const QJsonValue &child) {
        auto item = std::make_unique<Node>();
        item->key = key;
        item->parent = node;
        item->row = int(node->children.size());
        build(item.get(), child);
        node->children.push_back(std::move(item));
    };
    if (value.isObject()) {
        node->container = true;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            add(it.key(), it.value());
    } else if (value.isArray()) {
        node->container = true;
        node->array = true;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            add(QStringLiteral("[%1]").arg(i), array.at(i));
    } else {
        node->value = value;
    }
}

void JsonTreeModel::setJson(const QJsonValue &value)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (value.isObject() || value.isArray()) {
        build(m_root.get(), value);
    } else if (!value.isUndefined() && !value.isNull()) {
        auto item = std::make_unique<Node>();
        item->parent = m_root.get();
        item->value = value;
        m_root->children.push_back(std::move(item));
    }
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *node = nodeFor(parent);
    if (row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children.at(row).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *node = nodeFor(child)->parent;
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, node);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Node *node = nodeFor(index);
    if (index.column() == KeyColumn)
        return node->key;
    if (node->container) {
        const qsizetype n = node->children.size();
        return node->array ? (n == 1 ? tr("[1 item]") : tr("[%1 items]").arg(n))
                           : (n == 1 ? tr("{1 key}") : tr("{%1 keys}").arg(n));
    }
    const QJsonValue &v = node->value;
    if (v.isString())
        return QStringLiteral("\"%1\"").arg(v.toString());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isDouble())
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : tr("Value");
}

} // namespace Tenfold
