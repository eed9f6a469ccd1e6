// Sends actions to the in-process sandbox and reports wall time against the shortest time any
// client could take under the same limits (efficiency = lower bound / wall time). The lower
// bound is the largest of the quota's (the last window opens floor((N-1)/Q) windows after the
// first, then the least latency) and, for reads and writes apart, the sum of the latencies the
// sandbox drew for them divided by their slots.
//
//   bench_sender --suite [--runs 3] [--as-composed] [--max-batches N] [--small-batch N]
//                        [--min-batch N]
//       the four sends of docs/PERFORMANCE.md, each --runs times, with the median:
//       300 writes, 1,000 reads, 500 alternating (latency 300-600 ms, 50,15, quota 3000/2)
//       and 2,000 mixed (60% reads) under 300/2 with latency 20-60 ms.
//   bench_sender --select 100000
//       how long start() takes to select N actions (all of them, through onlyIndexes, as
//       Send Failed Again and --only-failed-from do), nothing sent.
//   bench_sender [--send writes|reads|alternating|mixed] [--actions 2000] [--rate 300/2]
//                [--latency 20-60] [--concurrency 50,15] [--runs 1] [--skip-naive]
//       one send; `mixed` also runs a naive client (every batch at once, each resent after
//       its own 429) for comparison.

#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "wire/batchbody.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Tenfold;

namespace {

struct Figures
{
    // efficiency = floor / wall; a run stopped at its deadline shows how far it got.
    qint64 wallMs = 0;
    qint64 floorMs = 0;
    int rateLimited = 0;
    int succeeded = 0;
    int requests = 0;
    bool finished = true;

    double efficiency() const { return double(floorMs) / double(std::max<qint64>(1, wallMs)); }
};

struct SenderTuning
{
    bool asComposed = false;
    int maxBatches = SendScheduler::DefaultMaxBatchesInFlight;
    int smallBatch = BatchPolicy::DefaultSmallBatch;
    int minBatch = BatchPolicy::DefaultMinBatch;
};

Action readMe()
{
    Action action;
    action.method = QStringLiteral("get");
    action.relativePath = QStringLiteral("/users/me");
    return action;
}

Action createTask(int i)
{
    Action action;
    action.method = QStringLiteral("post");
    action.relativePath = QStringLiteral("/tasks");
    action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("bench %1").arg(i)},
                              {QStringLiteral("workspace"), QStringLiteral("1001")}};
    return action;
}

/// "writes": POST /tasks; "reads": GET /users/me; "alternating": one of each in turn.
Session uniformSession(const QString &kind, int count)
{
    Session session;
    session.name = QStringLiteral("bench");
    for (int i = 0; i < count; ++i) {
        const bool write =
            kind == QLatin1String("writes") || (kind == QLatin1String("alternating") && i % 2 == 1);
        session.actions.append(write ? createTask(i) : readMe());
    }
    return session;
}

/// The shortest time any client can take: see the header comment.
qint64 lowerBoundMs(int count, const Plan &plan, int latencyMinMs, const QJsonObject &stats)
{
    const qint64 quota =
        qint64((count - 1) / plan.windowQuota) * plan.windowSeconds * 1000 + latencyMinMs;
    const QJsonObject held = stats.value(QLatin1String("held_ms")).toObject();
    const qint64 reads = qint64(held.value(QLatin1String("reads")).toDouble()) / plan.maxReads;
    const qint64 writes = qint64(held.value(QLatin1String("writes")).toDouble()) / plan.maxWrites;
    return std::max({quota, reads, writes});
}

Session mixedSession(int count)
{
    Session session;
    session.name = QStringLiteral("bench");
    for (int i = 0; i < count; ++i) {
        Action action;
        if (i % 5 < 3) { // 60% reads
            action.method = QStringLiteral("get");
            action.relativePath = QStringLiteral("/tasks/%1").arg(1401 + i % 50);
        } else {
            action.method = QStringLiteral("post");
            action.relativePath = QStringLiteral("/tasks");
            action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("bench %1").arg(i)},
                                      {QStringLiteral("workspace"), QStringLiteral("1001")}};
        }
        session.actions.append(action);
    }
    return session;
}

