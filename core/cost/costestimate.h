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

/// The rate-limit cost of sending a list of actions under a plan, and the best case timing.
struct CostEstimate
{
    Plan plan;
    int actions = 0; ///< enabled actions, each one request against the quota
    int reads = 0;
    int writes = 0;
    int searches = 0;
    int duplications = 0;
    int latencyMs = 0; ///< the per-action latency assumed for the timing
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

} // namespace Tenfold
