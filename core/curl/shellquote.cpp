#include "shellquote.h"

#include <QCoreApplication>

namespace Tenfold {

namespace {

bool isPlainAscii(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

/// Characters every shell here leaves alone in a bare word (',' is an operator in PowerShell,
/// so only POSIX gets the wider set).
bool isSafeBare(QChar c)
{
    return isPlainAscii(c) || c == u'-' || c == u'_' || c == u'.' || c == u'/' || c == u':';
}

bool isSafeBarePosix(QChar c)
{
    return isSafeBare(c) || c == u',' || c == u'+' || c == u'=' || c == u'@';
}

QString quotePosix(const QString &word)
{
    // Inside single quotes nothing is special except the closing quote, so $, `, \, ! and
    // newlines all pass through; a single quote ends the string, is escaped, and reopens it.
    QString result;
    result.reserve(word.size() + 2);
    result += u'\'';
    for (QChar c : word) {
        if (c == u'\'')
            result += QLatin1String("'\\''");
        else
            result += c;
    }
    result += u'\'';
    return result;
}

bool isPowerShellSingleQuote(QChar c)
{
    // PowerShell also ends a single-quoted string at the typographic single quotes.
    return c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A) ||
           c == QChar(0x201B);
}

QString quotePowerShell(const QString &word)
{
    QString result;
    result.reserve(word.size() + 2);
    result += u'\'';
    for (QChar c : word) {
        result += c;
        if (isPowerShellSingleQuote(c))
            result += c; // doubled: a literal quote
    }
    result += u'\'';
    return result;
}

bool isCmdSafe(QChar c)
{
    if (c.unicode() >= 0x80)
        return true; // cmd has no special meaning for non-ASCII
    return isPlainAscii(c) || QStringView(u" \t_-:=+~'/.,?;()*`").contains(c);
}

QString quoteCmd(const QString &word, Shell shell)
{
    // Two parsers read the line: cmd.exe (carets, %VAR%, quotes) and then the program's C
    // runtime (quotes and backslashes). Starting with ^" keeps cmd.exe out of quote mode, so every
    // special character can be caret-escaped; the runtime then sees an ordinary quoted argument.
    QString runtime;
    runtime.reserve(word.size() + 8);
    int backslashes = 0;
    for (QChar c : word) {
        if (c == u'\\') {
            ++backslashes;
            continue;
        }
        if (c == u'"') {
            runtime += QString(backslashes * 2 + 1, u'\\'); // \\ before \" stay literal
            runtime += u'"';
        } else {
            runtime += QString(backslashes, u'\\');
            runtime += c;
        }
        backslashes = 0;
    }
    runtime += QString(backslashes * 2, u'\\'); // they precede the closing quote

    QString result = QStringLiteral("^\"");
    for (qsizetype i = 0; i < runtime.size(); ++i) {
        const QChar c = runtime.at(i);
        if (c == u'\n') {
            result += QLatin1String("^\n\n"); // caret + newline: a literal newline
        } else if (c == u'\r') {
            continue;
        } else if (c == u'%' && shell == Shell::Bat) {
            // A batch file expands %NAME% before carets are read, so only %% is a literal %.
            result += QLatin1String("%%");
        } else if (c == u'%') {
            // At a prompt %NAME% would expand; a caret after % breaks the name without reaching
            // the program (and %% stays two characters there).
            const QChar next = i + 1 < runtime.size() ? runtime.at(i + 1) : QChar();
            result +=
                (isPlainAscii(next) || next == u'_') ? QStringLiteral("%^") : QStringLiteral("^%");
        } else if (isCmdSafe(c)) {
            result += c;
        } else {
            result += u'^';
            result += c;
        }
    }
    result += QLatin1String("^\"");
    return result;
}

} // namespace

Result<Shell> parseShell(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("posix") || lower == QLatin1String("sh") ||
        lower == QLatin1String("bash") || lower == QLatin1String("zsh"))
        return Shell::Posix;
    if (lower == QLatin1String("powershell") || lower == QLatin1String("pwsh"))
        return Shell::PowerShell;
    if (lower == QLatin1String("cmd"))
        return Shell::Cmd;
    if (lower == QLatin1String("bat"))
        return Shell::Bat;
    return Error{QCoreApplication::translate(
                     "Tenfold::Curl",
                     "unknown shell \"%1\": use posix, powershell, cmd (typed or pasted at a "
                     "cmd.exe prompt) or bat (a batch file)")
                     .arg(name)};
}

QString shellName(Shell shell)
{
    switch (shell) {
    case Shell::Posix:
        break;
    case Shell::PowerShell:
        return QStringLiteral("powershell");
    case Shell::Cmd:
        return QStringLiteral("cmd");
    case Shell::Bat:
        return QStringLiteral("bat");
    }
    return QStringLiteral("posix");
}

QString quoteShellWord(const QString &word, Shell shell)
{
    const auto safe = shell == Shell::Posix ? isSafeBarePosix : isSafeBare;
    if (!word.isEmpty() && std::all_of(word.begin(), word.end(), safe))
        return word;
    switch (shell) {
    case Shell::Posix:
        break;
    case Shell::PowerShell:
        return quotePowerShell(word);
    case Shell::Cmd:
    case Shell::Bat:
        return quoteCmd(word, shell);
    }
    return quotePosix(word);
}

QString environmentReference(const QString &name, Shell shell)
{
    switch (shell) {
    case Shell::Posix:
        break;
    case Shell::PowerShell:
        return QStringLiteral("$env:") + name;
    case Shell::Cmd:
    case Shell::Bat:
        return u'%' + name + u'%';
    }
    return u'$' + name;
}

QString lineContinuation(Shell shell)
{
    switch (shell) {
    case Shell::Posix:
        break;
    case Shell::PowerShell:
        return QStringLiteral(" `");
    case Shell::Cmd:
    case Shell::Bat:
        return QStringLiteral(" ^");
    }
    return QStringLiteral(" \\");
}

} // namespace Tenfold
