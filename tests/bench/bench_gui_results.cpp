// Results pane benchmark (not a ctest test): 10,000 results (default) arriving one by one, then
// the failures filter and back to all, measuring the total time and the longest stall of the
// event loop (a 1 ms timer records the largest gap between its ticks).
//
//   ./build-release/tests/bench/bench_gui_results [ROWS]
//
// Run under Xvfb (xvfb-run -a) or QT_QPA_PLATFORM=offscreen; figures go in docs/PERFORMANCE.md.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "results/resultspane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

using namespace Tenfold;

namespace {

/// Longest gap between ticks of a 1 ms timer while `work` runs and the loop drains.
struct StallMeter
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;

    StallMeter()
    {
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
    }
    void start()
    {
        clock.start();
        last = 0;
        worst = 0;
        timer.start();
    }
    qint64 stop()
    {
        timer.stop();
        return std::max(worst, clock.elapsed() - last);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    MessageBox::suppressDialogs();
    const int rows = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;

    MainWindow window;
    window.resize(1360, 820);
    window.show();
    Session session;
    for (int i = 0; i < rows; ++i)
        session.actions.append(
            Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i % 50)));
    window.document()->load(session, {});
    QCoreApplication::processEvents();

    ResultsModel *results = window.results();
    QElapsedTimer clock;
    clock.start();
    for (int row = 0; row < rows; ++row) {
        ActionResult result;
        result.state = row % 7 == 0 ? ActionState::Failed : ActionState::Succeeded;
        result.statusCode = row % 7 == 0 ? 404 : 200;
        result.batch = row / 10 + 1;
        result.attempts = 1;
        results->setResult(row, result, session.actions.at(row));
    }
    QCoreApplication::processEvents();
    std::printf("%d results arriving one by one: %lld ms\n", rows, clock.elapsed());

    ResultsPane *pane = window.resultsPane();
    for (ResultsModel::Filter filter : {ResultsModel::Filter::Failures, ResultsModel::Filter::All,
                                        ResultsModel::Filter::Failures}) {
        bool applied = false;
        const QMetaObject::Connection connection =
            QObject::connect(pane, &ResultsPane::filterApplied, [&applied] { applied = true; });
        StallMeter meter;
        meter.start();
        clock.restart();
        pane->setFilter(filter);
        while (!applied)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QObject::disconnect(connection);
        const qint64 total = clock.elapsed();
        const qint64 stall = meter.stop();
        std::printf("filter %-9s over %d rows: %lld ms in all, longest event-loop stall %lld ms\n",
                    filter == ResultsModel::Filter::All ? "all" : "failures", rows, total, stall);
    }
    return 0;
}
