#pragma once

#include "common/result.h"
#include "model/session.h"

#include <QString>

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

    QString directory() const { return m_directory; }
    QString sessionPath() const;

    std::optional<Error> save(const Session &session, const QString &originalPath);
    void discard();

    struct Recovered
    {
        Session session;
        QString originalPath; ///< empty for a session never saved
    };
    /// What a previous run left behind, if anything readable.
    std::optional<Recovered> pending() const;

private:
    QString m_directory;
};

} // namespace Tenfold
