// The recovery copy is written on a thread of its own (a big session takes a quarter of a second
// to write): it must still be whole, never outlive a discard that came after it, and report
// failures back on the window's thread.
#include "files/recoverystore.h"
#include "session/sessionfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Tenfold;

namespace {

Session sessionOf(int count)
{
    Session session;
    session.name = QStringLiteral("unsaved work");
    for (int i = 0; i < count; ++i)
        session.actions.append(Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(i)));
    return session;
}

} // namespace

class TestRecoveryStore : public QObject
{
    Q_OBJECT

private slots:
    void backgroundSaveWritesTheWholeSession()
    {
        QTemporaryDir dir;
        RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
        const Session session = sessionOf(2000);
        const QString origin = dir.filePath(QStringLiteral("work.tenfold.json"));
        QString failure;
        store.saveInBackground(session, origin, this,
                               [&failure](const Error &error) { failure = error.toString(); });
        store.waitForBackgroundWork();
        QCoreApplication::processEvents(); // where a failure would be reported
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const std::optional<RecoveryStore::Recovered> recovered = store.pending();
        QVERIFY(recovered);
        QCOMPARE(recovered->session, session);
        QCOMPARE(recovered->originalPath, origin);
    }

    void aDiscardAfterASaveAlwaysWins()
    {
        // The user saves (or closes) while the recovery copy is still being written: whatever
        // moment the discard lands on, nothing is left to be "recovered" at the next start.
        QTemporaryDir dir;
        RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
        const Session big = sessionOf(20000);
        for (int round = 0; round < 20; ++round) {
            store.saveInBackground(big, {}, this, [](const Error &) {});
            if (round % 2)
                QThread::usleep(1000 * round); // sometimes mid-way through the write
            store.discard();
            store.waitForBackgroundWork();
            QVERIFY2(!QFile::exists(store.sessionPath()), qPrintable(QString::number(round)));
            QVERIFY(!store.pending());
        }
    }

    void aSaveAfterADiscardIsKept()
    {
        QTemporaryDir dir;
        RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
        store.discard();
        store.saveInBackground(sessionOf(3), {}, this, [](const Error &) {});
        store.waitForBackgroundWork();
        QVERIFY(store.pending());
    }

    void aFailureIsReportedOnTheCallersThread()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("not-a-directory")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        RecoveryStore store(blocker.fileName() + QStringLiteral("/recovery"));
        QString reported;
        QThread *reportedOn = nullptr;
        store.saveInBackground(sessionOf(3), {}, this, [&](const Error &error) {
            reported = error.toString();
            reportedOn = QThread::currentThread();
        });
        QTRY_VERIFY(!reported.isEmpty());
        QVERIFY2(reported.contains(QStringLiteral("cannot create")), qPrintable(reported));
        QCOMPARE(reportedOn, thread());
        QVERIFY(!store.pending());
    }
};

QTEST_GUILESS_MAIN(TestRecoveryStore)
#include "tst_recoverystore.moc"
