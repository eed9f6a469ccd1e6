// Pasting actions from the clipboard: a raw batch body, a JSON array, one action object; bad
// text is refused with a reason and changes nothing.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

class TestPasteActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openFile(TestSupport::sample("getting-started.tenfold.json"));
        m_model = m_window->document()->actions();
    }

    void cleanup() { m_window.reset(); }

    void pasteBatchBodyAfterCurrentRow()
    {
        QCOMPARE(m_model->rowCount(), 8);
        m_window->actionTable()->selectRows({1});
        const QString body = QStringLiteral(
            R"({"data":{"actions":[{"method":"post","relative_path":"/tasks","data":{"name":"A"}},)"
            R"({"method":"get","relative_path":"/tasks/1401","options":{"fields":["name"]}}]}})");
        QApplication::clipboard()->setText(body);
        m_window->actionTable()->setFocus();
        QTest::keyClick(m_window->actionTable(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(m_model->rowCount(), 10);
        QCOMPARE(m_model->action(2).relativePath, QStringLiteral("/tasks"));
        QCOMPARE(m_model->action(2).method, QStringLiteral("post"));
        QCOMPARE(m_model->action(3).relativePath, QStringLiteral("/tasks/1401"));
        QCOMPARE(m_model->action(4).relativePath,
                 QStringLiteral("/workspaces/{{workspace}}/projects"));
        // The pasted rows are selected, and one undo takes the whole paste back.
        QCOMPARE(m_window->actionTable()->selectedRows(), QList<int>({2, 3}));
        QVERIFY(m_window->document()->isModified());
        m_window->document()->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 8);
        QVERIFY(!m_window->document()->isModified());
    }

    void pasteArrayAndSingleObject()
    {
        QVERIFY(
            m_window
                ->pasteActions(QStringLiteral(
                    R"([{"method":"get","relative_path":"/users/me"},{"method":"get","relative_path":"/workspaces"}])"))
                .isEmpty());
        QCOMPARE(m_model->rowCount(), 10);
        QVERIFY(m_window
                    ->pasteActions(
                        QStringLiteral(R"({"method":"delete","relative_path":"/tasks/1401"})"))
                    .isEmpty());
        QCOMPARE(m_model->rowCount(), 11);
    }

    void refusesTextThatIsNotActions()
    {
        const QString error = m_window->pasteActions(QStringLiteral("{\"data\": [1, 2"));
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("line 1")), qPrintable(error));
        QVERIFY(!m_window->pasteActions(QStringLiteral("hello")).isEmpty());
        QCOMPARE(m_model->rowCount(), 8);
        QVERIFY(!m_window->document()->isModified());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
};

QTEST_MAIN(TestPasteActions)
#include "tst_pasteactions.moc"
