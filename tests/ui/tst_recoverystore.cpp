// The recovery copy is written on a thread of its own (a big session takes a quarter of a second
// to write): it must still be whole, never outlive a discard that came after it, and report
// failures back on the window's thread. Every window has a copy of its own under a lock: only
// copies whose owner is gone are offered, and nothing but the owner (or the user's choice)
// removes one.
#include "files/recoverystore.h"
#include "session/sessionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
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

QStringList copiesIn(const QString &directory)
{
    return QDir(directory).entryList({QStringLiteral("*.tenfold.json")}, QDir::Files);
}

/// Claims the orphans and keeps only the newest claimed, as a window that restores one does.
std::optional<RecoveryStore::Recovered> firstOrphan(RecoveryStore &store)
{
    QList<RecoveryStore::Recovered> orphans = store.claimOrphans();
    if (orphans.isEmpty())
        return std::nullopt;
    for (qsizetype i = 1; i < orphans.size(); ++i)
        store.keepForLater(orphans.at(i).id);
    return orphans.first();
}

/// A process id that was in use a moment ago and is not any more.
qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("true"));
    process.waitForStarted();
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
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
        QVERIFY(QFile::exists(store.sessionPath()));
        // Its window runs: nobody else may offer it.
        RecoveryStore other(store.directory());
        QVERIFY(other.claimOrphans().isEmpty());
    }

    void aCopyOutlivesItsWindowAndIsOfferedOnce()
    {
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("recovery"));
        const Session session = sessionOf(5);
        const QString origin = dir.filePath(QStringLiteral("work.tenfold.json"));
        {
            RecoveryStore crashed(directory);
            crashed.saveInBackground(session, origin, this, [](const Error &) {});
        } // gone without discarding (its lock goes with it, as with a crash)
        RecoveryStore first(directory);
        const std::optional<RecoveryStore::Recovered> recovered = firstOrphan(first);
        QVERIFY(recovered);
        QCOMPARE(recovered->session, session);
        QCOMPARE(recovered->originalPath, origin);
        // While one instance holds the claim (its question is open), another offers nothing.
        RecoveryStore second(directory);
        QVERIFY(second.claimOrphans().isEmpty());
        // Not decided: kept, and offered again.
        first.keepForLater(recovered->id);
        QCOMPARE(copiesIn(directory).size(), 1);
        QVERIFY(firstOrphan(second));
    }

    void aCopyWhoseOwnerDiedIsOffered()
    {
        // kill -9 leaves the lock file behind, naming a process that no longer exists.
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("recovery"));
        QVERIFY(QDir().mkpath(directory));
        QVERIFY(!saveSession(sessionOf(2), directory + QStringLiteral("/dead.tenfold.json")));
        writeFile(directory + QStringLiteral("/dead.lock"),
                  QByteArray::number(deadPid()) + "\ntenfold\n\n");
        RecoveryStore store(directory);
        const std::optional<RecoveryStore::Recovered> recovered = firstOrphan(store);
        QVERIFY(recovered);
        QCOMPARE(recovered->id, QStringLiteral("dead"));
        QCOMPARE(recovered->session.actions.size(), 2);
    }

    void theSingleCopyOfEarlierVersionsIsOffered()
    {
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("recovery"));
        QVERIFY(QDir().mkpath(directory));
        QVERIFY(!saveSession(sessionOf(3), directory + QStringLiteral("/recovery.tenfold.json")));
        writeFile(directory + QStringLiteral("/recovery.origin"), "/home/me/a.tenfold.json");
        RecoveryStore store(directory);
        const std::optional<RecoveryStore::Recovered> recovered = firstOrphan(store);
        QVERIFY(recovered);
        QCOMPARE(recovered->originalPath, QStringLiteral("/home/me/a.tenfold.json"));
    }

    void windowsNeverTouchEachOthersCopies()
    {
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("recovery"));
        RecoveryStore one(directory);
        RecoveryStore two(directory);
        one.saveInBackground(sessionOf(1), {}, this, [](const Error &) {});
        two.saveInBackground(sessionOf(2), {}, this, [](const Error &) {});
        one.waitForBackgroundWork();
        two.waitForBackgroundWork();
        QVERIFY(one.sessionPath() != two.sessionPath());
        QCOMPARE(copiesIn(directory).size(), 2);
        two.discard(); // two saved its work
        two.waitForBackgroundWork();
        QVERIFY(QFile::exists(one.sessionPath()));
        QVERIFY(!QFile::exists(two.sessionPath()));
        QVERIFY(two.claimOrphans().isEmpty()); // one still runs
    }

    void anAdoptedCopyIsTheWindowsOwnUntilSaved()
    {
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("recovery"));
        {
            RecoveryStore crashed(directory);
            crashed.saveInBackground(sessionOf(4), {}, this, [](const Error &) {});
        }
        RecoveryStore store(directory);
        const std::optional<RecoveryStore::Recovered> recovered = firstOrphan(store);
        QVERIFY(recovered);
        store.adopt(recovered->id);
        // Restored but not saved yet: the copy stays, and is nobody else's to offer.
        QVERIFY(QFile::exists(store.sessionPath()));
        RecoveryStore other(directory);
        QVERIFY(other.claimOrphans().isEmpty());
        // The next autosave replaces it; a save removes it.
        store.saveInBackground(sessionOf(6), {}, this, [](const Error &) {});
        store.waitForBackgroundWork();
        QCOMPARE(copiesIn(directory).size(), 1);
        store.discard();
        store.waitForBackgroundWork();
        QVERIFY(copiesIn(directory).isEmpty());
    }

    void discardingAnOrphanIsTheUsersChoice()
    {
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("recovery"));
        {
            RecoveryStore crashed(directory);
            crashed.saveInBackground(sessionOf(4), {}, this, [](const Error &) {});
        }
        RecoveryStore store(directory);
        const std::optional<RecoveryStore::Recovered> recovered = firstOrphan(store);
        QVERIFY(recovered);
        store.discardOrphan(recovered->id);
        QVERIFY(copiesIn(directory).isEmpty());
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
        }
    }

    void aSaveAfterADiscardIsKept()
    {
        QTemporaryDir dir;
        RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
        store.discard();
        store.saveInBackground(sessionOf(3), {}, this, [](const Error &) {});
        store.waitForBackgroundWork();
        QVERIFY(QFile::exists(store.sessionPath()));
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
        QVERIFY(!QFile::exists(store.sessionPath()));
    }
};

QTEST_GUILESS_MAIN(TestRecoveryStore)
#include "tst_recoverystore.moc"
