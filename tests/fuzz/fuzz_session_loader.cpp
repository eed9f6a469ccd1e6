// Any bytes into the loader of all three input kinds: it must answer with a session or an error,
// never crash or hang, and whatever it accepts must survive a save and reload unchanged. The
// chunked reader that big inputs take must agree with it on every input, accepted or refused.
#include "session/sessionfile.h"

#include <cstddef>
#include <cstdint>

using namespace Tenfold;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<LoadedInput> loaded = parseInput(input);
    const Result<LoadedInput> chunked = parseInputInChunks(input, 1 + qsizetype(size % 64));
    if (chunked.ok() != loaded.ok())
        __builtin_trap();
    if (!loaded) {
        if (chunked.errorString() != loaded.errorString())
            __builtin_trap();
        if (loaded.errorString().isEmpty())
            __builtin_trap(); // every refusal must say why
        return 0;
    }
    if (chunked->kind != loaded->kind || !(chunked->session == loaded->session) ||
        chunked->diagnostics != loaded->diagnostics || chunked->keptResults != loaded->keptResults)
        __builtin_trap();
    // Compared as saved rather than with ==: Qt keeps a string's leading U+FEFF in the parsed
    // value's bytes but drops it whenever the string is read or written (QString::fromUtf8 takes
    // it for a byte order mark), so such a value compares unequal to itself read back.
    const QByteArray saved = serializeSession(loaded->session);
    Result<LoadedInput> reloaded = parseInput(saved);
    if (!reloaded || serializeSession(reloaded->session) != saved)
        __builtin_trap();
    return 0;
}
