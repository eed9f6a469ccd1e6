// A run's answers and the rows they belong to, through the real window: both detail panes show
// the same action whichever table the user clicks or types in; Open Results puts each result on
// the action that was sent, whatever its position now, and says how many matched; and Send Failed
// Again keeps each row's history (tries add up, batches are numbered on, the detail lists every
// send).
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "mainwindow/mainwindow.h"
#include "results/resultdetailview.h"
#include "results/resultsmodel.h"
#include "results/resultspane.h"
#include "sending/batchsender.h"
#include "sending/resultsfile.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "uitestsupport.h"

#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Tenfold;

namespace {

Action get(const QString &path)
{
    return Action(QStringLiteral("get"), path);
}

Action readTask(int i)
{
    return get(QStringLiteral("/tasks/%1").arg(1401 + i));
}

} // namespace

class TestMainWindowRuns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        MessageBox::takeShownTexts();
        m_window = std::make_unique<MainWindow>();
        m_window->setTokenStore(std::make_unique<MemoryTokenStore>());
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        if (m_window) {
            m_window->cancelSend();
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
    }

    // --- One current row ------------------------------------------------------------------

    void bothDetailPanesShowTheSameAction()
    {
        QList<Action> actions;
        for (int i = 0; i < 40; ++i)
            actions.append(readTask(i));
        load(actions);
        sendAndWait();
        ActionTableView *table = m_window->actionTable();
        QTableView *results = m_window->resultsPane()->view();

        // Row 9 selected, then Ctrl+End takes the current cell to the last row without selecting
        // it (how a user reaches the end of a long run): both panes still show one action.
        clickResult(9);
        expectBothShow(9);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(table->currentIndex().row(), 39);
        expectBothShow(9);

        // Clicks in the results table: the last row, then row 9 again.
        clickResult(39);
        expectBothShow(39);
        clickResult(9);
        expectBothShow(9);

        // Keys in the results table move both.
        QTest::keyClick(results, Qt::Key_Down);
        expectBothShow(10);
        QTest::keyClick(results, Qt::Key_Up);
        QTest::keyClick(results, Qt::Key_Up);
        expectBothShow(8);

        // Keys in the action table move both.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down);
        expectBothShow(9);
        // Ctrl+Down moves the current cell but not the selection: still one row everywhere.
        QTest::keyClick(table, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(m_window->resultsPane()->detail()->row(), m_window->detailEditor()->row());

        // A click in the action table.
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {},
            table->visualRect(table->model()->index(12, ActionTableModel::PathColumn)).center());
        expectBothShow(12);

        // Several rows: neither pane picks one of them.
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, Qt::ShiftModifier,
            table->visualRect(table->model()->index(14, ActionTableModel::PathColumn)).center());
        QCOMPARE(m_window->detailEditor()->row(), -1);
        QCOMPARE(m_window->resultsPane()->detail()->row(), -1);
    }

    // --- Open Results matches by what was sent ----------------------------------------------

    void openResultsMatchesByWhatWasSent()
    {
        QList<Action> actions;
        for (int i = 0; i < 20; ++i)
            actions.append(i == 7 || i == 15 ? get(QStringLiteral("/users/me")) : readTask(i));
        actions[3] = get(QStringLiteral("/tasks/999999")); // a 404 to tell results apart
        load(actions);
        sendAndWait();
        const QString file = m_dir.filePath(QStringLiteral("twenty.results.json"));
        QVERIFY(m_window->exportResults(file).isEmpty());
        m_window->results()->clear();

        // A user inserts one action after row 4 (Insert; Escape leaves its path to fill in).
        m_window->actionTable()->selectRows({4});
        m_window->actionTable()->setFocus();
        QTest::keyClick(m_window->actionTable(), Qt::Key_Insert);
        QTRY_VERIFY(QApplication::focusWidget() != m_window->actionTable());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(m_window->document()->actions()->rowCount(), 21);
        QCOMPARE(m_window->document()->actions()->action(6).relativePath,
                 actions.at(5).relativePath);

        openResultsWithTheButton(file);
        ResultsModel *results = m_window->results();
        QVERIFY(!results->hasResult(5)); // the new action was never sent
        for (int row = 0; row < 21; ++row) {
            if (row == 5)
                continue;
            QVERIFY2(results->hasResult(row), qPrintable(QString::number(row)));
            QCOMPARE(results->entry(row).sent.relativePath,
                     m_window->document()->actions()->action(row).relativePath);
            QVERIFY(!results->entry(row).stale);
        }
        QCOMPARE(results->entry(3).result.statusCode, 404);
        QCOMPARE(results->entry(4).result.statusCode, 200);
        const QString said = m_window->statusBar()->currentMessage();
        QVERIFY2(said.contains(QStringLiteral("all 20 results")) &&
                     said.contains(QStringLiteral("1 action is without a result")),
                 qPrintable(said));
        QVERIFY(MessageBox::takeShownTexts().isEmpty());
    }

    void openResultsLeavesOutWhatNoLongerMatches()
    {
        load({readTask(0), get(QStringLiteral("/users/me")), readTask(2),
              get(QStringLiteral("/users/me"))});
        sendAndWait();
        const QString file = m_dir.filePath(QStringLiteral("four.results.json"));
        QVERIFY(m_window->exportResults(file).isEmpty());

        // Moved, edited and one of two equal actions removed since the results were written.
        m_window->document()->actions()->moveRows({2}, 0);
        m_window->document()->actions()->editField(1, ActionTableModel::PathColumn,
                                                   QStringLiteral("/tasks/1499"));
        m_window->document()->actions()->removeActionRows({3}); // the second /users/me
        // Now: /tasks/1403, /tasks/1499 (edited), /users/me
        MessageBox::takeShownTexts();
        openResultsWithTheButton(file);
        ResultsModel *results = m_window->results();
        QVERIFY(results->hasResult(0));
        QCOMPARE(results->entry(0).sent.relativePath, QStringLiteral("/tasks/1403"));
        QVERIFY(!results->hasResult(1));
        QVERIFY(results->hasResult(2));
        QCOMPARE(results->entry(2).sent.relativePath, QStringLiteral("/users/me"));
        // Said in a dialog: results were left out.
        const QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QStringLiteral("2 of 4 results")) &&
                     shown.contains(QStringLiteral("2 results are not shown")) &&
                     shown.contains(QStringLiteral("1 action is without a result")),
                 qPrintable(shown));
    }

    // --- Send Failed Again keeps each row's history -----------------------------------------

    void sendFailedAgainKeepsEachRowsSends()
    {
        load({readTask(0), get(QStringLiteral("/tasks/999999")), readTask(2)});
        sendAndWait();
        ResultsModel *results = m_window->results();
        QCOMPARE(results->entry(1).result.state, ActionState::Failed);
        QCOMPARE(cell(1, ResultsModel::BatchColumn), QStringLiteral("1"));
        QCOMPARE(cell(1, ResultsModel::AttemptsColumn), QStringLiteral("1"));

        // Ctrl+Shift+Return (reads only: nothing to confirm).
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_window->isSending());
        QVERIFY(finished.wait(20000));

        // The resent row went in the run's second batch and was sent twice.
        QCOMPARE(results->entry(1).result.state, ActionState::Failed);
        QCOMPARE(cell(1, ResultsModel::BatchColumn), QStringLiteral("2"));
        QCOMPARE(cell(1, ResultsModel::AttemptsColumn), QStringLiteral("2"));
        QCOMPARE(results->entry(1).sends.size(), 2);
        QCOMPARE(results->entry(1).sends.at(0).batch, 1);
        QCOMPARE(results->entry(1).sends.at(1).batch, 2);
        // The others were not resent: their history stands.
        QCOMPARE(cell(0, ResultsModel::BatchColumn), QStringLiteral("1"));
        QCOMPARE(cell(0, ResultsModel::AttemptsColumn), QStringLiteral("1"));

        // The detail lists both sends.
        m_window->actionTable()->selectRows({1});
        auto *sends =
            m_window->resultsPane()->detail()->findChild<QLabel *>(QStringLiteral("resultSends"));
        QVERIFY(sends);
        QVERIFY(sends->isVisible());
        QVERIFY2(sends->text().contains(QStringLiteral("Sent 2 times")) &&
                     sends->text().contains(QStringLiteral("batch 1")) &&
                     sends->text().contains(QStringLiteral("batch 2")),
                 qPrintable(sends->text()));

        // What is saved is what the rows show: both batches, the row's total tries.
        const QString file = m_dir.filePath(QStringLiteral("resent.results.json"));
        QVERIFY(m_window->exportResults(file).isEmpty());
        Result<SendRun> saved = loadResults(file);
        QVERIFY(saved);
        QCOMPARE(saved->batches.size(), 2);
        QCOMPARE(saved->batches.at(1).number, 2);
        QCOMPARE(saved->batches.at(1).actionIndexes, QList<int>{1});
        QCOMPARE(saved->results.at(1).batch, 2);
        QCOMPARE(saved->results.at(1).attempts, 2);
        QCOMPARE(saved->results.at(0).batch, 1);

        // A new Send starts a new run.
        sendAndWait();
        QCOMPARE(cell(1, ResultsModel::BatchColumn), QStringLiteral("1"));
        QCOMPARE(cell(1, ResultsModel::AttemptsColumn), QStringLiteral("1"));
        QCOMPARE(results->entry(1).sends.size(), 1);
    }

