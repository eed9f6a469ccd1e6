#include "sendscheduler.h"

#include <algorithm>

namespace Tenfold {

namespace {

qint64 windowMsOf(const Plan &plan)
{
    return qint64(plan.windowSeconds) * 1000;
}

} // namespace

SendScheduler::SendScheduler(const Plan &plan, qint64 marginMs, int maxBatchesInFlight)
    : m_plan(plan)
    , m_marginMs(marginMs < 0 ? defaultMarginMs(plan) : marginMs)
    , m_maxBatches(std::max(1, maxBatchesInFlight))
    , m_quota(plan.windowQuota, windowMsOf(plan) + m_marginMs)
    , m_search(plan.searchQuota(), windowMsOf(plan) + m_marginMs)
    , m_quotaCeiling(plan.windowQuota)
{
}

qint64 SendScheduler::defaultMarginMs(const Plan &plan)
{
    return std::clamp<qint64>(windowMsOf(plan) / 400, 5, 250);
}

bool SendScheduler::fitsAlone(const BatchLoad &load) const
{
    return load.actions <= m_plan.windowQuota && load.reads <= m_plan.maxReads &&
           load.writes <= m_plan.maxWrites && load.searches <= m_plan.searchQuota();
}

qint64 SendScheduler::earliestStart(const BatchLoad &load, qint64 nowMs)
{
    if (!fitsAlone(load))
        return Never;
    if (m_batches >= m_maxBatches || m_reads + load.reads > m_plan.maxReads ||
        m_writes + load.writes > m_plan.maxWrites)
        return WaitForBatch;

    // Actions in flight are not in the windows yet (they are recorded when they finish) but the
    // server may already count them, so they take their place in the quota.
    const int quotaNeed = load.actions + m_actions;
    const int searchNeed = load.searches > 0 ? load.searches + m_searches : 0;
    if (quotaNeed > m_quota.capacity() || searchNeed > m_search.capacity())
        return WaitForBatch;

    // Each window's "fits" only gets truer as time passes (until something new is recorded, and
    // then the caller asks again), so the latest of the separate answers fits them all.
    qint64 at = std::max(nowMs, m_holdUntil);
    at = std::max(at, m_quota.earliestFit(nowMs, quotaNeed));
    if (searchNeed > 0)
        at = std::max(at, m_search.earliestFit(nowMs, searchNeed));
    return at;
}

void SendScheduler::start(const BatchLoad &load, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    ++m_batches;
    m_actions += load.actions;
    m_reads += load.reads;
    m_writes += load.writes;
    m_searches += load.searches;
}

void SendScheduler::finish(const BatchLoad &load, qint64 nowMs, bool counted)
{
    m_batches = std::max(0, m_batches - 1);
    m_actions = std::max(0, m_actions - load.actions);
    m_reads = std::max(0, m_reads - load.reads);
    m_writes = std::max(0, m_writes - load.writes);
    m_searches = std::max(0, m_searches - load.searches);
    // Rejected (429) and failed requests count against Asana's quota too, so every request that
    // may have reached the server counts.
    if (!counted)
        return;
    m_quota.record(nowMs, load.actions);
    m_search.record(nowMs, load.searches);
}

SendRoom SendScheduler::room(qint64 nowMs)
{
    SendRoom room;
    room.freeReads = std::max(0, m_plan.maxReads - m_reads);
    room.freeWrites = std::max(0, m_plan.maxWrites - m_writes);
    room.quota = std::max(0, m_quotaCeiling - m_quota.used(nowMs) - m_actions);
    room.search = std::max(0, m_search.capacity() - m_search.used(nowMs) - m_searches);
    room.readsInFlight = m_reads;
    room.writesInFlight = m_writes;
    return room;
}

qint64 SendScheduler::quotaRoomAt(qint64 nowMs, int units)
{
    return m_quota.earliestFit(nowMs, units + m_actions + (m_quota.capacity() - m_quotaCeiling));
}

void SendScheduler::rateLimited(qint64 nowMs)
{
    const int held = m_quota.used(nowMs) + m_actions;
    m_quotaCeiling =
        std::clamp(held / 2, std::min(BatchPolicy::MaxBatch, m_plan.windowQuota), m_quotaCeiling);
}

void SendScheduler::answered(int actions)
{
    m_quotaCeiling = std::min(m_plan.windowQuota, m_quotaCeiling + actions);
}

qint64 SendScheduler::searchRoomAt(qint64 nowMs, int units)
{
    return m_search.earliestFit(nowMs, units + m_searches);
}

void SendScheduler::holdUntil(qint64 untilMs)
{
    m_holdUntil = std::max(m_holdUntil, untilMs);
}

void SendScheduler::setMaxBatchesInFlight(int count)
{
    m_maxBatches = std::max(1, count);
}

} // namespace Tenfold
