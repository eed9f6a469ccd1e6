#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace Tenfold {

/// The sandbox's objects (workspace, users, projects, sections, tasks, tags, stories) as full
/// Asana records. References between them are stored as {gid, resource_type} and resolved when a
/// response is shaped, so renaming an object shows everywhere. Seeded deterministically: the gids
/// are fixed (see docs), names and assignments follow the seed.
class ResourceStore
{
public:
    static constexpr int FirstRuntimeGid = 2000001;

    explicit ResourceStore(quint32 seed);

    static QString workspaceGid() { return QStringLiteral("1001"); }
    static QString meGid() { return QStringLiteral("1101"); }
    /// {gid, resource_type}: how records point at each other.
    static QJsonObject ref(const QString &gid, const QString &type);

    const QJsonObject *find(const QString &gid) const;
    /// Null unless gid exists with this resource_type.
    const QJsonObject *find(const QString &gid, QStringView type) const;
    /// Gids of one type in creation order.
    QStringList gids(const QString &type) const;

    /// Adds a record (gid assigned from FirstRuntimeGid up) and returns its gid.
    QString create(const QString &type, QJsonObject record);
    void replace(const QString &gid, const QJsonObject &record);
    void remove(const QString &gid);

    /// ISO 8601 time stamp, the way Asana writes created_at.
    static QString now();

private:
    void insert(const QString &gid, const QString &type, QJsonObject record);
    void seed(quint32 seed);

    QHash<QString, QJsonObject> m_objects;
    QHash<QString, QStringList> m_order;
    int m_nextGid = FirstRuntimeGid;
};

} // namespace Tenfold
