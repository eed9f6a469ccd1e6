#pragma once

#include "common/result.h"

#include <QString>

namespace Tenfold {

/// The shells a curl export can be pasted into.
enum class Shell
{
    Posix,      ///< sh, bash, zsh: single quotes, ' written as '\''
    PowerShell, ///< PowerShell 7.3+: single quotes, ' written as ''; calls curl.exe
    /// Typed or pasted at a Windows cmd.exe prompt: ^"...^" with every special character
    /// caret-escaped, % as %^ (a prompt leaves %% as it is)
    Cmd,
    /// A Windows batch file (.bat, .cmd): as Cmd, but % written %% (a batch file expands
    /// %^NAME% to nothing and reads %% as one %)
    Bat
};

/// Parses "posix" (or "sh", "bash"), "powershell" (or "pwsh"), "cmd" and "bat".
Result<Shell> parseShell(const QString &name);
/// The canonical name parseShell() accepts: "posix", "powershell", "cmd" or "bat".
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
