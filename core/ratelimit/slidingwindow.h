#pragma once

#include <QtGlobal>

#include <deque>
#include <utility>

namespace Tenfold {

/// Counts units (requests, actions) over a sliding window of time, the way Asana evaluates its
/// per-minute quota "more often than once a minute". A unit recorded at t counts until t + window.
/// Used by the cost preview, the sender's scheduler and the sandbox's limiter alike, so the three
/// agree on what "fits".
class SlidingWindow
{
public:
    SlidingWindow(int capacity, qint64 windowMs);

    int capacity() const { return m_capacity; }
    qint64 windowMs() const { return m_windowMs; }

    /// Units still counting at `nowMs`.
    int used(qint64 nowMs);
    /// The earliest time >= nowMs at which `count` more units fit; -1 when count > capacity.
    qint64 earliestFit(qint64 nowMs, int count);
    /// Records `count` units at `atMs`. Times must not go backwards.
    void record(qint64 atMs, int count);

private:
    void expire(qint64 nowMs);

    int m_capacity;
    qint64 m_windowMs;
    int m_used = 0;
    std::deque<std::pair<qint64, int>> m_events; // (time, count), oldest first
};

} // namespace Tenfold
