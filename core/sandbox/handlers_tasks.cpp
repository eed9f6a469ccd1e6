#include "apihandlers.h"
#include "recordwriter.h"
#include "resourcestore.h"
#include "taskrelations.h"

#include <QJsonArray>

namespace Tenfold {

namespace {

const QString TaskType = QStringLiteral("task");

QString gidOf(const QJsonObject *record)
{
    return record->value(QLatin1String("gid")).toString();
}

QString refGid(const QJsonObject &record, QLatin1String field)
{
    return record.value(field).toObject().value(QLatin1String("gid")).toString();
}

QStringList onlyIncompleteIfAsked(const ApiContext &context, const QStringList &gids)
{
    // completed_since=now is how clients ask for incomplete tasks only.
    if (context.inputString(QStringLiteral("completed_since")) != QLatin1String("now"))
        return gids;
    QStringList result;
    for (const QString &gid : gids) {
        if (!context.store.find(gid)->value(QLatin1String("completed")).toBool())
            result.append(gid);
    }
    return result;
}

void refreshSubtaskCount(ResourceStore &store, const QString &parentGid)
{
    if (const QJsonObject *parent = store.find(parentGid, TaskType)) {
        QJsonObject updated = *parent;
        updated.insert(QStringLiteral("num_subtasks"),
                       int(TaskRelations::subtasksOf(store, parentGid).size()));
        store.replace(parentGid, updated);
    }
}

ApiResult createTaskWith(ApiContext &context, const QString &parentGid)
{
    QJsonObject record{
        {QStringLiteral("name"), QString()},
        {QStringLiteral("resource_subtype"), QStringLiteral("default_task")},
        {QStringLiteral("notes"), QString()},
        {QStringLiteral("completed"), false},
        {QStringLiteral("completed_at"), QJsonValue::Null},
        {QStringLiteral("due_on"), QJsonValue::Null},
        {QStringLiteral("start_on"), QJsonValue::Null},
        {QStringLiteral("assignee"), QJsonValue::Null},
        {QStringLiteral("parent"), QJsonValue::Null},
        {QStringLiteral("projects"), QJsonArray{}},
        {QStringLiteral("memberships"), QJsonArray{}},
        {QStringLiteral("tags"), QJsonArray{}},
        {QStringLiteral("followers"),
         QJsonArray{ResourceStore::ref(ResourceStore::meGid(), QStringLiteral("user"))}},
        {QStringLiteral("liked"), false},
        {QStringLiteral("num_likes"), 0},
        {QStringLiteral("num_subtasks"), 0}};
    if (auto error = writeFields(context, TaskType, record, true))
        return *error;
    if (!parentGid.isEmpty())
        record.insert(QStringLiteral("parent"), ResourceStore::ref(parentGid, TaskType));

    // Projects given directly or through memberships place the task in those projects.
    const QJsonArray projects = record.value(QLatin1String("projects")).toArray();
    record.insert(QStringLiteral("projects"), QJsonArray{});
    for (const QJsonValue &project : projects)
        TaskRelations::addToProject(context.store, record,
                                    project.toObject().value(QLatin1String("gid")).toString());
    const QJsonArray memberships = context.call.data.value(QLatin1String("memberships")).toArray();
    for (const QJsonValue &value : memberships) {
        const QJsonObject membership = value.toObject();
        const QString project = membership.value(QLatin1String("project")).toString();
        const QString section = membership.value(QLatin1String("section")).toString();
        if (!context.store.find(project, QStringLiteral("project")))
            return ApiContext::error(
                400, QStringLiteral("memberships.project: Unknown object: %1").arg(project));
        if (!section.isEmpty() &&
            !TaskRelations::sectionsOf(context.store, project).contains(section))
            return ApiContext::error(
                400, QStringLiteral("memberships.section: Unknown object in this project: %1")
                         .arg(section));
        TaskRelations::addToProject(context.store, record, project, section);
    }

    const bool placed = !record.value(QLatin1String("projects")).toArray().isEmpty() ||
                        !parentGid.isEmpty() || record.contains(QLatin1String("workspace"));
    if (!placed)
        return ApiContext::error(400, QStringLiteral("You should specify one of workspace, parent, "
                                                     "projects"));
    record.insert(QStringLiteral("workspace"),
                  ResourceStore::ref(ResourceStore::workspaceGid(), QStringLiteral("workspace")));
    const QString gid = context.store.create(TaskType, record);
    QJsonObject stored = *context.store.find(gid);
    stored.insert(QStringLiteral("permalink_url"),
                  QString(QStringLiteral("https://app.asana.com/0/0/") + gid));
    context.store.replace(gid, stored);
    if (!parentGid.isEmpty())
        refreshSubtaskCount(context.store, parentGid);
    return context.created(gid);
}

ApiResult getTasks(ApiContext &context)
{
    const QStringList filters = {QStringLiteral("project"), QStringLiteral("section"),
                                 QStringLiteral("tag"), QStringLiteral("assignee")};
    int given = 0;
    for (const QString &filter : filters)
        given += context.hasInput(filter) ? 1 : 0;
    const bool assigneeNeedsWorkspace = context.hasInput(QStringLiteral("assignee")) !=
                                        context.hasInput(QStringLiteral("workspace"));
    if (given != 1 || assigneeNeedsWorkspace)
        return ApiContext::error(400, QStringLiteral("Must specify exactly one of project, tag, "
                                                     "section, user task list, or assignee + "
                                                     "workspace"));
    const QJsonObject *found = nullptr;
    if (context.hasInput(QStringLiteral("project"))) {
        if (auto error = context.lookupInput(QStringLiteral("project"), QStringLiteral("project"),
                                             &found, true))
            return *error;
        return context.list(onlyIncompleteIfAsked(
            context, TaskRelations::tasksInProject(context.store, gidOf(found))));
    }
    if (context.hasInput(QStringLiteral("section"))) {
        if (auto error = context.lookupInput(QStringLiteral("section"), QStringLiteral("section"),
                                             &found, true))
            return *error;
        return context.list(onlyIncompleteIfAsked(
            context, TaskRelations::tasksInSection(context.store, gidOf(found))));
    }
    QStringList result;
    const QStringList tasks = context.store.gids(TaskType);
    if (context.hasInput(QStringLiteral("tag"))) {
        if (auto error =
                context.lookupInput(QStringLiteral("tag"), QStringLiteral("tag"), &found, true))
            return *error;
        for (const QString &gid : tasks) {
            const QJsonArray tags = context.store.find(gid)->value(QLatin1String("tags")).toArray();
            if (std::any_of(tags.begin(), tags.end(), [&](const QJsonValue &tag) {
                    return tag.toObject().value(QLatin1String("gid")).toString() == gidOf(found);
                }))
                result.append(gid);
        }
        return context.list(onlyIncompleteIfAsked(context, result));
    }
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("workspace"), QStringLiteral("workspace"),
                                         &workspace, true))
        return *error;
    if (auto error =
            context.lookupInput(QStringLiteral("assignee"), QStringLiteral("user"), &found, true))
        return *error;
    for (const QString &gid : tasks) {
        if (refGid(*context.store.find(gid), QLatin1String("assignee")) == gidOf(found))
            result.append(gid);
    }
    return context.list(onlyIncompleteIfAsked(context, result));
}

