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
    , m_worker(std::make_unique<QThreadPool>())
{
    if (m_directory.isEmpty()) {
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                      QStringLiteral("/recovery");
    }
    m_worker->setMaxThreadCount(1);
}

RecoveryStore::~RecoveryStore()
{
    waitForBackgroundWork();
}

QString RecoveryStore::sessionPath() const
{
    return m_directory + u'/' + SessionFile;
}

std::optional<Error> RecoveryStore::write(const QByteArray &session, const QString &originalPath)
{
    if (!QDir().mkpath(m_directory))
        return Error{QStringLiteral("cannot create %1").arg(m_directory)};
    if (auto error = writeFileAtomically(m_directory + u'/' + OriginFile, originalPath.toUtf8()))
        return error;
    return writeFileAtomically(sessionPath(), session);
}

void RecoveryStore::saveInBackground(const Session &session, const QString &originalPath,
                                     QObject *context, std::function<void(const Error &)> onError)
{
    // The session is implicitly shared: this copy costs nothing, and later edits detach from it.
    const quint64 discards = m_discards.load();
    m_worker->start([this, session, originalPath, context, onError, discards] {
        const QByteArray bytes = serializeSession(session); // the long part
        // Saved or closed meanwhile: nothing to recover any more. (The discard queued behind this
        // save would remove its files anyway; this only spares writing them.)
        if (m_discards.load() != discards)
            return;
        if (std::optional<Error> error = write(bytes, originalPath)) {
            QMetaObject::invokeMethod(
                context, [onError, error = *error] { onError(error); }, Qt::QueuedConnection);
        }
    });
}

void RecoveryStore::discard()
{
    ++m_discards;
    // Queued behind a save that may be writing right now, so that its files go too.
    m_worker->start([this] { removeFiles(); });
}

void RecoveryStore::removeFiles()
{
    QFile::remove(sessionPath());
    QFile::remove(m_directory + u'/' + OriginFile);
}

void RecoveryStore::waitForBackgroundWork()
{
    m_worker->waitForDone();
}

std::optional<RecoveryStore::Recovered> RecoveryStore::pending()
{
    waitForBackgroundWork();
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
