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
/// selects its first {placeholder} so the next keystrokes replace it.
class PathLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit PathLineEdit(QWidget *parent = nullptr);

    /// The method of the template last chosen from the completer (it stays while the user fills
    /// in the placeholders); empty when the path was only typed.
    QString chosenMethod() const { return m_chosenMethod; }
    EndpointCompleter *endpointCompleter() const { return m_completer; }

    /// Selects the first {placeholder} of the text (what choosing a template does).
    void selectFirstPlaceholder();

signals:
    void endpointChosen(const QString &method, const QString &path);

private:
    EndpointCompleter *m_completer;
    QString m_chosenMethod;
};

} // namespace Tenfold
