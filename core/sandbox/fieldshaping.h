#pragma once

#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace Tenfold {

class ResourceStore;

/// opt_fields as a tree: "assignee.name,name" -> {assignee: {name}, name}.
struct FieldSelection
{
    QMap<QString, FieldSelection> children;

    bool isEmpty() const { return children.isEmpty(); }
    static FieldSelection parse(const QStringList &fields);
};

/// Shapes records the way Asana answers: compact objects in lists, full records for one object,
/// and with opt_fields only gid plus what was asked for. Nested references resolve through the
/// store, so "assignee.email" works.
class Shaper
{
public:
    explicit Shaper(const ResourceStore &store);

    QJsonObject full(const QJsonObject &record, const FieldSelection &fields) const;
    QJsonObject compact(const QJsonObject &record, const FieldSelection &fields) const;

private:
    QJsonValue shapeValue(const QJsonValue &value, const FieldSelection *fields) const;
    QJsonObject selected(const QJsonObject &record, const FieldSelection &fields) const;
    QJsonObject compactOf(const QJsonObject &record) const;

    const ResourceStore &m_store;
};

} // namespace Tenfold
