#include "endpointcatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringTokenizer>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::EndpointCatalog", text);
}

bool isPlaceholder(QStringView segment)
{
    return segment.size() >= 2 && segment.front() == u'{' && segment.back() == u'}';
}

QList<QStringView> splitPath(QStringView path)
{
    QList<QStringView> parts = path.split(u'/');
    if (!parts.isEmpty() && parts.front().isEmpty())
        parts.removeFirst();
    return parts;
}

bool isDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

/// "GET /tasks/*": the method in upper case, then the path with every segment that is a
/// placeholder (for templates) or all digits (for concrete paths) written as '*'.
QString skeletonOf(QStringView method, QStringView path, bool isTemplate)
{
    QString key;
    key.reserve(method.size() + path.size() + 1);
    for (const QChar c : method)
        key += c.toUpper(); // no temporary strings: this runs for every action
    key += u' ';
    const QStringView rest = path.startsWith(u'/') ? path.mid(1) : path;
    for (QStringView segment : QStringTokenizer(rest, u'/')) {
        key += u'/';
        if (isTemplate ? isPlaceholder(segment) : isDigits(segment))
            key += u'*';
        else
            key += segment;
    }
    return key;
}

/// Placeholder name -> the concrete segment, for a path already known to fit the template.
QList<std::pair<QString, QString>> parametersOf(const Endpoint &endpoint, QStringView rest)
{
    QList<std::pair<QString, QString>> parameters;
    qsizetype i = 0;
    for (QStringView segment : QStringTokenizer(rest, u'/')) {
        const QString &expected = endpoint.segments.at(i++);
        if (isPlaceholder(expected))
            parameters.append({expected.mid(1, expected.size() - 2), segment.toString()});
    }
    return parameters;
}

Endpoint::RateClass rateClassFromName(const QString &name)
{
    if (name == QLatin1String("search"))
        return Endpoint::RateClass::Search;
    if (name == QLatin1String("duplication"))
        return Endpoint::RateClass::Duplication;
    return Endpoint::RateClass::Standard;
}

} // namespace

