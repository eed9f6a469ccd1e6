#include "actiondetaileditor.h"

#include "actiontable/actiondelegates.h"
#include "actiontable/actiontablemodel.h"
#include "actiontable/endpointcompleter.h"
#include "jsoneditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedLayout>

namespace Tenfold {

namespace {

QString fieldsText(const QJsonValue &options)
{
    const QJsonValue fields = options.toObject().value(QLatin1String("fields"));
    if (!fields.isArray())
        return fields.isString() ? fields.toString() : QString();
    QStringList names;
    const QJsonArray array = fields.toArray();
    for (const QJsonValue &v : array)
        names.append(v.toString());
    return names.join(QLatin1String(", "));
}

} // namespace

ActionDetailEditor::ActionDetailEditor(ActionTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_stack(new QStackedLayout(this))
    , m_hint(new QLabel(this))
    , m_title(new QLabel)
    , m_enabled(new QCheckBox(tr("&Send this action")))
    , m_method(new QComboBox)
    , m_path(new PathLineEdit)
    , m_fields(new QLineEdit)
    , m_note(new QLineEdit)
    , m_data(new JsonEditor)
    , m_options(new JsonEditor)
{
    setObjectName(QStringLiteral("actionDetail"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    m_stack->addWidget(m_hint);

    auto *page = new QWidget;
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    form->addRow(m_title);
    form->addRow(QString(), m_enabled);
    m_enabled->setObjectName(QStringLiteral("detailEnabled"));
    m_method->addItems(MethodDelegate::methods());
    m_method->setObjectName(QStringLiteral("detailMethod"));
    form->addRow(tr("&Method:"), m_method);
    m_path->setObjectName(QStringLiteral("detailPath"));
    form->addRow(tr("&Path:"), m_path);
    m_fields->setObjectName(QStringLiteral("detailFields"));
    m_fields->setPlaceholderText(tr("name, assignee.name, due_on"));
    m_fields->setToolTip(
        tr("The fields Asana should return (options.fields), separated by commas"));
    form->addRow(tr("&Fields:"), m_fields);
    m_note->setObjectName(QStringLiteral("detailNote"));
    m_note->setPlaceholderText(tr("What this action is for (never sent)"));
    form->addRow(tr("&Note:"), m_note);
    layout->addLayout(form, 4);

    auto addJsonBox = [layout](const QString &title, JsonEditor *editor, const QString &name,
                               const QString &placeholder) {
        auto *box = new QGroupBox(title);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(4, 4, 4, 4);
        editor->setObjectName(name);
        editor->setPlaceholderText(placeholder);
        boxLayout->addWidget(editor);
        layout->addWidget(box, 3);
    };
    addJsonBox(tr("Data"), m_data, QStringLiteral("detailData"),
               tr("No data.\nQuery parameters or body fields\nas a JSON object, e.g.\n{\"name\": "
                  "\"Buy milk\"}"));
    addJsonBox(
        tr("Options"), m_options, QStringLiteral("detailOptions"),
        tr("No options.\nA JSON object with fields,\nlimit or offset, e.g.\n{\"limit\": 20}"));
    m_stack->addWidget(page);

    // stateChanged, not toggled: leaving "neither" (a flag the file held that could not be
    // read) for "on" is an answer, though both count as checked.
    connect(m_enabled, &QCheckBox::stateChanged, this, [this](int state) {
        if (m_row >= 0 && state != Qt::PartiallyChecked)
            m_model->editField(m_row, ActionTableModel::EnabledColumn, state == Qt::Checked);
    });
    connect(m_method, &QComboBox::activated, this, [this] {
        if (m_row >= 0)
            m_model->editField(m_row, ActionTableModel::MethodColumn, m_method->currentText());
    });
    connect(m_path, &PathLineEdit::pathEdited, this, [this](const QString &text) {
        if (m_row >= 0)
            m_model->editField(m_row, ActionTableModel::PathColumn, text, true);
    });
    connect(m_path, &PathLineEdit::endpointChosen, this,
            [this](const QString &method, const QString &path) {
                if (m_row >= 0)
                    m_model->editEndpoint(m_row, method, path);
            });
    connect(m_note, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_row >= 0)
            m_model->editField(m_row, ActionTableModel::NoteColumn, text, true);
    });
    connect(m_fields, &QLineEdit::textEdited, this, &ActionDetailEditor::editOptionsFields);
    // Text that parses is the value; text that does not is the cell's draft (a QString): it
    // stays on screen and in the Problems list, and keeps the action from being sent.
    for (auto [editor, column] : {std::pair{m_data, int(ActionTableModel::DataColumn)},
                                  std::pair{m_options, int(ActionTableModel::OptionsColumn)}}) {
        connect(editor, &JsonEditor::valueEdited, this, [this, column](const QJsonValue &value) {
            if (m_row >= 0)
                m_model->editField(m_row, column, QVariant::fromValue(value), true);
        });
        connect(editor, &JsonEditor::draftEdited, this, [this, column](const QString &text) {
            if (m_row >= 0)
                m_model->editField(m_row, column, QVariant(text), true);
        });
    }

    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (m_row >= topLeft.row() && m_row <= bottomRight.row())
                    refresh();
            });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { setRow(-1, 0); });
    setRow(-1, 0);
}

