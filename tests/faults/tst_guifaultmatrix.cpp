// The fault matrix through the window: three batches go to the in-process sandbox one after the
// other and only the second meets the fault (switched on when it starts). Per fault kind: the
// right per-action states in the results pane, a clear message, every action still in the
// session, the other batches' results kept, and a batch holding writes never sent twice.
#include "actiontable/actiontablemodel.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "sending/tokenstore.h"
#include "uitestsupport.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Tenfold;

namespace {

Action readTask(int i)
{
    return Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i % 50));
}

Action createTask(int i)
{
    Action action(QStringLiteral("post"), QStringLiteral("/tasks"));
    action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("gui matrix %1").arg(i)},
                              {QStringLiteral("workspace"), QStringLiteral("1001")}};
    return action;
}

SandboxFaults only(const QString &kind)
{
    return SandboxFaults::parse(kind + QStringLiteral(":1")).value();
}

int statInt(const SandboxServer *sandbox, const char *key)
{
    return sandbox->stats().value(QLatin1String(key)).toInt();
}

} // namespace

class TestGuiFaultMatrix : public QObject
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

    void onlyTheFaultedBatchIsAffected_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("reasonSays");
        QTest::newRow("500") << "500"
                             << "500";
        QTest::newRow("drop") << "drop"
                              << "connection";
        QTest::newRow("slow") << "slow"
                              << "no answer within 400 ms";
        QTest::newRow("malformed") << "malformed"
                                   << "not JSON";
        QTest::newRow("truncate") << "truncate"
                                  << "cut off";
        QTest::newRow("mismatch") << "mismatch"
                                  << "9 results for 10 actions";
    }
    void onlyTheFaultedBatchIsAffected()
    {
        QFETCH(QString, fault);
        QFETCH(QString, reasonSays);
        SandboxOptions options;
        options.slowDelayMs = 1500;
        m_window->sendController()->setSandboxOptions(options);
        m_window->sendController()->setTimeoutMs(400);
        loadThreeBatches();
        faultSecondBatchOnly(only(fault), /*clearAfterFirstAttempt=*/false);

        sendAndWait();
        SandboxServer *sandbox = m_window->sendController()->sandbox();
        QVERIFY(sandbox);
        ResultsModel *results = m_window->results();
        QCOMPARE(m_window->document()->actions()->rowCount(), 30); // nothing lost from the session
        QCOMPARE(results->rowCount(), 30);
        for (int row = 0; row < 30; ++row) {
            QCOMPARE(m_window->document()->actions()->action(row).relativePath,
                     m_actions.at(row).relativePath);
            const ActionResult &result = results->entry(row).result;
            if (row >= 10 && row < 20) {
                QCOMPARE(result.state, ActionState::OutcomeUnknown);
                QCOMPARE(result.attempts, 1);
                // The row itself says what happened and that it was not resent.
                const QString summary =
                    results->data(results->index(row, ResultsModel::SummaryColumn)).toString();
                QVERIFY2(summary.contains(reasonSays), qPrintable(summary));
                QVERIFY2(summary.contains(QLatin1String("not sent again")), qPrintable(summary));
                QCOMPARE(results->data(results->index(row, ResultsModel::StateColumn)).toString(),
                         QStringLiteral("outcome unknown"));
            } else {
                QCOMPARE(result.state, ActionState::Succeeded); // unaffected batches keep theirs
            }
        }
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("20 succeeded, 0 failed, 10 outcome unknown")),
                 qPrintable(message));
        // The server saw each batch exactly once: the faulted one (it holds writes) was not resent.
        QCOMPARE(statInt(sandbox, "batches"), 3);
        QCOMPARE(statInt(sandbox, "requests"), 3);
        QCOMPARE(sandbox->stats().value(QLatin1String("faults")).toObject().value(fault).toInt(),
                 1);

        // Resending the unknown ones is the user's decision, and then they go through.
        QCOMPARE(results->unfinishedRows().size(), 10);
        QVERIFY(m_window->sendFailedAction()->isEnabled());
        sandbox->setFaults({});
        MessageBox::setNextAnswer(QMessageBox::Yes); // "these hold writes: send again?"
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendFailedAction()->trigger();
        QVERIFY(finished.wait(20000));
        for (int row = 0; row < 30; ++row)
            QCOMPARE(results->entry(row).result.state, ActionState::Succeeded);
        QCOMPARE(statInt(sandbox, "batches"), 4);
    }

    void aReadOnlyBatchIsRetriedAndRecovers()
    {
        m_window->sendController()->setTimeoutMs(400);
        m_actions.clear();
        for (int i = 0; i < 30; ++i)
            m_actions.append(i >= 10 && i < 20 ? readTask(i)
                                               : (i % 4 ? readTask(i) : createTask(i)));
        load(m_actions);
        faultSecondBatchOnly(only(QStringLiteral("500")), /*clearAfterFirstAttempt=*/true);
        sendAndWait();
        SandboxServer *sandbox = m_window->sendController()->sandbox();
        for (int row = 0; row < 30; ++row)
            QCOMPARE(m_window->results()->entry(row).result.state, ActionState::Succeeded);
        QCOMPARE(m_window->results()->entry(15).result.attempts, 2);
        QCOMPARE(statInt(sandbox, "batches"), 4); // the read batch went twice, nothing else did
    }

    void rateLimitedBySmallSandboxQuota()
    {
        SandboxOptions options;
        options.plan = Plan::parse(QStringLiteral("10/2")).value();
        m_window->sendController()->setSandboxOptions(options);
        loadThreeBatches();
        sendAndWait(40000);
        SandboxServer *sandbox = m_window->sendController()->sandbox();
        for (int row = 0; row < 30; ++row)
            QCOMPARE(m_window->results()->entry(row).result.state, ActionState::Succeeded);
        const SendRun &run = m_window->sendController()->sender()->run();
        QVERIFY(run.rateLimitedCount > 0);
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("30 succeeded, 0 failed")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("rate limit wait")), qPrintable(message));
        // A 429 means none of the batch ran: it is sent again, and each batch ran exactly once.
        QCOMPARE(statInt(sandbox, "batches"), 3);
        QCOMPARE(statInt(sandbox, "requests"), 3 + run.rateLimitedCount);
    }

