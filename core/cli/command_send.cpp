#include "catalog/endpointcatalog.h"
#include "cli.h"
#include "commandinput.h"
#include "common/plural.h"
#include "console.h"
#include "historyrecording.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"
#include "sending/resultsfile.h"
#include "validation/validator.h"
#include "wire/batchbody.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <csignal>
#include <memory>

namespace Tenfold::Cli {

namespace {

// The sandbox accepts any bearer token; a fixed one keeps a real token away from it.
const QString SandboxToken = QStringLiteral("tenfold-sandbox-token");

volatile std::sig_atomic_t interrupted = 0;

void onInterrupt(int)
{
    interrupted = 1;
}

/// "12 ms" below a second (a sandbox run is that fast; "0.00 s" would look broken), else "3.25 s".
QString formatSeconds(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

/// Where the token comes from: a file or the environment, never an argument (it would show in ps).
std::optional<QString> readToken(const QString &tokenFile, QString *problem)
{
    if (!tokenFile.isEmpty()) {
        QFile file(tokenFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *problem = QStringLiteral("cannot read the token file %1: %2")
                           .arg(tokenFile, file.errorString());
            return std::nullopt;
        }
        const QString token = QString::fromUtf8(file.read(64 * 1024)).trimmed();
        if (token.isEmpty()) {
            *problem = QStringLiteral("the token file %1 is empty").arg(tokenFile);
            return std::nullopt;
        }
        return token;
    }
    const QString token = qEnvironmentVariable("ASANA_ACCESS_TOKEN").trimmed();
    if (token.isEmpty()) {
        *problem = QStringLiteral(
            "no access token: set ASANA_ACCESS_TOKEN, or put the token in a file and pass "
            "--token-file PATH (never the token itself as an argument: it would show in ps); "
            "or rehearse with --sandbox, which needs none (--no-token for another server that "
            "needs none)");
        return std::nullopt;
    }
    return token;
}

/// What a loopback server says about itself on the sandbox's /__sandbox/stats.
enum class LoopbackServer
{
    Other,           ///< not a Tenfold sandbox (or it did not answer)
    AnyTokenSandbox, ///< a sandbox that takes any token: it needs none of the user's
    OwnTokenSandbox, ///< a sandbox started with --token: it wants that one
};

/// Asks the server at a loopback `baseUrl` whether it is a Tenfold sandbox. Loopback only, so
/// the question never leaves this computer; a server that does not answer in time is "other".
LoopbackServer probeLoopbackServer(const QUrl &baseUrl)
{
    QUrl statsUrl = baseUrl;
    statsUrl.setPath(QStringLiteral("/__sandbox/stats"));
    statsUrl.setQuery(QString());
    QNetworkAccessManager network;
    QNetworkRequest request(statsUrl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError)
        return LoopbackServer::Other;
    const QJsonValue sandbox =
        QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("sandbox"));
    const QJsonValue anyToken = sandbox.toObject().value(QLatin1String("accepts_any_token"));
    if (!anyToken.isBool())
        return LoopbackServer::Other;
    return anyToken.toBool() ? LoopbackServer::AnyTokenSandbox : LoopbackServer::OwnTokenSandbox;
}

QString describeAction(const Action &action)
{
    return action.method.toUpper() + u' ' + action.relativePath;
}

/// " [404]" unless the reason already names the status ("answered 404: ..."): one number once.
QString statusSuffix(int status, const QString &reason)
{
    if (status <= 0 || reason.contains(QString::number(status)))
        return {};
    return QStringLiteral(" [%1]").arg(status);
}

/// One line per event: actions of one batch that ended the same way (a refused or lost batch)
/// are one line, "actions 11-20 (batch 2): ...", instead of ten identical ones.
void printUnfinished(QTextStream &stream, const SendRun &run)
{
    auto sameEnd = [](const ActionResult &a, const ActionResult &b) {
        return a.state == b.state && a.statusCode == b.statusCode && a.reason == b.reason &&
               a.batch == b.batch;
    };
    const qsizetype count = run.results.size();
    for (qsizetype i = 0; i < count;) {
        const ActionResult &result = run.results.at(i);
        if (result.state == ActionState::Succeeded || result.state == ActionState::Skipped) {
            ++i;
            continue;
        }
        qsizetype last = i;
        while (last + 1 < count && sameEnd(run.results.at(last + 1), result))
            ++last;
        if (last == i) {
            stream << "action " << i + 1 << " (" << describeAction(run.actions.at(i)) << ")";
        } else {
            stream << "actions " << i + 1 << "-" << last + 1;
            if (result.batch > 0)
                stream << " (batch " << result.batch << ")";
        }
        stream << ": " << actionStateText(result.state)
               << statusSuffix(result.statusCode, result.reason);
        if (!result.reason.isEmpty())
            stream << ": " << result.reason;
        stream << "\n";
        i = last + 1;
    }
}

/// The run in one line, counting only what happened: actions that went out, the requests it
/// took and why some were repeated.
void printSummary(QTextStream &stream, const SendRun &run, int selected)
{
    const SendSummary summary = run.summary();
    int batchesSent = 0;
    int requests = 0;
    for (const BatchRecord &batch : run.batches) {
        batchesSent += batch.attempts > 0 ? 1 : 0;
        requests += batch.attempts;
    }
    int actionsSent = 0;
    for (const ActionResult &result : run.results)
        actionsSent += result.state != ActionState::Skipped && result.batch > 0 ? 1 : 0;
    const QString target = run.baseUrl.toString();
    auto actions = [](int n) {
        return countOf(n, QStringLiteral("action"), QStringLiteral("actions"));
    };
    if (!run.reachedServer && summary.succeeded == 0) {
        stream << "nothing sent to " << target << ": " << actions(selected)
               << " could not be sent; " << summary.failed << " failed, " << summary.cancelled
               << " cancelled\n";
        return;
    }
    stream << "sent ";
    if (actionsSent < selected)
        stream << actionsSent << " of ";
    stream << actions(selected) << " in "
           << countOf(batchesSent, QStringLiteral("batch"), QStringLiteral("batches")) << " to "
           << target << " in " << formatSeconds(run.wallMs) << ": " << summary.succeeded
           << " succeeded, " << summary.failed << " failed, " << summary.unknown
           << " outcome unknown, " << summary.cancelled << " cancelled; "
           << countOf(requests, QStringLiteral("request"), QStringLiteral("requests"));
    const int retries = requests - batchesSent;
    if (retries > 0)
        stream << " (" << countOf(retries, QStringLiteral("retry"), QStringLiteral("retries"))
               << ")";
    stream << ", "
           << countOf(run.rateLimitedCount, QStringLiteral("rate limit (429) answer"),
                      QStringLiteral("rate limit (429) answers"))
           << " met\n";
    if (summary.unknown > 0) {
        stream << "note: \"outcome unknown\" actions may have run; check them in Asana before "
                  "resending with --only-failed-from\n";
    }
}

} // namespace

int runSend(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        QStringLiteral("API root to send to (default: https://app.asana.com/api/1.0, or the "
                       "sandbox when the session targets it). Plain http only to this "
                       "computer."),
        QStringLiteral("URL"));
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QStringLiteral("Send to the embedded sandbox, started for this run (no token needed)."));
    const QCommandLineOption planOption(
        QStringLiteral("plan"),
        QStringLiteral("free or paid (default: the session's plan, else paid)."),
        QStringLiteral("plan"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("A custom quota, e.g. 300/60."),
                                        QStringLiteral("N/SECONDS"));
    const QCommandLineOption concurrencyOption(
        QStringLiteral("concurrency"),
        QStringLiteral("Reads and writes in flight (default: the session's, else 50,15)."),
        QStringLiteral("R,W"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Write the results file here."),
                                       QStringLiteral("RESULTS.json"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral("Print the results as JSON on stdout (the results file format)."));
    const QCommandLineOption onlyFailedOption(
        QStringLiteral("only-failed-from"),
        QStringLiteral("Send only the actions that failed, were cancelled or have an unknown "
                       "outcome in this results file of an earlier send of FILE."),
        QStringLiteral("RESULTS.json"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"),
        QStringLiteral("Read the token from this file (else from ASANA_ACCESS_TOKEN)."),
        QStringLiteral("PATH"));
    const QCommandLineOption noTokenOption(
        QStringLiteral("no-token"),
        QStringLiteral("The server needs no token (a sandbox): send a fixed placeholder, never "
                       "yours. A sandbox on this computer is recognised without it."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QStringLiteral("Give up on a batch without an answer after MS (default 60000)."),
        QStringLiteral("MS"));
    const QCommandLineOption sandboxFaultsOption(
        QStringLiteral("sandbox-faults"),
        QStringLiteral("With --sandbox: inject faults, e.g. 500:0.1,drop:0.05,slow:0.1,"
                       "malformed:0.02,truncate:0.02,mismatch:0.01."),
        QStringLiteral("SPEC"));
    const QCommandLineOption sandboxRateOption(
        QStringLiteral("sandbox-rate"),
        QStringLiteral("With --sandbox: the sandbox's own quota (default: the sender's plan)."),
        QStringLiteral("N/SECONDS"));
    const QCommandLineOption sandboxLatencyOption(
        QStringLiteral("sandbox-latency"),
        QStringLiteral("With --sandbox: per-action latency in ms, e.g. 20-60."),
        QStringLiteral("MIN-MAX"));
    const QCommandLineOption asComposedOption(
        QStringLiteral("as-composed"),
        QStringLiteral("Send the batches exactly as composed (10 enabled actions each, in order) "
                       "instead of forming each batch when a slot frees; automatic for a batch "
                       "body input."));
    const QCommandLineOption sandboxSlowOption(
        QStringLiteral("sandbox-slow-ms"),
        QStringLiteral("With --sandbox: how long a slow fault holds the answer."),
        QStringLiteral("MS"));
    parser.addOptions({baseUrlOption, sandboxOption, planOption, rateOption, concurrencyOption,
                       outOption, jsonOption, onlyFailedOption, tokenFileOption, noTokenOption,
                       timeoutOption, sandboxFaultsOption, sandboxRateOption, sandboxLatencyOption,
                       sandboxSlowOption, asComposedOption, variableOption()});
    const QCommandLineOption noHistory = noHistoryOption();
    parser.addOption(noHistory);
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("send"),
            QStringLiteral(
                "Send the enabled actions as batches of at most 10, as fast as the plan's limits "
                "allow and never faster, and report every action's result. A batch holding a "
                "write is never resent automatically after an unknown outcome.\n"
                "The token comes from ASANA_ACCESS_TOKEN or --token-file, never from an "
                "argument.\nExit codes: 0 all succeeded, 1 some failed or have an unknown "
                "outcome, 2 usage or input error, 3 nothing could be sent."),
            {{QStringLiteral("FILE"),
              QStringLiteral("Session, batch body or action array; - for stdin.")}}))
        return *code;

    auto usage = [](const QString &message) {
        err() << "tenfold-cli send: " << message << "\n";
        return int(ExitUsage);
    };

    const bool useSandbox = parser.isSet(sandboxOption);
    if (useSandbox && parser.isSet(baseUrlOption))
        return usage(QStringLiteral("--sandbox and --base-url exclude each other"));
    if (parser.isSet(planOption) && parser.isSet(rateOption))
        return usage(QStringLiteral("--plan and --rate exclude each other"));
    if (parser.isSet(noTokenOption) && parser.isSet(tokenFileOption))
        return usage(QStringLiteral("--no-token and --token-file exclude each other"));
    for (const QCommandLineOption *option :
         {&sandboxFaultsOption, &sandboxRateOption, &sandboxLatencyOption, &sandboxSlowOption}) {
        if (!useSandbox && parser.isSet(*option))
            return usage(
                QStringLiteral("--%1 only works with --sandbox").arg(option->names().first()));
    }

    std::optional<LoadedInput> input =
        loadCommandInput(parser.positionalArguments().constFirst(), parser);
    if (!input)
        return ExitUsage;
    Session &session = input->session;

    // The plan: the session's, then --plan/--rate (keeping its concurrency), then --concurrency.
    Plan plan = session.plan;
    if (parser.isSet(planOption) || parser.isSet(rateOption)) {
        const QString spec =
            parser.isSet(planOption) ? parser.value(planOption) : parser.value(rateOption);
        Result<Plan> parsed = Plan::parse(spec);
        if (!parsed)
            return usage(parsed.errorString());
        if (parser.isSet(planOption) && parsed->kind == Plan::Kind::Custom)
            return usage(QStringLiteral("--plan takes free or paid; use --rate N/SECONDS for a "
                                        "custom quota"));
        parsed->maxReads = plan.maxReads;
        parsed->maxWrites = plan.maxWrites;
        plan = parsed.value();
    }
    if (parser.isSet(concurrencyOption)) {
        if (auto error = plan.setConcurrency(parser.value(concurrencyOption)))
            return usage(error->toString());
    }

    SendOptions options;
    options.plan = plan;
    // A batch body is one request as its author wrote it: send it as such.
    options.asComposed = parser.isSet(asComposedOption) || input->kind == InputKind::BatchBody;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        options.timeoutMs = parser.value(timeoutOption).toInt(&ok);
        if (!ok || options.timeoutMs < 1)
            return usage(QStringLiteral("--timeout takes a number of milliseconds, e.g. 30000"));
    }

    // Which actions: all enabled ones, or those a results file says did not succeed.
    if (parser.isSet(onlyFailedOption)) {
        Result<SendRun> previous = loadResults(parser.value(onlyFailedOption));
        if (!previous)
            return usage(previous.errorString());
        if (previous->actions.size() != session.actions.size()) {
            return usage(QStringLiteral("%1 holds %2 but the input has %3: give the "
                                        "same file that was sent")
                             .arg(parser.value(onlyFailedOption))
                             .arg(countOf(previous->actions.size(), QStringLiteral("action"),
                                          QStringLiteral("actions")))
                             .arg(session.actions.size()));
        }
        for (int index : previous->unfinishedIndexes()) {
            const Action now = resolveVariables(session.actions.at(index), session.variables);
            if (actionToWire(now) != actionToWire(previous->actions.at(index))) {
                return usage(QStringLiteral("action %1 of the input differs from the one in %2; "
                                            "resend from the file that was sent")
                                 .arg(index + 1)
                                 .arg(parser.value(onlyFailedOption)));
            }
            if (session.actions.at(index).enabled)
                options.onlyIndexes.append(index);
        }
        if (options.onlyIndexes.isEmpty()) {
            out() << "nothing to resend: every action in " << parser.value(onlyFailedOption)
                  << " succeeded\n";
            return ExitOk;
        }
    }

    // Errors block sending (only those of the actions that go); warnings do not.
    {
        Session checked = session;
        if (!options.onlyIndexes.isEmpty()) {
            QList<bool> selected(checked.actions.size(), false);
            for (int index : std::as_const(options.onlyIndexes))
                selected[index] = true;
            for (int i = 0; i < checked.actions.size(); ++i)
                checked.actions[i].enabled = checked.actions[i].enabled && selected.at(i);
        }
        // As the input's kind: a batch body of 12 is refused here as it is by validate, never
        // split behind the user's back.
        const QList<Diagnostic> diagnostics = combineDiagnostics(
            input->diagnostics, validateSession(checked, input->kind, EndpointCatalog::builtin()));
        if (hasErrors(diagnostics)) {
            printErrors(diagnostics, parser.positionalArguments().constFirst());
            err() << "tenfold-cli send: nothing sent: fix the errors above ('tenfold-cli validate' "
                     "lists every finding)\n";
            return ExitUsage;
        }
    }

    // Where to, and as whom.
    std::unique_ptr<SandboxServer> sandbox;
    bool toSandbox = useSandbox;
    if (!useSandbox && !parser.isSet(baseUrlOption)) {
        if (input->kind == InputKind::Session && session.target.kind == Target::Kind::Sandbox) {
            toSandbox = true;
        } else if (input->kind == InputKind::Session &&
                   session.target.kind == Target::Kind::Custom) {
            // A shared session must not be able to send the user's token to a server of its
            // author's choosing: a custom target is only used when named on the command line.
            return usage(
                QStringLiteral("the session targets %1; to send your token there, confirm with "
                               "--base-url %1 (or use --sandbox)")
                    .arg(session.target.baseUrl().toString()));
        } else {
            options.baseUrl = Target::asanaUrl();
        }
    } else if (parser.isSet(baseUrlOption)) {
        options.baseUrl = QUrl(parser.value(baseUrlOption)).adjusted(QUrl::StripTrailingSlash);
    }

    if (toSandbox) {
        SandboxOptions sandboxOptions;
        sandboxOptions.plan = plan;
        if (parser.isSet(sandboxRateOption)) {
            Result<Plan> rate = Plan::parse(parser.value(sandboxRateOption));
            if (!rate)
                return usage(rate.errorString());
            rate->maxReads = plan.maxReads;
            rate->maxWrites = plan.maxWrites;
            sandboxOptions.plan = rate.value();
        }
        if (parser.isSet(sandboxLatencyOption) &&
            !parseLatencyRange(parser.value(sandboxLatencyOption), &sandboxOptions.latencyMinMs,
                               &sandboxOptions.latencyMaxMs))
            return usage(
                QStringLiteral("--sandbox-latency takes MIN-MAX in ms up to %1, e.g. 20-60")
                    .arg(MaxSandboxDelayMs));
        if (parser.isSet(sandboxFaultsOption)) {
            Result<SandboxFaults> faults = SandboxFaults::parse(parser.value(sandboxFaultsOption));
            if (!faults)
                return usage(faults.errorString());
            sandboxOptions.faults = faults.value();
        }
        if (parser.isSet(sandboxSlowOption)) {
            bool ok = false;
            sandboxOptions.slowDelayMs = parser.value(sandboxSlowOption).toInt(&ok);
            if (!ok || sandboxOptions.slowDelayMs < 0 ||
                sandboxOptions.slowDelayMs > MaxSandboxDelayMs)
                return usage(QStringLiteral("--sandbox-slow-ms takes a number of milliseconds up "
                                            "to %1")
                                 .arg(MaxSandboxDelayMs));
        }
        sandbox = std::make_unique<SandboxServer>(sandboxOptions);
        if (auto error = sandbox->listen(0)) {
            err() << "tenfold-cli send: cannot start the sandbox: " << error->toString() << "\n";
            return ExitNothingSent;
        }
        options.baseUrl = sandbox->baseUrl();
        options.token = SandboxToken;
    } else {
        if (auto error = checkBaseUrl(options.baseUrl))
            return usage(error->toString());
        // A sandbox needs no token, so the user's real one never goes there unless a token
        // file names it; one started with --token wants its own, which is asked for as usual.
        const bool sandboxHere =
            !parser.isSet(noTokenOption) && !parser.isSet(tokenFileOption) &&
            isLoopbackHost(options.baseUrl.host()) &&
            probeLoopbackServer(options.baseUrl) == LoopbackServer::AnyTokenSandbox;
        if (sandboxHere) {
            err() << "note: " << options.baseUrl.toString()
                  << " is a Tenfold sandbox, which takes any token: yours is not sent\n";
        }
        if (sandboxHere || parser.isSet(noTokenOption)) {
            options.token = SandboxToken;
        } else {
            QString problem;
            const std::optional<QString> token = readToken(parser.value(tokenFileOption), &problem);
            if (!token)
                return usage(problem);
            options.token = *token;
        }
    }

    BatchSender sender;
    const bool showProgress = stderrIsTerminal();
    // Adaptive batches are formed as slots free: their count is only known at the end.
    const int batchCount = options.asComposed ? int(planBatches(session.actions).size()) : 0;
    if (showProgress) {
        // One line per event. A 429 is told once, by the wait that follows it.
        QObject::connect(&sender, &BatchSender::batchFinished, &sender,
                         [&](int number, int status, const QString &outcome) {
                             const BatchRecord &record = sender.run().batches.value(number - 1);
                             const bool settled =
                                 std::all_of(record.actionIndexes.begin(),
                                             record.actionIndexes.end(), [&](int index) {
                                                 return sender.run().results.at(index).state !=
                                                        ActionState::Pending;
                                             });
                             if (status == 429 && !settled)
                                 return;
                             err() << "batch " << number;
                             if (batchCount > 0)
                                 err() << "/" << batchCount;
                             err() << ": " << outcome << "\n";
                             err().flush();
                         });
    }
    // Always said, progress or not: a wait of minutes must never look like a hang.
    QObject::connect(&sender, &BatchSender::waitingForRetryAfter, &sender,
                     [&](int number, int, const QString &wait) {
                         err() << "batch " << number << ": rate limited (429): waiting " << wait
                               << ", then sending it again\n";
                         err().flush();
                     });

    if (auto error = sender.start(session, options)) {
        err() << "tenfold-cli send: " << error->toString() << "\n";
        return ExitUsage;
    }
    const int selected = sender.total();

    // Ctrl-C cancels cleanly: what is in flight is settled and the results file still written.
    interrupted = 0;
    auto previousInt = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &sender, [&] {
        if (interrupted)
            sender.cancel();
    });
    interruptPoll.start(100);
    QEventLoop loop;
    QObject::connect(&sender, &BatchSender::finished, &loop, &QEventLoop::quit);
    if (sender.isRunning())
        loop.exec();
    interruptPoll.stop();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    const SendRun &run = sender.run();
    recordInHistory(run, parser.positionalArguments().constFirst(), parser.isSet(noHistory));
    int code = ExitOk;
    if (parser.isSet(outOption)) {
        if (auto error = saveResults(run, parser.value(outOption))) {
            err() << "tenfold-cli send: could not write the results: " << error->toString() << "\n";
            code = ExitFailed;
        }
    }

    const SendSummary summary = run.summary();
    if (parser.isSet(jsonOption)) {
        out() << serializeResults(run);
        printSummary(err(), run, selected);
    } else {
        printUnfinished(out(), run);
        printSummary(out(), run, selected);
    }

    if (!run.reachedServer && summary.succeeded == 0)
        return ExitNothingSent;
    if (summary.succeeded != selected)
        return ExitFailed;
    return code;
}

} // namespace Tenfold::Cli
