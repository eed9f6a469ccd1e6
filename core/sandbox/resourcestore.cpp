#include "resourcestore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>

namespace Tenfold {

namespace {

const QString Workspace = QStringLiteral("workspace");
const QString User = QStringLiteral("user");
const QString Project = QStringLiteral("project");
const QString Section = QStringLiteral("section");
const QString Task = QStringLiteral("task");
const QString Tag = QStringLiteral("tag");
const QString Story = QStringLiteral("story");

QString stamp(int minutes)
{
    const QDateTime base(QDate(2024, 1, 8), QTime(9, 0), Qt::UTC);
    return base.addSecs(minutes * 60LL).toString(Qt::ISODateWithMs);
}

QString permalink(const QString &path)
{
    return QString(QStringLiteral("https://app.asana.com/0/") + path);
}

template<typename T>
QList<T> shuffled(QList<T> items, QRandomGenerator &random)
{
    for (qsizetype i = items.size() - 1; i > 0; --i)
        items.swapItemsAt(i, qsizetype(random.bounded(quint32(i + 1))));
    return items;
}

} // namespace

ResourceStore::ResourceStore(quint32 seed)
{
    this->seed(seed);
}

QJsonObject ResourceStore::ref(const QString &gid, const QString &type)
{
    return {{QStringLiteral("gid"), gid}, {QStringLiteral("resource_type"), type}};
}

const QJsonObject *ResourceStore::find(const QString &gid) const
{
    const auto it = m_objects.constFind(gid);
    return it == m_objects.cend() ? nullptr : &*it;
}

const QJsonObject *ResourceStore::find(const QString &gid, QStringView type) const
{
    const QJsonObject *object = find(gid);
    if (!object || object->value(QLatin1String("resource_type")).toString() != type)
        return nullptr;
    return object;
}

QStringList ResourceStore::gids(const QString &type) const
{
    return m_order.value(type);
}

QString ResourceStore::create(const QString &type, QJsonObject record)
{
    const QString gid = QString::number(m_nextGid++);
    insert(gid, type, std::move(record));
    return gid;
}

void ResourceStore::insert(const QString &gid, const QString &type, QJsonObject record)
{
    record.insert(QStringLiteral("gid"), gid);
    record.insert(QStringLiteral("resource_type"), type);
    m_objects.insert(gid, record);
    m_order[type].append(gid);
}

void ResourceStore::replace(const QString &gid, const QJsonObject &record)
{
    if (m_objects.contains(gid))
        m_objects.insert(gid, record);
}

void ResourceStore::remove(const QString &gid)
{
    const QJsonObject *object = find(gid);
    if (!object)
        return;
    m_order[object->value(QLatin1String("resource_type")).toString()].removeAll(gid);
    m_objects.remove(gid);
}

QString ResourceStore::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void ResourceStore::seed(quint32 seed)
{
    QRandomGenerator random(seed);
    const auto pick = [&random](const QStringList &words) {
        return words.at(qsizetype(random.bounded(quint32(words.size()))));
    };
    const QJsonObject workspace = ref(workspaceGid(), Workspace);

    insert(workspaceGid(), Workspace,
           {{QStringLiteral("name"), QStringLiteral("Tenfold Sandbox")},
            {QStringLiteral("email_domains"), QJsonArray{QStringLiteral("example.com")}},
            {QStringLiteral("is_organization"), true}});

    const QStringList people =
        shuffled(QStringList{QStringLiteral("Ada Lovelace"), QStringLiteral("Grace Hopper"),
                             QStringLiteral("Alan Turing"), QStringLiteral("Katherine Johnson"),
                             QStringLiteral("Edsger Dijkstra"), QStringLiteral("Barbara Liskov"),
                             QStringLiteral("Donald Knuth"), QStringLiteral("Frances Allen")},
                 random);
    for (int i = 0; i < 5; ++i) {
        const QString name = people.at(i);
        insert(QString::number(1101 + i), User,
               {{QStringLiteral("name"), name},
                {QStringLiteral("email"),
                 QString(name.toLower().replace(u' ', u'.') + QStringLiteral("@example.com"))},
                {QStringLiteral("photo"), QJsonValue::Null},
                {QStringLiteral("workspaces"), QJsonArray{workspace}}});
    }

    const QStringList projectNames =
        shuffled(QStringList{QStringLiteral("Website relaunch"), QStringLiteral("Mobile app"),
                             QStringLiteral("Customer onboarding"), QStringLiteral("Q3 roadmap"),
                             QStringLiteral("Hiring"), QStringLiteral("Office move")},
                 random);
    const QStringList sectionNames = {QStringLiteral("To do"), QStringLiteral("Doing"),
                                      QStringLiteral("Done")};
    const QStringList colors = {QStringLiteral("dark-blue"), QStringLiteral("light-green"),
                                QStringLiteral("dark-orange")};
    for (int p = 0; p < 3; ++p) {
        const QString gid = QString::number(1201 + p);
        insert(gid, Project,
               {{QStringLiteral("name"), projectNames.at(p)},
                {QStringLiteral("archived"), false},
                {QStringLiteral("color"), colors.at(p)},
                {QStringLiteral("created_at"), stamp(p)},
                {QStringLiteral("modified_at"), stamp(p)},
                {QStringLiteral("notes"), QString()},
                {QStringLiteral("public"), true},
                {QStringLiteral("due_on"), QJsonValue::Null},
                {QStringLiteral("start_on"), QJsonValue::Null},
                {QStringLiteral("default_view"), QStringLiteral("list")},
                {QStringLiteral("owner"), ref(meGid(), User)},
                {QStringLiteral("workspace"), workspace},
                {QStringLiteral("followers"), QJsonArray{ref(meGid(), User)}},
                {QStringLiteral("permalink_url"), permalink(gid)}});
        for (int s = 0; s < 3; ++s) {
            insert(QString::number(1301 + 3 * p + s), Section,
                   {{QStringLiteral("name"), sectionNames.at(s)},
                    {QStringLiteral("created_at"), stamp(p)},
                    {QStringLiteral("project"), ref(gid, Project)}});
        }
    }

    const QStringList tagNames = {QStringLiteral("urgent"), QStringLiteral("blocked"),
                                  QStringLiteral("design"), QStringLiteral("backend"),
                                  QStringLiteral("customer")};
    for (int t = 0; t < 5; ++t) {
        const QString gid = QString::number(1501 + t);
        insert(gid, Tag,
               {{QStringLiteral("name"), tagNames.at(t)},
                {QStringLiteral("color"), colors.at(t % 3)},
                {QStringLiteral("notes"), QString()},
                {QStringLiteral("created_at"), stamp(t)},
                {QStringLiteral("followers"), QJsonArray{}},
                {QStringLiteral("workspace"), workspace},
                {QStringLiteral("permalink_url"), permalink(gid)}});
    }

    const QStringList verbs = {QStringLiteral("Draft"),    QStringLiteral("Review"),
                               QStringLiteral("Ship"),     QStringLiteral("Plan"),
                               QStringLiteral("Fix"),      QStringLiteral("Test"),
                               QStringLiteral("Document"), QStringLiteral("Design")};
    const QStringList nouns = {QStringLiteral("launch checklist"), QStringLiteral("pricing page"),
                               QStringLiteral("login flow"),       QStringLiteral("release notes"),
                               QStringLiteral("search index"),     QStringLiteral("invoice export"),
                               QStringLiteral("welcome email"),    QStringLiteral("status report")};
    for (int i = 0; i < 50; ++i) {
        const QString gid = QString::number(1401 + i);
        const bool subtask = i >= 40;
        const int p = i % 3;
        const int s = int(random.bounded(3));
        const int who = int(random.bounded(6)); // 5: unassigned
        const QString verb = pick(verbs);       // one statement each: argument order is unspecified
        const QString noun = pick(nouns);
        QJsonObject task{
            {QStringLiteral("name"), QString(verb + u' ' + noun)},
            {QStringLiteral("resource_subtype"), QStringLiteral("default_task")},
            {QStringLiteral("notes"), QString()},
            {QStringLiteral("completed"), !subtask && s == 2},
            {QStringLiteral("completed_at"),
             !subtask && s == 2 ? QJsonValue(stamp(60 + i)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("created_at"), stamp(10 + i)},
            {QStringLiteral("modified_at"), stamp(10 + i)},
            {QStringLiteral("due_on"),
             i % 5 == 0 ? QJsonValue(QDate(2024, 2, 1 + i % 28).toString(Qt::ISODate))
                        : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("start_on"), QJsonValue::Null},
            {QStringLiteral("assignee"), i % 4 == 0 || subtask ? QJsonValue(ref(meGid(), User))
                                         : who == 5
                                             ? QJsonValue(QJsonValue::Null)
                                             : QJsonValue(ref(QString::number(1101 + who), User))},
            {QStringLiteral("workspace"), workspace},
            {QStringLiteral("followers"), QJsonArray{ref(meGid(), User)}},
            {QStringLiteral("liked"), false},
            {QStringLiteral("num_likes"), 0},
            {QStringLiteral("num_subtasks"), !subtask && i < 10 ? 1 : 0},
            {QStringLiteral("permalink_url"), permalink(gid)}};
        QJsonArray projects;
        QJsonArray memberships;
        QJsonArray tags;
        QJsonValue parent = QJsonValue::Null;
        if (subtask) {
            parent = ref(QString::number(1401 + i - 40), Task);
        } else {
            const QString project = QString::number(1201 + p);
            projects.append(ref(project, Project));
            memberships.append(QJsonObject{
                {QStringLiteral("project"), ref(project, Project)},
                {QStringLiteral("section"), ref(QString::number(1301 + 3 * p + s), Section)}});
            if (random.bounded(3) == 0)
                tags.append(ref(QString::number(1501 + random.bounded(5)), Tag));
        }
        task.insert(QStringLiteral("projects"), projects);
        task.insert(QStringLiteral("memberships"), memberships);
        task.insert(QStringLiteral("tags"), tags);
        task.insert(QStringLiteral("parent"), parent);
        insert(gid, Task, task);
    }

    const QStringList comments = {
        QStringLiteral("Looks good to me."), QStringLiteral("Can we move this to next week?"),
        QStringLiteral("Blocked on the design review."), QStringLiteral("Done, please check."),
        QStringLiteral("Adding the customer's feedback here.")};
    for (int c = 0; c < 20; ++c) {
        const QString author = QString::number(1101 + random.bounded(5));
        insert(QString::number(1601 + c), Story,
               {{QStringLiteral("created_at"), stamp(120 + c)},
                {QStringLiteral("created_by"), ref(author, User)},
                {QStringLiteral("resource_subtype"), QStringLiteral("comment_added")},
                {QStringLiteral("type"), QStringLiteral("comment")},
                {QStringLiteral("text"), pick(comments)},
                {QStringLiteral("is_pinned"), false},
                {QStringLiteral("is_edited"), false},
                {QStringLiteral("target"), ref(QString::number(1401 + c), Task)}});
    }
}

} // namespace Tenfold