ApiResult createTask(ApiContext &context)
{
    const QJsonObject *parent = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("parent"), TaskType, &parent, false))
        return *error;
    return createTaskWith(context, parent ? gidOf(parent) : QString());
}

ApiResult getTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    return context.one(*task);
}

ApiResult updateTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    QJsonObject record = *task;
    if (auto error = writeFields(context, TaskType, record, false))
        return *error;
    context.store.replace(gidOf(task), record);
    return context.one(record);
}

ApiResult deleteTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    TaskRelations::deleteTask(context.store, gidOf(task));
    return context.emptyData();
}

ApiResult getSubtasksForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    return context.list(TaskRelations::subtasksOf(context.store, gidOf(task)));
}

ApiResult createSubtaskForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    return createTaskWith(context, gidOf(task));
}

ApiResult addProjectForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    const QJsonObject *project = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("project"), QStringLiteral("project"),
                                         &project, true))
        return *error;
    const QJsonObject *section = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("section"), QStringLiteral("section"),
                                         &section, false))
        return *error;
    if (section && refGid(*section, QLatin1String("project")) != gidOf(project))
        return ApiContext::error(400, QStringLiteral("section: The section %1 is not in project %2")
                                          .arg(gidOf(section), gidOf(project)));
    QJsonObject record = *task;
    TaskRelations::addToProject(context.store, record, gidOf(project),
                                section ? gidOf(section) : QString());
    context.store.replace(gidOf(task), record);
    return context.emptyData();
}

