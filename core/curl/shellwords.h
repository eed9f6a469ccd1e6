#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

namespace Tenfold {

/// One word of a shell command after quote removal.
struct ShellWord
{
    QString text;
    /// The shell would have expanded part of it ($VAR, ${VAR}, $(cmd), `cmd`); `text` keeps
    /// that part as written, because Tenfold does not run anything.
    bool expands = false;
    int line = 1; ///< where the word starts, 1-based
};

/// One simple command: its words, and the line it starts on.
struct ShellCommand
{
    QList<ShellWord> words;
    int line = 1;
    /// Why the command cannot be imported (a background `&`, a redirection); empty when it can.
    /// Its words then stop where the shell would have cut it.
    QString problem;
};

/// Splits POSIX shell text into commands and words the way sh does: '...', $'...' (ANSI-C
/// escapes, as browsers emit), "..." with its escapes, backslashes, backslash-newline
/// continuations, # comments, and ; && || | and newlines between commands. Fails for an
/// unterminated quote, naming the line; a background `&` or a redirection marks its command
/// (ShellCommand::problem) and the other commands are still read.
Result<QList<ShellCommand>> splitShellCommands(const QString &text);

} // namespace Tenfold
