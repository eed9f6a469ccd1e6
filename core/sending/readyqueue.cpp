#include "readyqueue.h"

#include <algorithm>

namespace Tenfold {

void ReadyQueue::push(int index, ActionKind kind)
{
    m_lanes[size_t(kind)].push_back({index, m_nextSeq++});
}

int ReadyQueue::size() const
{
    return int(m_lanes[0].size() + m_lanes[1].size() + m_lanes[2].size());
}

QList<int> ReadyQueue::take(const QueuePick &pick)
{
    QList<Entry> taken;
    taken.reserve(pick.total());
    for (size_t lane = 0; lane < m_lanes.size(); ++lane) {
        const int count = std::min(pick.counts[lane], int(m_lanes[lane].size()));
        for (int i = 0; i < count; ++i) {
            taken.append(m_lanes[lane].front());
            m_lanes[lane].pop_front();
        }
    }
    std::sort(taken.begin(), taken.end(),
              [](const Entry &a, const Entry &b) { return a.seq < b.seq; });
    QList<int> indexes;
    indexes.reserve(taken.size());
    for (const Entry &entry : taken)
        indexes.append(entry.index);
    return indexes;
}

QList<int> ReadyQueue::takeAll()
{
    QueuePick all;
    for (size_t lane = 0; lane < m_lanes.size(); ++lane)
        all.counts[lane] = int(m_lanes[lane].size());
    return take(all);
}

} // namespace Tenfold
