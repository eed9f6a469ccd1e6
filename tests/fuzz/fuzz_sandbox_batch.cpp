// Any bytes as a POST /batch body to the sandbox, without a socket: the same path the server
// takes (BatchDispatcher::parse, the router on a fresh store, one RESULT per action). A refusal
// is a 400 with a message; an accepted batch answers every action, in order, with a status and
// Asana's shape ({"data":...} or {"errors":[{"message"}]}), and never crashes the server.
#include "catalog/endpointcatalog.h"
#include "sandbox/apirouter.h"
#include "sandbox/batchdispatcher.h"
#include "sandbox/resourcestore.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace Tenfold;

namespace {

bool hasAsanaShape(const QJsonObject &body)
{
    if (body.contains(QLatin1String("data")))
        return true;
    const QJsonArray errors = body.value(QLatin1String("errors")).toArray();
    if (errors.isEmpty())
        return false;
    for (const QJsonValue &error : errors) {
        if (error.toObject().value(QLatin1String("message")).toString().isEmpty())
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // A fresh copy of the seeded store per input keeps every run reproducible from its input
    // alone; copying is cheap (implicitly shared hashes), seeding is not.
    static const ResourceStore pristine(7);
    ResourceStore store = pristine;
    const ApiRouter router(store, EndpointCatalog::builtin());

    const Result<QList<BatchAction>> parsed = BatchDispatcher::parse(body, router);
    if (!parsed) {
        if (parsed.errorString().isEmpty())
            __builtin_trap(); // the whole-request 400 must say why
        return 0;
    }
    if (parsed->isEmpty() || parsed->size() > BatchDispatcher::MaxActions)
        __builtin_trap();

    const QString apiBase = QStringLiteral("http://127.0.0.1:1/api/1.0");
    QJsonArray results;
    for (const BatchAction &action : parsed.value()) {
        const ApiResult answer =
            action.refused ? *action.refused : router.handle(action.call, apiBase);
        if (answer.status < 200 || answer.status > 599 || !hasAsanaShape(answer.body))
            __builtin_trap();
        if (action.refused && answer.status < 400)
            __builtin_trap();
        results.append(BatchDispatcher::result(answer, {}));
    }
    if (results.size() != parsed->size())
        __builtin_trap();
    // The response must be JSON a client can read back.
    const QByteArray wire = QJsonDocument(QJsonObject{{QStringLiteral("data"), results}}).toJson();
    if (QJsonDocument::fromJson(wire).object().value(QLatin1String("data")).toArray().size() !=
        results.size())
        __builtin_trap();
    return 0;
}
