#pragma once

#include "action.h"
#include "plan.h"
#include "target.h"
#include "variables.h"

#include <QList>
#include <QString>

namespace Tenfold {

/// What a file of actions turned out to be. Commands that read actions accept all three.
enum class InputKind
{
    Session,    ///< a Tenfold session file ("format": "tenfold-session")
    BatchBody,  ///< an Asana POST /batch body: {"data":{"actions":[...]}}, one request
    ActionArray ///< a bare JSON array of actions
};

/// What the user composes and saves: a named, ordered list of actions with where and how to send
/// them. It never holds the token.
struct Session
{
    QString name;
    Target target;
    Plan plan;
    QList<Variable> variables;
    QList<Action> actions;

    bool operator==(const Session &other) const = default;
};

} // namespace Tenfold