Figures runTenfold(const Session &session, const Plan &plan, const SandboxOptions &sandboxOptions,
                   const SenderTuning &tuning)
{
    SandboxServer sandbox(sandboxOptions);
    if (auto error = sandbox.listen(0))
        qFatal("sandbox: %s", qPrintable(error->message));
    BatchSender sender;
    SendOptions options;
    options.baseUrl = sandbox.baseUrl();
    options.token = QStringLiteral("bench");
    options.plan = plan;
    options.asComposed = tuning.asComposed;
    options.maxBatchesInFlight = tuning.maxBatches;
    options.smallBatchSize = tuning.smallBatch;
    options.minBatchSize = tuning.minBatch;
    QEventLoop loop;
    QObject::connect(&sender, &BatchSender::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    if (auto error = sender.start(session, options))
        qFatal("sender: %s", qPrintable(error->message));
    loop.exec();
    Figures figures;
    figures.wallMs = clock.elapsed();
    figures.rateLimited = sender.run().rateLimitedCount;
    figures.succeeded = sender.run().summary().succeeded;
    figures.requests = sandbox.stats().value(QLatin1String("requests")).toInt();
    figures.floorMs = lowerBoundMs(int(session.actions.size()), plan, sandboxOptions.latencyMinMs,
                                   sandbox.stats());
    if (qEnvironmentVariableIsSet("BENCH_TRACE")) {
        for (const BatchRecord &batch : sender.run().batches)
            std::fprintf(stderr, "batch %d start %lld took %lld\n", batch.number, batch.startedMs,
                         batch.durationMs);
    }
    return figures;
}

// What a straightforward client does: post every batch at once and resend each one after the
// Retry-After of its own 429 (bounded, so a starving run still ends).
Figures runNaive(const Session &session, const SandboxOptions &sandboxOptions, qint64 deadlineMs)
{
    SandboxServer sandbox(sandboxOptions);
    if (auto error = sandbox.listen(0))
        qFatal("sandbox: %s", qPrintable(error->message));
    QNetworkAccessManager network;
    QUrl url = sandbox.baseUrl();
    url.setPath(url.path() + QStringLiteral("/batch"));
    const QList<BatchPlan> batches = planBatches(session.actions);
    Figures figures;
    int open = int(batches.size());
    QEventLoop loop;
    std::function<void(int, int)> post = [&](int index, int attempt) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer bench");
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        QNetworkReply *reply =
            network.post(request, batchBody(session.actions, batches.at(index).actionIndexes));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, index, attempt] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 429 && attempt < 100) {
                ++figures.rateLimited;
                const int seconds = std::max(1, reply->rawHeader("Retry-After").toInt());
                QTimer::singleShot(seconds * 1000, &loop,
                                   [&, index, attempt] { post(index, attempt + 1); });
                return;
            }
            if (status == 200)
                figures.succeeded += int(batches.at(index).actionIndexes.size());
            if (--open == 0)
                loop.quit();
        });
    };
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < batches.size(); ++i)
        post(i, 1);
    // Rejected requests count against the quota, so a naive client may starve: stop it at the
    // deadline and report what it got done by then.
    QTimer::singleShot(deadlineMs, &loop, [&] {
        figures.finished = false;
        loop.quit();
    });
    loop.exec();
    figures.wallMs = clock.elapsed();
    figures.requests = sandbox.stats().value(QLatin1String("requests")).toInt();
    figures.floorMs = lowerBoundMs(int(session.actions.size()), sandboxOptions.plan,
                                   sandboxOptions.latencyMinMs, sandbox.stats());
    return figures;
}

