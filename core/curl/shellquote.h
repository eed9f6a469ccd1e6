#pragma once

#include "common/result.h"

#include <QString>

namespace Tenfold {

/// The shells a curl export can be pasted into.
enum class Shell
{
    Posix,      ///< sh, bash, zsh: single quotes, ' written as '\''
    PowerShell, ///< PowerShell 7.3+: single quotes, ' written as ''; calls curl.exe
    Cmd         ///< Windows cmd.exe: ^"...^" with every special character caret-escaped
};

/// Parses "posix" (or "sh", "bash"), "powershell" (or "pwsh") and "cmd".
Result<Shell> parseShell(const QString &name);
/// The canonical name parseShell() accepts: "posix", "powershell" or "cmd".
QString shellName(Shell shell);

/// Quotes `word` so that the shell passes it to the program as exactly one argument, unchanged.
/// Words without special characters stay bare. NUL cannot be passed in any argument.
QString quoteShellWord(const QString &word, Shell shell);

/// A reference to the environment variable `name` that expands inside the shell's double quotes
/// ("$NAME", "$env:NAME", "%NAME%").
QString environmentReference(const QString &name, Shell shell);

/// The end of a line that continues on the next one (" \", " `", " ^").
QString lineContinuation(Shell shell);

} // namespace Tenfold
