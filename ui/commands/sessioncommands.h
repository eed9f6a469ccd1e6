#pragma once

#include "model/plan.h"
#include "model/target.h"
#include "model/variables.h"

#include <QList>
#include <QUndoCommand>

#include <functional>

namespace Tenfold {

/// Swaps a whole session-level value (target, plan, variables): they are small, so the command
/// simply keeps both versions and calls the setter that applies one and notifies.
template<typename T>
class ChangeSessionValue : public QUndoCommand
{
public:
    ChangeSessionValue(const QString &text, T oldValue, T newValue,
                       std::function<void(const T &)> apply)
        : m_old(std::move(oldValue))
        , m_new(std::move(newValue))
        , m_apply(std::move(apply))
    {
        setText(text);
    }

    void undo() override { m_apply(m_old); }
    void redo() override { m_apply(m_new); }

private:
    T m_old;
    T m_new;
    std::function<void(const T &)> m_apply;
};

using ChangeTarget = ChangeSessionValue<Target>;
using ChangePlan = ChangeSessionValue<Plan>;
using ChangeVariables = ChangeSessionValue<QList<Variable>>;

} // namespace Tenfold
