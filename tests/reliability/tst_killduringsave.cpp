#include "bigsession.h"
#include "session/sessionfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Tenfold;
using namespace TenfoldTest;

/// SIGKILL during save or autosave must never cost the user their file: a helper process saves
/// ever newer versions with the core's atomic writer (the one the GUI's save and autosave use)
/// and is killed at seeded random moments; after each kill the files must load and be exactly
/// the last version saved or the one being saved, never empty, torn or older.
class TestKillDuringSave : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int lastStarted = -1;
        int lastDone = -1;
    };

    static Run readProgress(const QByteArray &output)
    {
        Run run;
        for (const QByteArray &line : output.split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() != 2)
                continue;
            if (words.at(0) == "start")
                run.lastStarted = words.at(1).toInt();
            else if (words.at(0) == "done")
                run.lastDone = words.at(1).toInt();
        }
        return run;
    }

    static int sessionVersion(const Session &session)
    {
        static const QRegularExpression name(QStringLiteral("^version (\\d+)$"));
        const QRegularExpressionMatch match = name.match(session.name);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

private slots:
    void killedWriterNeverLeavesABrokenFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString sessionPath = dir.filePath(QLatin1String(SessionFileName));
        const QString resultsPath = dir.filePath(QLatin1String(ResultsFileName));

        // Version 0 exists before the first kill, as a file the user already had. Timing it
        // only picks the range of kill moments; nothing asserts on speed.
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!saveSession(bigSession(0), sessionPath));
        QVERIFY(!writeFileAtomically(resultsPath, bigResults(0)));
        const int cycleMs = int(std::max<qint64>(timer.elapsed(), 20));

        QRandomGenerator random(0x5eed9);
        constexpr int Kills = 30;
        int known = 0; // the newest version known to be complete on disk
        int next = 1;
        int killedMidSave = 0;
        for (int kill = 0; kill < Kills; ++kill) {
            QProcess writer;
            writer.start(QStringLiteral(TENFOLD_KILLWRITER_PATH),
                         {dir.path(), QString::number(next)});
            QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
            // Once the writer is in its loop, kill it somewhere within about two save cycles.
            while (!writer.canReadLine())
                QVERIFY2(writer.waitForReadyRead(30000), "the writer never started saving");
            QThread::msleep(random.bounded(2 * cycleMs + 1));
            writer.kill(); // SIGKILL: no destructor, no QSaveFile cleanup runs
            QVERIFY(writer.waitForFinished(30000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            const Run run = readProgress(writer.readAllStandardOutput());
            QVERIFY(run.lastStarted >= next);
            const int newestDone = std::max(known, run.lastDone);
            if (run.lastDone < run.lastStarted)
                ++killedMidSave;

            Result<LoadedInput> loaded = loadInput(sessionPath);
            QVERIFY2(loaded.ok(),
                     qPrintable(QStringLiteral("kill %1: %2").arg(kill).arg(loaded.errorString())));
            const int version = sessionVersion(loaded->session);
            QVERIFY2(version >= newestDone && version <= run.lastStarted,
                     qPrintable(QStringLiteral("kill %1: the session holds version %2, not one "
                                               "of %3..%4")
                                    .arg(kill)
                                    .arg(version)
                                    .arg(newestDone)
                                    .arg(run.lastStarted)));
            QVERIFY(loaded->session == bigSession(version));

            QFile results(resultsPath);
            QVERIFY(results.open(QIODevice::ReadOnly));
            const QByteArray bytes = results.readAll();
            const int resultsVersion =
                QJsonDocument::fromJson(bytes).object().value(QLatin1String("version")).toInt(-1);
            QVERIFY2(resultsVersion >= newestDone && resultsVersion <= run.lastStarted,
                     qPrintable(QStringLiteral("kill %1: the results file holds version %2")
                                    .arg(kill)
                                    .arg(resultsVersion)));
            QCOMPARE(bytes, bigResults(resultsVersion));

            known = std::min(version, resultsVersion);
            next = run.lastStarted + 1;
        }

        // QSaveFile writes to a temporary beside the file and renames it over the file on
        // commit. A kill between those leaves that temporary behind (on Linux usually not even
        // that: the data goes to an unnamed O_TMPFILE that disappears with the process). They
        // are never read as the session, and there is at most one per interrupted save.
        const QStringList entries = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        QStringList leftovers = entries;
        leftovers.removeAll(QLatin1String(SessionFileName));
        leftovers.removeAll(QLatin1String(ResultsFileName));
        static const QRegularExpression temporary(
            QStringLiteral("^(session\\.tenfold\\.json|results\\.json)\\.\\w+$"));
        for (const QString &name : std::as_const(leftovers))
            QVERIFY2(temporary.match(name).hasMatch(), qPrintable(name));
        QVERIFY(leftovers.size() <= killedMidSave);
        qInfo("%d kills, %d during a save, %d leftover temporary file(s), last version %d", Kills,
              killedMidSave, int(leftovers.size()), known);
    }
};

QTEST_GUILESS_MAIN(TestKillDuringSave)
#include "tst_killduringsave.moc"
