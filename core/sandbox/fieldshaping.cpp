#include "fieldshaping.h"

#include "resourcestore.h"

#include <QJsonArray>

namespace Tenfold {

FieldSelection FieldSelection::parse(const QStringList &fields)
{
    FieldSelection root;
    for (const QString &field : fields) {
        FieldSelection *node = &root;
        const QStringList parts = field.trimmed().split(u'.', Qt::SkipEmptyParts);
        for (const QString &part : parts)
            node = &node->children[part];
    }
    return root;
}

Shaper::Shaper(const ResourceStore &store)
    : m_store(store)
{
}

QJsonObject Shaper::compactOf(const QJsonObject &record) const
{
    // The *Compact schemas of Asana's spec: stories have no name, tasks carry their subtype.
    static const QStringList story = {QStringLiteral("gid"),
                                      QStringLiteral("resource_type"),
                                      QStringLiteral("created_at"),
                                      QStringLiteral("created_by"),
                                      QStringLiteral("resource_subtype"),
                                      QStringLiteral("text")};
    static const QStringList task = {QStringLiteral("gid"), QStringLiteral("resource_type"),
                                     QStringLiteral("name"), QStringLiteral("resource_subtype")};
    static const QStringList other = {QStringLiteral("gid"), QStringLiteral("resource_type"),
                                      QStringLiteral("name")};
    const QString type = record.value(QLatin1String("resource_type")).toString();
    const QStringList &keys = type == QLatin1String("story")  ? story
                              : type == QLatin1String("task") ? task
                                                              : other;
    QJsonObject out;
    for (const QString &key : keys) {
        const auto it = record.constFind(key);
        if (it != record.constEnd())
            out.insert(key, key == QLatin1String("created_by") ? shapeValue(*it, nullptr) : *it);
    }
    return out;
}

QJsonObject Shaper::selected(const QJsonObject &record, const FieldSelection &fields) const
{
    QJsonObject out;
    if (record.contains(QLatin1String("gid")))
        out.insert(QStringLiteral("gid"), record.value(QLatin1String("gid")));
    for (auto it = fields.children.cbegin(); it != fields.children.cend(); ++it) {
        const auto value = record.constFind(it.key());
        if (value != record.constEnd())
            out.insert(it.key(), shapeValue(*value, &it.value()));
    }
    return out;
}

QJsonValue Shaper::shapeValue(const QJsonValue &value, const FieldSelection *fields) const
{
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items)
            out.append(shapeValue(item, fields));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    const QString gid = object.value(QLatin1String("gid")).toString();
    if (!gid.isEmpty()) {
        if (const QJsonObject *stored = m_store.find(gid))
            object = *stored;
        return fields && !fields->isEmpty() ? selected(object, *fields) : compactOf(object);
    }
    // A plain object (a membership): pick its members, or shape all of them.
    if (fields && !fields->isEmpty()) {
        QJsonObject out;
        for (auto it = fields->children.cbegin(); it != fields->children.cend(); ++it) {
            if (object.contains(it.key()))
                out.insert(it.key(), shapeValue(object.value(it.key()), &it.value()));
        }
        return out;
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = shapeValue(it.value(), nullptr);
    return object;
}

QJsonObject Shaper::full(const QJsonObject &record, const FieldSelection &fields) const
{
    if (!fields.isEmpty())
        return selected(record, fields);
    QJsonObject out = record;
    for (auto it = out.begin(); it != out.end(); ++it)
        it.value() = shapeValue(it.value(), nullptr);
    return out;
}

QJsonObject Shaper::compact(const QJsonObject &record, const FieldSelection &fields) const
{
    return fields.isEmpty() ? compactOf(record) : selected(record, fields);
}

} // namespace Tenfold
