#pragma once

#include "apicontext.h"

#include <QHash>
#include <QString>

namespace Tenfold {

/// A handler answers one operation of Asana's spec (keyed by its operationId).
using ApiHandler = ApiResult (*)(ApiContext &context);
using ApiHandlerTable = QHash<QString, ApiHandler>;

// One registration function per resource family, each in its own file.
void addWorkspaceHandlers(ApiHandlerTable &table); // users and workspaces
void addProjectHandlers(ApiHandlerTable &table);   // projects and sections
void addTaskHandlers(ApiHandlerTable &table);      // tasks, subtasks, search
void addStoryTagHandlers(ApiHandlerTable &table);  // stories (comments) and tags

} // namespace Tenfold
