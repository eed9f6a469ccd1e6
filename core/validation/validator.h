#pragma once

#include "diagnostic.h"
#include "model/session.h"

#include <QList>

#include <optional>

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

/// The one verdict on a raw batch body of more than 10 actions, for every command and the
/// window: it is an error, since it is meant as one request and Asana refuses it. Nothing for
/// other inputs, which are split into batches.
std::optional<Diagnostic> batchBodySizeError(const Session &session, InputKind kind);

/// The loader's findings (LoadedInput::diagnostics) and the checker's, in action order, leaving
/// out what the checker says about a field the loader already refused (a method of 5 is read as
/// no method: "method is missing" would be the same fault twice) and about an action that was
/// not an object. One finding per fault.
QList<Diagnostic> combineDiagnostics(const QList<Diagnostic> &loaded,
                                     const QList<Diagnostic> &checked);

} // namespace Tenfold
