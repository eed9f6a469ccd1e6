#pragma once

#include "model/target.h"

#include <QCoreApplication>
#include <QList>

class QWidget;

namespace Tenfold {

class ActionTableModel;
class ValidationCache;

/// What the window lets go out and what saving asks, given the problems found; Send, Send Failed
/// Again and Save all ask here. Rows that ActionTableModel::isHeldBack() (a field the file held
/// could not be read, or data or options typed that do not parse) are never sent to any target:
/// sending them would use a value the user did not give. Other errors block sending to Asana or
/// a server, as in `tenfold-cli send`; against the sandbox the user may rehearse the refusal.
class SendGate
{
    Q_DECLARE_TR_FUNCTIONS(Tenfold::SendGate)

public:
    SendGate(const ActionTableModel *actions, ValidationCache *validation);

    /// The rows among `rows` that must not be sent as they are.
    QList<int> heldBack(const QList<int> &rows) const;
    /// True when `rows` may be sent to a target of `kind`; otherwise says why (or asks, for
    /// the sandbox) through MessageBox. Checks every row first.
    bool maySend(QWidget *parent, const QList<int> &rows, Target::Kind kind) const;
    /// True when the session may be saved: asks first when data or options typed that do not
    /// parse would be left out of the file.
    bool maySave(QWidget *parent) const;

private:
    /// One line per problem of `rows` that holds them back, at most a few.
    QString describe(const QList<int> &rows) const;

    const ActionTableModel *m_actions;
    ValidationCache *m_validation;
};

} // namespace Tenfold
