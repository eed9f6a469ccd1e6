#include "costestimate.h"

#include "catalog/endpointcatalog.h"
#include "ratelimit/slidingwindow.h"
#include "wire/batchbody.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <optional>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::CostEstimate", text);
}

BatchCost costOf(const QList<Action> &actions, const BatchPlan &batch,
                 const EndpointCatalog &catalog)
{
    BatchCost cost;
    cost.number = batch.number;
    cost.actions = int(batch.actionIndexes.size());
    for (int index : batch.actionIndexes) {
        const Action &action = actions.at(index);
        if (action.isRead())
            ++cost.reads;
        else
            ++cost.writes;
        const EndpointCatalog::Match match = catalog.match(action.method, action.relativePath);
        if (match.endpoint && match.endpoint->rate == Endpoint::RateClass::Search)
            ++cost.searches;
        if (match.endpoint && match.endpoint->rate == Endpoint::RateClass::Duplication)
            ++cost.duplications;
    }
    return cost;
}

QList<CostWarning> breaches(const BatchCost &cost, const Plan &plan)
{
    QList<CostWarning> warnings;
    auto add = [&](const char *code, const QString &message) {
        warnings.append({cost.number, QString::fromLatin1(code), message});
    };
    if (cost.actions > plan.windowQuota) {
        add("cost.batch-over-quota",
            tr("batch %1 has %2 actions but the plan allows only %3 requests per %4 s: Asana "
               "will answer 429 every time; use a larger quota")
                .arg(cost.number)
                .arg(cost.actions)
                .arg(plan.windowQuota)
                .arg(plan.windowSeconds));
    }
    if (cost.reads > plan.maxReads) {
        add("cost.batch-over-reads",
            tr("batch %1 has %2 reads but only %3 may be in flight at once")
                .arg(cost.number)
                .arg(cost.reads)
                .arg(plan.maxReads));
    }
    if (cost.writes > plan.maxWrites) {
        add("cost.batch-over-writes",
            tr("batch %1 has %2 writes but only %3 may be in flight at once")
                .arg(cost.number)
                .arg(cost.writes)
                .arg(plan.maxWrites));
    }
    if (cost.searches > plan.searchQuota()) {
        add("cost.batch-over-search",
            tr("batch %1 has %2 search calls but only %3 are allowed per %4 s")
                .arg(cost.number)
                .arg(cost.searches)
                .arg(plan.searchQuota())
                .arg(plan.windowSeconds));
    }
    if (cost.duplications > Plan::DuplicationJobs) {
        add("cost.batch-over-jobs",
            tr("batch %1 starts %2 duplication jobs but only %3 may run at once")
                .arg(cost.number)
                .arg(cost.duplications)
                .arg(Plan::DuplicationJobs));
    }
    return warnings;
}

} // namespace

CostEstimate estimateCost(const QList<Action> &actions, const Plan &plan,
                          const EndpointCatalog &catalog, int latencyMs)
{
    CostEstimate estimate;
    estimate.plan = plan;
    estimate.latencyMs = latencyMs;

    const qint64 windowMs = qint64(plan.windowSeconds) * 1000;
    SlidingWindow quota(plan.windowQuota, windowMs);
    SlidingWindow search(plan.searchQuota(), windowMs);
    // With a latency, "in flight" is itself a sliding window: an action sent at t occupies a slot
    // until t + latency.
    std::optional<SlidingWindow> reads, writes;
    if (latencyMs > 0) {
        reads.emplace(plan.maxReads, latencyMs);
        writes.emplace(plan.maxWrites, latencyMs);
    }

    qint64 start = 0;
    bool sendable = true;
    for (const BatchPlan &batch : planBatches(actions)) {
        const BatchCost cost = costOf(actions, batch, catalog);
        estimate.batches.append(cost);
        estimate.actions += cost.actions;
        estimate.reads += cost.reads;
        estimate.writes += cost.writes;
        estimate.searches += cost.searches;
        estimate.duplications += cost.duplications;
        estimate.maxReadsInBatch = std::max(estimate.maxReadsInBatch, cost.reads);
        estimate.maxWritesInBatch = std::max(estimate.maxWritesInBatch, cost.writes);

        const QList<CostWarning> broken = breaches(cost, plan);
        estimate.warnings.append(broken);
        if (!broken.isEmpty()) {
            sendable = false;
            continue;
        }
        // Earliest start that satisfies every limiter at once; moving later never un-fits one.
        for (bool settled = false; !settled;) {
            const qint64 before = start;
            start = std::max(start, quota.earliestFit(start, cost.actions));
            start = std::max(start, search.earliestFit(start, cost.searches));
            if (reads) {
                start = std::max(start, reads->earliestFit(start, cost.reads));
                start = std::max(start, writes->earliestFit(start, cost.writes));
            }
            settled = start == before;
        }
        quota.record(start, cost.actions);
        search.record(start, cost.searches);
        if (reads) {
            reads->record(start, cost.reads);
            writes->record(start, cost.writes);
        }
    }
    if (!sendable)
        estimate.shortestMs = -1;
    else
        estimate.shortestMs = estimate.batches.isEmpty() ? 0 : start + latencyMs;
    return estimate;
}

QJsonObject CostEstimate::toJson() const
{
    QJsonArray batchArray;
    for (const BatchCost &batch : batches) {
        batchArray.append(QJsonObject{{QStringLiteral("batch"), batch.number},
                                      {QStringLiteral("actions"), batch.actions},
                                      {QStringLiteral("reads"), batch.reads},
                                      {QStringLiteral("writes"), batch.writes},
                                      {QStringLiteral("searches"), batch.searches},
                                      {QStringLiteral("duplications"), batch.duplications}});
    }
    QJsonArray warningArray;
    for (const CostWarning &warning : warnings) {
        warningArray.append(QJsonObject{{QStringLiteral("batch"), warning.batch},
                                        {QStringLiteral("code"), warning.code},
                                        {QStringLiteral("message"), warning.message}});
    }
    return QJsonObject{
        {QStringLiteral("plan"),
         QJsonObject{{QStringLiteral("name"), plan.spec()},
                     {QStringLiteral("requests"), plan.windowQuota},
                     {QStringLiteral("window_seconds"), plan.windowSeconds},
                     {QStringLiteral("max_reads"), plan.maxReads},
                     {QStringLiteral("max_writes"), plan.maxWrites},
                     {QStringLiteral("search_per_window"), plan.searchQuota()},
                     {QStringLiteral("duplication_jobs"), Plan::DuplicationJobs}}},
        {QStringLiteral("actions"), actions},
        {QStringLiteral("batches"), int(batches.size())},
        {QStringLiteral("requests"), actions},
        {QStringLiteral("reads"), reads},
        {QStringLiteral("writes"), writes},
        {QStringLiteral("searches"), searches},
        {QStringLiteral("duplications"), duplications},
        {QStringLiteral("max_reads_in_batch"), maxReadsInBatch},
        {QStringLiteral("max_writes_in_batch"), maxWritesInBatch},
        {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("shortest_ms"),
         shortestMs >= 0 ? QJsonValue(double(shortestMs)) : QJsonValue()},
        {QStringLiteral("per_batch"), batchArray},
        {QStringLiteral("warnings"), warningArray},
    };
}

} // namespace Tenfold
