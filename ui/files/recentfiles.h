#pragma once

#include <QObject>
#include <QStringList>

namespace Tenfold {

/// The most recently opened sessions, newest first, kept in QSettings.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxFiles = 10;

    using QObject::QObject;

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList &files);
};

} // namespace Tenfold
