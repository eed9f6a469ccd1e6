#include "apihandlers.h"
#include "recordwriter.h"
#include "resourcestore.h"
#include "taskrelations.h"

#include <QJsonArray>

namespace Tenfold {

namespace {

const QString ProjectType = QStringLiteral("project");
const QString SectionType = QStringLiteral("section");

QStringList projectsIn(const ApiContext &context, const QString &workspaceGid)
{
    QStringList result;
    const QString archived = context.inputString(QStringLiteral("archived"));
    const QStringList projects = context.store.gids(ProjectType);
    for (const QString &gid : projects) {
        const QJsonObject *project = context.store.find(gid);
        if (!workspaceGid.isEmpty() &&
            project->value(QLatin1String("workspace")).toObject().value(QLatin1String("gid")) !=
                workspaceGid)
            continue;
        if (!archived.isEmpty() && project->value(QLatin1String("archived")).toBool() !=
                                       (archived == QLatin1String("true")))
            continue;
        result.append(gid);
    }
    return result;
}

ApiResult createProjectIn(ApiContext &context, const QString &workspaceGid)
{
    QJsonObject record{
        {QStringLiteral("name"), QString()},
        {QStringLiteral("archived"), false},
        {QStringLiteral("color"), QJsonValue::Null},
        {QStringLiteral("notes"), QString()},
        {QStringLiteral("public"), true},
        {QStringLiteral("due_on"), QJsonValue::Null},
        {QStringLiteral("start_on"), QJsonValue::Null},
        {QStringLiteral("default_view"), QStringLiteral("list")},
        {QStringLiteral("owner"),
         ResourceStore::ref(ResourceStore::meGid(), QStringLiteral("user"))},
        {QStringLiteral("followers"),
         QJsonArray{ResourceStore::ref(ResourceStore::meGid(), QStringLiteral("user"))}}};
    if (auto error = writeFields(context, ProjectType, record, true))
        return *error;
    record.insert(QStringLiteral("workspace"),
                  ResourceStore::ref(workspaceGid, QStringLiteral("workspace")));
    const QString gid = context.store.create(ProjectType, record);
    QJsonObject stored = *context.store.find(gid);
    stored.insert(QStringLiteral("permalink_url"),
                  QString(QStringLiteral("https://app.asana.com/0/") + gid));
    context.store.replace(gid, stored);
    // Asana gives every new project a first section.
    context.store.create(SectionType,
                         {{QStringLiteral("name"), QStringLiteral("Untitled section")},
                          {QStringLiteral("created_at"), ResourceStore::now()},
                          {QStringLiteral("project"), ResourceStore::ref(gid, ProjectType)}});
    return context.created(gid);
}

ApiResult getProjects(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("workspace"), QStringLiteral("workspace"),
                                         &workspace, false))
        return *error;
    return context.list(projectsIn(
        context, workspace ? workspace->value(QLatin1String("gid")).toString() : QString()));
}

ApiResult getProjectsForWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    return context.list(projectsIn(context, workspace->value(QLatin1String("gid")).toString()));
}

ApiResult createProject(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("workspace"), QStringLiteral("workspace"),
                                         &workspace, true))
        return *error;
    return createProjectIn(context, workspace->value(QLatin1String("gid")).toString());
}

ApiResult createProjectForWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    return createProjectIn(context, workspace->value(QLatin1String("gid")).toString());
}

ApiResult getProject(ApiContext &context)
{
    const QJsonObject *project = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("project_gid"), ProjectType, &project))
        return *error;
    return context.one(*project);
}

ApiResult updateProject(ApiContext &context)
{
    const QJsonObject *project = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("project_gid"), ProjectType, &project))
        return *error;
    QJsonObject record = *project;
    if (auto error = writeFields(context, ProjectType, record, false))
        return *error;
    context.store.replace(record.value(QLatin1String("gid")).toString(), record);
    return context.one(record);
}

