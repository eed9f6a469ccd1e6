// The composer from the keyboard: standard shortcuts add, duplicate, delete and reorder rows;
// the Problems list jumps to the row and field; the cost preview follows edits and the plan;
// the target selector; Send stays disabled with its reason.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "cost/costpanel.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "editors/jsoneditor.h"
#include "mainwindow/mainwindow.h"
#include "uitestsupport.h"
#include "validation/validationcache.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

namespace {

QStringList paths(const ActionTableModel *model)
{
    QStringList out;
    for (const Action &action : model->actions())
        out.append(action.relativePath);
    return out;
}

} // namespace

class TestMainWindowEditing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_model = m_window->document()->actions();
        m_table = m_window->actionTable();
    }

    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::Discard);
        m_window->close();
        m_window.reset();
    }

    void emptySessionShowsWelcomeAndAddStartsEditing()
    {
        auto *welcome = m_window->findChild<QWidget *>(QStringLiteral("welcomePage"));
        QVERIFY(welcome && welcome->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_Insert);
        QCOMPARE(m_model->rowCount(), 1);
        QVERIFY(m_table->isVisible());
        // The new row's path is open for typing straight away.
        auto *editor = m_table->viewport()->findChild<QLineEdit *>(QStringLiteral("pathEditor"));
        QVERIFY(editor);
        QTest::keyClicks(editor, QStringLiteral("/users/me"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(m_model->action(0).relativePath, QStringLiteral("/users/me"));
    }

    void shortcutsDuplicateMoveDelete()
    {
        m_window->pasteActions(QStringLiteral(
            R"([{"method":"get","relative_path":"/a"},{"method":"get","relative_path":"/b"},)"
            R"({"method":"get","relative_path":"/c"}])"));
        m_table->setFocus();
        m_table->selectRows({2});
        QTest::keyClick(m_table, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(paths(m_model), QStringList({"/a", "/c", "/b"}));
        QTest::keyClick(m_table, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(paths(m_model), QStringList({"/c", "/a", "/b"}));
        QCOMPARE(m_table->selectedRows(), QList<int>({0})); // the moved row stays selected
        QTest::keyClick(m_table, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(paths(m_model), QStringList({"/a", "/c", "/b"}));

        QTest::keyClick(m_table, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(paths(m_model), QStringList({"/a", "/c", "/c", "/b"}));
        m_table->selectRows({0, 1});
        QTest::keyClick(m_table, Qt::Key_Delete);
        QCOMPARE(paths(m_model), QStringList({"/c", "/b"}));
        QTest::keyClick(m_table, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(paths(m_model), QStringList({"/a", "/c", "/c", "/b"}));
        QTest::keyClick(m_table, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(paths(m_model), QStringList({"/c", "/b"}));
    }

    void problemsListJumpsToRowAndField()
    {
        QVERIFY(m_window->openFile(TestSupport::sample("broken-batch.tenfold.json")).isEmpty());
        m_window->validation()->flush();
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("diagnosticsView"));
        QVERIFY(view->model()->rowCount() > 10);
        int dataRow = -1;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, 2).data().toString() == QLatin1String("data")) {
                dataRow = row;
                break;
            }
        }
        QVERIFY(dataRow >= 0);
        emit view->activated(view->model()->index(dataRow, 0));
        QCOMPARE(m_table->selectedRows(), QList<int>({10}));
        QCOMPARE(m_window->detailEditor()->row(), 10);
        QVERIFY(m_window->detailEditor()->dataEditor()->textEdit()->hasFocus());
    }

    void costFollowsEditsAndPlan()
    {
        QVERIFY(m_window->openFile(TestSupport::sample("getting-started.tenfold.json")).isEmpty());
        CostPanel *cost = m_window->costPanel();
        cost->recompute();
        QVERIFY2(cost->summaryText().contains(QStringLiteral("Batches: 1")),
                 qPrintable(cost->summaryText()));
        QList<Action> more;
        for (int i = 0; i < 5; ++i)
            more.append(m_model->action(0));
        m_model->insertActionsAt(0, more, QStringLiteral("more"));
        QTRY_VERIFY2(cost->summaryText().contains(QStringLiteral("Batches: 2")),
                     qPrintable(cost->summaryText()));

        auto *plan = m_window->findChild<QComboBox *>(QStringLiteral("planSelector"));
        plan->setCurrentIndex(0);
        emit plan->activated(0);
        QCOMPARE(m_window->document()->plan().kind, Plan::Kind::Free);
        QTRY_VERIFY2(cost->summaryText().contains(QStringLiteral("13 of 150")),
                     qPrintable(cost->summaryText()));
        m_window->document()->undoStack()->undo();
        QCOMPARE(m_window->document()->plan().kind, Plan::Kind::Paid);
    }

    void targetSelector()
    {
        auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("targetSelector"));
        auto *url = m_window->findChild<QLineEdit *>(QStringLiteral("targetUrl"));
        QCOMPARE(combo->currentIndex(), 0); // Sandbox by default
        combo->setCurrentIndex(2);
        emit combo->activated(2);
        url->setText(QStringLiteral("http://127.0.0.1:9000/api/1.0"));
        emit url->editingFinished();
        QCOMPARE(m_window->document()->target().kind, Target::Kind::Custom);
        QCOMPARE(m_window->document()->target().customUrl.port(), 9000);
        url->setText(QStringLiteral("ftp://nope"));
        emit url->editingFinished();
        QCOMPARE(m_window->document()->target().customUrl.port(), 9000); // refused, kept
        QVERIFY(!url->toolTip().isEmpty());
        m_window->setTarget(QStringLiteral("asana"));
        QCOMPARE(combo->currentIndex(), 1);
    }

    void sendIsEnabledOnceThereAreActions()
    {
        QAction *send = m_window->sendAction();
        QCOMPARE(send->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QVERIFY(!send->isEnabled());
        m_window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/users/me"}])"));
        m_window->validation()->flush();
        QVERIFY(send->isEnabled());
        QVERIFY(send->toolTip().startsWith(QStringLiteral("Send the enabled actions")));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
    ActionTableView *m_table = nullptr;
};

QTEST_MAIN(TestMainWindowEditing)
#include "tst_mainwindowediting.moc"
