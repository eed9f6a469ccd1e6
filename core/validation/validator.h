#pragma once

#include "diagnostic.h"
#include "model/session.h"

#include <QList>

namespace Tenfold {

class EndpointCatalog;

/// Checks one action against every documented rule of the batch API. `index` is 0-based and
/// only used to label the diagnostics. Variables are resolved first; an undefined one is an error
/// at the field that uses it.
QList<Diagnostic> validateAction(const Action &action, int index, const QList<Variable> &variables,
                                 const EndpointCatalog &catalog);

/// Checks a whole input: every enabled action, plus the rules about the list itself (no actions,
/// more than 10 in a single batch body, how many batches it will take).
QList<Diagnostic> validateSession(const Session &session, InputKind kind,
                                  const EndpointCatalog &catalog);

} // namespace Tenfold
