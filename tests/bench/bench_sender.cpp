// Sends N mixed actions to the in-process sandbox under a scaled quota, first with Tenfold's
// scheduler, then with a naive strategy (every batch at once, each resent after its own 429),
// and reports wall time against the shortest time the limits allow.
//
//   bench_sender [--actions 2000] [--rate 300/2] [--latency 20-60] [--concurrency 50,15]
//                [--skip-naive]

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

#include <cstdio>

using namespace Tenfold;

namespace {

struct Figures
{
    // efficiency = floor / wall; a run stopped at its deadline shows how far it got.
    qint64 wallMs = 0;
    int rateLimited = 0;
    int succeeded = 0;
    int requests = 0;
    bool finished = true;
};

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

Figures runTenfold(const Session &session, const Plan &plan, const SandboxOptions &sandboxOptions)
{
    SandboxServer sandbox(sandboxOptions);
    if (auto error = sandbox.listen(0))
        qFatal("sandbox: %s", qPrintable(error->message));
    BatchSender sender;
    SendOptions options;
    options.baseUrl = sandbox.baseUrl();
    options.token = QStringLiteral("bench");
    options.plan = plan;
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
    return figures;
}

void report(QTextStream &out, const char *name, const Figures &figures, qint64 floorMs)
{
    out << QStringLiteral("%1  wall %2 s  floor %3 s  efficiency %4  429s %5  requests %6  "
                          "succeeded %7\n")
               .arg(QString::fromLatin1(name), -8)
               .arg(figures.wallMs / 1000.0, 0, 'f', 2)
               .arg(floorMs / 1000.0, 0, 'f', 2)
               .arg(double(floorMs) / double(std::max<qint64>(1, figures.wallMs)), 0, 'f', 3)
               .arg(figures.rateLimited)
               .arg(figures.requests)
               .arg(figures.succeeded);
    if (!figures.finished)
        out << "          (stopped at its deadline, unfinished: efficiency is an upper bound)\n";
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
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
    parser.addOptions(
        {actionsOption, rateOption, latencyOption, concurrencyOption, skipNaiveOption});
    parser.process(app);

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

    const Session session = mixedSession(count);
    // The shortest time the limits allow: the last window's requests go floor((N-1)/Q) windows
    // after the first, and then take at least the least latency.
    const qint64 floorMs = qint64((count - 1) / plan->windowQuota) * plan->windowSeconds * 1000 +
                           sandboxOptions.latencyMinMs;

    QTextStream out(stdout);
    out << "bench_sender: " << count << " mixed actions (60% reads), plan " << plan->describe()
        << ", sandbox latency " << sandboxOptions.latencyMinMs << "-" << sandboxOptions.latencyMaxMs
        << " ms, same limits on both sides\n";
    report(out, "tenfold", runTenfold(session, plan.value(), sandboxOptions), floorMs);
    if (!parser.isSet(skipNaiveOption))
        report(out, "naive", runNaive(session, sandboxOptions, 5 * floorMs + 5000), floorMs);
    return 0;
}
