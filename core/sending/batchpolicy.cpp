#include "batchpolicy.h"

#include <algorithm>
#include <limits>

namespace Tenfold {

namespace {

constexpr std::array<ActionKind, 3> Kinds{ActionKind::Read, ActionKind::Search, ActionKind::Write};

bool isReadKind(ActionKind kind)
{
    return kind != ActionKind::Write;
}

/// Takes from the lane fronts in readiness order while `fits` allows one more of a kind, up to
/// `limit` actions.
template<typename Fits>
QueuePick takeInOrder(const ReadyQueue &queue, int limit, Fits fits)
{
    QueuePick pick;
    while (pick.total() < limit) {
        ActionKind best = ActionKind::Read;
        quint64 bestSeq = std::numeric_limits<quint64>::max();
        for (ActionKind kind : Kinds) {
            if (pick[kind] >= queue.size(kind) || !fits(kind, pick))
                continue;
            const quint64 seq = queue.at(kind, pick[kind]).seq;
            if (seq < bestSeq) {
                bestSeq = seq;
                best = kind;
            }
        }
        if (bestSeq == std::numeric_limits<quint64>::max())
            break;
        ++pick[best];
    }
    return pick;
}

/// The readiness order of a pick's first action.
quint64 firstSeq(const ReadyQueue &queue, const QueuePick &pick)
{
    quint64 first = std::numeric_limits<quint64>::max();
    for (ActionKind kind : Kinds) {
        if (pick[kind] > 0)
            first = std::min(first, queue.at(kind, 0).seq);
    }
    return first;
}

} // namespace

BatchPolicy::BatchPolicy(int smallReads, int smallWrites, int minBatch)
    : m_smallReads(std::clamp(smallReads, 1, MaxBatch))
    , m_smallWrites(std::clamp(smallWrites, 1, MaxBatch))
    , m_minBatch(std::clamp(minBatch, 1, MaxBatch))
{
}

BatchPolicy BatchPolicy::forLimits(int maxReads, int maxWrites, int batchesInFlight, int smallBatch,
                                   int minBatch)
{
    const int batches = std::max(1, batchesInFlight);
    auto share = [&](int slotCount) {
        const int even = (std::max(1, slotCount) + batches - 1) / batches;
        return std::min(std::max(even, smallBatch), std::max(1, slotCount));
    };
    return BatchPolicy(share(maxReads), share(maxWrites), minBatch);
}

QueuePick BatchPolicy::choose(const ReadyQueue &queue, const SendRoom &room) const
{
    const int budget = std::min(MaxBatch, room.quota);
    if (budget <= 0 || queue.isEmpty())
        return {};

    const int queuedReads = queue.size(ActionKind::Read) + queue.size(ActionKind::Search);
    const int queuedWrites = queue.size(ActionKind::Write);
    const bool readBound = queuedReads > room.freeReads;
    const bool writeBound = queuedWrites > room.freeWrites;

    auto fitsSlots = [&](ActionKind kind, const QueuePick &pick, int readLimit, int writeLimit) {
        if (kind == ActionKind::Write)
            return pick[ActionKind::Write] < writeLimit;
        if (kind == ActionKind::Search && pick[ActionKind::Search] >= room.search)
            return false;
        return pick[ActionKind::Read] + pick[ActionKind::Search] < readLimit;
    };

    QList<QueuePick> candidates;
    // The kinds that are not slot-bound, together.
    if (!readBound || !writeBound) {
        candidates.append(takeInOrder(queue, budget, [&](ActionKind kind, const QueuePick &pick) {
            if (isReadKind(kind) ? readBound : writeBound)
                return false;
            return fitsSlots(kind, pick, room.freeReads, room.freeWrites);
        }));
    }
    // Each slot-bound kind on its own, in small batches.
    for (const bool reads : {true, false}) {
        if (!(reads ? readBound : writeBound))
            continue;
        const int small = reads ? m_smallReads : m_smallWrites;
        const int free = reads ? room.freeReads : room.freeWrites;
        const int inFlight = reads ? room.readsInFlight : room.writesInFlight;
        const int queued = reads ? queuedReads : queuedWrites;
        // Cut short by the slots while an answer will free more: wait for it.
        if (free < std::min({m_minBatch, small, queued}) && inFlight > 0)
            continue;
        const int limit = std::min(budget, small);
        candidates.append(takeInOrder(queue, limit, [&](ActionKind kind, const QueuePick &pick) {
            if (isReadKind(kind) != reads)
                return false;
            return fitsSlots(kind, pick, room.freeReads, room.freeWrites);
        }));
    }

    QueuePick chosen;
    quint64 chosenSeq = std::numeric_limits<quint64>::max();
    for (const QueuePick &candidate : candidates) {
        if (candidate.isEmpty())
            continue;
        const quint64 seq = firstSeq(queue, candidate);
        if (seq < chosenSeq) {
            chosenSeq = seq;
            chosen = candidate;
        }
    }
    return chosen;
}

} // namespace Tenfold
