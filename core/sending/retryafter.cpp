#include "retryafter.h"

#include <QCoreApplication>
#include <QList>

#include <algorithm>
#include <array>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::RetryAfter", text);
}

constexpr std::array<const char *, 12> MonthNames{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char *, 7> DayNames{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int monthOf(const QByteArray &name)
{
    for (int i = 0; i < int(MonthNames.size()); ++i) {
        if (name == MonthNames[size_t(i)])
            return i + 1;
    }
    return 0;
}

bool isDayName(const QByteArray &name, bool longForm)
{
    static const std::array<const char *, 7> longNames{
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    for (size_t i = 0; i < DayNames.size(); ++i) {
        if (name == (longForm ? longNames[i] : DayNames[i]))
            return true;
    }
    return false;
}

/// A run of exactly `digits` decimal digits (when digits > 0) or 1-2 of them (digits == 0).
bool readNumber(const QByteArray &text, int digits, int *value)
{
    if (text.isEmpty() || (digits > 0 && text.size() != digits) || (digits == 0 && text.size() > 2))
        return false;
    int result = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + (c - '0');
    }
    *value = result;
    return true;
}

/// "HH:MM:SS"
bool readTime(const QByteArray &text, QTime *time)
{
    const QList<QByteArray> parts = text.split(':');
    int h = 0, m = 0, s = 0;
    if (parts.size() != 3 || !readNumber(parts.at(0), 2, &h) || !readNumber(parts.at(1), 2, &m) ||
        !readNumber(parts.at(2), 2, &s))
        return false;
    // 60 is a leap second; the date still stands, a second later at most.
    *time = QTime(h, m, std::min(s, 59));
    return time->isValid();
}

QDateTime utc(int year, int month, int day, const QTime &time)
{
    const QDate date(year, month, day);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime parseHttpDate(const QByteArray &value)
{
    const QList<QByteArray> words = value.simplified().split(' ');
    int day = 0, year = 0;
    QTime time;
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    if (words.size() == 6 && words.at(0).endsWith(',') &&
        isDayName(words.at(0).chopped(1), false)) {
        const int month = monthOf(words.at(2));
        if (month == 0 || !readNumber(words.at(1), 2, &day) || !readNumber(words.at(3), 4, &year) ||
            !readTime(words.at(4), &time) || words.at(5) != "GMT")
            return {};
        return utc(year, month, day, time);
    }
    // rfc850-date: "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year that looks more than 50
    // years in the future is in the past (RFC 9110 5.6.7).
    if (words.size() == 4 && words.at(0).endsWith(',') && isDayName(words.at(0).chopped(1), true)) {
        const QList<QByteArray> date = words.at(1).split('-');
        int shortYear = 0;
        if (date.size() != 3 || !readNumber(date.at(0), 2, &day) ||
            !readNumber(date.at(2), 2, &shortYear) || !readTime(words.at(2), &time) ||
            words.at(3) != "GMT")
            return {};
        const int month = monthOf(date.at(1));
        if (month == 0)
            return {};
        const int thisYear = QDate::currentDate().year();
        year = (thisYear / 100) * 100 + shortYear;
        if (year > thisYear + 50)
            year -= 100;
        return utc(year, month, day, time);
    }
    // asctime-date: "Sun Nov  6 08:49:37 1994" (simplified() folds the double space)
    if (words.size() == 5 && isDayName(words.at(0), false)) {
        const int month = monthOf(words.at(1));
        if (month == 0 || !readNumber(words.at(2), 0, &day) || !readTime(words.at(3), &time) ||
            !readNumber(words.at(4), 4, &year))
            return {};
        return utc(year, month, day, time);
    }
    return {};
}

RetryAfter RetryAfter::parse(const QByteArray &value, const QDateTime &now)
{
    RetryAfter result;
    result.header = value.trimmed();
    if (result.header.isEmpty()) {
        result.form = Form::Missing;
        return result;
    }
    // delay-seconds = 1*DIGIT, any length: count with saturation so a huge value stays huge.
    const bool digitsOnly = std::all_of(result.header.cbegin(), result.header.cend(),
                                        [](char c) { return c >= '0' && c <= '9'; });
    qint64 asked = 0;
    if (digitsOnly) {
        result.form = Form::Seconds;
        for (char c : result.header) {
            asked = asked * 10 + (c - '0');
            if (asked > qint64(MaxSeconds)) {
                asked = qint64(MaxSeconds) + 1;
                break;
            }
        }
    } else {
        const QDateTime date = parseHttpDate(result.header);
        if (!date.isValid()) {
            result.form = Form::Unreadable;
            return result;
        }
        result.form = Form::Date;
        // Round up: waiting a fraction too long is safe, too short is another 429.
        const qint64 ms = now.msecsTo(date);
        asked = ms <= 0 ? 0 : (ms + 999) / 1000;
    }
    result.clamped = asked < MinSeconds || asked > MaxSeconds;
    result.seconds = int(std::clamp<qint64>(asked, MinSeconds, MaxSeconds));
    return result;
}

QString RetryAfter::describe() const
{
    const QString wait =
        seconds % 3600 == 0 ? tr("%1 h").arg(seconds / 3600) : tr("%1 s").arg(seconds);
    const QString header = QString::fromLatin1(this->header);
    switch (form) {
    case Form::Missing:
        return tr("%1 (the answer named no Retry-After)").arg(wait);
    case Form::Unreadable:
        return tr("%1 (unreadable Retry-After: %2)").arg(wait, header);
    case Form::Seconds:
    case Form::Date:
        break;
    }
    if (clamped && seconds == MaxSeconds)
        return tr("%1 (Retry-After: %2, more than the longest wait, 1 h)").arg(wait, header);
    if (clamped)
        return tr("%1 (Retry-After: %2, already due)").arg(wait, header);
    return tr("%1 (Retry-After: %2)").arg(wait, header);
}

} // namespace Tenfold
