// Choosing a path from the catalog's completion popup, the way a person does (keys in the popup,
// a mouse click on a line), in Details > Path and in the table's path cell: the pick reaches the
// action (table, Problems list, what is sent), sets the method of the line chosen and selects
// the first {placeholder} for typing. Paste and drop go through the same edit.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "actiontable/endpointcompleter.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "mainwindow/mainwindow.h"
#include "uitestsupport.h"
#include "validation/validationcache.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDropEvent>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

namespace {

bool isLine(const QModelIndex &index, const QString &method, const QString &path)
{
    return index.data(EndpointCompleter::MethodRole)
                   .toString()
                   .compare(method, Qt::CaseInsensitive) == 0 &&
           index.data(EndpointCompleter::PathRole).toString() == path;
}

/// Presses Down in the open popup until the line `method path` is highlighted.
bool highlightWithKeys(PathLineEdit *edit, const QString &method, const QString &path)
{
    QAbstractItemView *popup = edit->endpointCompleter()->popup();
    if (!popup->isVisible())
        return false;
    for (int presses = 0; presses < 60; ++presses) {
        QTest::keyClick(popup, Qt::Key_Down);
        if (isLine(popup->currentIndex(), method, path))
            return true;
    }
    return false;
}

/// The popup's row showing `method path`, scrolled into view.
QModelIndex lineInPopup(PathLineEdit *edit, const QString &method, const QString &path)
{
    QAbstractItemView *popup = edit->endpointCompleter()->popup();
    QAbstractItemModel *model = popup->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (isLine(index, method, path)) {
            popup->scrollTo(index);
            return index;
        }
    }
    return {};
}

} // namespace

