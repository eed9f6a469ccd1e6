// Any bytes as a results file (the GUI's results pane and `send --only-failed-from` read them):
// a file is refused with a reason or read whole, with one result per action, and what is read
// is written back and read again to the same bytes.
#include "sending/resultsfile.h"

#include <cstddef>
#include <cstdint>

using namespace Tenfold;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<SendRun> run = parseResults(input);
    if (!run) {
        if (run.errorString().isEmpty())
            __builtin_trap();
        return 0;
    }
    if (run->results.size() != run->actions.size())
        __builtin_trap(); // results[i] must belong to actions[i]
    (void)run->summary();
    for (int index : run->unfinishedIndexes()) {
        if (index < 0 || index >= run->actions.size())
            __builtin_trap();
    }

    const QByteArray written = serializeResults(run.value());
    const Result<SendRun> again = parseResults(written);
    if (!again || serializeResults(again.value()) != written)
        __builtin_trap();
    return 0;
}
