#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Tenfold {

/// Colours JSON keys, strings, numbers, literals and {{variables}}; picks colours that read well
/// on the current palette (light or dark).
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);

    /// Recomputes colours for the current palette (call on a palette change).
    void updateColors(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_variable;
    QRegularExpression m_tokens;
    QRegularExpression m_variables;
};

} // namespace Tenfold
