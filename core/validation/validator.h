#pragma once

#include "diagnostic.h"
#include "model/session.h"

#include <QList>

namespace Tenfold {

class EndpointCatalog;

/// Checks one action against every documented rule of the batch API. `index` is 0-based and
/// only used to label the diagnostics. Variables are resolved first; an undefined one is an error
/// at the field that uses it. The resolved action (what goes on the wire) is stored in
/// `resolved` when given, so callers need not resolve twice.
QList<Diagnostic> validateAction(const Action &action, int index, const QList<Variable> &variables,
                                 const EndpointCatalog &catalog, Action *resolved = nullptr);

/// Checks a whole input: every enabled action, plus the rules about the list itself (no actions,
/// more than 10 in a single batch body, how many batches it will take). Diagnostics come in
/// action order. When `resolved` is given it receives every action with variables resolved
/// (same indexes as the session). Large inputs are checked on all cores.
QList<Diagnostic> validateSession(const Session &session, InputKind kind,
                                  const EndpointCatalog &catalog,
                                  QList<Action> *resolved = nullptr);

} // namespace Tenfold
