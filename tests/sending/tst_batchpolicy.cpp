// The batch policy on constructed situations: free slots, quota left, search quota, and a queue
// of mixed actions. Which actions go now decides how fast a send is and that no limit breaks.
#include "sending/batchpolicy.h"

#include <QTest>

using namespace Tenfold;

namespace {

/// A queue from a pattern: r = read, s = search, w = write; indexes 0, 1, 2... in order.
ReadyQueue queueOf(const QString &pattern)
{
    ReadyQueue queue;
    for (int i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        queue.push(i, c == u'w' ? ActionKind::Write
                                : (c == u's' ? ActionKind::Search : ActionKind::Read));
    }
    return queue;
}

SendRoom roomOf(int freeReads, int freeWrites, int quota, int search = 1000, int readsInFlight = 0,
                int writesInFlight = 0)
{
    return SendRoom{freeReads, freeWrites, quota, search, readsInFlight, writesInFlight};
}

/// The session indexes the policy's pick takes, in readiness order.
QList<int> picked(const BatchPolicy &policy, const QString &pattern, const SendRoom &room)
{
    ReadyQueue queue = queueOf(pattern);
    return queue.take(policy.choose(queue, room));
}

QList<int> range(int from, int count)
{
    QList<int> list;
    for (int i = 0; i < count; ++i)
        list.append(from + i);
    return list;
}

} // namespace

class TestBatchPolicy : public QObject
{
    Q_OBJECT

private slots:
    void smallBatchesShareTheSlotsOverTheConnections()
    {
        // 50 reads over 18 batches in flight: 3 each; 15 writes: 1 each, raised to the minimum.
        const BatchPolicy policy = BatchPolicy::forLimits(50, 15, 18, 2);
        QCOMPARE(policy.smallReads(), 3);
        QCOMPARE(policy.smallWrites(), 2);
        // Six connections: 9 reads, 3 writes a batch; never more than 10, nor than the slots.
        QCOMPARE(BatchPolicy::forLimits(50, 15, 6, 2).smallReads(), 9);
        QCOMPARE(BatchPolicy::forLimits(50, 15, 6, 2).smallWrites(), 3);
        QCOMPARE(BatchPolicy::forLimits(500, 150, 6, 2).smallReads(), 10);
        QCOMPARE(BatchPolicy::forLimits(50, 1, 18, 2).smallWrites(), 1);
    }

    void whatFitsInFlightGoesInFullBatches()
    {
        // 12 reads and 50 free slots: all of them fit at once, so batch size only costs
        // requests: 10, in order.
        const BatchPolicy policy(3, 2);
        QCOMPARE(picked(policy, QStringLiteral("rrrrrrrrrrrr"), roomOf(50, 15, 1500)),
                 range(0, 10));
        // Mixed, nothing slot-bound: reads and writes together, in the order they became ready.
        QCOMPARE(picked(policy, QStringLiteral("rwrwrw"), roomOf(50, 15, 1500)), range(0, 6));
    }

    void aSlotBoundKindGoesInSmallBatchesOfItsOwn()
    {
        const BatchPolicy policy(3, 2);
        // 20 writes for 15 slots: the slots are reused, a batch of 2.
        QCOMPARE(picked(policy, QString(20, u'w'), roomOf(50, 15, 1500)), range(0, 2));
        // 60 reads for 50 slots: a batch of 3.
        QCOMPARE(picked(policy, QString(60, u'r'), roomOf(50, 15, 1500)), range(0, 3));
        // Both bound, alternating: the oldest ready action decides the kind; the batch holds
        // only that kind, so writes never wait for the slowest of a batch's reads.
        QCOMPARE(picked(policy, QStringLiteral("wr").repeated(40), roomOf(50, 15, 1500)),
                 (QList<int>{0, 2}));
        QCOMPARE(picked(policy, QStringLiteral("rw").repeated(60), roomOf(50, 15, 1500)),
                 (QList<int>{0, 2, 4}));
        // Writes bound, reads not: the reads go together, in full batches, past the writes.
        QCOMPARE(picked(policy, QString(20, u'w') + QString(5, u'r'), roomOf(50, 15, 1500)),
                 range(0, 2));
        QCOMPARE(
            picked(policy, QString(20, u'w') + QString(5, u'r'), roomOf(50, 0, 1500, 1000, 0, 15)),
            range(20, 5));
    }

