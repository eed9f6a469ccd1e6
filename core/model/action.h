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
    /// What a file held for this action that could not be read into the fields above, exactly as
    /// written: the members of a wrong type or unknown name, or the whole element when it is not
    /// an object. Undefined when everything was read. Never sent; saving writes it back (the
    /// user's value, not a repair), and it is reported (readDiagnostics()) until the user sets
    /// the field it stands for.
    QJsonValue unread = QJsonValue::Undefined;

    bool operator==(const Action &other) const = default;

    /// GET and HEAD read; everything else writes (for the concurrent limiter).
    bool isRead() const;
};

/// The wire form of a method the batch API takes (get, post, put, patch, delete, head), matched
/// in any case; a null string for anything else. The answer points at static text, so a session
/// of 100,000 actions holds six method strings, not 100,000.
QString canonicalMethod(QStringView method);

} // namespace Tenfold
