#pragma once

#include <QObject>

class QMainWindow;

namespace Tenfold {

class SendController;

/// Keeps the window from leaving a session while its send runs (Quit, closing the window, New,
/// Open): answers still on their way belong to this session's rows, and leaving would drop them
/// or put them on another session's rows. It asks: keep sending (nothing changes), or stop and
/// keep every answer in view; in both cases the window stays on the session.
class SendGuard : public QObject
{
    Q_OBJECT

public:
    SendGuard(SendController *controller, QMainWindow *window);

    /// True when no send runs, so the window may leave the session. Otherwise asks what to do
    /// about the send and returns false.
    bool mayLeaveSession();

private:
    SendController *m_controller;
    QMainWindow *m_window;
};

} // namespace Tenfold
