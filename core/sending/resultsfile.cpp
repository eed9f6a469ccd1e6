#include "resultsfile.h"

#include "session/sessionfile.h"
#include "wire/batchbody.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Tenfold {

namespace {

/// A duration or offset in milliseconds as a results file gives it. Anything that is not a
/// finite number a qint64 holds (a damaged or hand-edited file) reads as 0 rather than being
/// converted, which would be undefined behaviour for 5e24 or NaN.
qint64 milliseconds(const QJsonValue &value)
{
    const double number = value.toDouble();
    constexpr double Limit = 9.2e18; // just inside qint64
    if (!std::isfinite(number) || number <= -Limit || number >= Limit)
        return 0;
    return qint64(number);
}

const QLatin1String FormatName("tenfold-results");

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::ResultsFile", text);
}

QJsonArray errorsToJson(const QList<ApiError> &errors)
{
    QJsonArray array;
    for (const ApiError &error : errors) {
        QJsonObject object{{QStringLiteral("message"), error.message}};
        if (!error.help.isEmpty())
            object.insert(QStringLiteral("help"), error.help);
        if (!error.phrase.isEmpty())
            object.insert(QStringLiteral("phrase"), error.phrase);
        array.append(object);
    }
    return array;
}

QList<ApiError> errorsFromJson(const QJsonArray &array)
{
    QList<ApiError> errors;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        errors.append({object.value(QLatin1String("message")).toString(),
                       object.value(QLatin1String("help")).toString(),
                       object.value(QLatin1String("phrase")).toString()});
    }
    return errors;
}

QJsonObject resultToJson(const ActionResult &result)
{
    QJsonObject object{{QStringLiteral("state"), actionStateName(result.state)},
                       {QStringLiteral("status_code"), result.statusCode},
                       {QStringLiteral("headers"), result.headers},
                       {QStringLiteral("batch"), result.batch},
                       {QStringLiteral("attempts"), result.attempts},
                       {QStringLiteral("duration_ms"), double(result.durationMs)}};
    object.insert(QStringLiteral("body"), result.body.isUndefined() ? QJsonValue() : result.body);
    object.insert(QStringLiteral("errors"), errorsToJson(result.errors));
    if (!result.reason.isEmpty())
        object.insert(QStringLiteral("reason"), result.reason);
    return object;
}

QString dateText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QJsonObject resultsToJson(const SendRun &run)
{
    QJsonArray actions;
    for (int i = 0; i < run.actions.size(); ++i) {
        const Action &action = run.actions.at(i);
        QJsonObject object = actionToWire(action);
        object.insert(QStringLiteral("index"), i);
        object.insert(QStringLiteral("enabled"), action.enabled);
        object.insert(QStringLiteral("result"), resultToJson(run.results.value(i)));
        actions.append(object);
    }
    QJsonArray batches;
    for (const BatchRecord &batch : run.batches) {
        QJsonArray indexes;
        for (int index : batch.actionIndexes)
            indexes.append(index);
        batches.append(QJsonObject{{QStringLiteral("number"), batch.number},
                                   {QStringLiteral("actions"), indexes},
                                   {QStringLiteral("attempts"), batch.attempts},
                                   {QStringLiteral("rate_limited"), batch.rateLimited},
                                   {QStringLiteral("http_status"), batch.httpStatus},
                                   {QStringLiteral("started_ms"), double(batch.startedMs)},
                                   {QStringLiteral("duration_ms"), double(batch.durationMs)},
                                   {QStringLiteral("outcome"), batch.outcome}});
    }
    const SendSummary summary = run.summary();
    return QJsonObject{
        {QStringLiteral("format"), FormatName},
        {QStringLiteral("version"), ResultsFormatVersion},
        {QStringLiteral("generator"), QStringLiteral("Tenfold " TENFOLD_VERSION)},
        {QStringLiteral("session"), run.sessionName},
        {QStringLiteral("target"), run.baseUrl.toString()},
        {QStringLiteral("plan"), run.plan.spec()},
        {QStringLiteral("concurrency"), run.plan.concurrencySpec()},
        {QStringLiteral("started_at"), dateText(run.startedAt)},
        {QStringLiteral("finished_at"), dateText(run.finishedAt)},
        {QStringLiteral("wall_ms"), double(run.wallMs)},
        {QStringLiteral("cancelled"), run.cancelled},
        {QStringLiteral("rate_limited"), run.rateLimitedCount},
        {QStringLiteral("reached_server"), run.reachedServer},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("succeeded"), summary.succeeded},
                     {QStringLiteral("failed"), summary.failed},
                     {QStringLiteral("outcome_unknown"), summary.unknown},
                     {QStringLiteral("cancelled"), summary.cancelled},
                     {QStringLiteral("skipped"), summary.skipped}}},
        {QStringLiteral("batches"), batches},
        {QStringLiteral("actions"), actions},
    };
}

QByteArray serializeResults(const SendRun &run)
{
    return QJsonDocument(resultsToJson(run)).toJson(QJsonDocument::Indented);
}

