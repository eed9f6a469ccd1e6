#include "messagebox.h"

namespace Tenfold {

QMessageBox::StandardButton MessageBox::s_nextAnswer = QMessageBox::NoButton;
bool MessageBox::s_quiet = false;
QStringList MessageBox::s_shown;

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    if (s_nextAnswer != QMessageBox::NoButton) {
        const QMessageBox::StandardButton answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        s_shown.append(text);
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::critical(QWidget *parent, const QString &title, const QString &text,
                          const QString &details)
{
    if (s_quiet) {
        s_shown.append(text);
        return;
    }
    QMessageBox box(QMessageBox::Critical, title, text, QMessageBox::Ok, parent);
    if (!details.isEmpty())
        box.setInformativeText(details);
    box.exec();
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text,
                         const QString &details)
{
    if (s_quiet) {
        s_shown.append(text + QStringLiteral("\n\n") + details);
        return;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setInformativeText(details);
    box.exec();
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    if (s_quiet) {
        s_shown.append(text);
        return;
    }
    QMessageBox::information(parent, title, text);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
    s_quiet = true; // once a test speaks for the user, no dialog may block it
}

QStringList MessageBox::takeShownTexts()
{
    return std::exchange(s_shown, {});
}

} // namespace Tenfold
