#pragma once

#include "common/result.h"
#include "model/session.h"

#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Tenfold {

/// Unsaved work kept aside so a crash loses at most a few seconds. One recovery file per
/// session being edited is written atomically beside a note of the file it belongs to; a clean
/// exit (or a save) removes it, so finding one at start-up means the last run did not end well.
class RecoveryStore
{
public:
    /// Uses `directory`, or the application's data location when empty.
    explicit RecoveryStore(const QString &directory = {});
    /// Waits for a background save still running: its files are then complete or untouched.
    ~RecoveryStore();

    QString directory() const { return m_directory; }
    QString sessionPath() const;

    /// Writes the recovery files on a thread of the store's own, so that writing a big session
    /// (a quarter of a second for 100,000 actions) never freezes the window. Saves and discards run
    /// one at a time, in the order asked for. A failure is handed to `onError` on `context`'s
    /// thread; `context` must outlive the store (the window that owns it does).
    void saveInBackground(const Session &session, const QString &originalPath, QObject *context,
                          std::function<void(const Error &)> onError);
    /// Removes the files. A background save that has not written yet never will; one that is
    /// writing finishes first, and its files are then removed.
    void discard();
    /// Blocks until every save and discard asked for so far is done (tests, start-up).
    void waitForBackgroundWork();

    struct Recovered
    {
        Session session;
        QString originalPath; ///< empty for a session never saved
    };
    /// What a previous run left behind, if anything readable (after any background work).
    std::optional<Recovered> pending();

private:
    std::optional<Error> write(const QByteArray &session, const QString &originalPath);
    void removeFiles();

    QString m_directory;
    /// Bumped by discard(): a background save that sees it changed writes nothing.
    std::atomic<quint64> m_discards = 0;
    /// One thread, so that saves and discards happen in the order they were asked for.
    std::unique_ptr<QThreadPool> m_worker;
};

} // namespace Tenfold
