#pragma once

#include "model/session.h"
#include "model/target.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace Tenfold {

/// What a session file keeps of the results, for the session open in the window. Results hold
/// full response bodies (names, email addresses), so they are kept by default only for the
/// sandbox's made-up data; a file that already held results keeps them (dropping them unasked
/// would lose someone's QA report); the user's choice (File > Keep Results with Session) wins
/// over both. A `results` member this version cannot read (a newer Tenfold's) is written back
/// byte for byte until results of a run are saved in its place or the user chooses not to keep
/// results.
class KeptResults
{
public:
    /// A session starts: `rawResults` is the text of its file's `results` member, if it had one,
    /// and `readable` whether this version could read it.
    void reset(const Target &target, const std::optional<QByteArray> &rawResults = std::nullopt,
               bool readable = true);
    /// Follows the target's default until the user chooses.
    void setTarget(const Target &target);
    /// The user's choice, for this session.
    void choose(bool keep);

    bool keep() const { return m_keep; }
    bool hasUnreadable() const { return m_unreadable.has_value(); }

    /// The session file's bytes. `results` gives the results to keep (called only when they are
    /// kept; nullptr when there are none to write, such as during a send).
    QByteArray serialize(const Session &session,
                         const std::function<QJsonValue()> &results = nullptr) const;
    /// What a save will write, in words for the save dialog and the status bar.
    QString describe(int actionCount, int resultCount) const;

private:
    bool m_keep = true;
    bool m_chosen = false;
    bool m_fileHadResults = false;
    std::optional<QByteArray> m_unreadable;
};

} // namespace Tenfold
