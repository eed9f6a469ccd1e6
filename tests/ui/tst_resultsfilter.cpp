// The results filter ("Show: failures only") belongs to the run it was set on: opening another
// session, clearing or opening results set it back to all rows; while it is on, a banner above
// both tables says how many rows it hides and turns it off with one click; a table it empties
// says why. Driven through the real combo box, banner button and link, against the sandbox.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "results/resultspane.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Tenfold;

class TestResultsFilter : public QObject
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
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_pane = m_window->resultsPane();
        m_banner = m_window->findChild<QWidget *>(QStringLiteral("resultsFilterBanner"));
        QVERIFY(m_banner);
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

    void openingAnotherSessionShowsAllOfIt()
    {
        sendOneFailureAndOneSuccess();
        chooseFilter(QStringLiteral("Failures only"));
        QVERIFY(m_window->actionTable()->isRowHidden(0));
        QVERIFY(!m_window->actionTable()->isRowHidden(1));
        QVERIFY(m_banner->isVisible());
        const QString banner = bannerText();
        QVERIFY2(banner.contains(QStringLiteral("failures only")) &&
                     banner.contains(QStringLiteral("1 of 2 rows hidden")),
                 qPrintable(banner));

        // The step: another session opens with every action in sight.
        QVERIFY(m_window->openFile(TestSupport::sample("getting-started.tenfold.json")).isEmpty());
        const int rows = m_window->document()->actions()->rowCount();
        QVERIFY(rows > 2);
        QTRY_VERIFY(!m_pane->isFiltering());
        for (int row = 0; row < rows; ++row)
            QVERIFY2(!m_window->actionTable()->isRowHidden(row), qPrintable(QString::number(row)));
        QCOMPARE(m_pane->filter(), ResultsModel::Filter::All);
        QCOMPARE(filterCombo()->currentText(), QStringLiteral("All results"));
        QVERIFY(!m_banner->isVisible());
    }

    void theBannerCountsHiddenRowsAndTurnsTheFilterOff()
    {
        sendOneFailureAndOneSuccess();
        chooseFilter(QStringLiteral("Failures only"));
        QCOMPARE(m_pane->hiddenCount(), 1);
        auto *showAll = m_banner->findChild<QToolButton *>(QStringLiteral("showAllResults"));
        QVERIFY(showAll && showAll->isVisible());
        QTest::mouseClick(showAll, Qt::LeftButton);
        QTRY_VERIFY(!m_pane->isFiltering());
        QCOMPARE(m_pane->filter(), ResultsModel::Filter::All);
        QVERIFY(!m_window->actionTable()->isRowHidden(0));
        QVERIFY(!m_banner->isVisible());

        // An action added under a filter stays in sight (it has no result to filter by).
        chooseFilter(QStringLiteral("Failures only"));
        QTest::keyClick(m_window->actionTable(), Qt::Key_Insert);
        const int added = m_window->document()->actions()->rowCount() - 1;
        QVERIFY(!m_window->actionTable()->isRowHidden(added));
        QVERIFY2(bannerText().contains(QStringLiteral("1 of 3 rows hidden")),
                 qPrintable(bannerText()));

        // Clearing the results ends the filter too.
        auto *clear = m_pane->findChild<QToolButton *>(QStringLiteral("clearResults"));
        QTest::mouseClick(clear, Qt::LeftButton);
        QTRY_VERIFY(!m_pane->isFiltering());
        QCOMPARE(m_pane->filter(), ResultsModel::Filter::All);
        QVERIFY(!m_window->actionTable()->isRowHidden(0));
    }

    void aTableTheFilterEmptiesSaysWhy()
    {
        load({Action(QStringLiteral("get"), QStringLiteral("/users/me")),
              Action(QStringLiteral("get"), QStringLiteral("/tasks/1401"))});
        sendAndWait();
        chooseFilter(QStringLiteral("Failures only")); // nothing failed: every row hides
        auto *actionsNotice =
            m_window->actionTable()->findChild<QLabel *>(QStringLiteral("actionsEmptyNotice"));
        auto *resultsNotice =
            m_pane->view()->findChild<QLabel *>(QStringLiteral("resultsEmptyNotice"));
        QVERIFY(actionsNotice && resultsNotice);
        QVERIFY(actionsNotice->isVisible());
        QVERIFY(resultsNotice->isVisible());
        QVERIFY2(actionsNotice->text().contains(QStringLiteral("No failed results")) &&
                     actionsNotice->text().contains(QStringLiteral("hides all 2 rows")),
                 qPrintable(actionsNotice->text()));
        // Its link brings the rows back.
        emit actionsNotice->linkActivated(QStringLiteral("all"));
        QTRY_VERIFY(!m_pane->isFiltering());
        QVERIFY(!m_window->actionTable()->isRowHidden(0));
        QVERIFY(!actionsNotice->isVisible());
        QVERIFY(!resultsNotice->isVisible());
    }

    void aNewSendStartsWithAllRows()
    {
        sendOneFailureAndOneSuccess();
        chooseFilter(QStringLiteral("Failures only"));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendFailedAction()->trigger();
        QVERIFY(m_window->isSending());
        QCOMPARE(m_pane->filter(), ResultsModel::Filter::All);
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY(!m_pane->isFiltering());
        QVERIFY(!m_window->actionTable()->isRowHidden(1));
    }

private:
    void load(const QList<Action> &actions)
    {
        Session session;
        session.name = QStringLiteral("QA");
        session.actions = actions;
        m_window->document()->load(session, {});
    }

    void sendAndWait()
    {
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(finished.wait(20000));
    }

    void sendOneFailureAndOneSuccess()
    {
        load({Action(QStringLiteral("get"), QStringLiteral("/users/me")),
              Action(QStringLiteral("get"), QStringLiteral("/tasks/999999"))});
        sendAndWait();
        QCOMPARE(m_window->results()->entry(1).result.state, ActionState::Failed);
        QCOMPARE(m_window->results()->entry(0).result.state, ActionState::Succeeded);
    }

    QComboBox *filterCombo() const
    {
        return m_pane->findChild<QComboBox *>(QStringLiteral("resultsFilter"));
    }

    /// Picks a filter with the keyboard, as a user would, and waits until it is applied.
    void chooseFilter(const QString &text)
    {
        QComboBox *combo = filterCombo();
        QVERIFY(combo && combo->isVisible());
        combo->setFocus();
        const int wanted = combo->findText(text);
        QVERIFY(wanted >= 0);
        while (combo->currentIndex() < wanted)
            QTest::keyClick(combo, Qt::Key_Down);
        while (combo->currentIndex() > wanted)
            QTest::keyClick(combo, Qt::Key_Up);
        QTRY_VERIFY(!m_pane->isFiltering());
        QCOMPARE(m_pane->filter(), ResultsModel::Filter(combo->currentData().toInt()));
    }

    QString bannerText() const
    {
        return m_banner->findChild<QLabel *>(QStringLiteral("resultsFilterText"))->text();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ResultsPane *m_pane = nullptr;
    QWidget *m_banner = nullptr;
};

QTEST_MAIN(TestResultsFilter)
#include "tst_resultsfilter.moc"
