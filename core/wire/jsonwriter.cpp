#include "jsonwriter.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace Tenfold {

namespace {

void appendNumber(QByteArray &out, double number)
{
    if (!std::isfinite(number)) {
        out += "null"; // JSON has no NaN or infinity; QJsonDocument writes null too
        return;
    }
    // Whole numbers within double's exact range print without exponent, as Qt does.
    if (number == std::floor(number) && std::fabs(number) < 9007199254740992.0) {
        out += QByteArray::number(qint64(number));
        return;
    }
    out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    // Worst case: every UTF-16 unit becomes a 6-byte \u escape; write through a pointer and
    // shrink once, instead of growing the buffer piece by piece.
    const qsizetype start = out.size();
    out.resize(start + text.size() * 6 + 2);
    char *p = out.data() + start;
    *p++ = '"';
    const char16_t *c = text.utf16();
    const char16_t *end = c + text.size();
    static const char hex[] = "0123456789abcdef";
    while (c != end) {
        const char16_t u = *c++;
        if (u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\') {
            *p++ = char(u);
        } else if (u < 0x80) {
            *p++ = '\\';
            switch (u) {
            case u'"':
                *p++ = '"';
                break;
            case u'\\':
                *p++ = '\\';
                break;
            case u'\b':
                *p++ = 'b';
                break;
            case u'\f':
                *p++ = 'f';
                break;
            case u'\n':
                *p++ = 'n';
                break;
            case u'\r':
                *p++ = 'r';
                break;
            case u'\t':
                *p++ = 't';
                break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[(u >> 4) & 0xf];
                *p++ = hex[u & 0xf];
            }
        } else if (u < 0x800) {
            *p++ = char(0xc0 | (u >> 6));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && c != end && QChar::isLowSurrogate(*c)) {
            const char32_t cp = QChar::surrogateToUcs4(u, *c++);
            *p++ = char(0xf0 | (cp >> 18));
            *p++ = char(0x80 | ((cp >> 12) & 0x3f));
            *p++ = char(0x80 | ((cp >> 6) & 0x3f));
            *p++ = char(0x80 | (cp & 0x3f));
        } else {
            // A lone surrogate cannot be UTF-8; write U+FFFD as QString::toUtf8() does.
            const char16_t w = QChar::isSurrogate(u) ? char16_t(0xfffd) : u;
            *p++ = char(0xe0 | (w >> 12));
            *p++ = char(0x80 | ((w >> 6) & 0x3f));
            *p++ = char(0x80 | (w & 0x3f));
        }
    }
    *p++ = '"';
    out.resize(p - out.constData());
}

void appendJson(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        // Qt keeps whole numbers read from text as 64-bit integers; going through double would
        // round a 17+ digit gid sent as a number into another object's gid.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            out += QByteArray::number(number.toInteger());
        else
            appendNumber(out, value.toDouble());
        return;
    }
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue &element : value.toArray()) {
            if (!first)
                out += ',';
            first = false;
            appendJson(out, element);
        }
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, it.key());
            out += ':';
            appendJson(out, it.value());
        }
        out += '}';
        return;
    }
    }
}

} // namespace Tenfold
