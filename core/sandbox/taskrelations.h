#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Tenfold {

class ResourceStore;

/// How tasks hang together (projects, sections, parents); shared by the task, project and
/// section handlers so they keep the records consistent with each other.
namespace TaskRelations {

bool inProject(const QJsonObject &task, const QString &projectGid);
QString sectionIn(const QJsonObject &task, const QString &projectGid);
/// Puts the task in the project (in `sectionGid`, or the project's first section).
void addToProject(const ResourceStore &store, QJsonObject &task, const QString &projectGid,
                  const QString &sectionGid = {});
void removeFromProject(QJsonObject &task, const QString &projectGid);
QStringList sectionsOf(const ResourceStore &store, const QString &projectGid);
QStringList tasksInProject(const ResourceStore &store, const QString &projectGid);
QStringList tasksInSection(const ResourceStore &store, const QString &sectionGid);
QStringList subtasksOf(const ResourceStore &store, const QString &taskGid);
/// Deletes a task with its subtasks and comments, and updates its parent's num_subtasks.
void deleteTask(ResourceStore &store, const QString &taskGid);

} // namespace TaskRelations

} // namespace Tenfold
