#pragma once

#include <QTextStream>

namespace Tenfold::Cli {

/// Standard output and error as UTF-8 text streams. Flushed at exit by their owners.
QTextStream &out();
QTextStream &err();

/// True when standard error is a terminal (progress lines are only for people).
bool stderrIsTerminal();

} // namespace Tenfold::Cli
