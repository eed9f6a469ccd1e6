#include "sendguard.h"

#include "common/plural.h"
#include "dialogs/messagebox.h"
#include "sendcontroller.h"
#include "sending/batchsender.h"

#include <QMainWindow>
#include <QStatusBar>

namespace Tenfold {

SendGuard::SendGuard(SendController *controller, QMainWindow *window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
{
}

bool SendGuard::mayLeaveSession()
{
    BatchSender *sender = m_controller->sender();
    if (!sender->isRunning())
        return true;
    int answered = 0;
    for (const ActionResult &result : sender->run().results)
        answered += result.state != ActionState::Pending && result.state != ActionState::Skipped;
    const int flying = m_controller->batchesInFlight();
    QString where = tr("%1 of %2 answered")
                        .arg(answered)
                        .arg(countOf(sender->total(), tr("action"), tr("actions")));
    if (flying > 0)
        where += tr(", %1 in flight").arg(countOf(flying, tr("batch"), tr("batches")));
    const QMessageBox::StandardButton answer = MessageBox::question(
        m_window, tr("Stop sending?"),
        tr("This session is still being sent (%1). Its answers belong to these rows, so Tenfold "
           "stays on this session until the send has ended.\n\n"
           "Yes: stop sending now. Batches not sent yet are cancelled; every answer so far stays "
           "in the results pane (a batch in flight that holds writes is marked outcome unknown: "
           "the server may have run it). Then quit or open again.\n"
           "No: keep sending.")
            .arg(where),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes && sender->isRunning()) {
        sender->cancel();
        m_window->statusBar()->showMessage(
            tr("Sending stopped: every answer is in the results pane. Check or export them, then "
               "quit or open again."),
            15000);
    }
    return false;
}

} // namespace Tenfold
