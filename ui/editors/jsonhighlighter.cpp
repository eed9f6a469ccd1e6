#include "jsonhighlighter.h"

namespace Tenfold {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_tokens(QStringLiteral(
          R"re(("(?:[^"\\]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)re"))
    , m_variables(QStringLiteral(R"(\{\{\s*[A-Za-z_][A-Za-z0-9_.\-]*\s*\}\})"))
{
    updateColors(false);
}

void JsonHighlighter::updateColors(bool dark)
{
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x45, 0x8c));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));
    m_variable.setForeground(dark ? QColor(0xdc, 0xdc, 0xaa) : QColor(0x79, 0x5e, 0x26));
    m_variable.setFontItalic(true);
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    auto it = m_tokens.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength(1) > 0) {
            const bool isKey = match.capturedLength(2) > 0;
            setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)),
                      isKey ? m_key : m_string);
        } else if (match.capturedLength(3) > 0) {
            setFormat(int(match.capturedStart(3)), int(match.capturedLength(3)), m_number);
        } else if (match.capturedLength(4) > 0) {
            setFormat(int(match.capturedStart(4)), int(match.capturedLength(4)), m_literal);
        }
    }
    auto vars = m_variables.globalMatch(text);
    while (vars.hasNext()) {
        const QRegularExpressionMatch match = vars.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_variable);
    }
}

} // namespace Tenfold
