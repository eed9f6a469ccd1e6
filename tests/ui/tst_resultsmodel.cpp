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
