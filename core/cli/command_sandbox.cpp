#include "cli.h"
#include "commandinput.h"
#include "console.h"
#include "sandbox/sandboxserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Tenfold::Cli {

namespace {

int signalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here; the event loop reads the pipe and quits.
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

/// Quits the event loop on SIGINT or SIGTERM, so the sandbox stops cleanly and prints its stats.
bool installStopHandler()
{
    if (::pipe(signalPipe) != 0)
        return false;
    ::fcntl(signalPipe[1], F_SETFL, O_NONBLOCK);
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    auto *notifier =
        new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(),
                     [] { QCoreApplication::quit(); });
    return true;
}

} // namespace

int runSandbox(const QStringList &arguments)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Tenfold::Cli", text);
    };
    QCommandLineParser parser;
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        tr("Port on 127.0.0.1 (default 0: a free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption planOption(QStringLiteral("plan"),
                                        tr("free or paid (default paid): the rate limits."),
                                        QStringLiteral("plan"));
    const QCommandLineOption rateOption(
        QStringLiteral("rate"),
        tr("Window quota as REQUESTS/SECONDS, e.g. 20/2 (default: the plan's per minute)."),
        QStringLiteral("N/SECONDS"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               tr("Reads and writes in flight (default 50,15)."),
                                               QStringLiteral("READS,WRITES"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency"),
        tr("Hold each action in flight for MS, or a random time in MIN-MAX (default 0)."),
        QStringLiteral("MS|MIN-MAX"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token"), tr("Accept only this bearer token (default: any non-empty one)."),
        QStringLiteral("T"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        tr("Seeds the data, latencies and faults (default 1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        tr("Fault probabilities per batch, e.g. 500:0.1,drop:0.05,slow:0.1,malformed:0.02,"
           "truncate:0.02,mismatch:0.01."),
        QStringLiteral("SPEC"));
    const QCommandLineOption slowOption(
        QStringLiteral("slow-delay"), tr("How long a slow fault holds the answer (default 35000)."),
        QStringLiteral("MS"));
    parser.addOptions({portOption, planOption, rateOption, concurrencyOption, latencyOption,
                       tokenOption, seedOption, faultsOption, slowOption});
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("sandbox"),
            tr("Run the embedded Asana sandbox on 127.0.0.1 until SIGINT or SIGTERM, then print "
               "its stats. The first line on stdout is 'listening on URL'."),
            {}))
        return *code;

    const auto fail = [](const QString &message) {
        err() << "tenfold-cli sandbox: " << message << "\n";
        return int(ExitUsage);
    };
    SandboxOptions options;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(tr("--port takes a number from 0 to 65535"));
    if (parser.isSet(planOption)) {
        const QString plan = parser.value(planOption).trimmed().toLower();
        if (plan != QLatin1String("free") && plan != QLatin1String("paid"))
            return fail(tr("--plan takes free or paid; use --rate for a custom quota"));
        options.plan = Plan::parse(plan).value();
    }
    if (parser.isSet(rateOption)) {
        Result<Plan> rate = Plan::parse(parser.value(rateOption));
        if (!rate || rate->kind != Plan::Kind::Custom)
            return fail(tr("--rate takes REQUESTS/SECONDS, e.g. 20/2"));
        options.plan.kind = Plan::Kind::Custom;
        options.plan.windowQuota = rate->windowQuota;
        options.plan.windowSeconds = rate->windowSeconds;
    }
    if (parser.isSet(concurrencyOption)) {
        if (auto error = options.plan.setConcurrency(parser.value(concurrencyOption)))
            return fail(error->toString());
    }
    if (parser.isSet(latencyOption) &&
        !parseLatencyRange(parser.value(latencyOption), &options.latencyMinMs,
                           &options.latencyMaxMs))
        return fail(tr("--latency takes MS or MIN-MAX in milliseconds up to %1, e.g. 40 or "
                       "20-80")
                        .arg(MaxSandboxDelayMs));
    options.token = parser.value(tokenOption);
    options.seed = parser.value(seedOption).toUInt(&ok);
    if (!ok)
        return fail(tr("--seed takes a non-negative number"));
    if (parser.isSet(faultsOption)) {
        Result<SandboxFaults> faults = SandboxFaults::parse(parser.value(faultsOption));
        if (!faults)
            return fail(faults.errorString());
        options.faults = faults.value();
    }
    if (parser.isSet(slowOption)) {
        options.slowDelayMs = parser.value(slowOption).toInt(&ok);
        if (!ok || options.slowDelayMs < 0 || options.slowDelayMs > MaxSandboxDelayMs)
            return fail(
                tr("--slow-delay takes a number of milliseconds up to %1").arg(MaxSandboxDelayMs));
    }

    SandboxServer server(options);
    if (auto error = server.listen(quint16(port))) {
        err() << "tenfold-cli sandbox: " << error->toString() << "\n";
        return ExitFailed;
    }
    if (!installStopHandler())
        return fail(tr("cannot install the SIGINT/SIGTERM handler"));
    // Scripts and tests wait for exactly this first line, so flush it at once.
    out() << "listening on " << server.baseUrl().toString() << "\n";
    out().flush();
    err() << "plan: " << options.plan.describe() << "\n"
          << "stats: http://127.0.0.1:" << server.port() << "/__sandbox/stats\n"
          << "stop with Ctrl+C\n";
    err().flush();

    QCoreApplication::exec();

    out() << "sandbox stopped\n" << server.statsSummary();
    return ExitOk;
}

} // namespace Tenfold::Cli
