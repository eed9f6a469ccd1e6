#include "recoverystore.h"

#include "session/sessionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace Tenfold {

namespace {

const char *const SessionSuffix = ".tenfold.json";
const char *const OriginSuffix = ".origin";
const char *const LockSuffix = ".lock";

std::unique_ptr<QLockFile> lockFileFor(const QString &path)
{
    auto lock = std::make_unique<QLockFile>(path);
    // Only a dead owner makes a lock stale, never its age: a window may stay open for days.
    lock->setStaleLockTime(0);
    return lock;
}

void removeCopy(const QString &sessionPath, const QString &originPath)
{
    QFile::remove(sessionPath);
    QFile::remove(originPath);
}

} // namespace

RecoveryStore::RecoveryStore(const QString &directory)
    : m_directory(directory)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8) + u'-' +
           QString::number(QCoreApplication::applicationPid()))
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

QString RecoveryStore::pathOf(const QString &id, const char *suffix) const
{
    return m_directory + u'/' + id + QLatin1String(suffix);
}

QString RecoveryStore::sessionPath() const
{
    return pathOf(m_id, SessionSuffix);
}

std::optional<Error> RecoveryStore::ensureOwnLock()
{
    if (m_lock)
        return std::nullopt;
    if (!QDir().mkpath(m_directory))
        return Error{QStringLiteral("cannot create %1").arg(m_directory)};
    std::unique_ptr<QLockFile> lock = lockFileFor(pathOf(m_id, LockSuffix));
    if (!lock->tryLock(0)) {
        return Error{QStringLiteral("cannot lock %1 (error %2)")
                         .arg(pathOf(m_id, LockSuffix))
                         .arg(int(lock->error()))};
    }
    m_lock = std::move(lock);
    return std::nullopt;
}

void RecoveryStore::saveInBackground(const Session &session, const QString &originalPath,
                                     QObject *context, std::function<void(const Error &)> onError)
{
    // The session is implicitly shared: this copy costs nothing, and later edits detach from it.
    saveInBackground([session] { return serializeSession(session); }, originalPath, context,
                     std::move(onError));
}

void RecoveryStore::saveInBackground(std::function<QByteArray()> session,
                                     const QString &originalPath, QObject *context,
                                     std::function<void(const Error &)> onError)
{
    const auto report = [context, onError](const Error &error) {
        QMetaObject::invokeMethod(
            context, [onError, error] { onError(error); }, Qt::QueuedConnection);
    };
    if (std::optional<Error> error = ensureOwnLock()) {
        report(*error);
        return;
    }
    const quint64 discards = m_discards.load();
    const QString sessionFile = pathOf(m_id, SessionSuffix);
    const QString originFile = pathOf(m_id, OriginSuffix);
    m_worker->start([this, session, originalPath, report, discards, sessionFile, originFile] {
        const QByteArray bytes = session(); // the long part
        // Saved or closed meanwhile: nothing to recover any more. (The discard queued behind this
        // save would remove its files anyway; this only spares writing them.)
        if (m_discards.load() != discards)
            return;
        // The origin first: a copy is only looked at when its session file exists.
        std::optional<Error> error = writeFileAtomically(originFile, originalPath.toUtf8());
        if (!error)
            error = writeFileAtomically(sessionFile, bytes);
        if (error)
            report(*error);
    });
}

void RecoveryStore::discard()
{
    ++m_discards;
    // Queued behind a save that may be writing right now, so that its files go too.
    const QString sessionFile = pathOf(m_id, SessionSuffix);
    const QString originFile = pathOf(m_id, OriginSuffix);
    m_worker->start([sessionFile, originFile] { removeCopy(sessionFile, originFile); });
}

void RecoveryStore::waitForBackgroundWork()
{
    m_worker->waitForDone();
}

QList<RecoveryStore::Recovered> RecoveryStore::claimOrphans()
{
    waitForBackgroundWork();
    QList<Recovered> found;
    const QDir dir(m_directory);
    const QFileInfoList copies =
        dir.entryInfoList({QLatin1String("*") + SessionSuffix}, QDir::Files, QDir::Time);
    for (const QFileInfo &copy : copies) {
        const QString id = copy.fileName().chopped(qsizetype(qstrlen(SessionSuffix)));
        if (id == m_id || m_claims.count(id) > 0)
            continue;
        std::unique_ptr<QLockFile> lock = lockFileFor(pathOf(id, LockSuffix));
        if (!lock->tryLock(0))
            continue; // its window is still running (or the lock cannot be taken: leave it)
        QFile file(copy.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Recovered recovered;
        recovered.id = id;
        recovered.bytes = file.readAll();
        Result<LoadedInput> loaded = parseInput(recovered.bytes);
        if (!loaded)
            continue; // never offered, never removed: it is still there for a person to look at
        recovered.session = loaded->session;
        recovered.writtenAt = copy.lastModified();
        QFile origin(pathOf(id, OriginSuffix));
        if (origin.open(QIODevice::ReadOnly))
            recovered.originalPath = QString::fromUtf8(origin.readAll());
        m_claims.emplace(id, std::move(lock));
        found.append(std::move(recovered));
    }
    // Locks of windows that crashed without unsaved work: nothing to offer, tidy them away.
    const QFileInfoList locks = dir.entryInfoList({QLatin1String("*") + LockSuffix}, QDir::Files);
    for (const QFileInfo &lockInfo : locks) {
        const QString id = lockInfo.fileName().chopped(qsizetype(qstrlen(LockSuffix)));
        if (id == m_id || m_claims.count(id) > 0 || QFile::exists(pathOf(id, SessionSuffix)))
            continue;
        std::unique_ptr<QLockFile> lock = lockFileFor(lockInfo.filePath());
        if (lock->tryLock(0))
            lock->unlock(); // removes it
    }
    return found;
}

std::unique_ptr<QLockFile> RecoveryStore::takeClaim(const QString &id)
{
    const auto it = m_claims.find(id);
    if (it == m_claims.end())
        return nullptr;
    std::unique_ptr<QLockFile> claim = std::move(it->second);
    m_claims.erase(it);
    return claim;
}

void RecoveryStore::adopt(const QString &id)
{
    std::unique_ptr<QLockFile> claim = takeClaim(id);
    if (!claim)
        return;
    discard(); // this window's own copy, if it had one, is replaced by the adopted one
    waitForBackgroundWork();
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
    // The claim's lock stays this copy's lock: handed over without unlocking it.
    m_lock = std::move(claim);
    m_id = id;
}

void RecoveryStore::keepForLater(const QString &id)
{
    if (std::unique_ptr<QLockFile> claim = takeClaim(id))
        claim->unlock();
}

void RecoveryStore::discardOrphan(const QString &id)
{
    std::unique_ptr<QLockFile> claim = takeClaim(id);
    if (!claim)
        return;
    removeCopy(pathOf(id, SessionSuffix), pathOf(id, OriginSuffix));
    claim->unlock();
}

} // namespace Tenfold
