#pragma once

#include <QJsonValue>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedLayout;

namespace Tenfold {

class ActionTableModel;
class JsonEditor;
class PathLineEdit;

/// Everything about one action at a comfortable size: method, path (with catalog completion),
/// data and options as highlighted JSON, the options' fields as a plain list, and the note.
/// Typing here is undoable like the table, one step per field.
class ActionDetailEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ActionDetailEditor(ActionTableModel *model, QWidget *parent = nullptr);

    /// Shows this row, or a hint when -1 (no selection, or several rows selected).
    void setRow(int row, int selectedCount = 1);
    int row() const { return m_row; }

    /// Puts the keyboard in the editor of a diagnostic's field ("data.name" -> data).
    void focusField(const QString &field);

    JsonEditor *dataEditor() const { return m_data; }
    JsonEditor *optionsEditor() const { return m_options; }
    PathLineEdit *pathEdit() const { return m_path; }

private:
    void refresh();
    /// The row's draft for the column when it has one (text that does not parse), else `value`.
    void showJson(JsonEditor *editor, int column, const QJsonValue &value);
    void editOptionsFields(const QString &text);

    ActionTableModel *m_model;
    int m_row = -1;
    QStackedLayout *m_stack;
    QLabel *m_hint;
    QLabel *m_title;
    QCheckBox *m_enabled;
    QComboBox *m_method;
    PathLineEdit *m_path;
    QLineEdit *m_fields;
    QLineEdit *m_note;
    JsonEditor *m_data;
    JsonEditor *m_options;
};

} // namespace Tenfold