ApiResult deleteProject(ApiContext &context)
{
    const QJsonObject *project = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("project_gid"), ProjectType, &project))
        return *error;
    const QString gid = project->value(QLatin1String("gid")).toString();
    const QStringList tasks = TaskRelations::tasksInProject(context.store, gid);
    for (const QString &taskGid : tasks) {
        QJsonObject task = *context.store.find(taskGid);
        TaskRelations::removeFromProject(task, gid);
        context.store.replace(taskGid, task);
    }
    const QStringList sections = TaskRelations::sectionsOf(context.store, gid);
    for (const QString &section : sections)
        context.store.remove(section);
    context.store.remove(gid);
    return context.emptyData();
}

ApiResult getSectionsForProject(ApiContext &context)
{
    const QJsonObject *project = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("project_gid"), ProjectType, &project))
        return *error;
    return context.list(
        TaskRelations::sectionsOf(context.store, project->value(QLatin1String("gid")).toString()));
}

ApiResult createSectionForProject(ApiContext &context)
{
    const QJsonObject *project = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("project_gid"), ProjectType, &project))
        return *error;
    if (context.inputString(QStringLiteral("name")).isEmpty())
        return ApiContext::missing(QStringLiteral("name"));
    QJsonObject record;
    if (auto error = writeFields(context, SectionType, record, true))
        return *error;
    record.insert(QStringLiteral("project"),
                  ResourceStore::ref(project->value(QLatin1String("gid")).toString(), ProjectType));
    return context.created(context.store.create(SectionType, record));
}

ApiResult getSection(ApiContext &context)
{
    const QJsonObject *section = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("section_gid"), SectionType, &section))
        return *error;
    return context.one(*section);
}

ApiResult updateSection(ApiContext &context)
{
    const QJsonObject *section = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("section_gid"), SectionType, &section))
        return *error;
    if (context.inputString(QStringLiteral("name")).isEmpty())
        return ApiContext::missing(QStringLiteral("name"));
    QJsonObject record = *section;
    if (auto error = writeFields(context, SectionType, record, false))
        return *error;
    context.store.replace(record.value(QLatin1String("gid")).toString(), record);
    return context.one(record);
}

ApiResult deleteSection(ApiContext &context)
{
    const QJsonObject *section = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("section_gid"), SectionType, &section))
        return *error;
    const QString gid = section->value(QLatin1String("gid")).toString();
    if (!TaskRelations::tasksInSection(context.store, gid).isEmpty())
        return ApiContext::error(400, QStringLiteral("Section is not empty: move or delete its "
                                                     "tasks before deleting it."));
    context.store.remove(gid);
    return context.emptyData();
}

ApiResult addTaskForSection(ApiContext &context)
{
    const QJsonObject *section = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("section_gid"), SectionType, &section))
        return *error;
    const QJsonObject *task = nullptr;
    if (auto error =
            context.lookupInput(QStringLiteral("task"), QStringLiteral("task"), &task, true))
        return *error;
    const QString sectionGid = section->value(QLatin1String("gid")).toString();
    const QString project =
        section->value(QLatin1String("project")).toObject().value(QLatin1String("gid")).toString();
    QJsonObject record = *task;
    TaskRelations::addToProject(context.store, record, project, sectionGid);
    context.store.replace(record.value(QLatin1String("gid")).toString(), record);
    return context.emptyData();
}

} // namespace

void addProjectHandlers(ApiHandlerTable &table)
{
    table.insert(QStringLiteral("getProjects"), getProjects);
    table.insert(QStringLiteral("getProjectsForWorkspace"), getProjectsForWorkspace);
    table.insert(QStringLiteral("createProject"), createProject);
    table.insert(QStringLiteral("createProjectForWorkspace"), createProjectForWorkspace);
    table.insert(QStringLiteral("getProject"), getProject);
    table.insert(QStringLiteral("updateProject"), updateProject);
    table.insert(QStringLiteral("deleteProject"), deleteProject);
    table.insert(QStringLiteral("getSectionsForProject"), getSectionsForProject);
    table.insert(QStringLiteral("createSectionForProject"), createSectionForProject);
    table.insert(QStringLiteral("getSection"), getSection);
    table.insert(QStringLiteral("updateSection"), updateSection);
    table.insert(QStringLiteral("deleteSection"), deleteSection);
    table.insert(QStringLiteral("addTaskForSection"), addTaskForSection);
}

} // namespace Tenfold
