#include "jsoneditor.h"

#include "actiontable/actiontablemodel.h"
#include "jsonhighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Tenfold {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QString prettyJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson()).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson()).trimmed();
    return compactJson(value);
}

} // namespace

JsonEditor::JsonEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_highlighter(new JsonHighlighter(m_edit->document()))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setObjectName(QStringLiteral("jsonText"));
    m_error->setObjectName(QStringLiteral("jsonError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_error);
    m_highlighter->updateColors(isDark(palette()));
    connect(m_edit, &QPlainTextEdit::textChanged, this, &JsonEditor::onTextChanged);
}

void JsonEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->updateColors(isDark(palette()));
    QWidget::changeEvent(event);
}

void JsonEditor::setValue(const QJsonValue &value)
{
    bool ok = false;
    const QJsonValue current = parseJsonValue(m_edit->toPlainText(), &ok);
    if (ok && current == value)
        return;
    setText(prettyJson(value));
}

QString JsonEditor::text() const
{
    return m_edit->toPlainText();
}

void JsonEditor::setText(const QString &text)
{
    m_settingText = true;
    m_edit->setPlainText(text); // textChanged refreshes the error line, reporting no edit
    m_settingText = false;
}

void JsonEditor::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

QString JsonEditor::errorText() const
{
    return m_message;
}

void JsonEditor::onTextChanged()
{
    bool ok = false;
    QString message;
    int line = 0;
    int column = 0;
    const QJsonValue value = parseJsonValue(m_edit->toPlainText(), &ok, &message, &line, &column);
    if (!ok) {
        showError(message, line, column);
        if (!m_settingText)
            emit draftEdited(m_edit->toPlainText());
        return;
    }
    showError({}, 0, 0);
    if (!m_settingText)
        emit valueEdited(value);
}

void JsonEditor::showError(const QString &message, int line, int column)
{
    m_message = message;
    QList<QTextEdit::ExtraSelection> selections;
    if (!message.isEmpty()) {
        const QTextBlock block = m_edit->document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            const int position = std::min(column - 1, std::max(0, block.length() - 2));
            selection.cursor.setPosition(block.position() + position);
            selection.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
            selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            selection.format.setUnderlineColor(Qt::red);
            selection.format.setBackground(QColor(255, 0, 0, 60));
            selections.append(selection);
        }
        m_error->setText(QStringLiteral("<span style=\"color:#d0312d\">&#9888; %1</span>")
                             .arg(message.toHtmlEscaped()));
    }
    m_edit->setExtraSelections(selections);
    m_error->setVisible(!message.isEmpty());
}

} // namespace Tenfold
