#pragma once

#include "common/result.h"
#include "model/session.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QLockFile;

namespace Tenfold {

/// Unsaved work kept aside so a crash loses at most a few seconds. Every window has a copy of
/// its own in the recovery directory (`ID.tenfold.json`, beside `ID.origin` naming the file it
/// belongs to), guarded by `ID.lock` (a QLockFile) for as long as the window runs. A copy whose
/// lock nobody holds belongs to a window that is gone: it is an orphan, offered at the next start.
/// A copy is only removed by discard() (its work was saved, or the user chose to throw it away);
/// other windows' live copies are never touched.
class RecoveryStore
{
public:
    /// Uses `directory`, or the application's data location when empty.
    explicit RecoveryStore(const QString &directory = {});
    /// Waits for a background save still running: its files are then complete or untouched. The
    /// copy stays on disk (a window closed without deciding keeps it); the lock is released.
    ~RecoveryStore();

    QString directory() const { return m_directory; }
    /// This window's copy (which need not exist yet).
    QString sessionPath() const;

    /// Writes this window's copy on a thread of the store's own, so that writing a big session
    /// (a quarter of a second for 100,000 actions) never freezes the window. Saves and discards
    /// run one at a time, in the order asked for. `session` is the copy's bytes, built by the
    /// caller (serializing is the long part, so it is a function run on that thread). A failure
    /// is handed to `onError` on `context`'s thread; `context` must outlive the store.
    void saveInBackground(std::function<QByteArray()> session, const QString &originalPath,
                          QObject *context, std::function<void(const Error &)> onError);
    void saveInBackground(const Session &session, const QString &originalPath, QObject *context,
                          std::function<void(const Error &)> onError);
    /// Removes this window's copy. A background save that has not written yet never will; one
    /// that is writing finishes first, and its files are then removed.
    void discard();
    /// Blocks until every save and discard asked for so far is done (tests, start-up).
    void waitForBackgroundWork();

    struct Recovered
    {
        QString id;
        Session session;
        QString originalPath; ///< empty for a session never saved
        QDateTime writtenAt;
        /// The copy's bytes as written (so a caller can read what else it holds, such as kept
        /// results).
        QByteArray bytes;
    };
    /// Copies left by windows that are gone, newest first. Each one returned is claimed: this
    /// store holds its lock until adopt(), keepForLater() or discardOrphan(), so another instance
    /// starting at the same moment never offers the same copy. Live windows' copies and copies
    /// that cannot be read are left alone.
    QList<Recovered> claimOrphans();
    /// The user restored `id` into this window: it becomes this window's copy (its lock included),
    /// replacing any copy of its own.
    void adopt(const QString &id);
    /// The user has not decided: the copy stays on disk, unclaimed, for a later start.
    void keepForLater(const QString &id);
    /// The user chose to throw the copy away.
    void discardOrphan(const QString &id);

private:
    QString pathOf(const QString &id, const char *suffix) const;
    /// Takes this window's lock before its first copy exists, so no other instance ever sees an
    /// unlocked copy of a live window.
    std::optional<Error> ensureOwnLock();
    std::unique_ptr<QLockFile> takeClaim(const QString &id);

    QString m_directory;
    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_claims;
    /// Bumped by discard(): a background save that sees it changed writes nothing.
    std::atomic<quint64> m_discards = 0;
    /// One thread, so that saves and discards happen in the order they were asked for.
    std::unique_ptr<QThreadPool> m_worker;
};

} // namespace Tenfold
