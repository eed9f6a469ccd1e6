// Run history benchmark (not a ctest test): records RUNS runs (default 10,000) of a 10-action
// session into a fresh database, then measures what the History panel does with them: the
// first page of the list, fetching every row, a search by action path, and showing the panel.
//
//   ./build-release/tests/bench/bench_gui_history [RUNS]
//
// Run under Xvfb (xvfb-run -a) or QT_QPA_PLATFORM=offscreen; figures go in docs/PERFORMANCE.md.
#include "history/historypanel.h"
#include "history/historyrunsmodel.h"
#include "history/historystore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>

using namespace Tenfold;

namespace {

SendRun sampleRun(int number)
{
    SendRun run;
    run.sessionName = QStringLiteral("Bench %1").arg(number % 20);
    run.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:40123/api/1.0"));
    run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-number);
    run.finishedAt = run.startedAt.addMSecs(40);
    run.wallMs = 40;
    run.reachedServer = true;
    for (int i = 0; i < 10; ++i) {
        Action action(i % 2 ? QStringLiteral("post") : QStringLiteral("get"),
                      QStringLiteral("/tasks/%1").arg(1401 + i + number % 7));
        run.actions.append(action);
        ActionResult result;
        result.state = ActionState::Succeeded;
        result.statusCode = 200;
        result.body =
            QJsonObject{{QStringLiteral("data"),
                         QJsonObject{{QStringLiteral("gid"), QString::number(1401 + i)},
                                     {QStringLiteral("name"),
                                      QStringLiteral("Task %1 of run %2").arg(i).arg(number)},
                                     {QStringLiteral("notes"), QString(200, u'n')}}}};
        result.batch = 1;
        result.attempts = 1;
        result.durationMs = 40;
        run.results.append(result);
    }
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no user settings
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));

    QElapsedTimer clock;
    {
        HistoryStore store(path);
        store.setRetention({0, 0});
        clock.start();
        for (int i = 0; i < runs; ++i) {
            if (!store.record(sampleRun(i), {QStringLiteral("/bench/s%1.tenfold.json").arg(i % 20),
                                             QStringLiteral("cli")})) {
                std::fprintf(stderr, "record failed\n");
                return 1;
            }
        }
    }
    const qint64 recordMs = clock.elapsed();
    std::printf("record %d runs: %lld ms (%.2f ms a run), database %.1f MiB\n", runs,
                static_cast<long long>(recordMs), double(recordMs) / runs,
                QFileInfo(path).size() / (1024.0 * 1024.0));

    {
        clock.restart();
        HistoryRunsModel model(path);
        const qint64 firstPage = clock.elapsed();
        std::printf("model, first page (%d rows): %lld ms\n", model.rowCount(),
                    static_cast<long long>(firstPage));
        clock.restart();
        while (model.canFetchMore({}))
            model.fetchMore({});
        std::printf("fetch all %d rows: %lld ms\n", model.rowCount(),
                    static_cast<long long>(clock.elapsed()));
        clock.restart();
        HistoryFilter search;
        search.pathSearch = QStringLiteral("POST /tasks/1405");
        model.setFilter(search);
        while (model.canFetchMore({}))
            model.fetchMore({});
        std::printf("search by action path (%d matches): %lld ms\n", model.rowCount(),
                    static_cast<long long>(clock.elapsed()));
        clock.restart();
        HistoryFilter session;
        session.sessionPath = QStringLiteral("/bench/s3.tenfold.json");
        model.setFilter(session);
        std::printf("filter by session, first page: %lld ms\n",
                    static_cast<long long>(clock.elapsed()));
    }

    clock.restart();
    HistoryPanel panel(path);
    panel.resize(1200, 500);
    panel.show();
    app.processEvents();
    std::printf("History panel created and shown (%d rows listed): %lld ms\n",
                panel.model()->rowCount(), static_cast<long long>(clock.elapsed()));
    clock.restart();
    panel.view()->scrollToBottom();
    app.processEvents();
    std::printf("scroll to the bottom once: %lld ms\n", static_cast<long long>(clock.elapsed()));
    {
        HistoryStore store(path);
        clock.restart();
        Result<SendRun> run = store.results(runs / 2);
        std::printf("open one run's results: %lld ms\n", static_cast<long long>(clock.elapsed()));
        if (!run)
            return 1;
    }
    return 0;
}
