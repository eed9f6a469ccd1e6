#include "ratelimit/slidingwindow.h"

#include <QTest>

using namespace Tenfold;

class TestSlidingWindow : public QObject
{
    Q_OBJECT

private slots:
    void countsWithinTheWindow()
    {
        SlidingWindow window(10, 1000);
        window.record(0, 4);
        window.record(500, 6);
        QCOMPARE(window.used(999), 10);
        QCOMPARE(window.used(1000), 6); // the first units leave exactly one window later
        QCOMPARE(window.used(1500), 0);
    }

    void earliestFitWaitsForEnoughToExpire()
    {
        SlidingWindow window(10, 1000);
        window.record(0, 4);
        window.record(500, 6);
        QCOMPARE(window.earliestFit(600, 0), 600);
        QCOMPARE(window.earliestFit(600, 3), 1000); // 4 leave at 1000
        QCOMPARE(window.earliestFit(600, 5), 1500); // needs the 6 to leave as well
        QCOMPARE(window.earliestFit(2000, 10), 2000);
        QCOMPARE(window.earliestFit(0, 11), -1); // never fits
    }

    void rejectedRequestsStillCount()
    {
        // The sandbox records rejected batches too; a client honouring the computed wait succeeds.
        SlidingWindow window(10, 1000);
        window.record(0, 10);
        QVERIFY(window.used(100) + 10 > window.capacity());
        window.record(100, 10); // rejected, but counted
        const qint64 retry = window.earliestFit(100, 10);
        QCOMPARE(retry, 1100);
        QVERIFY(window.used(retry) + 10 <= window.capacity());
    }
};

QTEST_GUILESS_MAIN(TestSlidingWindow)
#include "tst_slidingwindow.moc"
