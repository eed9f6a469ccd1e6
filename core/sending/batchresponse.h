#pragma once

#include "common/result.h"
#include "sendresult.h"

#include <QByteArray>
#include <QList>

namespace Tenfold {

/// One RESULT of a 200 batch answer: {"status_code", "headers", "body"}.
struct ActionResponse
{
    int statusCode = 0;
    QJsonObject headers; ///< names lower case
    QJsonValue body;
    QList<ApiError> errors;
};

/// Reads a 2xx POST /batch answer, {"data":[RESULT, ...]}, expecting one RESULT per action. Fails,
/// saying what was wrong, for an empty, non-JSON or truncated body, a missing data array or a
/// result count that differs from `expectedCount`: then no result can be trusted to its action.
Result<QList<ActionResponse>> parseBatchResponse(const QByteArray &body, int expectedCount);

/// A response body as JSON when it is JSON, else as a string cut to a readable length.
QJsonValue bodyAsJson(const QByteArray &body);

} // namespace Tenfold
