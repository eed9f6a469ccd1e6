// The fault matrix through `tenfold-cli send --sandbox --sandbox-faults KIND:1`, run as a user runs
// it: for every fault kind the exit code, the printed message and the results file's per-action
// states; writes are never sent twice, and batches the fault missed keep their results.
#include "sandbox/sandboxfaults.h"
#include "sending/resultsfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("ASANA_ACCESS_TOKEN"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TENFOLD_CLI_PATH),
                  QStringList{QStringLiteral("send")} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject createTask(int i)
{
    return QJsonObject{{QStringLiteral("method"), QStringLiteral("post")},
                       {QStringLiteral("relative_path"), QStringLiteral("/tasks")},
                       {QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("matrix %1").arg(i)},
                                    {QStringLiteral("workspace"), QStringLiteral("1001")}}}};
}

QJsonObject readTask(int i)
{
    return QJsonObject{
        {QStringLiteral("method"), QStringLiteral("get")},
        {QStringLiteral("relative_path"), QStringLiteral("/tasks/%1").arg(1401 + i % 50)}};
}

QString writeActions(const QTemporaryDir &dir, const QString &name, const QJsonArray &actions)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(actions).toJson());
    return path;
}

/// Batch 1: reads and writes mixed; batch 2: reads only.
QJsonArray mixedThenReads()
{
    QJsonArray actions;
    for (int i = 0; i < 10; ++i)
        actions.append(i % 2 ? createTask(i) : readTask(i));
    for (int i = 10; i < 20; ++i)
        actions.append(readTask(i));
    return actions;
}

} // namespace

