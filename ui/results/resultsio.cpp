#include "resultsio.h"

#include "results/resultsmodel.h"
#include "sending/resultsfile.h"
#include "session/sessionfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace Tenfold {

namespace {

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    // A leading = + - @ would make a spreadsheet evaluate the cell: keep it text.
    if (!bytes.isEmpty() && QByteArray("=+-@").contains(bytes.at(0)))
        bytes.prepend('\'');
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r') || bytes.startsWith('\'')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

QByteArray resultsToCsv(const SendRun &run, const QList<bool> &stale)
{
    QByteArray out = "index,method,relative_path,state,status_code,summary,duration_ms,batch,"
                     "attempts,stale\r\n";
    for (qsizetype i = 0; i < run.results.size(); ++i) {
        const ActionResult &r = run.results.at(i);
        const Action action = run.actions.value(i);
        const QList<QByteArray> fields = {
            QByteArray::number(i),
            csvField(action.method.toLower()),
            csvField(action.relativePath),
            actionStateName(r.state).toUtf8(),
            r.statusCode > 0 ? QByteArray::number(r.statusCode) : QByteArray(),
            csvField(r.state == ActionState::Skipped ? QString() : ResultsModel::summarize(r)),
            r.batch > 0 ? QByteArray::number(r.durationMs) : QByteArray(),
            r.batch > 0 ? QByteArray::number(r.batch) : QByteArray(),
            QByteArray::number(r.attempts),
            stale.value(i) ? QByteArray("true") : QByteArray("false")};
        out += fields.join(',') + "\r\n";
    }
    return out;
}

std::optional<Result<SendRun>> resultsInSession(const QJsonValue &results)
{
    if (results.isUndefined() || results.isNull())
        return std::nullopt;
    if (!results.isObject())
        return Result<SendRun>(Error{QStringLiteral("\"results\" is not an object")});
    return parseResults(QJsonDocument(results.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace Tenfold

namespace Tenfold {

namespace {

/// Reads JSON boundaries only: the input is already known to be valid.
class RawScanner
{
public:
    explicit RawScanner(const QByteArray &json)
        : m_data(json.constData())
        , m_size(json.size())
    {
        if (json.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }

    bool atEnd() const { return m_pos >= m_size; }
    char peek() const { return atEnd() ? '\0' : m_data[m_pos]; }
    qsizetype pos() const { return m_pos; }
    void advance() { ++m_pos; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    /// At a '"': moves past the closing quote.
    void skipString()
    {
        ++m_pos;
        while (!atEnd()) {
            const char c = m_data[m_pos++];
            if (c == '\\')
                ++m_pos;
            else if (c == '"')
                return;
        }
    }

    /// Moves past one value (string, object, array or scalar).
    void skipValue()
    {
        const char first = peek();
        if (first == '"') {
            skipString();
            return;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char c = peek();
                if (c == '"') {
                    skipString();
                    continue;
                }
                ++m_pos;
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0)
                        return;
                }
            }
            return;
        }
        while (!atEnd() && !QByteArrayView(",}] \t\r\n").contains(peek()))
            ++m_pos;
    }

    QByteArray slice(qsizetype from, qsizetype to) const
    {
        return QByteArray(m_data + from, to - from);
    }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<QByteArray> rawMemberText(const QByteArray &json, QLatin1String key)
{
    RawScanner scanner(json);
    scanner.skipSpace();
    if (scanner.peek() != '{')
        return std::nullopt;
    scanner.advance();
    std::optional<QByteArray> found;
    while (true) {
        scanner.skipSpace();
        if (scanner.peek() != '"')
            return found; // '}' or the end
        const qsizetype keyStart = scanner.pos();
        scanner.skipString();
        const QByteArray keyText = scanner.slice(keyStart, scanner.pos());
        // A key may spell letters as escapes; decode it the way the parser did.
        const QString name =
            keyText.contains('\\')
                ? QJsonDocument::fromJson('[' + keyText + ']').array().at(0).toString()
                : QString::fromUtf8(keyText.mid(1, keyText.size() - 2));
        scanner.skipSpace();
        if (scanner.peek() != ':')
            return std::nullopt;
        scanner.advance();
        scanner.skipSpace();
        const qsizetype valueStart = scanner.pos();
        scanner.skipValue();
        if (name == key)
            found = scanner.slice(valueStart, scanner.pos());
        scanner.skipSpace();
        if (scanner.peek() != ',')
            return found;
        scanner.advance();
    }
}

QByteArray serializeSessionWithRawResults(const Session &session, const QByteArray &rawResults)
{
    // A placeholder no action can hold, replaced afterwards; only the root object's members are
    // indented by exactly four spaces, so the match is the "results" member itself.
    const QString placeholder =
        QStringLiteral("tenfold-raw-results-") + QUuid::createUuid().toString(QUuid::Id128);
    QByteArray bytes = serializeSession(session, QJsonValue(placeholder));
    const QByteArray written = QByteArray("\n    \"results\": \"") + placeholder.toUtf8() + '"';
    const qsizetype at = bytes.indexOf(written);
    if (at < 0)
        return bytes; // cannot happen: serializeSession writes every member it is given
    const QByteArray member = QByteArray("\n    \"results\": ") + rawResults;
    bytes.replace(at, written.size(), member);
    return bytes;
}

} // namespace Tenfold
