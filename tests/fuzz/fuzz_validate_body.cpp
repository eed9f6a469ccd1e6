// Any accepted input through validation and body generation: no crash, and every batch body
// is valid JSON in Asana's envelope with 1 to 10 actions.
#include "catalog/endpointcatalog.h"
#include "session/sessionfile.h"
#include "validation/validator.h"
#include "wire/batchbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace Tenfold;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<LoadedInput> loaded = parseInput(input);
    if (!loaded)
        return 0;
    QList<Action> resolved;
    const QList<Diagnostic> diagnostics =
        validateSession(loaded->session, loaded->kind, EndpointCatalog::builtin(), &resolved);
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.message.isEmpty() || diagnostic.code.isEmpty())
            __builtin_trap();
    }
    const QList<BatchPlan> batches = planBatches(resolved);
    forEachBatchBody(resolved, batches, [](const BatchPlan &, const QByteArray &body) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        const QJsonArray actions = doc.object()
                                       .value(QLatin1String("data"))
                                       .toObject()
                                       .value(QLatin1String("actions"))
                                       .toArray();
        if (error.error != QJsonParseError::NoError || actions.isEmpty() ||
            actions.size() > MaxActionsPerBatch)
            __builtin_trap();
    });
    return 0;
}
