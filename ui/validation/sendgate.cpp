#include "sendgate.h"

#include "actiontable/actiontablemodel.h"
#include "dialogs/messagebox.h"
#include "validationcache.h"

namespace Tenfold {

namespace {

constexpr int MaxListed = 5; // a dialog lists a few; the Problems list has them all

} // namespace

SendGate::SendGate(const ActionTableModel *actions, ValidationCache *validation)
    : m_actions(actions)
    , m_validation(validation)
{
}

QList<int> SendGate::heldBack(const QList<int> &rows) const
{
    QList<int> held;
    for (int row : rows) {
        if (row >= 0 && row < m_actions->rowCount() && m_actions->isHeldBack(row))
            held.append(row);
    }
    return held;
}

QString SendGate::describe(const QList<int> &rows) const
{
    QStringList lines;
    int more = 0;
    for (int row : rows) {
        const QList<Diagnostic> found = m_actions->inputDiagnostics(row);
        for (const Diagnostic &d : found) {
            if (d.severity != Severity::Error)
                continue;
            if (lines.size() == MaxListed) {
                ++more;
                continue;
            }
            lines.append(tr("Action %1: %2%3")
                             .arg(row + 1)
                             .arg(d.field.isEmpty() ? QString() : d.field + QStringLiteral(": "),
                                  d.message));
        }
    }
    if (more > 0)
        lines.append(tr("and %1 more (see Problems)").arg(more));
    return lines.join(u'\n');
}

bool SendGate::maySend(QWidget *parent, const QList<int> &rows, Target::Kind kind) const
{
    m_validation->flush();
    const QList<int> held = heldBack(rows);
    if (!held.isEmpty()) {
        MessageBox::critical(
            parent, tr("Cannot send yet"),
            tr("%1 cannot be sent as it is shown:\n\n%2\n\nFix, undo or disable %3, then send "
               "again. Nothing was sent.")
                .arg(held.size() == 1 ? tr("Action %1").arg(held.first() + 1)
                                      : tr("%1 actions").arg(held.size()),
                     describe(held), held.size() == 1 ? tr("it") : tr("them")));
        return false;
    }
    const int errors = m_validation->errorCount();
    if (errors == 0)
        return true;
    const QString why =
        errors == 1
            ? tr("1 action has an error (see Problems): Asana would refuse it.")
            : tr("%1 actions have errors (see Problems): Asana would refuse them.").arg(errors);
    if (kind != Target::Kind::Sandbox) {
        MessageBox::critical(parent, tr("Cannot send yet"), why,
                             tr("Fix or disable the actions listed under Problems, then send "
                                "again. Nothing was sent."));
        return false;
    }
    // The sandbox answers like Asana, so rehearsing a refusal there harms nothing.
    const QMessageBox::StandardButton answer = MessageBox::question(
        parent, tr("Send with errors to the sandbox?"),
        tr("%1\n\nSend anyway to the built-in sandbox, to see how it answers them?").arg(why),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Yes;
}

bool SendGate::maySave(QWidget *parent) const
{
    if (!m_actions->hasDrafts())
        return true;
    const QList<int> rows = m_actions->draftRows();
    const QMessageBox::StandardButton answer = MessageBox::question(
        parent, tr("Save without what does not parse?"),
        tr("%1\n\nThe file gets the last valid value of these fields instead; what you typed "
           "stays on screen, unsaved. Save anyway?")
            .arg(describe(rows)),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Save;
}

} // namespace Tenfold
