#include "apihandlers.h"
#include "recordwriter.h"
#include "resourcestore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Tenfold {

namespace {

const QString StoryType = QStringLiteral("story");
const QString TagType = QStringLiteral("tag");
const QString TaskType = QStringLiteral("task");

QString gidOf(const QJsonObject *record)
{
    return record->value(QLatin1String("gid")).toString();
}

bool hasRef(const QJsonArray &refs, const QString &gid)
{
    return std::any_of(refs.begin(), refs.end(), [&](const QJsonValue &ref) {
        return ref.toObject().value(QLatin1String("gid")).toString() == gid;
    });
}

ApiResult getStoriesForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    QStringList result;
    const QStringList stories = context.store.gids(StoryType);
    for (const QString &gid : stories) {
        if (context.store.find(gid)
                ->value(QLatin1String("target"))
                .toObject()
                .value(QLatin1String("gid")) == gidOf(task))
            result.append(gid);
    }
    return context.list(result);
}

ApiResult createStoryForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    if (context.inputString(QStringLiteral("text")).isEmpty() &&
        context.inputString(QStringLiteral("html_text")).isEmpty())
        return ApiContext::missing(QStringLiteral("text"));
    QJsonObject record{{QStringLiteral("resource_subtype"), QStringLiteral("comment_added")},
                       {QStringLiteral("type"), QStringLiteral("comment")},
                       {QStringLiteral("is_pinned"), false},
                       {QStringLiteral("is_edited"), false}};
    if (auto error = writeFields(context, StoryType, record, true))
        return *error;
    if (!record.contains(QLatin1String("text"))) {
        // Only html_text given: the plain text is the markup without its tags.
        QString text = record.value(QLatin1String("html_text")).toString();
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        record.insert(QStringLiteral("text"), text);
    }
    record.insert(QStringLiteral("created_by"),
                  ResourceStore::ref(ResourceStore::meGid(), QStringLiteral("user")));
    record.insert(QStringLiteral("target"), ResourceStore::ref(gidOf(task), TaskType));
    return context.created(context.store.create(StoryType, record));
}

ApiResult getStory(ApiContext &context)
{
    const QJsonObject *story = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("story_gid"), StoryType, &story))
        return *error;
    return context.one(*story);
}

ApiResult listTags(ApiContext &context)
{
    return context.list(context.store.gids(TagType));
}

ApiResult getTags(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("workspace"), QStringLiteral("workspace"),
                                         &workspace, false))
        return *error;
    return listTags(context);
}

ApiResult getTagsForWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    return listTags(context);
}

ApiResult createTagIn(ApiContext &context)
{
    QJsonObject record{{QStringLiteral("name"), QString()},
                       {QStringLiteral("color"), QJsonValue::Null},
                       {QStringLiteral("notes"), QString()},
                       {QStringLiteral("followers"), QJsonArray{}}};
    if (auto error = writeFields(context, TagType, record, true))
        return *error;
    record.insert(QStringLiteral("workspace"),
                  ResourceStore::ref(ResourceStore::workspaceGid(), QStringLiteral("workspace")));
    return context.created(context.store.create(TagType, record));
}

ApiResult createTag(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("workspace"), QStringLiteral("workspace"),
                                         &workspace, true))
        return *error;
    return createTagIn(context);
}

ApiResult createTagForWorkspace(ApiContext &context)
{
    const QJsonObject *workspace = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("workspace_gid"),
                                        QStringLiteral("workspace"), &workspace))
        return *error;
    return createTagIn(context);
}

ApiResult getTag(ApiContext &context)
{
    const QJsonObject *tag = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("tag_gid"), TagType, &tag))
        return *error;
    return context.one(*tag);
}

ApiResult getTagsForTask(ApiContext &context)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    QStringList gids;
    const QJsonArray tags = task->value(QLatin1String("tags")).toArray();
    for (const QJsonValue &tag : tags)
        gids.append(tag.toObject().value(QLatin1String("gid")).toString());
    return context.list(gids);
}

ApiResult getTasksForTag(ApiContext &context)
{
    const QJsonObject *tag = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("tag_gid"), TagType, &tag))
        return *error;
    QStringList result;
    const QStringList tasks = context.store.gids(TaskType);
    for (const QString &gid : tasks) {
        if (hasRef(context.store.find(gid)->value(QLatin1String("tags")).toArray(), gidOf(tag)))
            result.append(gid);
    }
    return context.list(result);
}

ApiResult changeTag(ApiContext &context, bool add)
{
    const QJsonObject *task = nullptr;
    if (auto error = context.lookupPath(QStringLiteral("task_gid"), TaskType, &task))
        return *error;
    const QJsonObject *tag = nullptr;
    if (auto error = context.lookupInput(QStringLiteral("tag"), TagType, &tag, true))
        return *error;
    QJsonObject record = *task;
    QJsonArray tags;
    const QJsonArray old = record.value(QLatin1String("tags")).toArray();
    for (const QJsonValue &ref : old) {
        if (ref.toObject().value(QLatin1String("gid")).toString() != gidOf(tag))
            tags.append(ref);
    }
    if (add)
        tags.append(ResourceStore::ref(gidOf(tag), TagType));
    record.insert(QStringLiteral("tags"), tags);
    context.store.replace(gidOf(task), record);
    return context.emptyData();
}

ApiResult addTagForTask(ApiContext &context)
{
    return changeTag(context, true);
}

ApiResult removeTagForTask(ApiContext &context)
{
    return changeTag(context, false);
}

} // namespace

void addStoryTagHandlers(ApiHandlerTable &table)
{
    table.insert(QStringLiteral("getStoriesForTask"), getStoriesForTask);
    table.insert(QStringLiteral("createStoryForTask"), createStoryForTask);
    table.insert(QStringLiteral("getStory"), getStory);
    table.insert(QStringLiteral("getTags"), getTags);
    table.insert(QStringLiteral("getTagsForWorkspace"), getTagsForWorkspace);
    table.insert(QStringLiteral("createTag"), createTag);
    table.insert(QStringLiteral("createTagForWorkspace"), createTagForWorkspace);
    table.insert(QStringLiteral("getTag"), getTag);
    table.insert(QStringLiteral("getTagsForTask"), getTagsForTask);
    table.insert(QStringLiteral("getTasksForTag"), getTasksForTag);
    table.insert(QStringLiteral("addTagForTask"), addTagForTask);
    table.insert(QStringLiteral("removeTagForTask"), removeTagForTask);
}

} // namespace Tenfold
