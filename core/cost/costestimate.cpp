#include "costestimate.h"

#include "catalog/endpointcatalog.h"
#include "ratelimit/slidingwindow.h"
#include "wire/batchbody.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <queue>

#include <optional>
#include <vector>

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
    return estimateCost(actions, plan, catalog, CostTiming{latencyMs, latencyMs, true});
}

CostEstimate estimateCost(const QList<Action> &actions, const Plan &plan,
                          const EndpointCatalog &catalog, const CostTiming &timing)
{
    CostEstimate estimate;
    estimate.plan = plan;
    estimate.timing = timing;
    estimate.latencyMs = std::max(timing.readLatencyMs, timing.writeLatencyMs);

    const qint64 windowMs = qint64(plan.windowSeconds) * 1000;
    SlidingWindow quota(plan.windowQuota, windowMs);
    SlidingWindow search(plan.searchQuota(), windowMs);
    // Batches in flight, by the time they answer (after their slowest action).
    struct Flight
    {
        qint64 end;
        int reads;
        int writes;
        bool operator>(const Flight &other) const { return end > other.end; }
    };
    std::priority_queue<Flight, std::vector<Flight>, std::greater<>> flights;
    int readsInFlight = 0, writesInFlight = 0;
    auto land = [&](qint64 at) {
        while (!flights.empty() && flights.top().end <= at) {
            readsInFlight -= flights.top().reads;
            writesInFlight -= flights.top().writes;
            flights.pop();
        }
    };

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

        QList<CostWarning> broken = breaches(cost, plan);
        if (!timing.asComposed) {
            // The adaptive sender splits what breaks the quota, the search quota or the slots.
            broken.removeIf([](const CostWarning &warning) {
                return warning.code != QLatin1String("cost.batch-over-jobs");
            });
        }
        estimate.warnings.append(broken);
        if (!broken.isEmpty())
            sendable = false;
        if (!sendable || !timing.asComposed)
            continue;
        const int latency = cost.writes > 0 ? std::max(timing.writeLatencyMs,
                                                       cost.reads > 0 ? timing.readLatencyMs : 0)
                                            : timing.readLatencyMs;
        // Earliest start that satisfies every limiter at once; moving later never un-fits one.
        for (bool settled = false; !settled;) {
            const qint64 before = start;
            start = std::max(start, quota.earliestFit(start, cost.actions));
            start = std::max(start, search.earliestFit(start, cost.searches));
            land(start);
            while (!flights.empty() && (readsInFlight + cost.reads > plan.maxReads ||
                                        writesInFlight + cost.writes > plan.maxWrites)) {
                start = std::max(start, flights.top().end);
                land(start);
            }
            settled = start == before;
        }
        quota.record(start, cost.actions);
        search.record(start, cost.searches);
        if (latency > 0) {
            flights.push({start + latency, cost.reads, cost.writes});
            readsInFlight += cost.reads;
            writesInFlight += cost.writes;
        }
        estimate.shortestMs = std::max(estimate.shortestMs, start + latency);
    }

    // What each limit alone allows: the quota's last window opens floor((N-1)/Q) windows after
    // the first; reads and writes go through their slots back to back.
    const int lastLatency =
        estimate.reads > 0 && estimate.writes > 0
            ? std::min(timing.readLatencyMs, timing.writeLatencyMs)
            : (estimate.writes > 0 ? timing.writeLatencyMs : timing.readLatencyMs);
    if (estimate.actions > 0)
        estimate.quotaBoundMs =
            qint64((estimate.actions - 1) / std::max(1, plan.windowQuota)) * windowMs + lastLatency;
    if (estimate.searches > 0)
        estimate.searchBoundMs =
            qint64((estimate.searches - 1) / std::max(1, plan.searchQuota())) * windowMs +
            timing.readLatencyMs;
    auto throughSlots = [](int count, int slotCount, int latency) {
        return qint64((count + slotCount - 1) / std::max(1, slotCount)) * latency;
    };
    estimate.readsBoundMs = throughSlots(estimate.reads, plan.maxReads, timing.readLatencyMs);
    estimate.writesBoundMs = throughSlots(estimate.writes, plan.maxWrites, timing.writeLatencyMs);

    const std::pair<qint64, BindingLimit> bounds[] = {
        {estimate.quotaBoundMs, BindingLimit::Quota},
        {estimate.searchBoundMs, BindingLimit::Search},
        {estimate.readsBoundMs, BindingLimit::Reads},
        {estimate.writesBoundMs, BindingLimit::Writes}};
    qint64 longest = 0;
    for (const auto &[ms, limit] : bounds) {
        if (ms > longest) {
            longest = ms;
            estimate.binding = limit;
        }
    }
    if (!timing.asComposed)
        estimate.shortestMs = longest;
    if (!sendable)
        estimate.shortestMs = -1;
    else if (estimate.batches.isEmpty())
        estimate.shortestMs = 0;
    return estimate;
}

QString bindingLimitName(BindingLimit limit)
{
    switch (limit) {
    case BindingLimit::Quota:
        return QStringLiteral("quota");
    case BindingLimit::Search:
        return QStringLiteral("search");
    case BindingLimit::Reads:
        return QStringLiteral("reads");
    case BindingLimit::Writes:
        return QStringLiteral("writes");
    case BindingLimit::None:
        break;
    }
    return QStringLiteral("none");
}

QString bindingLimitText(BindingLimit limit)
{
    switch (limit) {
    case BindingLimit::Quota:
        return tr("the window quota");
    case BindingLimit::Search:
        return tr("the search quota");
    case BindingLimit::Reads:
        return tr("reads in flight");
    case BindingLimit::Writes:
        return tr("writes in flight");
    case BindingLimit::None:
        break;
    }
    return tr("nothing");
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
        {QStringLiteral("read_latency_ms"), timing.readLatencyMs},
        {QStringLiteral("write_latency_ms"), timing.writeLatencyMs},
        {QStringLiteral("as_composed"), timing.asComposed},
        {QStringLiteral("binding"), bindingLimitName(binding)},
        {QStringLiteral("shortest_ms"),
         shortestMs >= 0 ? QJsonValue(double(shortestMs)) : QJsonValue()},
        {QStringLiteral("per_batch"), batchArray},
        {QStringLiteral("warnings"), warningArray},
    };
}

} // namespace Tenfold
