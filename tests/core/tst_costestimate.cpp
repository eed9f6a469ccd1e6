#include "catalog/endpointcatalog.h"
#include "cost/costestimate.h"

#include <QJsonObject>
#include <QTest>

using namespace Tenfold;

class TestCostEstimate : public QObject
{
    Q_OBJECT

private:
    static QList<Action> make(int reads, int writes = 0, int searches = 0)
    {
        QList<Action> actions;
        for (int i = 0; i < reads; ++i)
            actions.append({QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(i + 1)});
        for (int i = 0; i < writes; ++i)
            actions.append({QStringLiteral("post"), QStringLiteral("/tasks")});
        for (int i = 0; i < searches; ++i)
            actions.append({QStringLiteral("get"), QStringLiteral("/workspaces/1/tasks/search")});
        return actions;
    }

    static CostEstimate estimate(const QList<Action> &actions, const QString &plan, int latency = 0)
    {
        return estimateCost(actions, Plan::parse(plan).value(), EndpointCatalog::builtin(),
                            latency);
    }

private slots:
    void countsEveryActionAsARequest()
    {
        const CostEstimate cost = estimate(make(23, 7), QStringLiteral("paid"));
        QCOMPARE(cost.actions, 30);
        QCOMPARE(cost.reads, 23);
        QCOMPARE(cost.writes, 7);
        QCOMPARE(cost.batches.size(), 3);
        QCOMPARE(cost.maxReadsInBatch, 10);
        QCOMPARE(cost.maxWritesInBatch, 7);
        QCOMPARE(cost.shortestMs, 0); // all inside one window: no waiting
        QVERIFY(cost.warnings.isEmpty());
    }

    void disabledActionsCostNothing()
    {
        QList<Action> actions = make(5);
        actions[0].enabled = false;
        QCOMPARE(estimate(actions, QStringLiteral("paid")).actions, 4);
    }