private:
    void load(const QList<Action> &actions)
    {
        Session session;
        session.name = QStringLiteral("faults");
        session.actions = actions;
        // 10 requests per second and batches of 10: one batch at a time, a second apart, so the
        // fault switched on when batch 2 starts can only hit batch 2.
        session.plan = Plan::parse(QStringLiteral("10/1")).value();
        m_window->document()->load(session, {});
    }

    /// Three batches of ten, each with writes among reads.
    void loadThreeBatches()
    {
        m_actions.clear();
        for (int i = 0; i < 30; ++i)
            m_actions.append(i % 4 == 1 ? createTask(i) : readTask(i));
        load(m_actions);
    }

    void faultSecondBatchOnly(const SandboxFaults &faults, bool clearAfterFirstAttempt)
    {
        BatchSender *sender = m_window->sendController()->sender();
        SendController *controller = m_window->sendController();
        connect(sender, &BatchSender::batchStarted, m_window.get(),
                [controller, faults](int batch, int attempt) {
                    if (SandboxServer *sandbox = controller->sandbox())
                        sandbox->setFaults(batch == 2 && attempt == 1 ? faults : SandboxFaults{});
                });
        if (clearAfterFirstAttempt) {
            connect(sender, &BatchSender::batchFinished, m_window.get(), [controller](int batch) {
                if (SandboxServer *sandbox = controller->sandbox(); sandbox && batch == 2)
                    sandbox->setFaults({});
            });
        }
    }

    void sendAndWait(int timeoutMs = 20000)
    {
        QSignalSpy finished(m_window->sendController()->sender(), &BatchSender::finished);
        m_window->sendAction()->trigger();
        QVERIFY(finished.wait(timeoutMs));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QList<Action> m_actions;
};

QTEST_MAIN(TestGuiFaultMatrix)
#include "tst_guifaultmatrix.moc"