Result<SendRun> parseResults(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{tr("the results file is not valid JSON: %1").arg(parseError.errorString())};
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != FormatName) {
        return Error{
            tr("this is not a Tenfold results file (\"format\" is not \"%1\")").arg(FormatName)};
    }
    const int version = root.value(QLatin1String("version")).toInt();
    if (version < 1 || version > ResultsFormatVersion) {
        return Error{tr("results format version %1 is not supported (this Tenfold reads up to %2); "
                        "use a newer Tenfold")
                         .arg(version)
                         .arg(ResultsFormatVersion)};
    }

    SendRun run;
    run.sessionName = root.value(QLatin1String("session")).toString();
    run.baseUrl = QUrl(root.value(QLatin1String("target")).toString());
    Result<Plan> plan = Plan::parse(root.value(QLatin1String("plan")).toString());
    if (!plan)
        return Error{tr("the results file's plan is not valid: %1").arg(plan.errorString())};
    run.plan = plan.value();
    if (auto error = run.plan.setConcurrency(root.value(QLatin1String("concurrency")).toString()))
        return Error{tr("the results file's concurrency is not valid: %1").arg(error->message)};
    run.startedAt = QDateTime::fromString(root.value(QLatin1String("started_at")).toString(),
                                          Qt::ISODateWithMs);
    run.finishedAt = QDateTime::fromString(root.value(QLatin1String("finished_at")).toString(),
                                           Qt::ISODateWithMs);
    run.wallMs = milliseconds(root.value(QLatin1String("wall_ms")));
    run.cancelled = root.value(QLatin1String("cancelled")).toBool();
    run.rateLimitedCount = root.value(QLatin1String("rate_limited")).toInt();
    run.reachedServer = root.value(QLatin1String("reached_server")).toBool();

    // The actions go through the session loader so they are read exactly like any input.
    const QJsonArray actionArray = root.value(QLatin1String("actions")).toArray();
    QJsonArray wireActions;
    for (const QJsonValue &value : actionArray) {
        QJsonObject object = value.toObject();
        object.remove(QStringLiteral("index"));
        object.remove(QStringLiteral("result"));
        wireActions.append(object);
    }
    if (!wireActions.isEmpty()) {
        Result<LoadedInput> loaded = parseInput(QJsonDocument(wireActions).toJson());
        if (!loaded)
            return Error{
                tr("the results file's actions are not valid: %1").arg(loaded.errorString())};
        run.actions = loaded->session.actions;
    }
    for (int i = 0; i < actionArray.size(); ++i) {
        const QJsonObject object =
            actionArray.at(i).toObject().value(QLatin1String("result")).toObject();
        const auto state = actionStateFromName(object.value(QLatin1String("state")).toString());
        if (!state) {
            return Error{tr("action %1 of the results file has an unknown state \"%2\"")
                             .arg(i + 1)
                             .arg(object.value(QLatin1String("state")).toString())};
        }
        ActionResult result;
        result.state = *state;
        result.statusCode = object.value(QLatin1String("status_code")).toInt();
        result.headers = object.value(QLatin1String("headers")).toObject();
        result.body = object.value(QLatin1String("body"));
        result.errors = errorsFromJson(object.value(QLatin1String("errors")).toArray());
        result.batch = object.value(QLatin1String("batch")).toInt();
        result.attempts = object.value(QLatin1String("attempts")).toInt();
        result.durationMs = milliseconds(object.value(QLatin1String("duration_ms")));
        result.reason = object.value(QLatin1String("reason")).toString();
        run.results.append(result);
    }
    for (const QJsonValue &value : root.value(QLatin1String("batches")).toArray()) {
        const QJsonObject object = value.toObject();
        BatchRecord batch;
        batch.number = object.value(QLatin1String("number")).toInt();
        for (const QJsonValue &index : object.value(QLatin1String("actions")).toArray())
            batch.actionIndexes.append(index.toInt());
        batch.attempts = object.value(QLatin1String("attempts")).toInt();
        batch.rateLimited = object.value(QLatin1String("rate_limited")).toInt();
        batch.httpStatus = object.value(QLatin1String("http_status")).toInt();
        batch.startedMs = milliseconds(object.value(QLatin1String("started_ms")));
        batch.durationMs = milliseconds(object.value(QLatin1String("duration_ms")));
        batch.outcome = object.value(QLatin1String("outcome")).toString();
        run.batches.append(batch);
    }
    return run;
}

Result<SendRun> loadResults(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot read %1: %2").arg(path, file.errorString())};
    if (file.size() > MaxInputBytes)
        return Error{tr("%1 is larger than %2 MiB; is it really a results file?")
                         .arg(path)
                         .arg(MaxInputBytes / (1024 * 1024))};
    return parseResults(file.readAll());
}

std::optional<Error> saveResults(const SendRun &run, const QString &path)
{
    return writeFileAtomically(path, serializeResults(run));
}

} // namespace Tenfold
