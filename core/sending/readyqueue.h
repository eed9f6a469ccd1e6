#pragma once

#include <QList>
#include <QtGlobal>

#include <array>
#include <deque>

namespace Tenfold {

/// Which limits an action draws on besides the window quota: a read slot, a read slot and the
/// search quota, or a write slot.
enum class ActionKind
{
    Read,
    Search,
    Write
};

/// How many actions a batch takes from the front of each lane of a ReadyQueue.
struct QueuePick
{
    std::array<int, 3> counts{}; ///< indexed by ActionKind

    int &operator[](ActionKind kind) { return counts[size_t(kind)]; }
    int operator[](ActionKind kind) const { return counts[size_t(kind)]; }
    int total() const { return counts[0] + counts[1] + counts[2]; }
    bool isEmpty() const { return total() == 0; }
    bool operator==(const QueuePick &other) const = default;
};

/// The actions that may be sent now, in the order they became ready, one lane per ActionKind
/// so a kind that has to wait (no write slot free, the search quota spent) never holds up the
/// others. Anything that makes an action ready pushes it: the sender pushes every selected
/// action at the start, and an action that waits for another one's answer is pushed when that
/// answer came. Batches are formed from the front of the lanes (BatchPolicy).
class ReadyQueue
{
public:
    struct Entry
    {
        int index = 0;   ///< the action's index in the session
        quint64 seq = 0; ///< readiness order across all lanes
    };

    void push(int index, ActionKind kind);

    bool isEmpty() const { return size() == 0; }
    int size() const;
    int size(ActionKind kind) const { return int(m_lanes[size_t(kind)].size()); }
    /// The `position`-th entry of a lane (0 is its front); position < size(kind).
    const Entry &at(ActionKind kind, int position) const
    {
        return m_lanes[size_t(kind)][size_t(position)];
    }

    /// Removes what `pick` names from the lane fronts; returns their indexes in readiness order.
    QList<int> take(const QueuePick &pick);
    /// Removes everything; returns the indexes in readiness order.
    QList<int> takeAll();

private:
    std::array<std::deque<Entry>, 3> m_lanes;
    quint64 m_nextSeq = 0;
};

} // namespace Tenfold
