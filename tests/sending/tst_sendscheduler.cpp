#include "sending/sendscheduler.h"

#include <QTest>

#include <limits>
#include <map>

using namespace Tenfold;

namespace {

struct SimBatch
{
    BatchLoad load;
    qint64 latencyMs = 0;
};

struct Simulation
{
    QList<qint64> starts;
    QList<qint64> finishes;
    qint64 makespan = 0;
    int maxBatchesInFlight = 0;
};

BatchLoad reads(int count)
{
    return BatchLoad{count, count, 0, 0};
}

BatchLoad mixed(int readCount, int writeCount)
{
    return BatchLoad{readCount + writeCount, readCount, writeCount, 0};
}

// Runs the scheduler the way the sender does, on a simulated clock: batches go in order as soon
// as earliestStart() allows, and each one finishes after its latency.
Simulation simulate(SendScheduler &scheduler, const QList<SimBatch> &batches)
{
    Simulation sim;
    sim.starts.resize(batches.size());
    sim.finishes.resize(batches.size());
    std::multimap<qint64, int> inFlight;
    qint64 now = 0;
    int next = 0;
    while (next < batches.size() || !inFlight.empty()) {
        while (!inFlight.empty() && inFlight.begin()->first <= now) {
            scheduler.finish(batches.at(inFlight.begin()->second).load, now);
            inFlight.erase(inFlight.begin());
        }
        qint64 wake = std::numeric_limits<qint64>::max();
        while (next < batches.size()) {
            const qint64 at = scheduler.earliestStart(batches.at(next).load, now);
            if (at == SendScheduler::Never) {
                qWarning("batch %d can never go", next);
                return sim;
            }
            if (at == SendScheduler::WaitForBatch)
                break;
            if (at > now) {
                wake = at;
                break;
            }
            scheduler.start(batches.at(next).load, now);
            sim.starts[next] = now;
            sim.finishes[next] = now + batches.at(next).latencyMs;
            inFlight.emplace(sim.finishes[next], next);
            sim.maxBatchesInFlight = std::max(sim.maxBatchesInFlight, int(inFlight.size()));
            ++next;
        }
        if (!inFlight.empty())
            wake = std::min(wake, inFlight.begin()->first);
        if (wake == std::numeric_limits<qint64>::max())
            break;
        now = wake;
    }
    sim.makespan = *std::max_element(sim.finishes.begin(), sim.finishes.end());
    return sim;
}

// An independent check of what a server would see: every batch arrives somewhere between its
// start and its answer. Returns the largest count of actions inside any window of windowMs,
// for arrivals all at the start or all at the end (the two extremes).
int worstWindowCount(const QList<SimBatch> &batches, const Simulation &sim, qint64 windowMs,
                     bool searchesOnly)
{
    int worst = 0;
    for (const QList<qint64> *arrivals : {&sim.starts, &sim.finishes}) {
        for (int i = 0; i < batches.size(); ++i) {
            int count = 0;
            for (int j = 0; j < batches.size(); ++j) {
                const qint64 t = arrivals->at(j);
                if (t > arrivals->at(i) - windowMs && t <= arrivals->at(i))
                    count +=
                        searchesOnly ? batches.at(j).load.searches : batches.at(j).load.actions;
            }
            worst = std::max(worst, count);
        }
    }
    return worst;
}

// The largest number of reads (or writes) whose [start, finish) intervals overlap.
int worstConcurrency(const QList<SimBatch> &batches, const Simulation &sim, bool writes)
{
    int worst = 0;
    for (int i = 0; i < batches.size(); ++i) {
        int count = 0;
        for (int j = 0; j < batches.size(); ++j) {
            if (sim.starts.at(j) <= sim.starts.at(i) && sim.finishes.at(j) > sim.starts.at(i))
                count += writes ? batches.at(j).load.writes : batches.at(j).load.reads;
        }
        worst = std::max(worst, count);
    }
    return worst;
}

Plan customPlan(int quota, int seconds, int maxReads = 50, int maxWrites = 15)
{
    Plan plan = Plan::parse(QStringLiteral("%1/%2").arg(quota).arg(seconds)).value();
    plan.maxReads = maxReads;
    plan.maxWrites = maxWrites;
    return plan;
}

} // namespace

