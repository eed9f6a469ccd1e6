#include "messagebox.h"

#include <QFile>

namespace Tenfold {

QMessageBox::StandardButton MessageBox::s_nextAnswer = QMessageBox::NoButton;
bool MessageBox::s_quiet = false;
QStringList MessageBox::s_shown;
QString MessageBox::s_logPath;
QStringList MessageBox::s_answers;

namespace {

// The answers a test script can give, by the names it writes them with.
const std::pair<QMessageBox::StandardButton, const char *> ButtonNames[] = {
    {QMessageBox::Yes, "Yes"},         {QMessageBox::No, "No"},
    {QMessageBox::Ok, "Ok"},           {QMessageBox::Save, "Save"},
    {QMessageBox::Discard, "Discard"}, {QMessageBox::Cancel, "Cancel"}};

QMessageBox::StandardButton buttonNamed(const QString &name)
{
    for (const auto &[button, text] : ButtonNames) {
        if (name.trimmed() == QLatin1String(text))
            return button;
    }
    return QMessageBox::Cancel;
}

QString nameOf(QMessageBox::StandardButton button)
{
    for (const auto &[candidate, text] : ButtonNames) {
        if (candidate == button)
            return QLatin1String(text);
    }
    return QString::number(int(button));
}

QString oneLine(QString text)
{
    return text.replace(u'\n', u' ');
}

} // namespace

bool MessageBox::answerFromEnvironment()
{
    s_logPath = qEnvironmentVariable("TENFOLD_TEST_DIALOG_LOG");
    if (s_logPath.isEmpty())
        return false;
    s_answers = qEnvironmentVariable("TENFOLD_TEST_ANSWERS").split(u',', Qt::SkipEmptyParts);
    s_quiet = true;
    return true;
}

void MessageBox::logLine(const QString &line)
{
    if (s_logPath.isEmpty())
        return;
    QFile file(s_logPath);
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(oneLine(line).toUtf8() + '\n');
}

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
    if (!s_logPath.isEmpty()) {
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        if (!s_answers.isEmpty())
            answer = buttonNamed(s_answers.takeFirst());
        if (!buttons.testFlag(answer))
            answer = defaultButton;
        logLine(QStringLiteral("question: %1: %2 -> %3").arg(title, text, nameOf(answer)));
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
        logLine(QStringLiteral("critical: %1: %2 %3").arg(title, text, details));
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
        logLine(QStringLiteral("warning: %1: %2 %3").arg(title, text, details));
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
        logLine(QStringLiteral("information: %1: %2").arg(title, text));
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