class TestPathCompletion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":""},)"
                                              R"({"method":"get","relative_path":""}])"));
        m_model = m_window->document()->actions();
        m_stack = m_window->document()->undoStack();
        m_stack->clear();
    }

    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::Discard);
        m_window->close();
        m_window.reset();
    }

    void downAndReturnInDetailsReachesTheAction()
    {
        m_window->actionTable()->selectRows({0});
        PathLineEdit *path = m_window->detailEditor()->pathEdit();
        path->setFocus();
        QTest::keyClicks(path, QStringLiteral("stories"));
        QTRY_VERIFY(path->endpointCompleter()->popup()->isVisible());
        m_window->validation()->flush();
        QVERIFY(hasPathProblem(0)); // "stories" is no path

        const QString chosen = QStringLiteral("/tasks/{task_gid}/stories");
        QVERIFY(highlightWithKeys(path, QStringLiteral("GET"), chosen));
        QTest::keyClick(path->endpointCompleter()->popup(), Qt::Key_Return);
        QTRY_VERIFY(!path->endpointCompleter()->popup()->isVisible());
        QCOMPARE(path->text(), chosen);
        QCOMPARE(m_model->action(0).relativePath, chosen);
        QCOMPARE(path->selectedText(), QStringLiteral("{task_gid}"));

        // The selected placeholder takes the next keystrokes; Tab leaves the field.
        QTest::keyClicks(path, QStringLiteral("1401"));
        QTest::keyClick(path, Qt::Key_Tab);
        QCOMPARE(m_model->action(0).relativePath, QStringLiteral("/tasks/1401/stories"));
        QCOMPARE(m_model->index(0, ActionTableModel::PathColumn).data().toString(),
                 QStringLiteral("/tasks/1401/stories"));
        m_window->validation()->flush();
        QVERIFY(!hasPathProblem(0));

        // Typing, highlighting and picking were one edit of the path.
        m_stack->undo();
        QCOMPARE(m_model->action(0).relativePath, QString());
        QCOMPARE(path->text(), QString());
    }

    void aMouseClickInDetailsSetsPathAndMethod()
    {
        m_window->actionTable()->selectRows({1});
        PathLineEdit *path = m_window->detailEditor()->pathEdit();
        path->setFocus();
        QTest::keyClicks(path, QStringLiteral("stories"));
        QTRY_VERIFY(path->endpointCompleter()->popup()->isVisible());
        const QString chosen = QStringLiteral("/tasks/{task_gid}/stories");
        const QModelIndex line = lineInPopup(path, QStringLiteral("POST"), chosen);
        QVERIFY(line.isValid());
        QAbstractItemView *popup = path->endpointCompleter()->popup();
        QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, popup->visualRect(line).center());
        QTRY_COMPARE(m_model->action(1).relativePath, chosen);
        QTRY_COMPARE(m_model->action(1).method, QStringLiteral("post"));
        QTRY_COMPARE(path->selectedText(), QStringLiteral("{task_gid}"));
        auto *method =
            m_window->detailEditor()->findChild<QComboBox *>(QStringLiteral("detailMethod"));
        QCOMPARE(method->currentText(), QStringLiteral("POST"));
        QTest::keyClicks(path, QStringLiteral("1401"));
        QCOMPARE(m_model->action(1).relativePath, QStringLiteral("/tasks/1401/stories"));
        // Undo takes back the placeholder's typing, then the method, then the path.
        m_stack->undo();
        QCOMPARE(m_model->action(1).relativePath, chosen);
        m_stack->undo();
        QCOMPARE(m_model->action(1).method, QStringLiteral("get"));
        m_stack->undo();
        QCOMPARE(m_model->action(1).relativePath, QString());
    }

    void pasteAndDropInDetailsAreEditsToo()
    {
        m_window->actionTable()->selectRows({0});
        PathLineEdit *path = m_window->detailEditor()->pathEdit();
        path->setFocus();
        QApplication::clipboard()->setText(QStringLiteral("/projects/1201"));
        QTest::keySequence(path, QKeySequence::Paste);
        QCOMPARE(m_model->action(0).relativePath, QStringLiteral("/projects/1201"));

        path->selectAll();
        QMimeData mime;
        mime.setText(QStringLiteral("/workspaces/1001"));
        const QPointF at(4, path->height() / 2.0);
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(path, &enter);
        QDragMoveEvent move(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(path, &move);
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(path, &drop);
        QVERIFY2(path->text().contains(QStringLiteral("/workspaces/1001")),
                 qPrintable(path->text()));
        QCOMPARE(m_model->action(0).relativePath, path->text());
    }

    void downAndReturnInTheTableCellSetsPathAndMethod()
    {
        ActionTableView *table = m_window->actionTable();
        const QModelIndex cell = m_model->index(0, ActionTableModel::PathColumn);
        table->setCurrentIndex(cell);
        table->edit(cell);
        auto *edit = table->viewport()->findChild<PathLineEdit *>(QStringLiteral("pathEditor"));
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("stories"));
        QTRY_VERIFY(edit->endpointCompleter()->popup()->isVisible());
        const QString chosen = QStringLiteral("/tasks/{task_gid}/stories");
        QVERIFY(highlightWithKeys(edit, QStringLiteral("POST"), chosen));
        QTest::keyClick(edit->endpointCompleter()->popup(), Qt::Key_Return);
        QTRY_VERIFY(!edit->endpointCompleter()->popup()->isVisible());
        QCOMPARE(edit->text(), chosen);
        QCOMPARE(edit->selectedText(), QStringLiteral("{task_gid}"));
        QTest::keyClicks(edit, QStringLiteral("1401"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(m_model->action(0).relativePath, QStringLiteral("/tasks/1401/stories"));
        QCOMPARE(m_model->action(0).method, QStringLiteral("post"));
        m_stack->undo(); // one step: method and path together
        QCOMPARE(m_model->action(0).method, QStringLiteral("get"));
        QCOMPARE(m_model->action(0).relativePath, QString());
    }

    void aMouseClickInTheTableCellSetsPathAndMethod()
    {
        ActionTableView *table = m_window->actionTable();
        const QModelIndex cell = m_model->index(1, ActionTableModel::PathColumn);
        table->setCurrentIndex(cell);
        table->edit(cell);
        auto *edit = table->viewport()->findChild<PathLineEdit *>(QStringLiteral("pathEditor"));
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("stories"));
        QTRY_VERIFY(edit->endpointCompleter()->popup()->isVisible());
        const QString chosen = QStringLiteral("/stories/{story_gid}");
        const QModelIndex line = lineInPopup(edit, QStringLiteral("DELETE"), chosen);
        QVERIFY(line.isValid());
        QAbstractItemView *popup = edit->endpointCompleter()->popup();
        QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, popup->visualRect(line).center());
        QTRY_COMPARE(edit->selectedText(), QStringLiteral("{story_gid}"));
        QTest::keyClicks(edit, QStringLiteral("42"));
        QTest::keyClick(edit, Qt::Key_Tab);
        QTRY_COMPARE(m_model->action(1).relativePath, QStringLiteral("/stories/42"));
        QCOMPARE(m_model->action(1).method, QStringLiteral("delete"));
    }

private:
    bool hasPathProblem(int row) const
    {
        const QList<Diagnostic> found = m_window->validation()->diagnostics(row);
        return std::any_of(found.begin(), found.end(), [](const Diagnostic &d) {
            return d.field == QLatin1String("relative_path");
        });
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
    QUndoStack *m_stack = nullptr;
};

QTEST_MAIN(TestPathCompletion)
#include "tst_pathcompletion.moc"
