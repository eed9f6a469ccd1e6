#include "batchdispatcher.h"

#include "apirouter.h"
#include "catalog/endpointcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tenfold::BatchDispatcher {

namespace {

std::optional<ApiResult> readOptions(const QJsonObject &options, ApiCall &call)
{
    if (options.contains(QLatin1String("pretty")))
        return ApiContext::error(400, QStringLiteral("options.pretty: Not allowed in a batch "
                                                     "action; ask for opt_pretty on the batch "
                                                     "request itself."));
    const QJsonValue fields = options.value(QLatin1String("fields"));
    if (fields.isArray()) {
        const QJsonArray items = fields.toArray();
        for (const QJsonValue &field : items) {
            if (!field.isString())
                return ApiContext::error(400, QStringLiteral("options.fields: Must be an array "
                                                             "of field names (strings)."));
            call.fields.append(field.toString());
        }
    } else if (!fields.isUndefined()) {
        return ApiContext::error(
            400, QStringLiteral("options.fields: Must be an array of field names, e.g. "
                                "[\"name\", \"assignee.name\"]."));
    }
    call.limit = options.value(QLatin1String("limit"));
    call.offset = options.value(QLatin1String("offset"));
    return std::nullopt;
}

BatchAction readAction(const QJsonValue &value, const ApiRouter &router)
{
    static const QStringList methods = {QStringLiteral("get"),    QStringLiteral("post"),
                                        QStringLiteral("put"),    QStringLiteral("patch"),
                                        QStringLiteral("delete"), QStringLiteral("head")};
    BatchAction action;
    if (!value.isObject()) {
        action.refused = ApiContext::error(400, QStringLiteral("action: Must be an object with "
                                                               "relative_path and method."));
        return action;
    }
    const QJsonObject object = value.toObject();
    const QString method = object.value(QLatin1String("method")).toString().toLower();
    const QString path = object.value(QLatin1String("relative_path")).toString();
    action.call.method = method.toUpper();
    action.call.path = path;
    action.write = method != QLatin1String("get") && method != QLatin1String("head");

    if (!object.contains(QLatin1String("method"))) {
        action.refused = ApiContext::missing(QStringLiteral("method"));
    } else if (!methods.contains(method)) {
        action.refused = ApiContext::error(
            400, QStringLiteral("method: Invalid method \"%1\"; use get, post, put, patch, "
                                "delete or head.")
                     .arg(object.value(QLatin1String("method")).toVariant().toString()));
    } else if (path.isEmpty()) {
        action.refused = ApiContext::missing(QStringLiteral("relative_path"));
    } else if (!path.startsWith(u'/')) {
        action.refused = ApiContext::error(
            400, QStringLiteral("relative_path: Must start with '/', e.g. /tasks/123."));
    } else if (path.contains(u'?')) {
        action.refused = ApiContext::error(
            400, QStringLiteral("relative_path: Query strings are not accepted in a batch "
                                "action; put the parameters in data."));
    } else if (const QString restriction = EndpointCatalog::batchRestriction(method, path);
               !restriction.isEmpty()) {
        action.refused = ApiContext::error(400, restriction);
    }
    if (action.refused)
        return action;

    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isUndefined() && !data.isNull() && !data.isObject()) {
        action.refused =
            ApiContext::error(400, QStringLiteral("data: Must be an object of parameters."));
        return action;
    }
    if (action.write)
        action.call.data = data.toObject();
    else
        action.call.params = data.toObject();

    const QJsonValue options = object.value(QLatin1String("options"));
    if (!options.isUndefined() && !options.isNull() && !options.isObject()) {
        action.refused = ApiContext::error(
            400, QStringLiteral("options: Must be an object with limit, offset or fields."));
        return action;
    }
    if (auto error = readOptions(options.toObject(), action.call)) {
        action.refused = error;
        return action;
    }
    action.search = router.isSearch(action.call.method, action.call.path);
    return action;
}

} // namespace

Result<QList<BatchAction>> parse(const QByteArray &body, const ApiRouter &router)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (document.isNull() || !document.isObject())
        return Error{QStringLiteral("Could not parse request data, invalid JSON: %1")
                         .arg(document.isNull() ? parseError.errorString()
                                                : QStringLiteral("expected an object"))};
    const QJsonValue actions =
        document.object().value(QLatin1String("data")).toObject().value(QLatin1String("actions"));
    if (!actions.isArray())
        return Error{QStringLiteral("data.actions: Missing input; send {\"data\":{\"actions\":"
                                    "[...]}}")};
    const QJsonArray list = actions.toArray();
    if (list.isEmpty())
        return Error{QStringLiteral("data.actions: A batch needs at least one action.")};
    if (list.size() > MaxActions)
        return Error{QStringLiteral("data.actions: A batch may contain at most %1 actions, this "
                                    "one has %2; split it into several batches.")
                         .arg(MaxActions)
                         .arg(list.size())};
    QList<BatchAction> parsed;
    for (const QJsonValue &value : list)
        parsed.append(readAction(value, router));
    return parsed;
}

QJsonObject result(const ApiResult &answer, const QStringList &resultFields)
{
    QJsonObject headers;
    if (!answer.location.isEmpty())
        headers.insert(QStringLiteral("location"), answer.location);
    const QJsonObject all{{QStringLiteral("status_code"), answer.status},
                          {QStringLiteral("headers"), headers},
                          {QStringLiteral("body"), answer.body}};
    if (resultFields.isEmpty())
        return all;
    QJsonObject picked;
    for (const QString &field : resultFields) {
        if (all.contains(field))
            picked.insert(field, all.value(field));
    }
    return picked;
}

} // namespace Tenfold::BatchDispatcher
