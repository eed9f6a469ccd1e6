#include "cli.h"
#include "commandinput.h"
#include "console.h"
#include "history/historystore.h"
#include "session/sessionfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tenfold::Cli {

namespace {

QJsonObject recordToJson(const RunRecord &record)
{
    return QJsonObject{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("started_at"), record.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("finished_at"), record.finishedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("session"), record.sessionName},
        {QStringLiteral("session_path"), record.sessionPath},
        {QStringLiteral("actions_hash"), record.actionsHash},
        {QStringLiteral("target"), record.target},
        {QStringLiteral("plan"), record.plan},
        {QStringLiteral("source"), record.source},
        {QStringLiteral("outcome"), runOutcomeName(record.outcome)},
        {QStringLiteral("actions"), record.actionCount},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("succeeded"), record.summary.succeeded},
                     {QStringLiteral("failed"), record.summary.failed},
                     {QStringLiteral("outcome_unknown"), record.summary.unknown},
                     {QStringLiteral("cancelled"), record.summary.cancelled},
                     {QStringLiteral("skipped"), record.summary.skipped}}},
        {QStringLiteral("wall_ms"), record.wallMs},
        {QStringLiteral("rate_limited"), record.rateLimited},
    };
}

/// Opens the history for reading; a notice (a damaged file moved aside) goes to stderr.
std::optional<Error> openStore(HistoryStore &store, const QString &command)
{
    auto error = store.open();
    if (!store.notice().isEmpty())
        err() << "tenfold-cli " << command << ": warning: " << store.notice() << "\n";
    return error;
}

int runHistoryShow(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(
        QStringLiteral("out"),
        QStringLiteral("Write the run's results file here instead of standard output."),
        QStringLiteral("RESULTS.json"));
    parser.addOption(outOption);
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("history show"),
            QStringLiteral("Give back one recorded run as a results file (docs/RESULTS-FORMAT.md): "
                           "open it in the window, compare it with 'tenfold-cli diff', or "
                           "resend what failed with 'send --only-failed-from'."),
            {{QStringLiteral("ID"), QStringLiteral("The run's id, as 'tenfold-cli history' lists "
                                                   "it.")}}))
        return *code;
    bool ok = false;
    const qint64 id = parser.positionalArguments().constFirst().toLongLong(&ok);
    if (!ok || id <= 0) {
        err() << "tenfold-cli history show: '" << parser.positionalArguments().constFirst()
              << "' is not a run id; 'tenfold-cli history' lists them\n";
        return ExitUsage;
    }
    HistoryStore store;
    if (auto error = openStore(store, QStringLiteral("history show"))) {
        err() << "tenfold-cli history show: " << error->toString() << "\n";
        return ExitUsage;
    }
    Result<QByteArray> json = store.resultsJson(id);
    if (!json) {
        err() << "tenfold-cli history show: " << json.errorString() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(outOption)) {
        if (auto error = writeFileAtomically(parser.value(outOption), json.value())) {
            err() << "tenfold-cli history show: " << error->toString() << "\n";
            return ExitFailed;
        }
        return ExitOk;
    }
    out() << QString::fromUtf8(json.value());
    if (!json->endsWith('\n'))
        out() << "\n";
    return ExitOk;
}

} // namespace

int runHistory(const QStringList &arguments)
{
    if (arguments.value(0) == QLatin1String("show"))
        return runHistoryShow(arguments.mid(1));

    QCommandLineParser parser;
    const QCommandLineOption sessionOption(QStringLiteral("session"),
                                           QStringLiteral("Only runs of this session file."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("At most N runs, newest first (default "
                                                        "20; 0 for all)."),
                                         QStringLiteral("N"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the runs as a JSON array."));
    const QCommandLineOption keepRunsOption(
        QStringLiteral("keep-runs"),
        QStringLiteral("Keep only the newest N runs (0: no limit; the window and the CLI share "
                       "the setting)."),
        QStringLiteral("N"));
    const QCommandLineOption keepDaysOption(
        QStringLiteral("keep-days"),
        QStringLiteral("Keep only runs of the last N days (0: no limit)."), QStringLiteral("N"));
    parser.addOptions({sessionOption, limitOption, jsonOption, keepRunsOption, keepDaysOption});
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("history"),
            QStringLiteral(
                "List the recorded runs, newest first. Every 'tenfold-cli send' (unless "
                "--no-history) and every send from the window is recorded in "
                "history.sqlite in the user's data folder; TENFOLD_HISTORY names another "
                "file. 'tenfold-cli history show ID' gives a run back as a results file; "
                "'tenfold-cli diff ID ID' compares two."),
            {}))
        return *code;

    auto usage = [](const QString &message) {
        err() << "tenfold-cli history: " << message << "\n";
        return int(ExitUsage);
    };
    auto count = [&](const QCommandLineOption &option, int fallback, bool *valid) {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        *valid = *valid && ok && value >= 0;
        return value;
    };
    bool valid = true;
    HistoryFilter filter;
    filter.limit = count(limitOption, 20, &valid);
    if (!valid)
        return usage(QStringLiteral("--limit takes a number of runs, e.g. 50 (0 for all)"));
    if (filter.limit == 0)
        filter.limit = -1;
    if (parser.isSet(sessionOption))
        filter.sessionPath = QFileInfo(parser.value(sessionOption)).absoluteFilePath();

    HistoryStore store;
    if (auto error = openStore(store, QStringLiteral("history")))
        return usage(error->toString());

    if (parser.isSet(keepRunsOption) || parser.isSet(keepDaysOption)) {
        Retention retention = store.retention();
        retention.keepRuns = count(keepRunsOption, retention.keepRuns, &valid);
        retention.keepDays = count(keepDaysOption, retention.keepDays, &valid);
        if (!valid)
            return usage(QStringLiteral("--keep-runs and --keep-days take a number (0: no "
                                        "limit)"));
        if (auto error = store.setRetention(retention))
            return usage(error->toString());
    }

    Result<QList<RunRecord>> records = store.list(filter);
    if (!records)
        return usage(records.errorString());

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const RunRecord &record : records.value())
            array.append(recordToJson(record));
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    if (records->isEmpty()) {
        out() << "no runs recorded in " << store.path()
              << (filter.sessionPath.isEmpty() ? QString()
                                               : QStringLiteral(" for ") + filter.sessionPath)
              << "\n";
        return ExitOk;
    }
    out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                 .arg(QStringLiteral("ID").rightJustified(5),
                      QStringLiteral("STARTED").leftJustified(19),
                      QStringLiteral("OUTCOME").leftJustified(15),
                      QStringLiteral("OK/FAIL/?/ALL").leftJustified(15),
                      QStringLiteral("SESSION").leftJustified(24), QStringLiteral("TARGET"));
    for (const RunRecord &record : records.value()) {
        const QString counts = QStringLiteral("%1/%2/%3/%4")
                                   .arg(record.summary.succeeded)
                                   .arg(record.summary.failed)
                                   .arg(record.summary.unknown)
                                   .arg(record.actionCount);
        QString session = record.sessionName.isEmpty() ? QFileInfo(record.sessionPath).fileName()
                                                       : record.sessionName;
        if (session.isEmpty())
            session = QStringLiteral("-");
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                     .arg(QString::number(record.id).rightJustified(5),
                          record.startedAt.toLocalTime().toString(
                              QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                          runOutcomeText(record.outcome).leftJustified(15),
                          counts.leftJustified(15), session.leftJustified(24), record.target);
    }
    return ExitOk;
}

} // namespace Tenfold::Cli