void ActionDetailEditor::setRow(int row, int selectedCount)
{
    if (row >= m_model->rowCount())
        row = -1;
    m_row = row;
    if (row < 0) {
        m_hint->setText(selectedCount > 1
                            ? tr("%n actions selected. Select a single action to edit its "
                                 "details.",
                                 nullptr, selectedCount)
                            : tr("Select an action to edit its method, path, data and options "
                                 "here."));
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    refresh();
}

void ActionDetailEditor::refresh()
{
    if (m_row < 0 || m_row >= m_model->rowCount())
        return;
    const Action &action = m_model->action(m_row);
    const int batch = m_model->index(m_row, 0).data(ActionTableModel::BatchNumberRole).toInt();
    m_title->setText(batch > 0 ? tr("Action %1 \u00b7 batch %2").arg(m_row + 1).arg(batch)
                               : tr("Action %1 \u00b7 disabled").arg(m_row + 1));
    {
        const QSignalBlocker blocker(m_enabled);
        // Neither on nor off while the file's flag could not be read; a click answers it.
        const bool unread = m_model->holdsUnread(m_row, ActionTableModel::EnabledColumn);
        m_enabled->setTristate(unread);
        m_enabled->setCheckState(unread ? Qt::PartiallyChecked
                                        : (action.enabled ? Qt::Checked : Qt::Unchecked));
    }
    const QString method = action.method.toUpper();
    int found = m_method->findText(method);
    if (found < 0) {
        m_method->addItem(method);
        found = m_method->count() - 1;
    }
    m_method->setCurrentIndex(found);
    m_path->setPath(action.relativePath);
    if (m_note->text() != action.note)
        m_note->setText(action.note);
    const QString fields = fieldsText(action.options);
    if (!m_fields->hasFocus() && m_fields->text() != fields)
        m_fields->setText(fields);
    showJson(m_data, ActionTableModel::DataColumn, action.data);
    showJson(m_options, ActionTableModel::OptionsColumn, action.options);
}

void ActionDetailEditor::showJson(JsonEditor *editor, int column, const QJsonValue &value)
{
    if (const std::optional<QString> typed = m_model->draft(m_row, column)) {
        if (editor->text() != *typed)
            editor->setText(*typed);
        return;
    }
    editor->setValue(value);
}

void ActionDetailEditor::editOptionsFields(const QString &text)
{
    if (m_row < 0)
        return;
    QJsonObject options = m_model->action(m_row).options.toObject();
    QJsonArray fields;
    const QStringList names = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names) {
        if (!name.trimmed().isEmpty())
            fields.append(name.trimmed());
    }
    if (fields.isEmpty())
        options.remove(QLatin1String("fields"));
    else
        options.insert(QLatin1String("fields"), fields);
    const QJsonValue value = options.isEmpty() ? QJsonValue(QJsonValue::Undefined) : options;
    m_model->editField(m_row, ActionTableModel::OptionsColumn, QVariant::fromValue(value), true);
}

void ActionDetailEditor::focusField(const QString &field)
{
    if (m_row < 0)
        return;
    if (field == QLatin1String("method"))
        m_method->setFocus();
    else if (field.startsWith(QLatin1String("data")))
        m_data->textEdit()->setFocus();
    else if (field.startsWith(QLatin1String("options.fields")))
        m_fields->setFocus();
    else if (field.startsWith(QLatin1String("options")))
        m_options->textEdit()->setFocus();
    else if (field == QLatin1String("note"))
        m_note->setFocus();
    else
        m_path->setFocus();
}

} // namespace Tenfold