const EndpointCatalog &EndpointCatalog::builtin()
{
    static const EndpointCatalog catalog = [] {
        QFile file(QStringLiteral(":/tenfold/catalog/endpoints.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("The endpoint catalog is missing from the core library's resources");
        Result<EndpointCatalog> loaded = fromJson(file.readAll());
        if (!loaded)
            qFatal("The built-in endpoint catalog is broken: %s", qPrintable(loaded.errorString()));
        return std::move(loaded).value();
    }();
    return catalog;
}

Result<EndpointCatalog> EndpointCatalog::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Error{
            tr("the endpoint catalog is not valid JSON: %1").arg(parseError.errorString())};

    EndpointCatalog catalog;
    const QJsonArray operations = doc.object().value(QLatin1String("operations")).toArray();
    for (const QJsonValue &value : operations) {
        const QJsonObject object = value.toObject();
        Endpoint endpoint;
        endpoint.method = object.value(QLatin1String("method")).toString().toUpper();
        endpoint.path = object.value(QLatin1String("path")).toString();
        endpoint.operation = object.value(QLatin1String("operation")).toString();
        endpoint.tag = object.value(QLatin1String("tag")).toString();
        endpoint.summary = object.value(QLatin1String("summary")).toString();
        endpoint.write = object.value(QLatin1String("access")).toString() == QLatin1String("write");
        endpoint.rate = rateClassFromName(object.value(QLatin1String("rate")).toString());
        endpoint.restriction = object.value(QLatin1String("restricted")).toString();
        if (endpoint.method.isEmpty() || !endpoint.path.startsWith(u'/'))
            return Error{tr("the endpoint catalog has an operation without method or path")};
        for (QStringView segment : splitPath(endpoint.path))
            endpoint.segments.append(segment.toString());
        catalog.m_endpoints.append(std::move(endpoint));
    }
    if (catalog.m_endpoints.isEmpty())
        return Error{tr("the endpoint catalog lists no operations")};

    auto &index = catalog.m_byFirstSegment;
    for (int i = 0; i < catalog.m_endpoints.size(); ++i) {
        const QString first = catalog.m_endpoints.at(i).segments.value(0);
        if (isPlaceholder(first))
            return Error{tr("the endpoint catalog has a path starting with a placeholder")};
        auto it = std::find_if(index.begin(), index.end(),
                               [&](const auto &entry) { return entry.first == first; });
        if (it == index.end())
            index.emplace_back(first, QList<int>{i});
        else
            it->second.append(i);
    }
    std::sort(index.begin(), index.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (int i = 0; i < catalog.m_endpoints.size(); ++i) {
        const Endpoint &endpoint = catalog.m_endpoints.at(i);
        catalog.m_bySkeleton.insert(skeletonOf(endpoint.method, endpoint.path, true), i);
    }
    return catalog;
}

EndpointCatalog::Match EndpointCatalog::match(QStringView method, QStringView path) const
{
    // Runs for every action on every validation, so the common case is one hash lookup.
    Match result;
    const QStringView rest = path.startsWith(u'/') ? path.mid(1) : path;
    const auto fast = m_bySkeleton.constFind(skeletonOf(method, path, false));
    if (fast != m_bySkeleton.cend()) {
        result.endpoint = &m_endpoints.at(*fast);
        result.pathKnown = true;
        result.parameters = parametersOf(*result.endpoint, rest);
        return result;
    }
    const qsizetype firstEnd = rest.indexOf(u'/');
    const QStringView first = firstEnd < 0 ? rest : rest.left(firstEnd);
    const qsizetype segmentCount = rest.count(u'/') + 1;
    const auto candidates = std::lower_bound(
        m_byFirstSegment.begin(), m_byFirstSegment.end(), first,
        [](const auto &entry, QStringView key) { return QStringView(entry.first) < key; });
    if (candidates == m_byFirstSegment.end() || candidates->first != first)
        return result;

    int bestLiterals = -1;
    for (int index : candidates->second) {
        const Endpoint &endpoint = m_endpoints.at(index);
        if (endpoint.segments.size() != segmentCount)
            continue;
        int literals = 0;
        bool fits = true;
        qsizetype i = 0;
        for (QStringView segment : QStringTokenizer(rest, u'/')) {
            const QString &expected = endpoint.segments.at(i++);
            if (isPlaceholder(expected))
                fits = !segment.isEmpty();
            else if ((fits = segment == expected))
                ++literals;
            if (!fits)
                break;
        }
        if (!fits)
            continue;
        if (endpoint.method.compare(method, Qt::CaseInsensitive) != 0) {
            result.pathKnown = true;
            if (!result.allowedMethods.contains(endpoint.method))
                result.allowedMethods.append(endpoint.method);
            continue;
        }
        if (literals > bestLiterals) {
            bestLiterals = literals;
            result.endpoint = &endpoint;
        }
    }

    if (result.endpoint) {
        result.pathKnown = true;
        result.parameters = parametersOf(*result.endpoint, rest);
    }
    return result;
}

QString EndpointCatalog::batchRestriction(QStringView method, QStringView path)
{
    const QStringView rest = path.startsWith(u'/') ? path.mid(1) : path;
    const qsizetype firstEnd = rest.indexOf(u'/');
    const QStringView first = firstEnd < 0 ? rest : rest.left(firstEnd);
    const bool single = firstEnd < 0 || firstEnd == rest.size() - 1; // "/batch" or "/batch/"
    if (first == QLatin1String("scim"))
        return tr("SCIM operations are not allowed in a batch; call /scim directly.");
    if (first == QLatin1String("organization_exports"))
        return tr("Organization exports cannot be created, read or deleted in a batch; call "
                  "/organization_exports directly.");
    if (first == QLatin1String("batch") && single)
        return tr("Batch requests cannot be nested; put these actions in the outer batch.");
    if (first == QLatin1String("attachments") && single &&
        method.compare(QLatin1String("post"), Qt::CaseInsensitive) == 0)
        return tr("Uploading attachments is not allowed in a batch; upload with a direct "
                  "multipart POST /attachments.");
    return {};
}

} // namespace Tenfold
