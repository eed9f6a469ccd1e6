#include "recordwriter.h"

#include "resourcestore.h"

#include <QDate>
#include <QJsonArray>

namespace Tenfold {

namespace {

struct Reference
{
    const char *field;
    const char *type;
    bool many;
    bool createOnly;
};

QList<Reference> referencesOf(const QString &type)
{
    if (type == QLatin1String("task"))
        return {{"assignee", "user", false, false}, {"workspace", "workspace", false, true},
                {"parent", "task", false, true},    {"projects", "project", true, true},
                {"tags", "tag", true, true},        {"followers", "user", true, true}};
    if (type == QLatin1String("project"))
        return {{"owner", "user", false, false},
                {"workspace", "workspace", false, true},
                {"followers", "user", true, true},
                {"members", "user", true, true}};
    if (type == QLatin1String("tag"))
        return {{"workspace", "workspace", false, true}, {"followers", "user", true, true}};
    return {};
}

bool isReadOnly(const QString &field)
{
    static const QStringList readOnly = {
        QStringLiteral("gid"),          QStringLiteral("resource_type"),
        QStringLiteral("created_at"),   QStringLiteral("modified_at"),
        QStringLiteral("completed_at"), QStringLiteral("num_subtasks"),
        QStringLiteral("num_likes"),    QStringLiteral("permalink_url"),
        QStringLiteral("created_by"),   QStringLiteral("type"),
        QStringLiteral("target"),       QStringLiteral("project"),
        QStringLiteral("is_edited"),    QStringLiteral("memberships")};
    return readOnly.contains(field);
}

std::optional<ApiResult> resolveReference(const ApiContext &context, const QString &field,
                                          const QString &type, const QJsonValue &value,
                                          QJsonValue *out)
{
    if (value.isNull()) {
        *out = QJsonValue::Null;
        return std::nullopt;
    }
    const QString gid = resolveMe(valueText(value));
    if (!context.store.find(gid, type))
        return ApiContext::error(400, QStringLiteral("%1: Unknown object: %2").arg(field, gid));
    *out = ResourceStore::ref(gid, type);
    return std::nullopt;
}

} // namespace

std::optional<ApiResult> writeFields(const ApiContext &context, const QString &type,
                                     QJsonObject &record, bool creating)
{
    const QJsonObject &data = context.call.data;
    const QList<Reference> references = referencesOf(type);
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        const QString &field = it.key();
        const QJsonValue &value = it.value();
        if (isReadOnly(field))
            continue;
        const auto reference =
            std::find_if(references.cbegin(), references.cend(),
                         [&](const Reference &r) { return field == QLatin1String(r.field); });
        if (reference != references.cend()) {
            if (reference->createOnly && !creating) {
                return ApiContext::error(
                    400, QStringLiteral("%1: Cannot be changed by an update; use the endpoint "
                                        "that adds or removes it (e.g. addProject, setParent)")
                             .arg(field));
            }
            const QString refType = QLatin1String(reference->type);
            if (reference->many) {
                QJsonArray refs;
                const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray{value};
                for (const QJsonValue &item : items) {
                    QJsonValue resolved;
                    if (auto error = resolveReference(context, field, refType, item, &resolved))
                        return error;
                    if (!resolved.isNull())
                        refs.append(resolved);
                }
                record.insert(field, refs);
            } else {
                QJsonValue resolved;
                if (auto error = resolveReference(context, field, refType, value, &resolved))
                    return error;
                record.insert(field, resolved);
            }
            continue;
        }
        if (field == QLatin1String("name") && !value.isString())
            return ApiContext::error(
                400, QStringLiteral("name: Not a string: %1").arg(value.toVariant().toString()));
        if (field == QLatin1String("completed") || field == QLatin1String("archived")) {
            if (!value.isBool())
                return ApiContext::error(400, QStringLiteral("%1: Not a boolean: %2")
                                                  .arg(field, value.toVariant().toString()));
        }
        if ((field == QLatin1String("due_on") || field == QLatin1String("start_on")) &&
            !value.isNull() && !QDate::fromString(value.toString(), Qt::ISODate).isValid()) {
            return ApiContext::error(
                400, QStringLiteral("%1: Invalid date: %2. Use YYYY-MM-DD, e.g. 2024-03-01")
                         .arg(field, value.toVariant().toString()));
        }
        if (field == QLatin1String("completed")) {
            const bool was = record.value(QLatin1String("completed")).toBool();
            if (value.toBool() != was) {
                record.insert(QStringLiteral("completed_at"), value.toBool()
                                                                  ? QJsonValue(ResourceStore::now())
                                                                  : QJsonValue(QJsonValue::Null));
            }
        }
        record.insert(field, value);
    }
    const QString now = ResourceStore::now();
    if (creating)
        record.insert(QStringLiteral("created_at"), now);
    if (type == QLatin1String("task") || type == QLatin1String("project"))
        record.insert(QStringLiteral("modified_at"), now);
    return std::nullopt;
}

} // namespace Tenfold
