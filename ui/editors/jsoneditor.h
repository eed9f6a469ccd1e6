#pragma once

#include <QJsonValue>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Tenfold {

class JsonHighlighter;

/// A small JSON editor: highlighted text, and a parse error shown under it at its line and
/// column (with the spot underlined). Text that parses is reported as a value; text that does not
/// is reported as a draft, so its owner can keep it visible and keep it from being sent or
/// saved in place of the last valid value.
class JsonEditor : public QWidget
{
    Q_OBJECT

public:
    explicit JsonEditor(QWidget *parent = nullptr);

    /// Shows `value` pretty-printed, unless the text already means exactly that (keeps the cursor).
    void setValue(const QJsonValue &value);
    QString text() const;
    void setText(const QString &text);
    void setPlaceholderText(const QString &text);
    /// The current parse error ("line L, column C: ..."), empty when the text is valid.
    QString errorText() const;
    QPlainTextEdit *textEdit() const { return m_edit; }

signals:
    /// The text changed by the user and parses; Undefined when it was emptied.
    void valueEdited(const QJsonValue &value);
    /// The text changed by the user and does not parse (errorText() says why).
    void draftEdited(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onTextChanged();
    void showError(const QString &message, int line, int column);

    QPlainTextEdit *m_edit;
    QLabel *m_error;
    JsonHighlighter *m_highlighter;
    QString m_message;
    bool m_settingText = false;
};

} // namespace Tenfold
