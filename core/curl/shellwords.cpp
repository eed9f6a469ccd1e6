#include "shellwords.h"

#include <QCoreApplication>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::Curl", text);
}

class Splitter
{
public:
    explicit Splitter(const QString &text)
        : m_text(text)
    {
    }

    Result<QList<ShellCommand>> run()
    {
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u' ' || c == u'\t' || c == u'\r') {
                endWord();
                ++m_pos;
            } else if (c == u'\n') {
                endCommand();
                ++m_pos;
                ++m_line;
            } else if (c == u'#' && !m_inWord) {
                while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n')
                    ++m_pos;
            } else if (c == u'&' && peek(1) != u'&') {
                // Most often an unquoted URL with a query string: the shell would cut it there.
                refuseRestOfLine(tr("a background command (&) is not a curl command; if the & "
                                    "belongs to the URL, put the URL in quotes"));
            } else if (c == u';' || c == u'|' || c == u'&') {
                endCommand();
                m_pos += (peek(1) == c) ? 2 : 1;
            } else if (c == u'<' || c == u'>') {
                refuseRestOfLine(tr("redirections (< and >) cannot be imported; remove them"));
            } else if (c == u'\\') {
                startWord();
                if (peek(1) == u'\n' || (peek(1) == u'\r' && peek(2) == u'\n')) {
                    if (peek(1) == u'\r')
                        ++m_pos;
                    // A continuation joins the lines; it does not end a word by itself.
                    m_pos += 2;
                    ++m_line;
                    if (m_word.text.isEmpty() && !m_quotedEmpty)
                        m_inWord = false;
                } else if (m_pos + 1 < m_text.size()) {
                    m_word.text += m_text.at(m_pos + 1);
                    m_pos += 2;
                } else {
                    ++m_pos;
                }
            } else if (c == u'\'') {
                startWord();
                if (auto error = singleQuoted())
                    return *error;
            } else if (c == u'$' && peek(1) == u'\'') {
                startWord();
                ++m_pos;
                if (auto error = ansiQuoted())
                    return *error;
            } else if (c == u'"') {
                startWord();
                if (auto error = doubleQuoted())
                    return *error;
            } else if (c == u'$' || c == u'`') {
                startWord();
                if (auto error = expansion())
                    return *error;
            } else {
                startWord();
                m_word.text += c;
                ++m_pos;
            }
        }
        endCommand();
        return m_commands;
    }

