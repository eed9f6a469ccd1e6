#pragma once

#include <QMessageBox>

namespace Tenfold {

/// Every question Tenfold asks goes through here, so tests can answer it instead of a person
/// (KeePassXC's pattern): with setNextAnswer() set, no dialog is shown and the answer is returned.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void critical(QWidget *parent, const QString &title, const QString &text,
                         const QString &details = {});
    static void information(QWidget *parent, const QString &title, const QString &text);
    /// Something went partly wrong and the user should know why (recorded with its details).
    static void warning(QWidget *parent, const QString &title, const QString &text,
                        const QString &details);

    /// The answer the next question() returns without showing anything (tests only).
    static void setNextAnswer(QMessageBox::StandardButton answer);
    /// Shows no dialog from now on: messages are recorded for takeShownTexts() (tests only).
    static void suppressDialogs() { s_quiet = true; }
    /// Texts of the dialogs that were suppressed since the last call (tests only).
    static QStringList takeShownTexts();

    /// For tests that start the real program: with TENFOLD_TEST_DIALOG_LOG naming a file, no
    /// dialog is shown; each one is appended to that file as "kind: title: text" and questions
    /// take their answers, in turn, from TENFOLD_TEST_ANSWERS ("Yes,Discard,Cancel"; Cancel once
    /// they run out). Returns false, changing nothing, when the variable is not set.
    static bool answerFromEnvironment();
    /// Appends a line to that file (no-op without it).
    static void logLine(const QString &line);

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static bool s_quiet;
    static QStringList s_shown;
    static QString s_logPath;
    static QStringList s_answers;
};

} // namespace Tenfold