void report(QTextStream &out, const QString &name, const Figures &figures)
{
    out << QStringLiteral("%1  wall %2 s  floor %3 s  efficiency %4  429s %5  requests %6  "
                          "succeeded %7\n")
               .arg(name, -12)
               .arg(figures.wallMs / 1000.0, 0, 'f', 2)
               .arg(figures.floorMs / 1000.0, 0, 'f', 2)
               .arg(figures.efficiency(), 0, 'f', 3)
               .arg(figures.rateLimited)
               .arg(figures.requests)
               .arg(figures.succeeded);
    if (!figures.finished)
        out << "          (stopped at its deadline, unfinished: efficiency is an upper bound)\n";
    out.flush();
}

/// Runs one send `runs` times and reports each run and the median (by efficiency).
Figures runMedian(QTextStream &out, const QString &name, const Session &session, const Plan &plan,
                  const SandboxOptions &sandboxOptions, const SenderTuning &tuning, int runs)
{
    QList<Figures> all;
    for (int i = 0; i < runs; ++i) {
        all.append(runTenfold(session, plan, sandboxOptions, tuning));
        report(out, QStringLiteral("%1 #%2").arg(name).arg(i + 1), all.constLast());
    }
    std::sort(all.begin(), all.end(),
              [](const Figures &a, const Figures &b) { return a.efficiency() < b.efficiency(); });
    const Figures median = all.at(all.size() / 2);
    report(out, QStringLiteral("%1 median").arg(name), median);
    return median;
}

