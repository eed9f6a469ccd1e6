#pragma once

#include "apicontext.h"
#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace Tenfold {

class ApiRouter;

/// One action of a batch, read from the wire. `refused` holds the action's own 400/404 when it
/// breaks a batch rule (restricted call, query string, pretty...), so it never reaches a handler.
struct BatchAction
{
    ApiCall call;
    std::optional<ApiResult> refused;
    bool write = false;
    bool search = false;
};

/// Reads POST /batch bodies and writes their results, exactly as FACTS.md describes Asana's batch
/// API: at most 10 actions, results in action order as {status_code, headers, body}.
namespace BatchDispatcher {

constexpr int MaxActions = 10;

/// The actions of a batch body, or the message of the whole-request 400.
Result<QList<BatchAction>> parse(const QByteArray &body, const ApiRouter &router);

/// One RESULT: {status_code, headers, body}, limited to `resultFields` when the parent asked
/// for opt_fields=body,headers,status_code.
QJsonObject result(const ApiResult &answer, const QStringList &resultFields);

} // namespace BatchDispatcher

} // namespace Tenfold
