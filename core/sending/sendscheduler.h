#pragma once

#include "batchpolicy.h"
#include "model/plan.h"
#include "ratelimit/slidingwindow.h"

namespace Tenfold {

/// What one batch asks of each limiter: every action is one request against the window quota and
/// one concurrent read or write; search calls also count against the search quota.
struct BatchLoad
{
    int actions = 0;
    int reads = 0;
    int writes = 0;
    int searches = 0;

    bool operator==(const BatchLoad &other) const = default;
};

/// Decides when the next batch may go so that no limit of the plan is ever exceeded, while letting
/// as many batches fly in parallel as fit. Pure bookkeeping on times given by the caller (ms on a
/// monotonic clock), so it can be tested with a simulated clock.
///
/// A batch counts against the windows from the moment it finishes, not when it was sent: the
/// server records it somewhere in between, and only the later bound is safe whatever the network
/// delay (or a queue in the network stack) was. Until then its actions are held as "in flight" and
/// also fill the windows. A small safety margin is added to the window for the clocks of client and
/// server not ticking exactly alike.
class SendScheduler
{
public:
    /// earliestStart(): a batch in flight must finish first.
    static constexpr qint64 WaitForBatch = -1;
    /// earliestStart(): the batch breaks a limit on its own and can never be sent.
    static constexpr qint64 Never = -2;
    /// Batches in flight at once. Small batches need many of them to fill the plan's slots (50
    /// reads in batches of 2); the sender opens that many connections (docs/PERFORMANCE.md).
    static constexpr int DefaultMaxBatchesInFlight = 25;

    /// `marginMs` < 0 picks defaultMarginMs(plan).
    explicit SendScheduler(const Plan &plan, qint64 marginMs = -1,
                           int maxBatchesInFlight = DefaultMaxBatchesInFlight);

    /// 0.25% of the window, at least 5 ms and at most 250 ms: small, since counting from the answer
    /// already covers the network delay; this only absorbs clock rate and timer differences.
    static qint64 defaultMarginMs(const Plan &plan);

    /// True when the batch could ever go under the plan (it fits in an empty world).
    bool fitsAlone(const BatchLoad &load) const;

    /// The earliest time >= nowMs at which `load` may start, WaitForBatch or Never.
    qint64 earliestStart(const BatchLoad &load, qint64 nowMs);
    /// Records that a batch started at nowMs (call only when earliestStart() allowed it).
    void start(const BatchLoad &load, qint64 nowMs);
    /// Records that a started batch got its answer (or gave up) at nowMs. `counted` is false
    /// only for a request that never reached the server (connection refused): it holds no
    /// quota.
    void finish(const BatchLoad &load, qint64 nowMs, bool counted = true);

    /// What is free at nowMs for the batch policy (in-flight actions hold their quota).
    SendRoom room(qint64 nowMs);
    /// The earliest time >= nowMs at which `units` more actions fit the window quota, counting
    /// the actions in flight; -1 when they never can.
    qint64 quotaRoomAt(qint64 nowMs, int units);
    /// The same for the search quota.
    qint64 searchRoomAt(qint64 nowMs, int units);

    /// A 429 said the window is fuller than these books show (another client on the token):
    /// the quota believed left for batches formed from now on drops to half of what this
    /// sender holds in the window, and grows back by each batch answered without one (see
    /// answered()). Composed batches keep their own pacing (one at a time after a 429).
    void rateLimited(qint64 nowMs);
    /// A batch of `actions` got an answer that was not a 429.
    void answered(int actions);
    /// The window quota believed available to this sender (the plan's, until a 429).
    int quotaCeiling() const { return m_quotaCeiling; }

    /// Nothing starts before `untilMs` (Retry-After). Never shortens an existing hold.
    void holdUntil(qint64 untilMs);
    qint64 heldUntil() const { return m_holdUntil; }

    /// Limits batches in flight (1 while probing after a 429); clamped to at least 1.
    void setMaxBatchesInFlight(int count);
    int maxBatchesInFlight() const { return m_maxBatches; }

    const Plan &plan() const { return m_plan; }
    qint64 marginMs() const { return m_marginMs; }
    int batchesInFlight() const { return m_batches; }
    int actionsInFlight() const { return m_actions; }
    int readsInFlight() const { return m_reads; }
    int writesInFlight() const { return m_writes; }
    int searchesInFlight() const { return m_searches; }

private:
    Plan m_plan;
    qint64 m_marginMs;
    int m_maxBatches;
    SlidingWindow m_quota;
    SlidingWindow m_search;
    qint64 m_holdUntil = 0;
    int m_quotaCeiling = 0;
    int m_batches = 0;
    int m_actions = 0;
    int m_reads = 0;
    int m_writes = 0;
    int m_searches = 0;
};

} // namespace Tenfold
