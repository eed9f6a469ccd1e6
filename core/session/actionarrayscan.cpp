#include "actionarrayscan.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace Tenfold {

namespace {

/// Deeper JSON is left to the whole-document parse: Qt's parser refuses nesting beyond 1024
/// levels, and a chunk sits one or two levels higher than in the whole document, so the scan
/// must never hand Qt a chunk that it would accept alone but refuse in place.
constexpr int MaxDepth = 512;

constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// Ends a number or a literal (true, false, null) as Qt's parser sees it.
constexpr bool endsBareValue(char c)
{
    return isSpace(c) || c == ',' || c == ']' || c == '}' || c == ':' || c == '"' || c == '[' ||
           c == '{';
}

/// The bytes skipContainer() must stop at.
constexpr std::array<bool, 256> StructuralBytes = [] {
    std::array<bool, 256> table{};
    for (const char c : {'"', '{', '}', '[', ']'})
        table[uchar(c)] = true;
    return table;
}();

bool isStructural(char c)
{
    return StructuralBytes[uchar(c)];
}

class Scanner
{
public:
    Scanner(QByteArrayView json, qsizetype chunkBytes)
        : m_begin(json.data())
        , m_p(json.data())
        , m_end(json.data() + json.size())
        , m_chunkBytes(std::max<qsizetype>(1, chunkBytes))
    {
    }

    std::optional<ActionArrayLayout> scan()
    {
        // Qt's parser skips a UTF-8 byte order mark (only when more than the mark follows).
        if (m_end - m_p > 3 && std::memcmp(m_p, "\xef\xbb\xbf", 3) == 0)
            m_p += 3;
        skipSpace();
        if (m_p == m_end)
            return std::nullopt;
        bool found = false;
        if (*m_p == '[') {
            m_layout.place = ActionArrayLayout::Place::Root;
            found = scanActions();
        } else if (*m_p == '{') {
            if (!scanObject(/*root=*/true, found))
                return std::nullopt;
        }
        skipSpace();
        if (!found || m_p != m_end)
            return std::nullopt;
        return m_layout;
    }

private:
    qsizetype offset() const { return m_p - m_begin; }

    void skipSpace()
    {
        while (m_p != m_end && isSpace(*m_p))
            ++m_p;
    }

    /// At an opening quote: moves past the closing one. A quote ends the string unless an odd
    /// number of backslashes precedes it; everything else inside is the parser's business.
    bool skipString()
    {
        const char *const content = ++m_p;
        const char *from = content;
        for (;;) {
            const auto *quote =
                static_cast<const char *>(std::memchr(from, '"', size_t(m_end - from)));
            if (!quote)
                return false;
            const char *slashes = quote;
            while (slashes != content && slashes[-1] == '\\')
                --slashes;
            from = quote + 1;
            if ((quote - slashes) % 2 == 0) {
                m_p = from;
                return true;
            }
        }
    }

    /// At an opening '{' or '[': moves past the bracket that brings the depth back to zero.
    bool skipContainer()
    {
        int depth = 0;
        while (m_p != m_end) {
            // Most bytes between structural ones are spaces, names and numbers: step over them
            // with one table look-up each (this loop is most of the scan's time).
            while (!isStructural(*m_p)) {
                if (++m_p == m_end)
                    return false;
            }
            switch (*m_p) {
            case '"':
                if (!skipString())
                    return false;
                continue;
            case '{':
            case '[':
                if (++depth > MaxDepth)
                    return false;
                break;
            case '}':
            case ']':
                if (--depth == 0) {
                    ++m_p;
                    return true;
                }
                break;
            default:
                break;
            }
            ++m_p;
        }
        return false;
    }

    bool skipValue()
    {
        if (m_p == m_end)
            return false;
        if (*m_p == '"')
            return skipString();
        if (*m_p == '{' || *m_p == '[')
            return skipContainer();
        const char *const start = m_p;
        while (m_p != m_end && !endsBareValue(*m_p))
            ++m_p;
        return m_p != start;
    }

    /// At the opening quote of a key: its bytes, or nothing when it holds an escape (an escaped
    /// key could spell "actions" in a way a byte comparison would miss).
    std::optional<QByteArrayView> readKey()
    {
        const char *const start = m_p + 1;
        if (!skipString())
            return std::nullopt;
        const QByteArrayView key(start, m_p - 1 - start);
        if (key.contains('\\'))
            return std::nullopt;
        return key;
    }

    /// The root object, or the "data" object inside it: follows "actions" (and at the root,
    /// "data") and skips everything else.
    bool scanObject(bool root, bool &found)
    {
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        bool sawActions = false;
        bool sawData = false;
        for (;;) {
            skipSpace();
            if (m_p == m_end || *m_p != '"')
                return false;
            const std::optional<QByteArrayView> key = readKey();
            if (!key)
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return false;
            ++m_p;
            skipSpace();
            if (*key == "actions") {
                if (sawActions)
                    return false;
                sawActions = true;
                if (m_p != m_end && *m_p == '[') {
                    if (found)
                        return false;
                    found = true;
                    m_layout.place = root ? ActionArrayLayout::Place::SessionActions
                                          : ActionArrayLayout::Place::BatchBodyActions;
                    if (!scanActions())
                        return false;
                } else if (!skipValue()) {
                    return false;
                }
            } else if (root && *key == "data") {
                if (sawData)
                    return false;
                sawData = true;
                if (m_p != m_end && *m_p == '{') {
                    if (!scanObject(/*root=*/false, found))
                        return false;
                } else if (!skipValue()) {
                    return false;
                }
            } else if (!skipValue()) {
                return false;
            }
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    /// At the actions array's '[': records its elements in chunks.
    bool scanActions()
    {
        m_layout.open = offset();
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            m_layout.close = offset();
            ++m_p;
            return true;
        }
        ActionArrayLayout::Chunk chunk;
        int index = 0;
        for (;;) {
            skipSpace();
            const qsizetype start = offset();
            if (!skipValue())
                return false;
            if (chunk.count == 0) {
                chunk.begin = start;
                chunk.first = index;
            }
            chunk.end = offset();
            ++chunk.count;
            if (index == std::numeric_limits<int>::max())
                return false; // more elements than an action list holds; the whole parse refuses
            ++index;
            if (chunk.end - chunk.begin >= m_chunkBytes) {
                m_layout.chunks.append(chunk);
                chunk = {};
            }
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == ']')
                break;
            if (*m_p != ',')
                return false;
            ++m_p;
        }
        if (chunk.count > 0)
            m_layout.chunks.append(chunk);
        m_layout.close = offset();
        m_layout.count = index;
        ++m_p;
        return true;
    }

    const char *const m_begin;
    const char *m_p;
    const char *const m_end;
    const qsizetype m_chunkBytes;
    ActionArrayLayout m_layout;
};

} // namespace

std::optional<ActionArrayLayout> scanActionArray(QByteArrayView json, qsizetype chunkBytes)
{
    return Scanner(json, chunkBytes).scan();
}

} // namespace Tenfold
