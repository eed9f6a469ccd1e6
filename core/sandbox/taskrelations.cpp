#include "taskrelations.h"

#include "resourcestore.h"

#include <QJsonArray>

namespace Tenfold::TaskRelations {

namespace {

QString refGid(const QJsonValue &value)
{
    return value.toObject().value(QLatin1String("gid")).toString();
}

} // namespace

bool inProject(const QJsonObject &task, const QString &projectGid)
{
    const QJsonArray projects = task.value(QLatin1String("projects")).toArray();
    return std::any_of(projects.begin(), projects.end(),
                       [&](const QJsonValue &project) { return refGid(project) == projectGid; });
}

QString sectionIn(const QJsonObject &task, const QString &projectGid)
{
    const QJsonArray memberships = task.value(QLatin1String("memberships")).toArray();
    for (const QJsonValue &membership : memberships) {
        const QJsonObject object = membership.toObject();
        if (refGid(object.value(QLatin1String("project"))) == projectGid)
            return refGid(object.value(QLatin1String("section")));
    }
    return {};
}

QStringList sectionsOf(const ResourceStore &store, const QString &projectGid)
{
    QStringList result;
    const QStringList sections = store.gids(QStringLiteral("section"));
    for (const QString &gid : sections) {
        if (refGid(store.find(gid)->value(QLatin1String("project"))) == projectGid)
            result.append(gid);
    }
    return result;
}

void addToProject(const ResourceStore &store, QJsonObject &task, const QString &projectGid,
                  const QString &sectionGid)
{
    removeFromProject(task, projectGid);
    QJsonArray projects = task.value(QLatin1String("projects")).toArray();
    projects.append(ResourceStore::ref(projectGid, QStringLiteral("project")));
    task.insert(QStringLiteral("projects"), projects);

    QString section = sectionGid;
    if (section.isEmpty())
        section = sectionsOf(store, projectGid).value(0);
    QJsonObject membership{
        {QStringLiteral("project"), ResourceStore::ref(projectGid, QStringLiteral("project"))}};
    if (!section.isEmpty())
        membership.insert(QStringLiteral("section"),
                          ResourceStore::ref(section, QStringLiteral("section")));
    QJsonArray memberships = task.value(QLatin1String("memberships")).toArray();
    memberships.append(membership);
    task.insert(QStringLiteral("memberships"), memberships);
}

void removeFromProject(QJsonObject &task, const QString &projectGid)
{
    QJsonArray projects;
    const QJsonArray oldProjects = task.value(QLatin1String("projects")).toArray();
    for (const QJsonValue &project : oldProjects) {
        if (refGid(project) != projectGid)
            projects.append(project);
    }
    QJsonArray memberships;
    const QJsonArray oldMemberships = task.value(QLatin1String("memberships")).toArray();
    for (const QJsonValue &membership : oldMemberships) {
        if (refGid(membership.toObject().value(QLatin1String("project"))) != projectGid)
            memberships.append(membership);
    }
    task.insert(QStringLiteral("projects"), projects);
    task.insert(QStringLiteral("memberships"), memberships);
}

QStringList tasksInProject(const ResourceStore &store, const QString &projectGid)
{
    QStringList result;
    const QStringList tasks = store.gids(QStringLiteral("task"));
    for (const QString &gid : tasks) {
        if (inProject(*store.find(gid), projectGid))
            result.append(gid);
    }
    return result;
}

QStringList tasksInSection(const ResourceStore &store, const QString &sectionGid)
{
    const QString project = refGid(store.find(sectionGid)->value(QLatin1String("project")));
    QStringList result;
    const QStringList tasks = tasksInProject(store, project);
    for (const QString &gid : tasks) {
        if (sectionIn(*store.find(gid), project) == sectionGid)
            result.append(gid);
    }
    return result;
}

QStringList subtasksOf(const ResourceStore &store, const QString &taskGid)
{
    QStringList result;
    const QStringList tasks = store.gids(QStringLiteral("task"));
    for (const QString &gid : tasks) {
        if (refGid(store.find(gid)->value(QLatin1String("parent"))) == taskGid)
            result.append(gid);
    }
    return result;
}

void deleteTask(ResourceStore &store, const QString &taskGid)
{
    const QJsonObject *task = store.find(taskGid);
    if (!task)
        return;
    const QString parent = refGid(task->value(QLatin1String("parent")));
    const QStringList subtasks = subtasksOf(store, taskGid);
    for (const QString &subtask : subtasks)
        deleteTask(store, subtask);
    const QStringList stories = store.gids(QStringLiteral("story"));
    for (const QString &story : stories) {
        if (refGid(store.find(story)->value(QLatin1String("target"))) == taskGid)
            store.remove(story);
    }
    store.remove(taskGid);
    if (const QJsonObject *parentTask = store.find(parent)) {
        QJsonObject updated = *parentTask;
        updated.insert(QStringLiteral("num_subtasks"), int(subtasksOf(store, parent).size()));
        store.replace(parent, updated);
    }
}

} // namespace Tenfold::TaskRelations
