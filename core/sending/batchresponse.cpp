#include "batchresponse.h"

#include "common/plural.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Tenfold {

namespace {

constexpr qsizetype MaxRawBodyChars = 4096;

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::BatchResponse", text);
}

QJsonObject lowerCaseKeys(const QJsonObject &object)
{
    QJsonObject lower;
    for (auto it = object.begin(); it != object.end(); ++it)
        lower.insert(it.key().toLower(), it.value());
    return lower;
}

bool looksTruncated(const QJsonParseError &error, const QByteArray &body)
{
    switch (error.error) {
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::UnterminatedString:
        return true;
    default:
        break;
    }
    // Other errors right at the end mean the text stopped mid-value.
    return error.offset >= body.trimmed().size() - 1;
}

} // namespace

Result<QList<ActionResponse>> parseBatchResponse(const QByteArray &body, int expectedCount)
{
    if (body.trimmed().isEmpty())
        return Error{tr("the server answered with an empty body instead of the batch results")};

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const bool startsLikeJson = body.trimmed().startsWith('{');
        if (startsLikeJson && looksTruncated(parseError, body)) {
            return Error{
                tr("the answer was cut off after %1 bytes (incomplete JSON)").arg(body.size())};
        }
        return Error{tr("the answer is not JSON (%1 at byte %2)")
                         .arg(parseError.errorString())
                         .arg(parseError.offset)};
    }
    const QJsonValue data = document.object().value(QLatin1String("data"));
    if (!data.isArray())
        return Error{tr("the answer has no \"data\" array of results")};

    const QJsonArray array = data.toArray();
    if (array.size() != expectedCount) {
        return Error{tr("the answer holds %1 for %2, so no result can be matched to its action")
                         .arg(countOf(array.size(), tr("result"), tr("results")),
                              countOf(expectedCount, tr("action"), tr("actions")))};
    }
    QList<ActionResponse> responses;
    responses.reserve(array.size());
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QJsonValue status = object.value(QLatin1String("status_code"));
        if (!status.isDouble()) {
            return Error{tr("result %1 of the answer has no status_code").arg(i + 1)};
        }
        ActionResponse response;
        response.statusCode = status.toInt();
        response.headers = lowerCaseKeys(object.value(QLatin1String("headers")).toObject());
        response.body = object.value(QLatin1String("body"));
        response.errors = parseApiErrors(response.body);
        responses.append(response);
    }
    return responses;
}

QJsonValue bodyAsJson(const QByteArray &body)
{
    if (body.isEmpty())
        return QJsonValue();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        if (document.isObject())
            return document.object();
        return document.array();
    }
    QString text = QString::fromUtf8(body.left(MaxRawBodyChars));
    if (body.size() > MaxRawBodyChars)
        text += QStringLiteral("…");
    return text;
}

} // namespace Tenfold