ApiResult removeProjectForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    const QJsonObject *project = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("project"), QStringLiteral("project"),
                                         &project, true))
        return *error;
    QJsonObject record = *task;
    TaskRelations::removeFromProject(record, gidOf(project));
    context.store.replace(gidOf(task), record);
    return context.emptyData();
}

ApiResult getTasksForProject(ApiContext &context)
{
    const QJsonObject *project = nullptr;
    if (auto error =
            context.lookupPath(QStringLiteral("project_gid"), QStringLiteral("project"), &project))
        return *error;
    return context.list(onlyIncompleteIfAsked(
        context, TaskRelations::tasksInProject(context.store, gidOf(project))));
}

ApiResult getTasksForSection(ApiContext &context)
{
    const QJsonObject *section = nullptr;
    if (auto error =
            context.lookupPath(QStringLiteral("section_gid"), QStringLiteral("section"), &section))
        return *error;
    return context.list(onlyIncompleteIfAsked(
        context, TaskRelations::tasksInSection(context.store, gidOf(section))));
}

ApiResult getProjectsForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    QStringList gids;
    const QJsonArray projects = task->value(QLatin1String("projects")).toArray();
    for (const QJsonValue &project : projects)
        gids.append(project.toObject().value(QLatin1String("gid")).toString());
    return context.list(gids);
}

ApiResult searchTasksForWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    const QString text = context.inputString(QStringLiteral("text"));
    const QString completed = context.inputString(QStringLiteral("completed"));
    const QStringList assignees =
        context.inputString(QStringLiteral("assignee.any")).split(u',', Qt::SkipEmptyParts);
    const QStringList projects =
        context.inputString(QStringLiteral("projects.any")).split(u',', Qt::SkipEmptyParts);
    QStringList result;
    const QStringList tasks = context.store.gids(TaskType);
    for (const QString &gid : tasks) {
        const QJsonObject &task = *context.store.find(gid);
        if (!text.isEmpty() &&
            !task.value(QLatin1String("name")).toString().contains(text, Qt::CaseInsensitive) &&
            !task.value(QLatin1String("notes")).toString().contains(text, Qt::CaseInsensitive))
            continue;
        if (!completed.isEmpty() &&
            task.value(QLatin1String("completed")).toBool() != (completed == QLatin1String("true")))
            continue;
        if (!assignees.isEmpty()) {
            QStringList resolved;
            for (const QString &assignee : assignees)
                resolved.append(resolveMe(assignee.trimmed()));
            if (!resolved.contains(refGid(task, QLatin1String("assignee"))))
                continue;
        }
        if (!projects.isEmpty() &&
            std::none_of(projects.begin(), projects.end(), [&](const QString &project) {
                return TaskRelations::inProject(task, project.trimmed());
            }))
            continue;
        result.append(gid);
    }
    return context.list(result);
}

} // namespace

void addTaskHandlers(ApiHandlerTable &table)
{
    table.insert(QStringLiteral("getTasks"), getTasks);
    table.insert(QStringLiteral("createTask"), createTask);
    table.insert(QStringLiteral("getTask"), getTask);
    table.insert(QStringLiteral("updateTask"), updateTask);
    table.insert(QStringLiteral("deleteTask"), deleteTask);
    table.insert(QStringLiteral("getSubtasksForTask"), getSubtasksForTask);
    table.insert(QStringLiteral("createSubtaskForTask"), createSubtaskForTask);
    table.insert(QStringLiteral("addProjectForTask"), addProjectForTask);
    table.insert(QStringLiteral("removeProjectForTask"), removeProjectForTask);
    table.insert(QStringLiteral("getTasksForProject"), getTasksForProject);
    table.insert(QStringLiteral("getTasksForSection"), getTasksForSection);
    table.insert(QStringLiteral("getProjectsForTask"), getProjectsForTask);
    table.insert(QStringLiteral("searchTasksForWorkspace"), searchTasksForWorkspace);
}

} // namespace Tenfold
