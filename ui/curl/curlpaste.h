#pragma once

#include "model/action.h"

#include <QList>
#include <QString>

class QWidget;

namespace Tenfold {

/// Curl commands pasted into the window: every command that cannot be imported is listed with
/// its line, and the importable ones are pasted only when the user agrees to leave those out.
class CurlPaste
{
public:
    struct Outcome
    {
        QList<Action> actions; ///< what to insert; empty when nothing is pasted
        QString error;         ///< why nothing can be pasted; empty when pasting or declined
        QString status;        ///< one line for the status bar after pasting
    };

    /// Asks through MessageBox (so tests answer) when some commands would be left out.
    static Outcome fromText(QWidget *parent, const QString &text);
};

} // namespace Tenfold