int runSuite(QTextStream &out, int runs, const SenderTuning &tuning)
{
    out << "bench_sender --suite: " << (tuning.asComposed ? "as composed" : "adaptive")
        << ", at most " << tuning.maxBatches << " batches in flight, small batch "
        << tuning.smallBatch << ", min batch " << tuning.minBatch << ", " << runs << " runs each\n";
    struct Send
    {
        const char *name;
        Session session;
        const char *rate;
        int latencyMin, latencyMax;
        double goal;
    };
    const Send sends[] = {
        {"writes", uniformSession(QStringLiteral("writes"), 300), "3000/2", 300, 600, 0.80},
        {"reads", uniformSession(QStringLiteral("reads"), 1000), "3000/2", 300, 600, 0.80},
        {"alternating", uniformSession(QStringLiteral("alternating"), 500), "3000/2", 300, 600,
         0.80},
        {"quota", mixedSession(2000), "300/2", 20, 60, 0.95},
    };
    bool met = true;
    for (const Send &send : sends) {
        Plan plan = Plan::parse(QString::fromLatin1(send.rate)).value();
        plan.setConcurrency(QStringLiteral("50,15"));
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = plan;
        sandboxOptions.latencyMinMs = send.latencyMin;
        sandboxOptions.latencyMaxMs = send.latencyMax;
        out << QString::fromLatin1(send.name) << ": " << send.session.actions.size()
            << " actions, plan " << plan.describe() << ", latency " << send.latencyMin << "-"
            << send.latencyMax << " ms, goal " << send.goal << "\n";
        const Figures median = runMedian(out, QString::fromLatin1(send.name), send.session, plan,
                                         sandboxOptions, tuning, runs);
        const bool ok = median.efficiency() >= send.goal && median.rateLimited == 0 &&
                        median.succeeded == send.session.actions.size();
        met = met && ok;
        out << "  goal " << (ok ? "met" : "NOT met") << "\n";
        out.flush();
    }
    return met ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption suiteOption(QStringLiteral("suite"),
                                         QStringLiteral("The four sends of docs/PERFORMANCE.md."));
    const QCommandLineOption sendOption(QStringLiteral("send"),
                                        QStringLiteral("writes, reads, alternating or mixed."),
                                        QStringLiteral("KIND"), QStringLiteral("mixed"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs of each."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption composedOption(QStringLiteral("as-composed"),
                                            QStringLiteral("Send the composed batches."));
    const QCommandLineOption maxBatchesOption(
        QStringLiteral("max-batches"), QStringLiteral("Batches in flight at most."),
        QStringLiteral("N"), QString::number(SendScheduler::DefaultMaxBatchesInFlight));
    const QCommandLineOption smallBatchOption(
        QStringLiteral("small-batch"), QStringLiteral("Size of slot-bound batches at least."),
        QStringLiteral("N"), QString::number(BatchPolicy::DefaultSmallBatch));
    const QCommandLineOption minBatchOption(
        QStringLiteral("min-batch"), QStringLiteral("Smallest slot-bound batch."),
        QStringLiteral("N"), QString::number(BatchPolicy::DefaultMinBatch));
    const QCommandLineOption actionsOption(QStringLiteral("actions"), QStringLiteral("Actions."),
                                           QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Quota."),
                                        QStringLiteral("N/SECONDS"), QStringLiteral("300/2"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"),
                                           QStringLiteral("Sandbox latency per action."),
                                           QStringLiteral("MIN-MAX"), QStringLiteral("20-60"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               QStringLiteral("Reads,writes in flight."),
                                               QStringLiteral("R,W"), QStringLiteral("50,15"));
    const QCommandLineOption skipNaiveOption(QStringLiteral("skip-naive"),
                                             QStringLiteral("Only run Tenfold's scheduler."));
    const QCommandLineOption selectOption(
        QStringLiteral("select"), QStringLiteral("Time selecting N actions."), QStringLiteral("N"));
    parser.addOptions({selectOption, suiteOption, sendOption, runsOption, composedOption,
                       maxBatchesOption, smallBatchOption, minBatchOption, actionsOption,
                       rateOption, latencyOption, concurrencyOption, skipNaiveOption});
    parser.process(app);

    SenderTuning tuning;
    tuning.asComposed = parser.isSet(composedOption);
    tuning.maxBatches = parser.value(maxBatchesOption).toInt();
    tuning.smallBatch = parser.value(smallBatchOption).toInt();
    tuning.minBatch = parser.value(minBatchOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTextStream out(stdout);
    if (parser.isSet(selectOption)) {
        const int count = parser.value(selectOption).toInt();
        Session session = uniformSession(QStringLiteral("reads"), count);
        SendOptions options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/api/1.0"));
        options.token = QStringLiteral("bench");
        for (int i = 0; i < count; ++i)
            options.onlyIndexes.append(i);
        BatchSender sender;
        QElapsedTimer clock;
        clock.start();
        if (auto error = sender.start(session, options))
            qFatal("sender: %s", qPrintable(error->message));
        const qint64 ms = clock.elapsed();
        sender.cancel();
        out << "select " << count << " of " << count << " actions: " << ms << " ms\n";
        return 0;
    }
    if (parser.isSet(suiteOption))
        return runSuite(out, runs, tuning);

    const int count = parser.value(actionsOption).toInt();
    Result<Plan> plan = Plan::parse(parser.value(rateOption));
    if (!plan || count < 1 || plan->setConcurrency(parser.value(concurrencyOption))) {
        std::fprintf(stderr, "bench_sender: bad --actions, --rate or --concurrency\n");
        return 2;
    }
    const QStringList latency = parser.value(latencyOption).split(u'-');
    SandboxOptions sandboxOptions;
    sandboxOptions.plan = plan.value();
    sandboxOptions.latencyMinMs = latency.value(0).toInt();
    sandboxOptions.latencyMaxMs = latency.value(1, latency.value(0)).toInt();

    const QString kind = parser.value(sendOption);
    const Session session =
        kind == QLatin1String("mixed") ? mixedSession(count) : uniformSession(kind, count);
    out << "bench_sender: " << count << " " << kind << " actions, plan " << plan->describe()
        << ", sandbox latency " << sandboxOptions.latencyMinMs << "-" << sandboxOptions.latencyMaxMs
        << " ms, same limits on both sides\n";
    runMedian(out, QStringLiteral("tenfold"), session, plan.value(), sandboxOptions, tuning, runs);
    if (kind == QLatin1String("mixed") && !parser.isSet(skipNaiveOption)) {
        const qint64 floorMs =
            qint64((count - 1) / plan->windowQuota) * plan->windowSeconds * 1000 +
            sandboxOptions.latencyMinMs;
        report(out, QStringLiteral("naive"), runNaive(session, sandboxOptions, 5 * floorMs + 5000));
    }
    return 0;
}
