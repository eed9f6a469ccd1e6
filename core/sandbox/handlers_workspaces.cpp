#include "apihandlers.h"
#include "resourcestore.h"

namespace Tenfold {

namespace {

ApiResult getUser(ApiContext &context)
{
    const QJsonObject *user = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("user_gid"), QStringLiteral("user"), &user))
        return *error;
    return context.one(*user);
}

ApiResult getUsers(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("workspace"), QStringLiteral("workspace"),
                                         &workspace, false))
        return *error;
    return context.list(context.store.gids(QStringLiteral("user")));
}

ApiResult getUsersForWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    return context.list(context.store.gids(QStringLiteral("user")));
}

ApiResult getWorkspaces(ApiContext &context)
{
    return context.list(context.store.gids(QStringLiteral("workspace")));
}

ApiResult getWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    return context.one(*workspace);
}

ApiResult updateWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    // The sandbox user is not a workspace admin, so Asana refuses this.
    return ApiContext::error(403, QStringLiteral("You do not have permission to update this "
                                                 "workspace: only workspace admins can."));
}

} // namespace

void addWorkspaceHandlers(ApiHandlerTable &table)
{
    table.insert(QStringLiteral("getUser"), getUser);
    table.insert(QStringLiteral("getUsers"), getUsers);
    table.insert(QStringLiteral("getUsersForWorkspace"), getUsersForWorkspace);
    table.insert(QStringLiteral("getWorkspaces"), getWorkspaces);
    table.insert(QStringLiteral("getWorkspace"), getWorkspace);
    table.insert(QStringLiteral("updateWorkspace"), updateWorkspace);
}

} // namespace Tenfold
