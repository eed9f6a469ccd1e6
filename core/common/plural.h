#pragma once

#include <QString>

namespace Tenfold {

/// "1 action" or "3 actions". Tenfold ships no translation catalog, and without one Qt's
/// "%n action(s)" shows the "(s)" literally; counted words go through here instead.
inline QString countOf(qsizetype n, const QString &one, const QString &many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

} // namespace Tenfold
