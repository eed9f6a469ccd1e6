#pragma once

#include "fieldshaping.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Tenfold {

class ResourceStore;

/// One call to the API, from a direct request or from a batch action alike.
struct ApiCall
{
    QString method;     ///< upper case
    QString path;       ///< relative to /api/1.0, no query string
    QJsonObject params; ///< query parameters (a GET's query or a batch GET action's data)
    QJsonObject data;   ///< the body's data envelope (POST/PUT/PATCH)
    QStringList fields; ///< opt_fields / options.fields
    QJsonValue limit;   ///< opt limit (number or numeric string), undefined when not given
    QJsonValue offset;  ///< opaque pagination token, undefined when not given
};

/// What the call answers: status, the {"data":...} or {"errors":[...]} body, and for 201 the
/// location of the new object.
struct ApiResult
{
    int status = 200;
    QJsonObject body;
    QString location;
};

/// What a handler works with: the call, its path parameters, the store and the helpers that
/// give every answer Asana's shape.
class ApiContext
{
public:
    ApiContext(ResourceStore &store, const ApiCall &call,
               QList<std::pair<QString, QString>> pathParameters, QString apiBase, int limit,
               int offset);

    ResourceStore &store;
    const ApiCall &call;

    /// A path placeholder's value; "me" in user paths is the token's user.
    QString pathParameter(const QString &name) const;
    /// A query parameter (GET) or body field (writes), as given.
    QJsonValue input(const QString &name) const;
    QString inputString(const QString &name) const;
    bool hasInput(const QString &name) const;

    /// Finds the object a path parameter names: 400 for a malformed gid, 404 for an unknown one.
    std::optional<ApiResult> lookupPath(const QString &parameter, const QString &type,
                                        const QJsonObject **found) const;
    /// Finds the object an input field names (optional unless `required`).
    std::optional<ApiResult> lookupInput(const QString &field, const QString &type,
                                         const QJsonObject **found, bool required) const;

    ApiResult one(const QJsonObject &record, int status = 200) const;
    ApiResult created(const QString &gid) const;
    ApiResult emptyData() const;
    /// Compact objects, paginated with limit/offset and next_page.
    ApiResult list(const QStringList &gids) const;

    static ApiResult error(int status, const QString &message);
    static ApiResult missing(const QString &field);

    /// Encodes a list position as an opaque offset token and back (-1 when not a token of ours).
    static QString encodeOffset(int position);
    static int decodeOffset(const QString &token);

private:
    QList<std::pair<QString, QString>> m_pathParameters;
    QString m_apiBase;
    int m_limit;
    int m_offset;
    FieldSelection m_fields;
};

/// A query parameter or body field as text: strings as given, numbers exactly (a gid sent as a
/// JSON number), booleans as true/false; empty for anything else.
QString valueText(const QJsonValue &value);

/// Resolves a gid that may be "me" to the token's user.
QString resolveMe(const QString &gid);

} // namespace Tenfold