private:
    void load(const QList<Action> &actions)
    {
        Session session;
        session.name = QStringLiteral("runs");
        session.actions = actions;
        m_window->document()->load(session, {});
    }

    void sendAndWait()
    {
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(finished.wait(20000));
    }

    QString cell(int row, int column) const
    {
        return m_window->results()
            ->data(m_window->results()->index(row, column), Qt::DisplayRole)
            .toString();
    }

    void expectBothShow(int row)
    {
        QCOMPARE(m_window->detailEditor()->row(), row);
        QCOMPARE(m_window->resultsPane()->detail()->row(), row);
        auto *title =
            m_window->resultsPane()->detail()->findChild<QLabel *>(QStringLiteral("resultTitle"));
        QVERIFY2(title->text().contains(QStringLiteral("Action %1<").arg(row + 1)),
                 qPrintable(title->text()));
    }

    void clickResult(int row)
    {
        QTableView *results = m_window->resultsPane()->view();
        const QModelIndex index = results->model()->index(row, ResultsModel::StatusColumn);
        results->scrollTo(index);
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {},
                          results->visualRect(index).center());
    }

    void openResultsWithTheButton(const QString &file)
    {
        auto *open =
            m_window->resultsPane()->findChild<QToolButton *>(QStringLiteral("openResults"));
        QVERIFY(open);
        FileDialog::setNextFileName(file);
        QTest::mouseClick(open, Qt::LeftButton);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindowRuns)
#include "tst_mainwindowruns.moc"
