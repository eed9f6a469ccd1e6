#pragma once

#include <QJsonValue>
#include <QString>

#include <utility>

namespace Tenfold {

/// One call inside a batch, as the user composed it. `data` and `options` are kept as raw JSON so
/// that validation can point at a wrong shape instead of the loader silently dropping it.
struct Action
{
    Action() = default;
    Action(QString method, QString relativePath)
        : method(std::move(method))
        , relativePath(std::move(relativePath))
    {
    }

    QString method;                             ///< as entered; the wire form is lower case
    QString relativePath;                       ///< relative to /api/1.0, e.g. "/tasks/123"
    QJsonValue data = QJsonValue::Undefined;    ///< absent when Undefined; must be an object
    QJsonValue options = QJsonValue::Undefined; ///< absent when Undefined; must be an object
    QString note;                               ///< the user's own words; never sent
    bool enabled = true; ///< disabled actions stay in the session but are never sent

    bool operator==(const Action &other) const = default;

    /// GET and HEAD read; everything else writes (for the concurrent limiter).
    bool isRead() const;
};

} // namespace Tenfold
