// Editing cells the way a person does: open the cell's editor in the real table, type or pick,
// commit; then undo and redo. One test per delegate.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "actiontable/endpointcompleter.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "uitestsupport.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

class TestDelegates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        Session session;
        Action action;
        action.method = QStringLiteral("get");
        action.relativePath = QStringLiteral("/users/me");
        session.actions = {action, action};
        m_window->document()->load(session, {});
        m_model = m_window->document()->actions();
        m_table = m_window->actionTable();
        m_stack = m_window->document()->undoStack();
    }

    void cleanup() { m_window.reset(); }

    void methodCombo()
    {
        const QModelIndex cell = m_model->index(0, ActionTableModel::MethodColumn);
        m_table->setCurrentIndex(cell);
        m_table->edit(cell);
        auto *combo = m_table->viewport()->findChild<QComboBox *>(QStringLiteral("methodEditor"));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("GET"));
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down); // GET -> POST, committed on activation
        QTRY_COMPARE(m_model->action(0).method, QStringLiteral("post"));
        m_stack->undo();
        QCOMPARE(m_model->action(0).method, QStringLiteral("get"));
        m_stack->redo();
        QCOMPARE(m_model->action(0).method, QStringLiteral("post"));
    }

    void pathLineEdit()
    {
        const QModelIndex cell = m_model->index(1, ActionTableModel::PathColumn);
        m_table->setCurrentIndex(cell);
        m_table->edit(cell);
        auto *edit = m_table->viewport()->findChild<PathLineEdit *>(QStringLiteral("pathEditor"));
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("/tasks/1401"));
        edit->endpointCompleter()->popup()->hide();
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(m_model->action(1).relativePath, QStringLiteral("/tasks/1401"));
        m_stack->undo();
        QCOMPARE(m_model->action(1).relativePath, QStringLiteral("/users/me"));
        m_stack->redo();
        QCOMPARE(m_model->action(1).relativePath, QStringLiteral("/tasks/1401"));
    }

    void choosingATemplateSetsMethodAndSelectsPlaceholder()
    {
        const QModelIndex cell = m_model->index(0, ActionTableModel::PathColumn);
        m_table->setCurrentIndex(cell);
        m_table->edit(cell);
        auto *edit = m_table->viewport()->findChild<PathLineEdit *>(QStringLiteral("pathEditor"));
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("Create a story on a task"));
        EndpointCompleter *completer = edit->endpointCompleter();
        QVERIFY(completer->completionCount() >= 1);
        completer->setCurrentRow(0);
        const QModelIndex chosen =
            completer->completionModel()->index(0, 0); // "POST /tasks/{task_gid}/stories"
        emit completer->activated(chosen);
        QTRY_COMPARE(edit->text(), QStringLiteral("/tasks/{task_gid}/stories"));
        QCOMPARE(edit->selectedText(), QStringLiteral("{task_gid}"));
        QTest::keyClicks(edit, QStringLiteral("{{task}}"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(m_model->action(0).relativePath, QStringLiteral("/tasks/{{task}}/stories"));
        QCOMPARE(m_model->action(0).method, QStringLiteral("post"));
        m_stack->undo(); // one step: method and path together
        QCOMPARE(m_model->action(0).method, QStringLiteral("get"));
        QCOMPARE(m_model->action(0).relativePath, QStringLiteral("/users/me"));
    }

    void jsonCell()
    {
        const QModelIndex cell = m_model->index(0, ActionTableModel::DataColumn);
        m_table->setCurrentIndex(cell);
        m_table->edit(cell);
        auto *edit = m_table->viewport()->findChild<QLineEdit *>(QStringLiteral("jsonCellEditor"));
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("{\"assignee\": \"me\""));
        QVERIFY(!edit->toolTip().isEmpty()); // unterminated: explained, not committed
        QTest::keyClicks(edit, QStringLiteral("}"));
        QVERIFY(edit->toolTip().isEmpty());
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(m_model->action(0).data,
                     QJsonValue(QJsonObject{{QStringLiteral("assignee"), QStringLiteral("me")}}));
        m_stack->undo();
        QVERIFY(m_model->action(0).data.isUndefined());
        m_stack->redo();
        QVERIFY(m_model->action(0).data.isObject());
    }

    void noteCell()
    {
        const QModelIndex cell = m_model->index(0, ActionTableModel::NoteColumn);
        m_table->setCurrentIndex(cell);
        m_table->edit(cell);
        auto *edit = m_table->viewport()->findChild<QLineEdit *>();
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("who am I"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(m_model->action(0).note, QStringLiteral("who am I"));
        m_stack->undo();
        QCOMPARE(m_model->action(0).note, QString());
        m_stack->redo();
        QCOMPARE(m_model->action(0).note, QStringLiteral("who am I"));
    }

    void enabledCheckbox()
    {
        const QModelIndex cell = m_model->index(1, ActionTableModel::EnabledColumn);
        const QRect rect = m_table->visualRect(cell);
        // A click on the check box toggles it (the style puts it at the cell's left).
        QStyleOptionViewItem option;
        option.rect = rect;
        option.features = QStyleOptionViewItem::HasCheckIndicator;
        const QRect box =
            m_table->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option);
        QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, box.center());
        QTRY_VERIFY(!m_model->action(1).enabled);
        m_stack->undo();
        QVERIFY(m_model->action(1).enabled);
        m_stack->redo();
        QVERIFY(!m_model->action(1).enabled);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
    ActionTableView *m_table = nullptr;
    QUndoStack *m_stack = nullptr;
};

QTEST_MAIN(TestDelegates)
#include "tst_delegates.moc"