class TestSendScheduler : public QObject
{
    Q_OBJECT

private slots:
    void neverExceedsTheWindowQuota_data()
    {
        QTest::addColumn<int>("quota");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("batchCount");
        QTest::addColumn<int>("latencyMs");
        QTest::newRow("30/1, fast answers") << 30 << 1 << 40 << 5;
        QTest::newRow("300/2, 20-60 ms") << 300 << 2 << 200 << 60;
        QTest::newRow("150/60 (free), slow answers") << 150 << 60 << 50 << 900;
        QTest::newRow("25/1, partial batches") << 25 << 1 << 30 << 0;
    }
    void neverExceedsTheWindowQuota()
    {
        QFETCH(int, quota);
        QFETCH(int, seconds);
        QFETCH(int, batchCount);
        QFETCH(int, latencyMs);
        const Plan plan = customPlan(quota, seconds);
        SendScheduler scheduler(plan);
        QList<SimBatch> batches;
        for (int i = 0; i < batchCount; ++i)
            batches.append({mixed(5 + i % 6, i % 5), latencyMs + (i * 7) % 40});
        const Simulation sim = simulate(scheduler, batches);
        QCOMPARE(sim.finishes.size(), batchCount);
        QVERIFY(sim.makespan > 0 || latencyMs == 0);
        QCOMPARE_LE(worstWindowCount(batches, sim, plan.windowSeconds * 1000, false), quota);
    }

    void neverExceedsConcurrency()
    {
        const Plan plan = customPlan(100000, 60, 20, 5);
        SendScheduler scheduler(plan);
        QList<SimBatch> batches;
        for (int i = 0; i < 60; ++i)
            batches.append({mixed(10 - i % 4, i % 4), 30 + (i * 13) % 70});
        const Simulation sim = simulate(scheduler, batches);
        QCOMPARE_LE(worstConcurrency(batches, sim, false), 20);
        QCOMPARE_LE(worstConcurrency(batches, sim, true), 5);
        // And it did run batches side by side: several reads-heavy batches fit under 20 reads.
        QCOMPARE_GE(sim.maxBatchesInFlight, 2);
    }

