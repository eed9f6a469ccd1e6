#pragma once

#include <QJsonValue>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Tenfold {

class JsonHighlighter;

/// A small JSON editor: highlighted text, and a parse error shown under it at its line and
/// column (with the spot underlined). It reports only values that parse, so a half-typed edit
/// never reaches the session.
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
