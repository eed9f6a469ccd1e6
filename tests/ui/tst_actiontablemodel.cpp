// The action table model: structure under QAbstractItemModelTester, and every structural edit
// (add, duplicate, delete, move, drag and drop) undone and redone exactly.
#include "actiontable/actiontablemodel.h"
#include "validation/diagnosticsmodel.h"
#include "validation/validationcache.h"
#include "variables/variablesmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

namespace {

Action makeAction(const QString &path, const QString &method = QStringLiteral("get"))
{
    Action action;
    action.method = method;
    action.relativePath = path;
    return action;
}

QStringList paths(const ActionTableModel &model)
{
    QStringList out;
    for (const Action &action : model.actions())
        out.append(action.relativePath);
    return out;
}

} // namespace

class TestActionTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_stack = std::make_unique<QUndoStack>();
        m_model = std::make_unique<ActionTableModel>(m_stack.get());
        m_variables = std::make_unique<VariablesModel>(m_stack.get());
        m_cache = std::make_unique<ValidationCache>(m_model.get(), m_variables.get());
        m_model->setValidation(m_cache.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->resetActions({makeAction(QStringLiteral("/a")), makeAction(QStringLiteral("/b")),
                               makeAction(QStringLiteral("/c")), makeAction(QStringLiteral("/d")),
                               makeAction(QStringLiteral("/e"))});
    }

    void cleanup()
    {
        m_tester.reset();
        m_cache.reset();
        m_variables.reset();
        m_model.reset();
        m_stack.reset();
    }

    void otherModelsPassTheTester()
    {
        QAbstractItemModelTester variablesTester(
            m_variables.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_variables->addVariable();
        m_variables->setData(m_variables->index(0, VariablesModel::ValueColumn),
                             QStringLiteral("1001"));
        m_variables->addVariable();
        m_variables->removeVariable(0);
        m_stack->undo();
        QCOMPARE(m_variables->rowCount(), 2);

        DiagnosticsModel diagnostics(m_cache.get());
        QAbstractItemModelTester diagnosticsTester(
            &diagnostics, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->editField(0, ActionTableModel::PathColumn, QStringLiteral("users/me"));
        m_cache->flush();
        QVERIFY(diagnostics.rowCount() > 0);
        QCOMPARE(diagnostics.diagnostic(0).code, QStringLiteral("path.not-absolute"));
    }

    void displaysColumns()
    {
        Action action = makeAction(QStringLiteral("/tasks"), QStringLiteral("post"));
        action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("Buy milk")}};
        action.note = QStringLiteral("mine");
        m_model->resetActions({action});
        QCOMPARE(m_model->index(0, ActionTableModel::MethodColumn).data().toString(),
                 QStringLiteral("POST"));
        QCOMPARE(m_model->index(0, ActionTableModel::DataColumn).data().toString(),
                 QStringLiteral("{\"name\":\"Buy milk\"}"));
        QCOMPARE(m_model->index(0, ActionTableModel::EnabledColumn).data(Qt::CheckStateRole),
                 QVariant(Qt::Checked));
        QCOMPARE(m_model->index(0, ActionTableModel::NoteColumn).data().toString(),
                 QStringLiteral("mine"));
    }

    void addDuplicateDeleteUndoRedo()
    {
        m_model->insertActionsAt(1, {makeAction(QStringLiteral("/new"))}, QStringLiteral("Add"));
        QCOMPARE(paths(*m_model), QStringList({"/a", "/new", "/b", "/c", "/d", "/e"}));
        m_model->duplicateRows({0, 3});
        QCOMPARE(paths(*m_model), QStringList({"/a", "/new", "/b", "/c", "/a", "/c", "/d", "/e"}));
        m_model->removeActionRows({7, 0, 2});
        QCOMPARE(paths(*m_model), QStringList({"/new", "/c", "/a", "/c", "/d"}));
        m_stack->undo();
        QCOMPARE(paths(*m_model), QStringList({"/a", "/new", "/b", "/c", "/a", "/c", "/d", "/e"}));
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(paths(*m_model), QStringList({"/a", "/b", "/c", "/d", "/e"}));
        m_stack->redo();
        m_stack->redo();
        m_stack->redo();
        QCOMPARE(paths(*m_model), QStringList({"/new", "/c", "/a", "/c", "/d"}));
    }

    void moveUpAndDownKeepsBlocks()
    {
        m_model->moveRows({2, 3}, 1); // Alt+Up on c,d
        QCOMPARE(paths(*m_model), QStringList({"/a", "/c", "/d", "/b", "/e"}));
        m_model->moveRows({1, 2}, 2); // Alt+Down on c,d
        QCOMPARE(paths(*m_model), QStringList({"/a", "/b", "/c", "/d", "/e"}));
        m_model->moveRows({0, 4}, 1); // non-adjacent rows gather into one block
        QCOMPARE(paths(*m_model), QStringList({"/b", "/a", "/e", "/c", "/d"}));
        m_stack->undo();
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(paths(*m_model), QStringList({"/a", "/b", "/c", "/d", "/e"}));
        QCOMPARE(m_stack->count(), 3);
        m_model->moveRows({0}, 0); // onto itself: no undo step
        QCOMPARE(m_stack->index(), 0);
    }

    void dragAndDropReorders()
    {
        const QModelIndexList dragged = {m_model->index(0, 0), m_model->index(1, 0)};
        std::unique_ptr<QMimeData> mime(m_model->mimeData(dragged));
        QVERIFY(mime->hasText()); // dropping into a text editor gives JSON
        QVERIFY(m_model->canDropMimeData(mime.get(), Qt::MoveAction, 4, 0, {}));
        m_model->dropMimeData(mime.get(), Qt::MoveAction, 4, 0, {});
        QCOMPARE(paths(*m_model), QStringList({"/c", "/d", "/a", "/b", "/e"}));
        m_stack->undo();
        QCOMPARE(paths(*m_model), QStringList({"/a", "/b", "/c", "/d", "/e"}));
    }

    void typingMergesIntoOneStep()
    {
        m_model->editField(0, ActionTableModel::PathColumn, QStringLiteral("/t"), true);
        m_model->editField(0, ActionTableModel::PathColumn, QStringLiteral("/ta"), true);
        m_model->editField(0, ActionTableModel::PathColumn, QStringLiteral("/tas"), true);
        QCOMPARE(m_stack->count(), 1);
        m_model->editField(1, ActionTableModel::PathColumn, QStringLiteral("/x"), true);
        QCOMPARE(m_stack->count(), 2);
        m_stack->undo();
        m_stack->undo();
        QCOMPARE(paths(*m_model), QStringList({"/a", "/b", "/c", "/d", "/e"}));
    }

    void batchBoundariesFollowEnabledRows()
    {
        QList<Action> many;
        for (int i = 0; i < 25; ++i)
            many.append(makeAction(QStringLiteral("/tasks/%1").arg(i)));
        m_model->resetActions(many);
        QCOMPARE(m_model->index(10, 0).data(ActionTableModel::BatchStartRole).toInt(), 2);
        QCOMPARE(m_model->index(20, 0).data(ActionTableModel::BatchStartRole).toInt(), 3);
        QCOMPARE(m_model->index(9, 0).data(ActionTableModel::BatchStartRole).toInt(), 0);
        // Disabling one earlier action pulls the boundary one row down.
        m_model->setData(m_model->index(3, ActionTableModel::EnabledColumn), Qt::Unchecked,
                         Qt::CheckStateRole);
        QCOMPARE(m_model->index(10, 0).data(ActionTableModel::BatchStartRole).toInt(), 0);
        QCOMPARE(m_model->index(11, 0).data(ActionTableModel::BatchStartRole).toInt(), 2);
        QCOMPARE(m_model->index(3, 0).data(ActionTableModel::BatchNumberRole).toInt(), 0);
    }

private:
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<ActionTableModel> m_model;
    std::unique_ptr<VariablesModel> m_variables;
    std::unique_ptr<ValidationCache> m_cache;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestActionTableModel)
#include "tst_actiontablemodel.moc"
