#pragma once

#include "model/action.h"
#include "model/plan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tenfold {

class EndpointCatalog;

/// What one batch costs against each limiter.
struct BatchCost
{
    int number = 0; ///< 1-based
    int actions = 0;
    int reads = 0;
    int writes = 0;
    int searches = 0;     ///< calls against the search quota
    int duplications = 0; ///< duplication/instantiation jobs started
};

/// A limit that one batch breaks on its own, whatever the timing: it can never be sent as is.
struct CostWarning
{
    int batch = 0; ///< 1-based
    QString code;  ///< e.g. "cost.batch-over-quota"
    QString message;
};

/// What the timing of a cost estimate assumes: how long each action stays in flight, and how
/// the sender forms its batches.
struct CostTiming
{
    /// Typical of Asana (and of the sandbox with `--latency 100-300` / `300-600`): a read
    /// answers in about 0.2 s, a write in about 0.45 s.
    static constexpr int DefaultReadLatencyMs = 200;
    static constexpr int DefaultWriteLatencyMs = 450;

    int readLatencyMs = 0;
    int writeLatencyMs = 0;
    /// The batches exactly as composed (each holds its slots until its slowest action
    /// answers); else batches formed as slots free (BatchSender's adaptive mode).
    bool asComposed = true;
};

/// The limit that sets the shortest send time.
enum class BindingLimit
{
    None,   ///< nothing to send, or nothing waits
    Quota,  ///< the window quota
    Search, ///< the search quota
    Reads,  ///< reads in flight
    Writes  ///< writes in flight
};

/// "quota", "search", "reads", "writes" or "none" (--json), and words for people.
QString bindingLimitName(BindingLimit limit);
QString bindingLimitText(BindingLimit limit);

/// The rate-limit cost of sending a list of actions under a plan, and the best case timing.
struct CostEstimate
{
    Plan plan;
    int actions = 0; ///< enabled actions, each one request against the quota
    int reads = 0;
    int writes = 0;
    int searches = 0;
    int duplications = 0;
    int latencyMs = 0; ///< the per-action latency assumed (the larger of the two below)
    CostTiming timing; ///< what the timing assumes
    BindingLimit binding = BindingLimit::None;
    qint64 quotaBoundMs = 0; ///< the shortest time each limit alone allows
    qint64 searchBoundMs = 0;
    qint64 readsBoundMs = 0;
    qint64 writesBoundMs = 0;
    QList<BatchCost> batches;
    int maxReadsInBatch = 0;
    int maxWritesInBatch = 0;
    /// The shortest time, in ms, from the first request to the last answer while never
    /// exceeding a limit: the last batch's earliest start plus the latency. -1 when a batch
    /// can never be sent (see warnings).
    qint64 shortestMs = 0;
    QList<CostWarning> warnings;

    QJsonObject toJson() const;
};

/// Estimates the cost of the enabled actions (with variables already resolved). The timing
/// simulates the same sliding windows the sender schedules with; `latencyMs` models how long each
/// action stays in flight for the concurrent limits (0: answers are instant).
CostEstimate estimateCost(const QList<Action> &actions, const Plan &plan,
                          const EndpointCatalog &catalog, int latencyMs = 0);

/// The same with a latency per read and per write. Adaptive (`timing.asComposed` false): the
/// shortest time is the largest of what each limit alone allows (the quota's windows; reads and
/// writes each through their slots back to back), and per-batch warnings about the search quota
/// or the slots do not apply, since the sender splits such batches.
CostEstimate estimateCost(const QList<Action> &actions, const Plan &plan,
                          const EndpointCatalog &catalog, const CostTiming &timing);

} // namespace Tenfold
