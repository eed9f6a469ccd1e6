// Any bytes into the loader of all three input kinds: it must answer with a session or an error,
// never crash or hang, and whatever it accepts must survive a save and reload unchanged.
#include "session/sessionfile.h"

#include <cstddef>
#include <cstdint>

using namespace Tenfold;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<LoadedInput> loaded = parseInput(input);
    if (!loaded) {
        if (loaded.errorString().isEmpty())
            __builtin_trap(); // every refusal must say why
        return 0;
    }
    Result<LoadedInput> reloaded = parseInput(serializeSession(loaded->session));
    if (!reloaded || !(reloaded->session == loaded->session))
        __builtin_trap();
    return 0;
}