    void aBatchCutShortBySlotsWaitsForTheNextAnswer()
    {
        // By default a slot never idles: the one write slot left goes alone.
        QCOMPARE(picked(BatchPolicy(3, 2), QString(20, u'w'), roomOf(50, 1, 1500, 1000, 0, 14)),
                 range(0, 1));
        // With a minimum of 2 it waits for the next answer instead.
        const BatchPolicy policy(3, 2, 2);
        // One write slot free while writes are in flight: wait (a batch of 1 where 2 fit soon).
        QVERIFY(picked(policy, QString(20, u'w'), roomOf(50, 1, 1500, 1000, 0, 14)).isEmpty());
        // Reads in threes, two slots free: two is not below the minimum, so they go.
        QCOMPARE(picked(policy, QString(60, u'r'), roomOf(2, 15, 1500, 1000, 48, 0)), range(0, 2));
        QVERIFY(picked(policy, QString(60, u'r'), roomOf(1, 15, 1500, 1000, 49, 0)).isEmpty());
        // Nothing in flight to wait for (a plan of one write slot): go with what fits.
        QCOMPARE(picked(policy, QString(20, u'w'), roomOf(50, 1, 1500)), range(0, 1));
        // The last write of the send does not wait for a partner that will never come.
        QCOMPARE(picked(policy, QStringLiteral("w"), roomOf(50, 1, 1500, 1000, 0, 14)),
                 range(0, 1));
        // No write slot at all: only reads can go.
        QCOMPARE(picked(policy, QStringLiteral("wwwr"), roomOf(50, 0, 1500, 1000, 0, 15)),
                 range(3, 1));
    }

    void neverMoreThanTheQuotaLeft()
    {
        const BatchPolicy policy(3, 2);
        QCOMPARE(picked(policy, QString(12, u'r'), roomOf(50, 15, 4)), range(0, 4));
        QVERIFY(picked(policy, QString(12, u'r'), roomOf(50, 15, 0)).isEmpty());
        // A slot-bound kind keeps to the quota too.
        QCOMPARE(picked(policy, QString(30, u'w'), roomOf(50, 15, 1)), range(0, 1));
    }

    void neverMoreSearchesThanTheSearchQuotaLeft()
    {
        // --rate 100/5: 5 searches per 5 s. Ten searches go 5 and 5, never 10 at once.
        const BatchPolicy policy(3, 2);
        QCOMPARE(picked(policy, QString(10, u's'), roomOf(50, 15, 100, 5)), range(0, 5));
        QVERIFY(picked(policy, QString(10, u's'), roomOf(50, 15, 100, 0)).isEmpty());
        // Reads behind spent searches still go.
        QCOMPARE(picked(policy, QStringLiteral("ssrr"), roomOf(50, 15, 100, 0)),
                 (QList<int>{2, 3}));
        QCOMPARE(picked(policy, QStringLiteral("srsr"), roomOf(50, 15, 100, 1)),
                 (QList<int>{0, 1, 3}));
    }

    void neverMoreThanTen()
    {
        const BatchPolicy policy(10, 10);
        QCOMPARE(picked(policy, QString(100, u'r'), roomOf(500, 150, 1500)), range(0, 10));
        QCOMPARE(picked(policy, QString(100, u'w'), roomOf(500, 150, 1500)), range(0, 10));
    }

    void takesNothingFromAnEmptyQueue()
    {
        QVERIFY(BatchPolicy(3, 2).choose(ReadyQueue{}, roomOf(50, 15, 1500)).isEmpty());
    }

    void keepsEveryLimitOverALongRun()
    {
        // Whatever the queue and room, a pick never exceeds a limit and takes lane fronts only.
        const BatchPolicy policy(3, 2);
        const QString patterns[] = {QStringLiteral("rwsrrwwsrw").repeated(7),
                                    QStringLiteral("s").repeated(30), QStringLiteral("w")};
        for (const QString &pattern : patterns) {
            for (int freeReads : {0, 1, 2, 5, 50}) {
                for (int freeWrites : {0, 1, 3, 15}) {
                    for (int quota : {0, 1, 7, 100}) {
                        for (int search : {0, 2, 60}) {
                            const SendRoom room = roomOf(freeReads, freeWrites, quota, search,
                                                         50 - freeReads, 15 - freeWrites);
                            ReadyQueue queue = queueOf(pattern);
                            const QueuePick pick = policy.choose(queue, room);
                            QVERIFY(pick.total() <= std::min(10, quota));
                            QVERIFY(pick[ActionKind::Read] + pick[ActionKind::Search] <= freeReads);
                            QVERIFY(pick[ActionKind::Write] <= freeWrites);
                            QVERIFY(pick[ActionKind::Search] <= search);
                        }
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBatchPolicy)
#include "tst_batchpolicy.moc"
