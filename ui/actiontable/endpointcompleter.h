#pragma once

#include <QCompleter>
#include <QLineEdit>

namespace Tenfold {

/// Completes relative paths from Asana's endpoint catalog. The popup lists "METHOD path —
/// summary"; typing matches anywhere in that line (a path piece, a method or a word of the
/// summary), and choosing inserts the path template.
class EndpointCompleter : public QCompleter
{
    Q_OBJECT

public:
    enum Role
    {
        PathRole = Qt::UserRole + 1,
        MethodRole,
        SearchRole,
    };

    explicit EndpointCompleter(QObject *parent = nullptr);

    QString pathFromIndex(const QModelIndex &index) const override;
};

/// A line edit for relative paths: completes from the catalog and, when a template is chosen,
/// selects its first {placeholder} so the next keystrokes replace it. Every change the user
/// makes (typing, paste, drop, a completion highlighted or chosen) is reported as pathEdited(),
/// so whoever owns the field gets the text the field shows, whatever way it got there.
class PathLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit PathLineEdit(QWidget *parent = nullptr);

    /// Shows `path` (the owner's value) without reporting it as an edit.
    void setPath(const QString &path);
    /// True once the user changed the text since the last setPath() (isModified() is not: the
    /// completer's setText() clears it).
    bool isEdited() const { return m_edited; }
    /// The method of the template last chosen from the completer (it stays while the user fills
    /// in the placeholders); empty when the path was only typed.
    QString chosenMethod() const { return m_chosenMethod; }
    EndpointCompleter *endpointCompleter() const { return m_completer; }

    /// Selects the first {placeholder} of the text (what choosing a template does).
    void selectFirstPlaceholder();

signals:
    /// The user changed the text.
    void pathEdited(const QString &path);
    /// A template was chosen from the popup (a click, or Return on the highlighted line); sent
    /// once the field holds its path, with the template's method.
    void endpointChosen(const QString &method, const QString &path);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void choose(const QString &method, const QString &path);

    EndpointCompleter *m_completer;
    QString m_chosenMethod;
    bool m_settingPath = false;
    bool m_edited = false;
};

} // namespace Tenfold