class TestCliFaultMatrix : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void eachFault_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("reasonSays");
        QTest::newRow("500") << "500"
                             << "500";
        QTest::newRow("drop") << "drop"
                              << "connection";
        QTest::newRow("slow") << "slow"
                              << "no answer within 300 ms";
        QTest::newRow("malformed") << "malformed"
                                   << "not JSON";
        QTest::newRow("truncate") << "truncate"
                                  << "cut off";
        QTest::newRow("mismatch") << "mismatch"
                                  << "9 results for 10 actions";
    }
    void eachFault()
    {
        QFETCH(QString, fault);
        QFETCH(QString, reasonSays);
        const QString input =
            writeActions(m_dir, fault + QStringLiteral(".json"), mixedThenReads());
        const QString results = m_dir.filePath(fault + QStringLiteral(".results.json"));
        const Run run = runCli({QStringLiteral("--sandbox"), QStringLiteral("--sandbox-faults"),
                                fault + QStringLiteral(":1"), QStringLiteral("--sandbox-slow-ms"),
                                QStringLiteral("1500"), QStringLiteral("--timeout"),
                                QStringLiteral("300"), QStringLiteral("--out"), results, input});

        // Some actions failed or have an unknown outcome: exit 1, never a crash (-1) or 3.
        QVERIFY2(run.exitCode == 1, run.err.constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QStringLiteral("0 succeeded, 10 failed, 10 outcome unknown")),
                 qPrintable(out));
        QVERIFY2(out.contains(reasonSays), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("check them in Asana before resending")),
                 qPrintable(out));

        Result<SendRun> saved = loadResults(results);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.errorString()));
        QCOMPARE(saved->actions.size(), 20); // every action is still there
        for (int i = 0; i < 10; ++i) {
            const ActionResult &result = saved->results.at(i);
            QCOMPARE(result.state, ActionState::OutcomeUnknown);
            QCOMPARE(result.attempts, 1); // the batch with writes went exactly once
            QVERIFY2(result.reason.contains(QLatin1String("not sent again")),
                     qPrintable(result.reason));
        }
        for (int i = 10; i < 20; ++i) {
            const ActionResult &result = saved->results.at(i);
            QCOMPARE(result.state, ActionState::Failed);
            QCOMPARE(result.attempts, 3); // reads are retried, within bounds
            QVERIFY2(result.reason.contains(reasonSays), qPrintable(result.reason));
        }
        QCOMPARE(saved->batches.at(0).attempts, 1);
        QCOMPARE(saved->batches.at(1).attempts, 3);
    }

    void rateLimitedBySmallSandboxQuotaStillCompletes()
    {
        QJsonArray actions;
        for (int i = 0; i < 30; ++i)
            actions.append(i % 3 == 0 ? createTask(i) : readTask(i));
        const QString input = writeActions(m_dir, QStringLiteral("429.json"), actions);
        const QString results = m_dir.filePath(QStringLiteral("429.results.json"));
        // The sender believes in the paid plan; the sandbox allows 10 per 2 s: 429s must come.
        const Run run = runCli({QStringLiteral("--sandbox"), QStringLiteral("--sandbox-rate"),
                                QStringLiteral("10/2"), QStringLiteral("--out"), results, input});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QStringLiteral("30 succeeded, 0 failed, 0 outcome unknown")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("rate limit (429) answer")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral(" 0 rate limit (429) answers")), qPrintable(out));

        Result<SendRun> saved = loadResults(results);
        QVERIFY(saved);
        QVERIFY(saved->rateLimitedCount > 0);
        for (const ActionResult &result : saved->results)
            QCOMPARE(result.state, ActionState::Succeeded);
        int rateLimited = 0;
        for (const BatchRecord &batch : saved->batches)
            rateLimited += batch.rateLimited;
        QCOMPARE(rateLimited, saved->rateLimitedCount);
    }

    void unaffectedBatchesKeepTheirResults()
    {
        // Every batch holds a write, so none is resent and the sandbox rolls its dice exactly
        // once per batch: how many batches get the fault is fixed by the seed (1, the CLI's),
        // whichever order the parallel batches arrive in.
        const QString spec = QStringLiteral("500:0.5");
        FaultDice dice(1);
        const SandboxFaults faults = SandboxFaults::parse(spec).value();
        int expectedFaulted = 0;
        for (int i = 0; i < 6; ++i)
            expectedFaulted += dice.roll(faults) == FaultDice::Fault::None ? 0 : 1;
        QVERIFY2(expectedFaulted > 0 && expectedFaulted < 6,
                 "pick another probability: seed 1 must fault some batches, not all");

        QJsonArray actions;
        for (int i = 0; i < 60; ++i)
            actions.append(i % 10 == 0 ? createTask(i) : readTask(i));
        const QString input = writeActions(m_dir, QStringLiteral("mixed.json"), actions);
        const QString results = m_dir.filePath(QStringLiteral("mixed.results.json"));
        // As composed: the fault dice roll once per batch, so the six batches must be the table's.
        const Run run = runCli({QStringLiteral("--sandbox"), QStringLiteral("--as-composed"),
                                QStringLiteral("--sandbox-faults"), spec, QStringLiteral("--out"),
                                results, input});
        QVERIFY2(run.exitCode == 1, run.err.constData());
        Result<SendRun> saved = loadResults(results);
        QVERIFY(saved);
        QCOMPARE(saved->batches.size(), 6);
        int faulted = 0;
        for (const BatchRecord &batch : saved->batches) {
            QCOMPARE(batch.attempts, 1);
            const ActionState first = saved->results.at(batch.actionIndexes.first()).state;
            // A batch ends as a whole: all succeeded, or all unknown (it held a write).
            for (int index : batch.actionIndexes)
                QCOMPARE(saved->results.at(index).state, first);
            if (first == ActionState::OutcomeUnknown)
                ++faulted;
            else
                QCOMPARE(first, ActionState::Succeeded);
        }
        QCOMPARE(faulted, expectedFaulted);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QStringLiteral("%1 succeeded, 0 failed, %2 outcome unknown")
                                  .arg((6 - faulted) * 10)
                                  .arg(faulted * 10)),
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestCliFaultMatrix)
#include "tst_clifaultmatrix.moc"
