#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Tenfold {

/// How long a 429 asks the client to wait, read from its Retry-After header (RFC 9110 10.2.3):
/// delay-seconds or an HTTP-date (IMF-fixdate, and the obsolete RFC 850 and asctime forms a
/// recipient must also accept). Both forms are clamped the same way, to [MinSeconds, MaxSeconds].
struct RetryAfter
{
    /// Never sooner: a 0 or a date already past would have every waiting batch go at once.
    static constexpr int MinSeconds = 1;
    /// Never longer than an hour: a server asking for more is waited on for an hour, and says so.
    static constexpr int MaxSeconds = 3600;
    /// What a missing or unreadable header waits.
    static constexpr int FallbackSeconds = 5;

    enum class Form
    {
        Missing,    ///< no header
        Unreadable, ///< neither form: FallbackSeconds
        Seconds,    ///< delay-seconds
        Date        ///< HTTP-date
    };

    int seconds = FallbackSeconds; ///< the wait, clamped
    Form form = Form::Missing;
    bool clamped = false; ///< the header asked for less than MinSeconds or more than MaxSeconds
    QByteArray header;    ///< the header's value as sent (trimmed)

    /// Reads `value` against the time the answer came (`now`, UTC).
    static RetryAfter parse(const QByteArray &value, const QDateTime &now);

    /// One line for people: "6 s (Retry-After: Tue, 01 Dec 2026 05:41:55 GMT)",
    /// "1 h (Retry-After: 99999999999, more than the longest wait, 1 h)".
    QString describe() const;
};

/// Parses an HTTP-date in any of RFC 9110's three forms; invalid when it is none of them.
QDateTime parseHttpDate(const QByteArray &value);

} // namespace Tenfold
