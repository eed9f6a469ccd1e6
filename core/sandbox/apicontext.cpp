#include "apicontext.h"

#include "apierror.h"
#include "resourcestore.h"

#include <QCborValue>
#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

namespace Tenfold {

namespace {

bool isGid(const QString &text)
{
    if (text.isEmpty())
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

QString pathOfType(const QString &type)
{
    return type == QLatin1String("story") ? QStringLiteral("stories") : type + u's';
}

} // namespace

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        // Whole numbers are kept as 64-bit integers by Qt; anything else keeps its fraction or
        // exponent, so 1101.5 or 1e300 never passes for gid 1101 (nor overflows a cast).
        const QCborValue number = QCborValue::fromJsonValue(value);
        return number.isInteger()
                   ? QString::number(number.toInteger())
                   : QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString resolveMe(const QString &gid)
{
    return gid == QLatin1String("me") ? ResourceStore::meGid() : gid;
}

ApiContext::ApiContext(ResourceStore &store, const ApiCall &call,
                       QList<std::pair<QString, QString>> pathParameters, QString apiBase,
                       int limit, int offset)
    : store(store)
    , call(call)
    , m_pathParameters(std::move(pathParameters))
    , m_apiBase(std::move(apiBase))
    , m_limit(limit)
    , m_offset(offset)
    , m_fields(FieldSelection::parse(call.fields))
{
}

QString ApiContext::pathParameter(const QString &name) const
{
    for (const auto &[key, value] : m_pathParameters) {
        if (key == name)
            return name == QLatin1String("user_gid") ? resolveMe(value) : value;
    }
    return {};
}

QJsonValue ApiContext::input(const QString &name) const
{
    const QJsonObject &source =
        call.method == QLatin1String("GET") || call.method == QLatin1String("HEAD") ? call.params
                                                                                    : call.data;
    return source.value(name);
}

QString ApiContext::inputString(const QString &name) const
{
    return valueText(input(name));
}

bool ApiContext::hasInput(const QString &name) const
{
    const QJsonValue value = input(name);
    return !value.isUndefined() && !value.isNull();
}

std::optional<ApiResult> ApiContext::lookupPath(const QString &parameter, const QString &type,
                                                const QJsonObject **found) const
{
    const QString gid = pathParameter(parameter);
    if (!isGid(gid))
        return error(400, QStringLiteral("%1: Not a recognized ID: %2").arg(parameter, gid));
    *found = store.find(gid, type);
    if (!*found)
        return error(404, QStringLiteral("%1: Unknown object: %2").arg(parameter, gid));
    return std::nullopt;
}

std::optional<ApiResult> ApiContext::lookupInput(const QString &field, const QString &type,
                                                 const QJsonObject **found, bool required) const
{
    *found = nullptr;
    if (!hasInput(field))
        return required ? std::optional(missing(field)) : std::nullopt;
    const QString gid = resolveMe(inputString(field));
    if (!isGid(gid))
        return error(400, QStringLiteral("%1: Not a recognized ID: %2").arg(field, gid));
    *found = store.find(gid, type);
    if (!*found)
        return error(400, QStringLiteral("%1: Unknown object: %2").arg(field, gid));
    return std::nullopt;
}

ApiResult ApiContext::one(const QJsonObject &record, int status) const
{
    return {status, {{QStringLiteral("data"), Shaper(store).full(record, m_fields)}}, {}};
}

ApiResult ApiContext::created(const QString &gid) const
{
    const QJsonObject *record = store.find(gid);
    ApiResult result = one(*record, 201);
    result.location =
        QStringLiteral("/api/1.0/%1/%2")
            .arg(pathOfType(record->value(QLatin1String("resource_type")).toString()), gid);
    return result;
}

ApiResult ApiContext::emptyData() const
{
    return {200, {{QStringLiteral("data"), QJsonObject{}}}, {}};
}

ApiResult ApiContext::list(const QStringList &gids) const
{
    const Shaper shaper(store);
    const int begin = std::min<int>(m_offset, int(gids.size()));
    const int end =
        m_limit > 0 ? std::min<int>(begin + m_limit, int(gids.size())) : int(gids.size());
    QJsonArray items;
    for (int i = begin; i < end; ++i)
        items.append(shaper.compact(*store.find(gids.at(i)), m_fields));
    QJsonObject body{{QStringLiteral("data"), items}};
    if (m_limit > 0) {
        QJsonValue next = QJsonValue::Null;
        if (end < gids.size()) {
            QUrlQuery query;
            for (auto it = call.params.constBegin(); it != call.params.constEnd(); ++it)
                query.addQueryItem(it.key(), valueText(it.value()));
            if (!call.fields.isEmpty())
                query.addQueryItem(QStringLiteral("opt_fields"), call.fields.join(u','));
            query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
            query.addQueryItem(QStringLiteral("offset"), encodeOffset(end));
            const QString path = call.path + u'?' + query.toString(QUrl::FullyEncoded);
            next = QJsonObject{{QStringLiteral("offset"), encodeOffset(end)},
                               {QStringLiteral("path"), path},
                               {QStringLiteral("uri"), QString(m_apiBase + path)}};
        }
        body.insert(QStringLiteral("next_page"), next);
    }
    return {200, body, {}};
}

ApiResult ApiContext::error(int status, const QString &message)
{
    return {status, SandboxApi::errorBody(message), {}};
}

ApiResult ApiContext::missing(const QString &field)
{
    return error(400, QStringLiteral("%1: Missing input").arg(field));
}

QString ApiContext::encodeOffset(int position)
{
    return QString::fromLatin1(
        QByteArray("sandbox:" + QByteArray::number(position))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

int ApiContext::decodeOffset(const QString &token)
{
    const QByteArray raw = QByteArray::fromBase64(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!raw.startsWith("sandbox:"))
        return -1;
    bool ok = false;
    const int position = raw.mid(8).toInt(&ok);
    return ok && position >= 0 ? position : -1;
}

} // namespace Tenfold
