#include "slidingwindow.h"

namespace Tenfold {

SlidingWindow::SlidingWindow(int capacity, qint64 windowMs)
    : m_capacity(capacity)
    , m_windowMs(windowMs)
{
}

void SlidingWindow::expire(qint64 nowMs)
{
    while (!m_events.empty() && m_events.front().first + m_windowMs <= nowMs) {
        m_used -= m_events.front().second;
        m_events.pop_front();
    }
}

int SlidingWindow::used(qint64 nowMs)
{
    expire(nowMs);
    return m_used;
}

qint64 SlidingWindow::earliestFit(qint64 nowMs, int count)
{
    if (count > m_capacity)
        return -1;
    expire(nowMs);
    int excess = m_used + count - m_capacity;
    if (excess <= 0)
        return nowMs;
    for (const auto &[time, units] : m_events) {
        excess -= units;
        if (excess <= 0)
            return time + m_windowMs;
    }
    return nowMs; // unreachable: all events expiring frees m_used >= excess
}

void SlidingWindow::record(qint64 atMs, int count)
{
    if (count <= 0)
        return;
    expire(atMs);
    if (!m_events.empty() && m_events.back().first == atMs)
        m_events.back().second += count;
    else
        m_events.emplace_back(atMs, count);
    m_used += count;
}

} // namespace Tenfold
