#pragma once

#include "readyqueue.h"

namespace Tenfold {

/// What is free at the moment a batch could go, as the sender's scheduler sees it.
struct SendRoom
{
    int freeReads = 0;     ///< read slots not held by a batch in flight
    int freeWrites = 0;    ///< write slots not held by a batch in flight
    int quota = 0;         ///< window quota left (actions in flight already counted)
    int search = 0;        ///< search quota left (searches in flight already counted)
    int readsInFlight = 0; ///< an answer of one of these frees read slots
    int writesInFlight = 0;
};

/// Decides which ready actions form the next batch. Pure: the same queue and room give the same
/// pick, so it is tested on constructed situations (tst_batchpolicy).
///
/// A kind whose ready actions outnumber its free slots is slot-bound: its slots are reused many
/// times, and a batch holds every one of its slots until its slowest action answers. Such a kind
/// goes in small batches of its own (`smallReads`, `smallWrites`), so a slot waits for the
/// slowest of a few actions rather than of ten; when fewer than `minBatch` of its slots are free
/// it waits for the next answer instead (a batch of one where two fit soon only adds requests).
/// Kinds that are not slot-bound all fit in flight at once, where the size of a batch changes
/// nothing but the number of requests: they go together in batches of up to 10. Every batch keeps
/// within the free slots, the window quota and the search quota, and takes actions from the lane
/// fronts in the order they became ready.
class BatchPolicy
{
public:
    static constexpr int MaxBatch = 10; ///< Asana's limit per batch

    /// Measured (docs/PERFORMANCE.md): slot-bound batches of 2 against 3 are a few percent
    /// faster for a third more requests; of 1, requests double again.
    static constexpr int DefaultSmallBatch = 2;
    /// Measured: a slot left idle until a second one frees costs more than the extra request.
    static constexpr int DefaultMinBatch = 1;

    BatchPolicy() = default;
    /// `minBatch`: a slot-bound batch smaller than this waits for the next answer instead.
    BatchPolicy(int smallReads, int smallWrites, int minBatch = DefaultMinBatch);

    /// Small batch sizes that let `batchesInFlight` batches fill the plan's slots: the slots of a
    /// kind shared out over the batches, at least `smallBatch`, at most 10.
    static BatchPolicy forLimits(int maxReads, int maxWrites, int batchesInFlight,
                                 int smallBatch = DefaultSmallBatch,
                                 int minBatch = DefaultMinBatch);

    int smallReads() const { return m_smallReads; }
    int smallWrites() const { return m_smallWrites; }
    int minBatch() const { return m_minBatch; }

    /// The next batch, or an empty pick when nothing should go now.
    QueuePick choose(const ReadyQueue &queue, const SendRoom &room) const;

private:
    int m_smallReads = MaxBatch;
    int m_smallWrites = MaxBatch;
    int m_minBatch = DefaultMinBatch;
};

} // namespace Tenfold
