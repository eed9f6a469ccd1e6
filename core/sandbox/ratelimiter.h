#pragma once

#include "model/plan.h"
#include "ratelimit/slidingwindow.h"

#include <QHash>
#include <QString>

#include <memory>
#include <set>
#include <vector>

namespace Tenfold {

/// Asana's per-token limits as the sandbox enforces them: the window quota and the search quota
/// (both SlidingWindow, so the sandbox agrees with the cost preview and the sender), and reads and
/// writes in flight.
class RateLimiter
{
public:
    /// What one request asks for: every action of a batch counts as one request.
    struct Demand
    {
        int reads = 0;
        int writes = 0;
        int searches = 0;
        int total() const { return reads + writes; }
    };

    struct Verdict
    {
        bool allowed = true;
        bool window = false; ///< which limits refused it (several can at once)
        bool concurrent = false;
        bool search = false;
        int retryAfterSeconds = 0; ///< integer, at least 1, when refused
    };

    RateLimiter(const Plan &plan, bool enabled);

    /// Counts the demand against the token's quotas (refused requests count too, as at Asana)
    /// and, when allowed, takes its in-flight slots; call hold() for each admitted action.
    Verdict admit(const QString &token, const Demand &demand, qint64 nowMs);
    /// An admitted action is in flight until `untilMs`; release() it then.
    void hold(const QString &token, bool write, qint64 untilMs);
    void release(const QString &token, bool write, qint64 untilMs);

    int maxReadsInFlight() const { return m_maxReads; }
    int maxWritesInFlight() const { return m_maxWrites; }

private:
    struct TokenState
    {
        TokenState(const Plan &plan);
        SlidingWindow window;
        SlidingWindow search;
        std::multiset<qint64> readsUntil; ///< end times of reads in flight
        std::multiset<qint64> writesUntil;
    };

    TokenState &state(const QString &token);
    static qint64 waitForSlots(const std::multiset<qint64> &until, int needed, int limit,
                               qint64 nowMs);

    Plan m_plan;
    bool m_enabled;
    QHash<QString, TokenState *> m_tokens;
    std::vector<std::unique_ptr<TokenState>> m_states;
    int m_maxReads = 0;
    int m_maxWrites = 0;
};

} // namespace Tenfold