    void neverExceedsTheSearchQuota()
    {
        const Plan plan = customPlan(100000, 60); // search: 60 per minute
        QCOMPARE(plan.searchQuota(), 60);
        SendScheduler scheduler(plan);
        QList<SimBatch> batches;
        for (int i = 0; i < 20; ++i)
            batches.append({BatchLoad{10, 10, 0, 10}, 50});
        const Simulation sim = simulate(scheduler, batches);
        QCOMPARE_LE(worstWindowCount(batches, sim, 60'000, true), 60);
        // 200 searches at 60 a minute: the last ones wait for the third window.
        QCOMPARE_GT(sim.makespan, 3 * 60'000);
    }

    void runsBatchesInParallelWhenTheyFit()
    {
        SendScheduler scheduler(Plan::paid());
        QList<SimBatch> batches;
        for (int i = 0; i < 5; ++i)
            batches.append({reads(10), 100});
        const Simulation sim = simulate(scheduler, batches);
        for (qint64 start : sim.starts)
            QCOMPARE(start, 0);
        QCOMPARE(sim.makespan, 100);
    }

    void waitsForABatchWhenWritesAreFull()
    {
        SendScheduler scheduler(Plan::paid()); // 15 writes in flight
        const BatchLoad tenWrites{10, 0, 10, 0};
        QCOMPARE(scheduler.earliestStart(tenWrites, 0), 0);
        scheduler.start(tenWrites, 0);
        QCOMPARE(scheduler.earliestStart(tenWrites, 5), SendScheduler::WaitForBatch);
        // Reads are limited separately.
        QCOMPARE(scheduler.earliestStart(reads(10), 5), 5);
        scheduler.finish(tenWrites, 80);
        QCOMPARE(scheduler.earliestStart(tenWrites, 80), 80);
    }

    void capsBatchesInFlight()
    {
        SendScheduler scheduler(Plan::paid(), -1, 2);
        scheduler.start(reads(1), 0);
        scheduler.start(reads(1), 0);
        QCOMPARE(scheduler.earliestStart(reads(1), 0), SendScheduler::WaitForBatch);
        scheduler.setMaxBatchesInFlight(3);
        QCOMPARE(scheduler.earliestStart(reads(1), 0), 0);
    }

    void refusesABatchThatCanNeverFit()
    {
        SendScheduler scheduler(customPlan(5, 1));
        QCOMPARE(scheduler.earliestStart(reads(6), 0), SendScheduler::Never);
        SendScheduler fewWrites(customPlan(100, 1, 50, 3));
        QCOMPARE(fewWrites.earliestStart(BatchLoad{4, 0, 4, 0}, 0), SendScheduler::Never);
        SendScheduler search(customPlan(100, 1)); // search quota 1 per second
        QCOMPARE(search.earliestStart(BatchLoad{2, 2, 0, 2}, 0), SendScheduler::Never);
    }

    void countsAWindowFromTheAnswerPlusAMargin()
    {
        // Quota 10 per second: a full batch answered at 300 ms frees the quota only at
        // 300 + 1000 + margin, since the server may have counted it as late as the answer.
        const Plan plan = customPlan(10, 1);
        SendScheduler scheduler(plan, 25);
        scheduler.start(reads(10), 0);
        QCOMPARE(scheduler.earliestStart(reads(1), 100), SendScheduler::WaitForBatch);
        scheduler.finish(reads(10), 300);
        QCOMPARE(scheduler.earliestStart(reads(1), 300), 300 + 1000 + 25);
        QCOMPARE(scheduler.earliestStart(reads(1), 2000), 2000);
    }

    void defaultMarginIsSmall()
    {
        QCOMPARE(SendScheduler::defaultMarginMs(customPlan(300, 2)), 5);
        QCOMPARE(SendScheduler::defaultMarginMs(Plan::paid()), 150);
        QCOMPARE(SendScheduler::defaultMarginMs(customPlan(10, 3600)), 250);
    }

    void holdsEverythingUntilRetryAfter()
    {
        SendScheduler scheduler(Plan::paid());
        scheduler.holdUntil(5000);
        QCOMPARE(scheduler.earliestStart(reads(1), 100), 5000);
        scheduler.holdUntil(3000); // never shortens
        QCOMPARE(scheduler.earliestStart(reads(1), 100), 5000);
        QCOMPARE(scheduler.earliestStart(reads(1), 6000), 6000);
    }

    void reachesTheFloorWithinTenPercent()
    {
        // The benchmark's shape on a simulated clock: 2,000 mixed actions at 300 per 2 s with
        // 20-60 ms answers. The floor is floor((N-1)/Q) * W plus the least latency.
        const Plan plan = customPlan(300, 2);
        SendScheduler scheduler(plan);
        QList<SimBatch> batches;
        for (int i = 0; i < 200; ++i)
            batches.append({mixed(6, 4), 20 + (i * 17) % 41});
        const Simulation sim = simulate(scheduler, batches);
        const qint64 floorMs = ((2000 - 1) / 300) * 2000 + 20;
        QCOMPARE_LE(worstWindowCount(batches, sim, 2000, false), 300);
        QCOMPARE_LE(double(sim.makespan), floorMs / 0.9);
    }

    void aRateLimitLowersTheQuotaBelievedLeft()
    {
        // 60 of 100 sent and answered; then a 429 says the window is full (another client).
        SendScheduler scheduler(customPlan(100, 60));
        const BatchLoad sixty = reads(60);
        scheduler.start(sixty, 0);
        scheduler.finish(sixty, 100);
        QCOMPARE(scheduler.room(200).quota, 40);
        scheduler.rateLimited(200);
        // Half of what this sender holds in the window: 30, of which 60 are in use.
        QCOMPARE(scheduler.quotaCeiling(), 30);
        QCOMPARE(scheduler.room(200).quota, 0);
        // Each answer without a 429 gives back what it carried.
        scheduler.answered(10);
        scheduler.answered(10);
        QCOMPARE(scheduler.quotaCeiling(), 50);
        QVERIFY(scheduler.quotaRoomAt(200, 1) >= 60'000);
        // The window empties as usual: the believed quota then holds 50.
        QCOMPARE(scheduler.room(61'000).quota, 50);
        // Never above the plan's, never below one batch.
        for (int i = 0; i < 20; ++i)
            scheduler.answered(10);
        QCOMPARE(scheduler.quotaCeiling(), 100);
        SendScheduler empty(customPlan(100, 60));
        empty.rateLimited(0);
        QCOMPARE(empty.quotaCeiling(), 10);
    }
};

QTEST_GUILESS_MAIN(TestSendScheduler)
#include "tst_sendscheduler.moc"
