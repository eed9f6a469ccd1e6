#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace Tenfold {

/// One operation of Asana's API, as derived from its OpenAPI spec by scripts/generate-catalog.
struct Endpoint
{
    enum class RateClass
    {
        Standard,   ///< counts against the window quota only
        Search,     ///< also limited to 60 calls per minute
        Duplication ///< starts a job; at most 5 such jobs run at once
    };

    QString method; ///< upper case, e.g. "GET"
    QString path;   ///< template, e.g. "/tasks/{task_gid}"
    QString operation;
    QString tag;
    QString summary;
    bool write = false;
    RateClass rate = RateClass::Standard;
    QString restriction; ///< why the batch API refuses it; empty when it is allowed

    QStringList segments; ///< path split on '/', placeholders kept as "{name}"
};

/// Asana's endpoint catalog: path completion, "is this a known call" and per-call facts.
class EndpointCatalog
{
public:
    /// The catalog compiled into the core library (all operations of Asana's public spec).
    static const EndpointCatalog &builtin();
    static Result<EndpointCatalog> fromJson(const QByteArray &json);

    const QList<Endpoint> &endpoints() const { return m_endpoints; }

    struct Match
    {
        const Endpoint *endpoint = nullptr; ///< null when no operation has this method and path
        bool pathKnown = false;             ///< some operation has this path with another method
        QStringList allowedMethods;         ///< methods that do fit the path, when pathKnown
        QList<std::pair<QString, QString>> parameters; ///< placeholder name -> segment, in order
    };

    /// Finds the operation for a concrete call; literal segments beat placeholders.
    Match match(QStringView method, QStringView path) const;

    /// Why the batch API refuses this call (attachment upload, organization exports, SCIM,
    /// nested batch), or an empty string when it accepts it. Rule-based, so it also covers
    /// calls that are not in the spec (SCIM, deleting an export).
    static QString batchRestriction(QStringView method, QStringView path);

private:
    QList<Endpoint> m_endpoints;
    /// Endpoint indexes by first path segment, sorted by it: Asana's paths all start with a
    /// literal collection name, so a lookup narrows 247 templates to a handful.
    std::vector<std::pair<QString, QList<int>>> m_byFirstSegment;
    /// "GET /tasks/*/stories" -> endpoint index: the fast path for concrete paths whose
    /// placeholders hold digit gids, which is nearly every real call.
    QHash<QString, int> m_bySkeleton;
};

} // namespace Tenfold
