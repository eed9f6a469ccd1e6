// Load + validate + serialize a large session, beside Python's json.load of the same file.
//
//   bench_core [ACTIONS [RUNS]]     (default 100000 actions, 7 runs) generates a session and
//                                   compares, run by run, reporting medians and ranges
//   bench_core --measure FILE       one measured run of Tenfold's pipeline (used by the above)
//   bench_core --generate FILE N    writes the session (used by the above)
//
// Each step runs in its own process so that its peak memory (ru_maxrss) is its own: a child
// spawned by a process that had grown large would inherit that high-water mark.
#include "catalog/endpointcatalog.h"
#include "session/sessionfile.h"
#include "validation/validator.h"
#include "wire/batchbody.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

using namespace Tenfold;

namespace {

Session generate(int count)
{
    Session session;
    session.name = QStringLiteral("benchmark");
    session.variables = {{QStringLiteral("workspace"), QStringLiteral("1001")}};
    session.actions.reserve(count);
    for (int i = 0; i < count; ++i) {
        switch (i % 4) {
        case 0: {
            Action a(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1400 + i));
            a.options =
                QJsonObject{{QStringLiteral("fields"),
                             QJsonArray{QStringLiteral("name"), QStringLiteral("assignee.name")}}};
            session.actions.append(a);
            break;
        }
        case 1: {
            Action a(QStringLiteral("post"), QStringLiteral("/tasks"));
            a.data =
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Task number %1").arg(i)},
                            {QStringLiteral("workspace"), QStringLiteral("{{workspace}}")},
                            {QStringLiteral("notes"), QStringLiteral("Created by the benchmark")}};
            session.actions.append(a);
            break;
        }
        case 2: {
            Action a(QStringLiteral("put"), QStringLiteral("/tasks/%1").arg(1400 + i));
            a.data = QJsonObject{{QStringLiteral("completed"), true}};
            a.note = QStringLiteral("close it");
            session.actions.append(a);
            break;
        }
        default: {
            Action a(QStringLiteral("get"), QStringLiteral("/projects/%1/tasks").arg(1200 + i % 3));
            a.options = QJsonObject{{QStringLiteral("limit"), 50}};
            session.actions.append(a);
            break;
        }
        }
    }
    return session;
}

double peakMB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

int measure(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    Result<LoadedInput> loaded = loadInput(path);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.errorString()));
        return 2;
    }
    const qint64 loadMs = timer.elapsed();
    const double peakAfterLoad = peakMB();
    QList<Action> resolved;
    const QList<Diagnostic> diagnostics =
        validateSession(loaded->session, loaded->kind, EndpointCatalog::builtin(), &resolved);
    const qint64 validateMs = timer.elapsed() - loadMs;
    const double peakAfterValidate = peakMB();

    qint64 bytes = 0;
    const QList<BatchPlan> batches = planBatches(resolved);
    forEachBatchBody(resolved, batches,
                     [&bytes](const BatchPlan &, const QByteArray &body) { bytes += body.size(); });
    const qint64 serializeMs = timer.elapsed() - loadMs - validateMs;
    std::printf("load %lld ms (peak %.0f MB), validate %lld ms (%lld diagnostics, peak %.0f MB), "
                "serialize %lld ms (%lld batches, %lld bytes, peak %.0f MB)\n",
                loadMs, peakAfterLoad, validateMs, qlonglong(diagnostics.size()), peakAfterValidate,
                serializeMs, qlonglong(batches.size()), bytes, peakMB());
    return 0;
}

struct ChildRun
{
    double seconds = 0;
    long peakKiB = 0;
    int status = -1;
};

ChildRun runChild(const QStringList &command)
{
    QList<QByteArray> storage;
    std::vector<char *> argv;
    for (const QString &part : command)
        storage.append(part.toLocal8Bit());
    for (QByteArray &part : storage)
        argv.push_back(part.data());
    argv.push_back(nullptr);

    ChildRun run;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return run;
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.seconds = timer.nsecsElapsed() / 1e9;
    run.peakKiB = usage.ru_maxrss;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--measure"))
        return measure(args.at(2));
    if (args.size() == 4 && args.at(1) == QLatin1String("--generate")) {
        if (auto error = saveSession(generate(args.at(3).toInt()), args.at(2))) {
            std::fprintf(stderr, "%s\n", qPrintable(error->toString()));
            return 2;
        }
        return 0;
    }

    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 7;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bench.tenfold.json"));
    if (runChild(
            {app.applicationFilePath(), QStringLiteral("--generate"), file, QString::number(count)})
            .status != 0)
        return 2;
    std::printf("%d actions, %lld bytes, %d runs of each (taken in turn)\n", count,
                qlonglong(QFileInfo(file).size()), runs);
    std::fflush(stdout); // before the children's own lines

    // One run of each in turn, so that a busy moment of the machine falls on both sides.
    QList<ChildRun> ours;
    QList<ChildRun> python;
    int wins = 0;
    for (int run = 0; run < runs; ++run) {
        ours.append(runChild({app.applicationFilePath(), QStringLiteral("--measure"), file}));
        python.append(runChild({QStringLiteral("python3"), QStringLiteral("-c"),
                                QStringLiteral("import json; json.load(open('%1'))").arg(file)}));
        if (ours.last().status != 0 || python.last().status != 0) {
            std::fprintf(stderr, "a run failed: tenfold exit %d, python exit %d\n",
                         ours.last().status, python.last().status);
            return 1;
        }
        wins += ours.last().seconds < python.last().seconds;
    }
    auto report = [](const char *label, QList<ChildRun> measured) {
        std::sort(measured.begin(), measured.end(),
                  [](const ChildRun &a, const ChildRun &b) { return a.seconds < b.seconds; });
        long peakKiB = 0;
        for (const ChildRun &run : measured)
            peakKiB = std::max(peakKiB, run.peakKiB);
        std::printf("%s median %.3f s (%.3f - %.3f), peak %.1f MB\n", label,
                    measured.at(measured.size() / 2).seconds, measured.first().seconds,
                    measured.last().seconds, peakKiB / 1024.0);
    };
    report("tenfold load+validate+serialize:", ours);
    report("python3 json.load only:         ", python);
    std::printf("tenfold was faster in %d of %d runs\n", wins, runs);
    return 0;
}