    void shortestTimeFollowsTheWindowQuota_data()
    {
        QTest::addColumn<int>("actions");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<int>("latency");
        QTest::addColumn<qint64>("shortestMs");
        // floor((N-1)/Q) * W plus the latency, when batches of 10 divide the quota.
        QTest::newRow("free, 150") << 150 << "free" << 0 << qint64(0);
        QTest::newRow("free, 151") << 151 << "free" << 0 << qint64(60'000);
        QTest::newRow("free, 450") << 450 << "free" << 0 << qint64(120'000);
        QTest::newRow("paid, 3000") << 3000 << "paid" << 0 << qint64(60'000);
        // With latency, 50 reads in flight at once: each window's 30 batches go out in 6 rounds
        // of 20 ms, so the last window's 20 batches end 3 rounds after its start.
        QTest::newRow("300/2, 2000, 20 ms")
            << 2000 << "300/2" << 20 << qint64(12'000 + 3 * 20 + 20);
        // A quota that is not a multiple of 10: a batch must fit whole.
        QTest::newRow("25/10, 30") << 30 << "25/10" << 0 << qint64(10'000);
    }

    void shortestTimeFollowsTheWindowQuota()
    {
        QFETCH(int, actions);
        QFETCH(QString, plan);
        QFETCH(int, latency);
        QFETCH(qint64, shortestMs);
        QCOMPARE(estimate(make(actions), plan, latency).shortestMs, shortestMs);
    }

    void searchQuotaSlowsSearches()
    {
        // 70 searches at 60 per minute: the last batch waits for the first to leave the window.
        const CostEstimate cost = estimate(make(0, 0, 70), QStringLiteral("paid"));
        QCOMPARE(cost.searches, 70);
        QCOMPARE(cost.shortestMs, 60'000);
    }

    void concurrencyLimitsWhatFliesAtOnce()
    {
        // 15 writes in flight at most; each held 100 ms: batch 2 (10 writes) waits for batch 1.
        const CostEstimate cost = estimate(make(0, 20), QStringLiteral("paid"), 100);
        QCOMPARE(cost.shortestMs, 200);
        // Reads have room for 50: five batches fly together.
        QCOMPARE(estimate(make(50), QStringLiteral("paid"), 100).shortestMs, 100);
    }

    void warnsWhenOneBatchBreaksALimit()
    {
        Plan plan = Plan::parse(QStringLiteral("5/1")).value();
        CostEstimate cost = estimateCost(make(10), plan, EndpointCatalog::builtin());
        QCOMPARE(cost.warnings.size(), 1);
        QCOMPARE(cost.warnings.first().code, QStringLiteral("cost.batch-over-quota"));
        QCOMPARE(cost.shortestMs, -1);

        plan = Plan::paid();
        QVERIFY(!plan.setConcurrency(QStringLiteral("50,4")).has_value());
        cost = estimateCost(make(0, 6), plan, EndpointCatalog::builtin());
        QCOMPARE(cost.warnings.first().code, QStringLiteral("cost.batch-over-writes"));

        QList<Action> jobs;
        for (int i = 0; i < 6; ++i)
            jobs.append({QStringLiteral("post"), QStringLiteral("/tasks/1/duplicate")});
        cost = estimateCost(jobs, Plan::paid(), EndpointCatalog::builtin());
        QCOMPARE(cost.duplications, 6);
        QCOMPARE(cost.warnings.first().code, QStringLiteral("cost.batch-over-jobs"));
        QVERIFY(estimate(make(10), QStringLiteral("paid")).warnings.isEmpty());
    }

    void jsonCarriesTheFigures()
    {
        const QJsonObject json = estimate(make(12), QStringLiteral("free")).toJson();
        QCOMPARE(json.value(QLatin1String("batches")).toInt(), 2);
        QCOMPARE(json.value(QLatin1String("requests")).toInt(), 12);
        QCOMPARE(
            json.value(QLatin1String("plan")).toObject().value(QLatin1String("requests")).toInt(),
            150);
        QCOMPARE(json.value(QLatin1String("shortest_ms")).toDouble(), 0.0);
    }

    void adaptiveTimingSaysWhichLimitBinds_data()
    {
        QTest::addColumn<int>("reads");
        QTest::addColumn<int>("writes");
        QTest::addColumn<int>("searches");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<qint64>("shortestMs");
        QTest::addColumn<int>("binding");
        // 300 writes at 450 ms through 15 slots: 20 rounds, 9 s; the quota (1,500/min) allows it
        // in one window.
        QTest::newRow("writes") << 0 << 300 << 0 << "paid" << qint64(9000)
                                << int(BindingLimit::Writes);
        // 1,000 reads at 200 ms through 50 slots: 4 s.
        QTest::newRow("reads") << 1000 << 0 << 0 << "paid" << qint64(4000)
                               << int(BindingLimit::Reads);
        // 2,000 under 300 per 2 s: the last window opens 6 windows in, then the quickest answer.
        QTest::newRow("quota") << 2000 << 0 << 0 << "300/2" << qint64(12200)
                               << int(BindingLimit::Quota);
        // 10 searches at 5 per 5 s: the second five wait a window.
        QTest::newRow("search") << 0 << 0 << 10 << "100/5" << qint64(5200)
                                << int(BindingLimit::Search);
    }
    void adaptiveTimingSaysWhichLimitBinds()
    {
        QFETCH(int, reads);
        QFETCH(int, writes);
        QFETCH(int, searches);
        QFETCH(QString, plan);
        QFETCH(qint64, shortestMs);
        QFETCH(int, binding);
        const CostTiming timing{200, 450, false};
        const CostEstimate cost =
            estimateCost(make(reads, writes, searches), Plan::parse(plan).value(),
                         EndpointCatalog::builtin(), timing);
        QCOMPARE(cost.shortestMs, shortestMs);
        QCOMPARE(int(cost.binding), binding);
        // Adaptive batches are split to fit: no batch "can never be sent".
        QVERIFY(cost.warnings.isEmpty());
        QCOMPARE(cost.toJson().value("binding").toString(),
                 bindingLimitName(BindingLimit(binding)));
    }

    void composedTimingHoldsSlotsPerBatch()
    {
        // 30 writes in three composed batches of 10 under 15 write slots: one batch at a time,
        // each 450 ms: 1.35 s. Adaptive, 30 writes through 15 slots take two rounds: 0.9 s.
        const QList<Action> actions = make(0, 30);
        const CostEstimate composed = estimateCost(
            actions, Plan::paid(), EndpointCatalog::builtin(), CostTiming{200, 450, true});
        QCOMPARE(composed.shortestMs, 1350);
        const CostEstimate adaptive = estimateCost(
            actions, Plan::paid(), EndpointCatalog::builtin(), CostTiming{200, 450, false});
        QCOMPARE(adaptive.shortestMs, 900);
        QCOMPARE(adaptive.binding, BindingLimit::Writes);
        // A composed batch of 10 searches never fits 5 per window; adaptive splits it.
        const Plan shortWindow = Plan::parse(QStringLiteral("100/5")).value();
        QCOMPARE(estimateCost(make(0, 0, 10), shortWindow, EndpointCatalog::builtin(),
                              CostTiming{200, 450, true})
                     .shortestMs,
                 -1);
    }
};

QTEST_GUILESS_MAIN(TestCostEstimate)
#include "tst_costestimate.moc"
