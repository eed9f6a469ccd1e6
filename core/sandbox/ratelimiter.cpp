#include "ratelimiter.h"

#include <algorithm>
#include <tuple>

namespace Tenfold {

RateLimiter::TokenState::TokenState(const Plan &plan)
    : window(plan.windowQuota, plan.windowSeconds * 1000LL)
    , search(plan.searchQuota(), plan.windowSeconds * 1000LL)
{
}

RateLimiter::RateLimiter(const Plan &plan, bool enabled)
    : m_plan(plan)
    , m_enabled(enabled)
{
}

RateLimiter::TokenState &RateLimiter::state(const QString &token)
{
    TokenState *&slot = m_tokens[token];
    if (!slot) {
        m_states.push_back(std::make_unique<TokenState>(m_plan));
        slot = m_states.back().get();
    }
    return *slot;
}

qint64 RateLimiter::waitForSlots(const std::multiset<qint64> &until, int needed, int limit,
                                 qint64 nowMs)
{
    const int excess = int(until.size()) + needed - limit;
    if (excess <= 0)
        return 0;
    if (needed > limit)
        return -1;
    // The excess-th action to finish frees the last slot this request needs.
    auto it = until.begin();
    std::advance(it, excess - 1);
    return std::max<qint64>(0, *it - nowMs);
}

RateLimiter::Verdict RateLimiter::admit(const QString &token, const Demand &demand, qint64 nowMs)
{
    Verdict verdict;
    TokenState &s = state(token);
    if (m_enabled) {
        verdict.window = s.window.earliestFit(nowMs, demand.total()) != nowMs;
        verdict.search =
            demand.searches > 0 && s.search.earliestFit(nowMs, demand.searches) != nowMs;
        verdict.concurrent =
            waitForSlots(s.readsUntil, demand.reads, m_plan.maxReads, nowMs) != 0 ||
            waitForSlots(s.writesUntil, demand.writes, m_plan.maxWrites, nowMs) != 0;
        verdict.allowed = !verdict.window && !verdict.search && !verdict.concurrent;
    }
    // Refused requests count against the quotas too, as Asana documents.
    s.window.record(nowMs, demand.total());
    s.search.record(nowMs, demand.searches);
    if (verdict.allowed)
        return verdict;

    // Computed after recording, so a client that waits this long does fit.
    const qint64 never = m_plan.windowSeconds * 1000LL;
    const auto waitFor = [&](qint64 fit) { return fit < 0 ? never : fit - nowMs; };
    qint64 waitMs = waitFor(s.window.earliestFit(nowMs, demand.total()));
    if (demand.searches > 0)
        waitMs = std::max(waitMs, waitFor(s.search.earliestFit(nowMs, demand.searches)));
    for (const auto &[until, needed, limit] :
         {std::tuple{&s.readsUntil, demand.reads, m_plan.maxReads},
          std::tuple{&s.writesUntil, demand.writes, m_plan.maxWrites}}) {
        const qint64 wait = waitForSlots(*until, needed, limit, nowMs);
        waitMs = std::max(waitMs, wait < 0 ? never : wait);
    }
    verdict.retryAfterSeconds = int(std::max<qint64>(1, (waitMs + 999) / 1000));
    return verdict;
}

void RateLimiter::hold(const QString &token, bool write, qint64 untilMs)
{
    TokenState &s = state(token);
    auto &until = write ? s.writesUntil : s.readsUntil;
    until.insert(untilMs);
    int &peak = write ? m_maxWrites : m_maxReads;
    peak = std::max(peak, int(until.size()));
}

void RateLimiter::release(const QString &token, bool write, qint64 untilMs)
{
    TokenState &s = state(token);
    auto &until = write ? s.writesUntil : s.readsUntil;
    const auto it = until.find(untilMs);
    if (it != until.end())
        until.erase(it);
}

} // namespace Tenfold
