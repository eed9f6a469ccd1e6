// Any bytes as the body of a 2xx POST /batch answer (the first byte picks how many actions were
// sent, 0 to 10): the parser must hand back exactly one response per action or refuse with a
// reason, never crash; a refusal is what turns the batch's actions into "outcome unknown".
#include "sending/batchresponse.h"

#include <cstddef>
#include <cstdint>

using namespace Tenfold;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const int expected = data[0] % 11;
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Result<QList<ActionResponse>> parsed = parseBatchResponse(body, expected);
    if (!parsed) {
        if (parsed.errorString().isEmpty())
            __builtin_trap();
    } else if (parsed->size() != expected) {
        __builtin_trap(); // a result matched to the wrong action would mislabel what ran
    }

    // Whatever the body, the raw form kept for the results file is JSON or bounded text.
    const QJsonValue kept = bodyAsJson(body);
    if (kept.isString() && kept.toString().size() > 4097)
        __builtin_trap();
    return 0;
}
