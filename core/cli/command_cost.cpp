#include "catalog/endpointcatalog.h"
#include "cli.h"
#include "commandinput.h"
#include "console.h"
#include "cost/costestimate.h"
#include "validation/validator.h"

#include <QJsonDocument>

#include <utility>

namespace Tenfold::Cli {

namespace {

QString formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 120'000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    const qint64 seconds = (ms + 500) / 1000;
    return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

/// "1 read", "2 reads": the text is read by people, so it agrees in number.
QString counted(qint64 count, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? one : many));
}

void printText(const CostEstimate &cost)
{
    const Plan &plan = cost.plan;
    out() << "plan: " << plan.describe() << "\n";
    out() << "actions: " << cost.actions << " (" << counted(cost.reads, "read", "reads") << ", "
          << counted(cost.writes, "write", "writes") << ") in "
          << counted(cost.batches.size(), "batch", "batches") << " of at most 10\n";
    out() << "quota: " << counted(cost.actions, "request", "requests") << " against "
          << plan.windowQuota << " per " << plan.windowSeconds << " s";
    if (cost.actions > plan.windowQuota)
        out() << " (" << (cost.actions + plan.windowQuota - 1) / plan.windowQuota
              << " windows' worth)";
    out() << "\n";
    out() << "concurrency: at most " << counted(cost.maxReadsInBatch, "read", "reads") << " (limit "
          << plan.maxReads << ") and " << counted(cost.maxWritesInBatch, "write", "writes")
          << " (limit " << plan.maxWrites << ") in one batch\n";
    out() << "search: " << counted(cost.searches, "call", "calls") << " against "
          << plan.searchQuota() << " per " << plan.windowSeconds << " s\n";
    out() << "duplication jobs: " << cost.duplications << " (at most " << Plan::DuplicationJobs
          << " at once)\n";
    if (cost.shortestMs >= 0) {
        const CostTiming &timing = cost.timing;
        out() << "shortest send time: " << formatDuration(cost.shortestMs);
        if (timing.readLatencyMs > 0 && timing.readLatencyMs == timing.writeLatencyMs)
            out() << " with " << timing.readLatencyMs << " ms latency per action";
        else if (cost.latencyMs > 0)
            out() << " with " << timing.readLatencyMs << " ms per read and "
                  << timing.writeLatencyMs << " ms per write";
        else
            out() << " plus network time (--latency MS assumes a time per action)";
        if (cost.binding != BindingLimit::None && cost.shortestMs > 0)
            out() << ", bound by " << bindingLimitText(cost.binding);
        out() << (timing.asComposed ? " (batches as composed)" : "") << "\n";
    } else {
        out() << "shortest send time: never (a batch breaks a limit on its own)\n";
    }
    for (const CostWarning &warning : cost.warnings)
        out() << "warning: " << warning.message << " [" << warning.code << "]\n";
}

} // namespace

int runCost(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption planOption(
        QStringLiteral("plan"),
        QStringLiteral("free, paid or REQUESTS/SECONDS (default: the "
                       "session's plan, else paid)."),
        QStringLiteral("plan"));
    const QCommandLineOption concurrencyOption(
        QStringLiteral("concurrency"),
        QStringLiteral("Reads and writes in flight (default 50,15)."), QStringLiteral("R,W"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency"),
        QStringLiteral("Assume each action takes MS to answer (default 0)."), QStringLiteral("MS"));
    const QCommandLineOption readLatencyOption(
        QStringLiteral("read-latency"),
        QStringLiteral("Assume each read takes MS to answer (default: --latency)."),
        QStringLiteral("MS"));
    const QCommandLineOption writeLatencyOption(
        QStringLiteral("write-latency"),
        QStringLiteral("Assume each write takes MS to answer (default: --latency)."),
        QStringLiteral("MS"));
    const QCommandLineOption asComposedOption(
        QStringLiteral("as-composed"),
        QStringLiteral("Time the batches as composed (send --as-composed; automatic for a batch "
                       "body) instead of batches formed as slots free."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({planOption, concurrencyOption, latencyOption, readLatencyOption,
                       writeLatencyOption, asComposedOption, jsonOption, variableOption()});
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("cost"),
            QStringLiteral("Preview what sending costs: batches, requests against the quota, "
                           "concurrency, search calls, and the shortest time the limits allow."),
            {{QStringLiteral("FILE"), QStringLiteral("Session, batch body or action array; - for "
                                                     "stdin.")}}))
        return *code;

    std::optional<LoadedInput> input =
        loadCommandInput(parser.positionalArguments().constFirst(), parser);
    if (!input)
        return ExitUsage;

    // The cost of other broken actions is still worth a look, but a batch body Asana refuses
    // as a whole has no cost to preview: the same verdict as validate, body and send.
    if (std::optional<Diagnostic> tooMany = batchBodySizeError(input->session, input->kind)) {
        printErrors({*tooMany}, parser.positionalArguments().constFirst());
        return ExitFailed;
    }

    Plan plan = input->session.plan;
    if (parser.isSet(planOption)) {
        Result<Plan> parsed = Plan::parse(parser.value(planOption));
        if (!parsed) {
            err() << "tenfold-cli cost: " << parsed.errorString() << "\n";
            return ExitUsage;
        }
        const Plan previous = plan;
        plan = parsed.value();
        plan.maxReads = previous.maxReads;
        plan.maxWrites = previous.maxWrites;
    }
    if (parser.isSet(concurrencyOption)) {
        if (auto error = plan.setConcurrency(parser.value(concurrencyOption))) {
            err() << "tenfold-cli cost: " << error->toString() << "\n";
            return ExitUsage;
        }
    }
    CostTiming timing;
    timing.asComposed = parser.isSet(asComposedOption) || input->kind == InputKind::BatchBody;
    for (const auto &[option, targets] :
         {std::pair{&latencyOption, QList<int *>{&timing.readLatencyMs, &timing.writeLatencyMs}},
          std::pair{&readLatencyOption, QList<int *>{&timing.readLatencyMs}},
          std::pair{&writeLatencyOption, QList<int *>{&timing.writeLatencyMs}}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const int ms = parser.value(*option).toInt(&ok);
        if (!ok || ms < 0) {
            err() << "tenfold-cli cost: --" << option->names().constFirst()
                  << " takes a number of milliseconds, e.g. 40\n";
            return ExitUsage;
        }
        for (int *target : targets)
            *target = ms;
    }

    QList<Action> resolved;
    for (const Action &action : std::as_const(input->session.actions))
        resolved.append(resolveVariables(action, input->session.variables));
    const CostEstimate cost = estimateCost(resolved, plan, EndpointCatalog::builtin(), timing);
    if (parser.isSet(jsonOption))
        out() << QJsonDocument(cost.toJson()).toJson(QJsonDocument::Indented);
    else
        printText(cost);
    return cost.warnings.isEmpty() ? ExitOk : ExitFailed;
}

} // namespace Tenfold::Cli