private:
    QChar peek(int ahead) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }

    Error fail(const QString &message) const { return Error{message, m_line, 0}; }

    /// The command cannot be imported as it stands: it keeps `problem`, and the rest of its
    /// line is passed over, so the commands on the next lines are still read.
    void refuseRestOfLine(const QString &problem)
    {
        endWord();
        if (m_current.problem.isEmpty())
            m_current.problem = problem;
        if (m_current.words.isEmpty())
            m_current.line = m_line;
        while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n')
            ++m_pos;
    }

    void startWord()
    {
        if (!m_inWord) {
            m_inWord = true;
            m_word = ShellWord{{}, false, m_line};
            m_quotedEmpty = false;
        }
    }

    void endWord()
    {
        if (!m_inWord)
            return;
        if (m_current.words.isEmpty())
            m_current.line = m_word.line;
        m_current.words.append(m_word);
        m_inWord = false;
    }

    void endCommand()
    {
        endWord();
        if (!m_current.words.isEmpty() || !m_current.problem.isEmpty())
            m_commands.append(m_current);
        m_current = ShellCommand{};
    }

    std::optional<Error> singleQuoted()
    {
        const int startLine = m_line;
        ++m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos) != u'\'') {
            if (m_text.at(m_pos) == u'\n')
                ++m_line;
            m_word.text += m_text.at(m_pos++);
        }
        if (m_pos >= m_text.size())
            return Error{tr("a single quote opened here is never closed"), startLine, 0};
        ++m_pos;
        m_quotedEmpty = true;
        return std::nullopt;
    }

    std::optional<Error> doubleQuoted()
    {
        const int startLine = m_line;
        ++m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos) != u'"') {
            const QChar c = m_text.at(m_pos);
            if (c == u'\\') {
                const QChar next = peek(1);
                if (next == u'\n') {
                    m_pos += 2;
                    ++m_line;
                } else if (next == u'$' || next == u'`' || next == u'"' || next == u'\\') {
                    m_word.text += next;
                    m_pos += 2;
                } else {
                    m_word.text += c; // any other backslash stays
                    ++m_pos;
                }
            } else if (c == u'$' || c == u'`') {
                if (auto error = expansion())
                    return error;
            } else {
                if (c == u'\n')
                    ++m_line;
                m_word.text += c;
                ++m_pos;
            }
        }
        if (m_pos >= m_text.size())
            return Error{tr("a double quote opened here is never closed"), startLine, 0};
        ++m_pos;
        m_quotedEmpty = true;
        return std::nullopt;
    }

    /// $NAME, ${...}, $(...), `...`: kept as written and flagged, never run.
    std::optional<Error> expansion()
    {
        const int startLine = m_line;
        const qsizetype start = m_pos;
        const QChar c = m_text.at(m_pos);
        auto scanTo = [&](QChar open, QChar close) -> bool {
            int depth = 0;
            while (m_pos < m_text.size()) {
                const QChar d = m_text.at(m_pos);
                if (d == u'\n')
                    ++m_line;
                if (d == u'\\') {
                    m_pos += 2;
                    continue;
                }
                if (d == open && open != close)
                    ++depth;
                else if (d == close && (open == close || --depth == 0)) {
                    ++m_pos;
                    return true;
                }
                ++m_pos;
            }
            return false;
        };
        bool closed = true;
        if (c == u'`') {
            ++m_pos;
            closed = scanTo(u'`', u'`');
        } else if (peek(1) == u'{') {
            ++m_pos;
            closed = scanTo(u'{', u'}');
        } else if (peek(1) == u'(') {
            ++m_pos;
            closed = scanTo(u'(', u')');
        } else {
            ++m_pos;
            const QChar first = m_pos < m_text.size() ? m_text.at(m_pos) : QChar();
            if (first.isDigit() || QStringView(u"?$!#*@-").contains(first)) {
                ++m_pos;
            } else if (first.isLetter() || first == u'_') {
                while (m_pos < m_text.size() &&
                       (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
                    ++m_pos;
            } else {
                m_word.text += c; // a lone $ is literal
                return std::nullopt;
            }
        }
        if (!closed)
            return Error{tr("a substitution opened here is never closed"), startLine, 0};
        m_word.text += QStringView(m_text).mid(start, m_pos - start);
        m_word.expands = true;
        return std::nullopt;
    }

    std::optional<Error> ansiQuoted()
    {
        const int startLine = m_line;
        ++m_pos; // the opening quote
        while (m_pos < m_text.size() && m_text.at(m_pos) != u'\'') {
            const QChar c = m_text.at(m_pos);
            if (c != u'\\' || peek(1) != u'x')
                flushBytes();
            if (c != u'\\') {
                if (c == u'\n')
                    ++m_line;
                m_word.text += c;
                ++m_pos;
                continue;
            }
            const QChar e = peek(1);
            m_pos += 2;
            switch (e.unicode()) {
            case 'a':
                m_word.text += QChar(7);
                break;
            case 'b':
                m_word.text += QChar(8);
                break;
            case 'e':
            case 'E':
                m_word.text += QChar(27);
                break;
            case 'f':
                m_word.text += QChar(12);
                break;
            case 'n':
                m_word.text += u'\n';
                break;
            case 'r':
                m_word.text += u'\r';
                break;
            case 't':
                m_word.text += u'\t';
                break;
            case 'v':
                m_word.text += QChar(11);
                break;
            case '\\':
                m_word.text += u'\\';
                break;
            case '\'':
                m_word.text += u'\'';
                break;
            case '"':
                m_word.text += u'"';
                break;
            case '?':
                m_word.text += u'?';
                break;
            case 'x':
                appendCode(16, 2);
                break;
            case 'u':
                appendCode(16, 4);
                break;
            case 'U':
                appendCode(16, 8);
                break;
            case 'c':
                if (m_pos < m_text.size())
                    m_word.text += QChar(m_text.at(m_pos++).unicode() & 0x1f);
                break;
            default:
                if (e >= u'0' && e <= u'7') {
                    --m_pos;
                    appendCode(8, 3);
                } else {
                    m_word.text += u'\\';
                    if (!e.isNull())
                        m_word.text += e;
                }
            }
        }
        if (m_pos >= m_text.size())
            return Error{tr("a $'...' string opened here is never closed"), startLine, 0};
        flushBytes();
        ++m_pos;
        m_quotedEmpty = true;
        return std::nullopt;
    }

    /// Up to `digits` digits in `base` at the current position, as one character (bytes below
    /// 0x100 from \x and octal are taken as Latin-1, like bash in a UTF-8 locale for ASCII).
    void appendCode(int base, int digits)
    {
        uint code = 0;
        int used = 0;
        while (used < digits && m_pos < m_text.size()) {
            bool ok = false;
            const uint digit = QString(m_text.at(m_pos)).toUInt(&ok, base);
            if (!ok)
                break;
            code = code * uint(base) + digit;
            ++m_pos;
            ++used;
        }
        if (used == 0) {
            m_word.text += u'\\';
            return;
        }
        if (base == 16 && digits == 2 && code >= 0x80) {
            // \xHH writes a raw byte: collect a run of them and decode as UTF-8.
            m_pendingBytes += char(code);
            flushBytesIfComplete();
            return;
        }
        flushBytes();
        m_word.text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
    }

    void flushBytesIfComplete()
    {
        const QString decoded = QString::fromUtf8(m_pendingBytes);
        if (!decoded.contains(QChar::ReplacementCharacter)) {
            m_word.text += decoded;
            m_pendingBytes.clear();
        }
    }

    void flushBytes()
    {
        if (!m_pendingBytes.isEmpty()) {
            m_word.text += QString::fromUtf8(m_pendingBytes);
            m_pendingBytes.clear();
        }
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_inWord = false;
    bool m_quotedEmpty = false; ///< the word holds quotes, so it exists even when empty
    QByteArray m_pendingBytes;
    ShellWord m_word;
    ShellCommand m_current;
    QList<ShellCommand> m_commands;
};

} // namespace

Result<QList<ShellCommand>> splitShellCommands(const QString &text)
{
    return Splitter(text).run();
}

} // namespace Tenfold
