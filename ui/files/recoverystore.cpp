#include "recoverystore.h"

#include "session/sessionfile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace Tenfold {

namespace {
const QString SessionFile = QStringLiteral("recovery.tenfold.json");
const QString OriginFile = QStringLiteral("recovery.origin");
} // namespace

RecoveryStore::RecoveryStore(const QString &directory)
    : m_directory(directory)
{
    if (m_directory.isEmpty()) {
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                      QStringLiteral("/recovery");
    }
}

QString RecoveryStore::sessionPath() const
{
    return m_directory + u'/' + SessionFile;
}

std::optional<Error> RecoveryStore::save(const Session &session, const QString &originalPath)
{
    if (!QDir().mkpath(m_directory))
        return Error{QStringLiteral("cannot create %1").arg(m_directory)};
    if (auto error = writeFileAtomically(m_directory + u'/' + OriginFile, originalPath.toUtf8()))
        return error;
    return saveSession(session, sessionPath());
}

void RecoveryStore::discard()
{
    QFile::remove(sessionPath());
    QFile::remove(m_directory + u'/' + OriginFile);
}

std::optional<RecoveryStore::Recovered> RecoveryStore::pending() const
{
    if (!QFile::exists(sessionPath()))
        return std::nullopt;
    Result<LoadedInput> loaded = loadInput(sessionPath());
    if (!loaded)
        return std::nullopt;
    QFile origin(m_directory + u'/' + OriginFile);
    QString originalPath;
    if (origin.open(QIODevice::ReadOnly))
        originalPath = QString::fromUtf8(origin.readAll());
    return Recovered{loaded->session, originalPath};
}

} // namespace Tenfold
