// The results model under QAbstractItemModelTester, and rows that follow the action table
// through inserts, removals, moves and undo.
#include "actiontable/actiontablemodel.h"
#include "results/jsontreemodel.h"
#include "results/resultsio.h"
#include "results/resultsmodel.h"
#include "variables/variablesmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

namespace {

ActionResult resultWith(int status, ActionState state)
{
    ActionResult result;
    result.statusCode = status;
    result.state = state;
    result.batch = 1;
    result.attempts = 1;
    return result;
}

} // namespace

class TestResultsModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTesterThroughEdits()
    {
        QUndoStack stack;
        ActionTableModel actions(&stack);
        VariablesModel variables(&stack);
        ResultsModel results(&actions, &variables);
        QAbstractItemModelTester tester(&results,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Action> list;
        for (int i = 0; i < 6; ++i)
            list.append(Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i)));
        actions.resetActions(list);
        QCOMPARE(results.rowCount(), 6);
        for (int row = 0; row < 6; ++row)
            results.setResult(row, resultWith(200 + row, ActionState::Succeeded),
                              actions.action(row));
        results.setResult(3, resultWith(404, ActionState::Failed), actions.action(3));

        actions.removeActionRows({1, 3});
        QCOMPARE(results.rowCount(), 4);
        QCOMPARE(results.entry(1).result.statusCode, 202);
        stack.undo(); // the removed rows come back with their results
        QCOMPARE(results.rowCount(), 6);
        QCOMPARE(results.entry(3).result.statusCode, 404);
        QCOMPARE(results.entry(1).result.statusCode, 201);

        actions.moveRows({5}, 0);
        QCOMPARE(results.entry(0).result.statusCode, 205);
        QCOMPARE(results.entry(1).result.statusCode, 200);

        actions.insertActionsAt(2, {Action(QStringLiteral("get"), QStringLiteral("/users/me"))},
                                QStringLiteral("add"));
        QVERIFY(!results.hasResult(2));
        QVERIFY(!results.matches(2, ResultsModel::Filter::Failures));
        QVERIFY(results.matches(5, ResultsModel::Filter::Failures)); // the 404, moved down
        QCOMPARE(results.unfinishedRows(), QList<int>({5}));
        results.setResult(4, resultWith(0, ActionState::OutcomeUnknown), actions.action(4));
        // The counts line's summary, computed without building a run, agrees with the run's:
        // four succeeded (one of five is now unknown), the 404, and the new row skipped.
        const SendSummary counted = results.summary();
        const SendSummary fromRun = results.toRun().summary();
        QCOMPARE(counted.succeeded, 4);
        QCOMPARE(counted.failed, 1);
        QCOMPARE(counted.unknown, 1);
        QCOMPARE(counted.skipped, 1);
        QCOMPARE(counted.succeeded, fromRun.succeeded);
        QCOMPARE(counted.failed, fromRun.failed);
        QCOMPARE(counted.unknown, fromRun.unknown);
        QCOMPARE(counted.cancelled, fromRun.cancelled);
        QCOMPARE(counted.pending, fromRun.pending);
        QCOMPARE(counted.skipped, fromRun.skipped);

        const QByteArray csv = resultsToCsv(results.toRun());
        QCOMPARE(csv.count('\n'), 8); // header + 7 rows
        QVERIFY(csv.contains(",failed,404,"));
        QVERIFY(csv.contains(",outcome_unknown,"));
        results.clear();
        QCOMPARE(results.resultCount(), 0);
    }

    void resultsFilesAreMatchedByWhatWasSent()
    {
        QUndoStack stack;
        ActionTableModel actions(&stack);
        VariablesModel variables(&stack);
        variables.apply({Variable{QStringLiteral("task"), QStringLiteral("1402")}});
        ResultsModel results(&actions, &variables);
        QAbstractItemModelTester tester(&results,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Action me(QStringLiteral("GET"), QStringLiteral("/users/me"));
        // The session now: a variable, the same action twice, a new one.
        actions.resetActions({Action(QStringLiteral("get"), QStringLiteral("/tasks/{{task}}")), me,
                              Action(QStringLiteral("get"), QStringLiteral("/projects/1201")), me});

        // The run, as a results file holds it: variables resolved, method in any case.
        SendRun run;
        run.actions = {Action(QStringLiteral("get"), QStringLiteral("/users/me")),
                       Action(QStringLiteral("get"), QStringLiteral("/tasks/1402")),
                       Action(QStringLiteral("get"), QStringLiteral("/users/me")),
                       Action(QStringLiteral("get"), QStringLiteral("/users/me")),
                       Action(QStringLiteral("get"), QStringLiteral("/tasks/1499"))};
        for (int i = 0; i < run.actions.size(); ++i)
            run.results.append(resultWith(200 + i, ActionState::Succeeded));
        const ResultsModel::Placement placement = results.matchRun(run);
        QCOMPARE(placement.placed, 3);
        QCOMPARE(placement.unmatched, 2); // the third /users/me and /tasks/1499
        QCOMPARE(placement.rowsWithout, 1);
        QCOMPARE(results.entry(0).result.statusCode, 201);
        QCOMPARE(results.entry(1).result.statusCode, 200); // equal actions pair up in order
        QCOMPARE(results.entry(3).result.statusCode, 202);
        QVERIFY(!results.hasResult(2));
        QVERIFY(!results.entry(0).stale);
    }

    void aContinuedRunKeepsEachRowsSends()
    {
        QUndoStack stack;
        ActionTableModel actions(&stack);
        VariablesModel variables(&stack);
        ResultsModel results(&actions, &variables);
        QAbstractItemModelTester tester(&results,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Action> list;
        for (int i = 0; i < 12; ++i)
            list.append(Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i)));
        actions.resetActions(list);

        // The first send: two batches; row 11 fails after two tries.
        results.beginRun({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, false);
        for (int row = 0; row < 12; ++row) {
            ActionResult r = resultWith(200, ActionState::Succeeded);
            r.batch = row < 10 ? 1 : 2;
            if (row == 11) {
                r = resultWith(500, ActionState::Failed);
                r.batch = 2;
                r.attempts = 2;
            }
            results.setResult(row, r, actions.action(row));
        }
        SendRun first;
        first.batches = {BatchRecord{1, {0}, 1, 0, 200, 0, 5, {}},
                         BatchRecord{2, {10, 11}, 2, 0, 500, 0, 5, {}}};
        results.setRunInfo(first);

        // Send Failed Again: the sender numbers its one batch 1.
        results.beginRun({11}, true);
        QCOMPARE(results.entry(11).result.state, ActionState::Pending);
        ActionResult again = resultWith(200, ActionState::Succeeded);
        results.setResult(11, again, actions.action(11));
        SendRun second;
        second.batches = {BatchRecord{1, {11}, 1, 0, 200, 0, 5, {}}};
        results.setRunInfo(second);

        QCOMPARE(results.entry(11).result.state, ActionState::Succeeded);
        QCOMPARE(results.entry(11).result.batch, 3);
        QCOMPARE(results.entry(11).result.attempts, 3);
        QCOMPARE(results.entry(11).sends.size(), 2);
        QCOMPARE(results.entry(11).sends.first().statusCode, 500);
        QCOMPARE(results.entry(10).result.batch, 2);
        const SendRun all = results.toRun();
        QCOMPARE(all.batches.size(), 3);
        QCOMPARE(all.batches.last().number, 3);
        QCOMPARE(all.results.at(11).attempts, 3);

        // A fresh send starts over.
        results.beginRun({11}, false);
        results.setResult(11, again, actions.action(11));
        QCOMPARE(results.entry(11).result.batch, 1);
        QCOMPARE(results.entry(11).result.attempts, 1);
        QCOMPARE(results.entry(11).sends.size(), 1);
    }

    void jsonTreePassesTheModelTester()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJson(QJsonObject{
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("gid"), QStringLiteral("1")},
                         {QStringLiteral("tags"), QJsonArray{1, QStringLiteral("x"), true}}}}});
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex data = model.index(0, 0);
        QCOMPARE(model.rowCount(data), 2);
        model.setJson(QStringLiteral("not json"));
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
