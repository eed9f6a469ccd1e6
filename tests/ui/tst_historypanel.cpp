// The History dock as a QA user drives it: the window records each finished send (unless the
// setting is off), runs list newest first with filters and search, a run opens into the
// results pane like a kept results file (stale marks included), two runs compare side by side,
// runs are deleted; the models run under QAbstractItemModelTester and fetch on demand.
#include "actiontable/actiontablemodel.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "history/comparedialog.h"
#include "history/comparemodel.h"
#include "history/historypanel.h"
#include "history/historyrunsmodel.h"
#include "history/historystore.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "uitestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Tenfold;

namespace {

Action createTask(const QString &name)
{
    Action action(QStringLiteral("post"), QStringLiteral("/tasks"));
    action.data = QJsonObject{{QStringLiteral("name"), name},
                              {QStringLiteral("workspace"), QStringLiteral("1001")}};
    return action;
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TestSupport::isolate(m_dir);
        m_session = m_dir.filePath(QStringLiteral("qa.tenfold.json"));
    }

    void init()
    {
        MessageBox::takeShownTexts();
        HistoryPanel::setRecordingEnabled(true);
        m_window = std::make_unique<MainWindow>();
        m_window->setTokenStore(std::make_unique<MemoryTokenStore>());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_panel = m_window->historyPanel();
        QVERIFY(m_panel);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        if (m_window) {
            m_window->cancelSend();
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
        HistoryStore store(HistoryStore::defaultPath());
        QList<qint64> ids;
        const QList<RunRecord> all = store.list().value();
        for (const RunRecord &record : all)
            ids.append(record.id);
        QVERIFY(!store.remove(ids));
    }

    void runMenuShowsTheDock()
    {
        QAction *toggle = m_panel->toggleAction();
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_H));
        bool inRunMenu = false;
        for (QAction *menu : m_window->menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(toggle))
                inRunMenu = menu->text().contains(QLatin1String("Run"));
        }
        QVERIFY(inRunMenu);
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        toggle->trigger();
        QTRY_VERIFY(dock->isVisible());
    }

    void windowRecordsEachFinishedSend()
    {
        load({createTask(QStringLiteral("first")), get(QStringLiteral("/tasks/1401"))});
        sendAndRecord();
        QCOMPARE(m_panel->model()->rowCount(), 1);
        const RunRecord first = m_panel->model()->record(0);
        QCOMPARE(first.source, QStringLiteral("window"));
        QCOMPARE(first.sessionPath, m_session);
        QCOMPARE(first.sessionName, QStringLiteral("QA"));
        QCOMPARE(first.outcome, RunOutcome::Succeeded);
        QCOMPARE(first.actionCount, 2);
        sendAndRecord();
        QCOMPARE(m_panel->model()->rowCount(), 2);
        QVERIFY(m_panel->model()->record(0).id > first.id); // newest first
        // What the window recorded is the results it shows.
        HistoryStore store(HistoryStore::defaultPath());
        Result<SendRun> recorded = store.results(m_panel->model()->record(0).id);
        QVERIFY(recorded);
        QCOMPARE(recorded->results.at(0).statusCode, 201);
        QCOMPARE(recorded->results.at(1).statusCode,
                 m_window->results()->entry(1).result.statusCode);
    }

    void settingTurnsRecordingOff()
    {
        load({get(QStringLiteral("/tasks/1401"))});
        sendAndRecord();
        QCOMPARE(m_panel->model()->rowCount(), 1);
        m_panel->recordBox()->click();
        QVERIFY(!HistoryPanel::recordingEnabled());
        QSignalSpy recorded(m_panel, &HistoryPanel::recordFinished);
        {
            QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
            m_window->sendAction()->trigger();
            QVERIFY(finished.wait(20000));
        }
        m_panel->recordBox()->click();
        QVERIFY(HistoryPanel::recordingEnabled());
        // Records are written one after another: had the second send been recorded, it would
        // come before this one.
        sendAndRecord();
        QCOMPARE(recorded.count(), 1);
        QCOMPARE(m_panel->model()->rowCount(), 2);
    }

    void openRunIntoResultsPaneWithStaleMarks()
    {
        load({get(QStringLiteral("/tasks/1401")), get(QStringLiteral("/tasks/999999"))});
        sendAndRecord();
        // Start over: no results on screen; then change the second action.
        load({get(QStringLiteral("/tasks/1401")), get(QStringLiteral("/tasks/1402"))});
        QVERIFY(!m_window->results()->entry(0).present);
        m_panel->view()->selectRow(0);
        m_panel->findChild<QPushButton *>(QStringLiteral("historyOpen"))->click();
        ResultsModel *results = m_window->results();
        QTRY_VERIFY(results->entry(0).present);
        QCOMPARE(results->entry(0).result.statusCode, 200);
        QCOMPARE(results->entry(1).result.statusCode, 404);
        QVERIFY(!results->entry(0).stale);
        QVERIFY(results->entry(1).stale); // /tasks/1402 is not what was sent
    }

    void filtersAndSearch()
    {
        load({createTask(QStringLiteral("a"))});
        sendAndRecord();
        load({get(QStringLiteral("/tasks/999999"))}, m_dir.filePath(QStringLiteral("other.json")));
        sendAndRecord();
        HistoryRunsModel *model = m_panel->model();
        QCOMPARE(model->rowCount(), 2);

        QComboBox *session = m_panel->sessionFilter();
        QCOMPARE(session->count(), 3); // all + two files
        session->setCurrentIndex(session->findData(m_session));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->record(0).sessionPath, m_session);
        session->setCurrentIndex(0);
        QCOMPARE(model->rowCount(), 2);

        QComboBox *outcome = m_panel->outcomeFilter();
        outcome->setCurrentIndex(outcome->findData(QStringLiteral("failed")));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->record(0).outcome, RunOutcome::Failed);
        outcome->setCurrentIndex(0);

        QComboBox *date = m_panel->dateFilter();
        date->setCurrentIndex(date->findData(1));
        QCOMPARE(model->rowCount(), 2); // both ran today
        date->setCurrentIndex(0);

        QTest::keyClicks(m_panel->searchField(), QStringLiteral("post /tasks"));
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->record(0).sessionPath, m_session);
        m_panel->searchField()->clear();
        QTRY_COMPARE(model->rowCount(), 2);

        QComboBox *target = m_panel->targetFilter();
        QCOMPARE(target->count(), 2); // all + the one sandbox
        target->setCurrentIndex(1);
        QCOMPARE(model->rowCount(), 2);
    }

    void compareTwoRunsSideBySide()
    {
        load({createTask(QStringLiteral("same")), get(QStringLiteral("/tasks/1401"))});
        sendAndRecord();
        load({createTask(QStringLiteral("same")), get(QStringLiteral("/tasks/999999"))});
        sendAndRecord();
        m_panel->view()->selectionModel()->select(
            m_panel->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_panel->view()->selectionModel()->select(
            m_panel->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        auto *compare = m_panel->findChild<QPushButton *>(QStringLiteral("historyCompare"));
        QVERIFY(compare->isEnabled());
        compare->click();
        CompareDialog *dialog = m_panel->lastCompareDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        CompareModel *model = dialog->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 2);
        // Changed first: the read that now fails, although it is the second action.
        QCOMPARE(model->action(0).match, ActionComparison::Match::Changed);
        QCOMPARE(model->action(0).relativePath, QStringLiteral("/tasks/1401"));
        QVERIFY(model->data(model->index(0, CompareModel::WhatColumn))
                    .toString()
                    .contains(QLatin1String("differences")));
        QCOMPARE(model->data(model->index(0, CompareModel::AColumn)).toString(),
                 QStringLiteral("succeeded [200]"));
        QCOMPARE(model->data(model->index(0, CompareModel::BColumn)).toString(),
                 QStringLiteral("failed [404]"));
        QVERIFY(dialog->view()->isExpanded(model->index(0, 0)));
        const QModelIndex parent = model->index(0, 0);
        QStringList paths;
        for (int row = 0; row < model->rowCount(parent); ++row)
            paths.append(
                model->data(model->index(row, CompareModel::WhatColumn, parent)).toString());
        QVERIFY2(paths.contains(QStringLiteral("status_code")), qPrintable(paths.join(u',')));
        QVERIFY(paths.contains(QStringLiteral("request.relative_path")));
        // The created task compares equal: its new gid is ignored...
        QCOMPARE(model->action(1).match, ActionComparison::Match::Same);
        QVERIFY(dialog->summaryLabel()->text().contains(QLatin1String("1 of 2 actions changed")));
        // ...unless all fields are compared.
        dialog->allFieldsBox()->click();
        QCOMPARE(model->comparison().changed, 2);
        dialog->close();
    }

    void compareWithTheResultsOnScreen()
    {
        load({get(QStringLiteral("/tasks/1401"))});
        sendAndRecord();
        m_panel->view()->selectRow(0);
        m_panel->findChild<QPushButton *>(QStringLiteral("historyCompareScreen"))->click();
        CompareDialog *dialog = m_panel->lastCompareDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->model()->comparison().equal());
        dialog->close();
    }

    void deleteRuns()
    {
        load({get(QStringLiteral("/tasks/1401"))});
        sendAndRecord();
        sendAndRecord();
        QCOMPARE(m_panel->model()->rowCount(), 2);
        const qint64 kept = m_panel->model()->record(1).id;
        m_panel->view()->selectRow(0);
        auto *remove = m_panel->findChild<QPushButton *>(QStringLiteral("historyDelete"));
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        remove->click();
        QCOMPARE(m_panel->model()->rowCount(), 2);
        m_panel->view()->selectRow(0);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        remove->click();
        QCOMPARE(m_panel->model()->rowCount(), 1);
        QCOMPARE(m_panel->model()->record(0).id, kept);
    }

    void retentionFromThePanel()
    {
        load({get(QStringLiteral("/tasks/1401"))});
        for (int i = 0; i < 3; ++i)
            sendAndRecord();
        QSpinBox *keep = m_panel->keepRunsBox();
        keep->setFocus();
        keep->selectAll();
        QTest::keyClicks(keep, QStringLiteral("2"));
        QTest::keyClick(keep, Qt::Key_Return);
        QCOMPARE(m_panel->model()->rowCount(), 2);
        QCOMPARE(HistoryStore(HistoryStore::defaultPath()).retention().keepRuns, 2);
        keep->setValue(0);
        emit keep->editingFinished();
    }

    void runsOfTheCliShowUpAndFetchOnDemand()
    {
        // 1,000 runs recorded by another front end.
        {
            HistoryStore store(HistoryStore::defaultPath());
            QVERIFY(!store.setRetention({0, 0}));
            SendRun run;
            run.sessionName = QStringLiteral("from the CLI");
            run.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api/1.0"));
            run.startedAt = QDateTime::currentDateTimeUtc();
            run.reachedServer = true;
            for (int i = 0; i < 1000; ++i)
                QVERIFY(store.record(run, {QStringLiteral("/cli.json"), QStringLiteral("cli")}));
        }
        m_panel->toggleAction()->trigger(); // showing the dock reads the database again
        HistoryRunsModel *model = m_panel->model();
        QTRY_VERIFY(model->rowCount() > 0);
        // Pages as the view asks for them, never all 1,000 at once.
        QVERIFY2(model->rowCount() < 1000, qPrintable(QString::number(model->rowCount())));
        QCOMPARE(model->rowCount() % HistoryRunsModel::PageSize, 0);
        QVERIFY(model->canFetchMore({}));
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), 1000);
        QCOMPARE(model->record(0).source, QStringLiteral("cli"));
        QVERIFY(model->data(model->index(0, HistoryRunsModel::SessionColumn)).toString() ==
                QStringLiteral("from the CLI"));
    }

private:
    Action get(const QString &path) { return Action(QStringLiteral("get"), path); }

    void load(const QList<Action> &actions, const QString &path = {})
    {
        Session session;
        session.name = QStringLiteral("QA");
        session.actions = actions;
        m_window->document()->load(session, path.isEmpty() ? m_session : path);
    }

    void sendAndRecord()
    {
        QSignalSpy recorded(m_panel, &HistoryPanel::recordFinished);
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(finished.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, 20000);
        QVERIFY(recorded.at(0).at(0).toLongLong() > 0);
    }

    QTemporaryDir m_dir;
    QString m_session;
    std::unique_ptr<MainWindow> m_window;
    HistoryPanel *m_panel = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
