#include "resultsio.h"

#include "results/resultsmodel.h"
#include "sending/resultsfile.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Tenfold {

namespace {

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    // A leading = + - @ would make a spreadsheet evaluate the cell: keep it text.
    if (!bytes.isEmpty() && QByteArray("=+-@").contains(bytes.at(0)))
        bytes.prepend('\'');
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r') || bytes.startsWith('\'')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

QByteArray resultsToCsv(const SendRun &run, const QList<bool> &stale)
{
    QByteArray out = "index,method,relative_path,state,status_code,summary,duration_ms,batch,"
                     "attempts,stale\r\n";
    for (qsizetype i = 0; i < run.results.size(); ++i) {
        const ActionResult &r = run.results.at(i);
        const Action action = run.actions.value(i);
        const QList<QByteArray> fields = {
            QByteArray::number(i),
            csvField(action.method.toLower()),
            csvField(action.relativePath),
            actionStateName(r.state).toUtf8(),
            r.statusCode > 0 ? QByteArray::number(r.statusCode) : QByteArray(),
            csvField(r.state == ActionState::Skipped ? QString() : ResultsModel::summarize(r)),
            r.batch > 0 ? QByteArray::number(r.durationMs) : QByteArray(),
            r.batch > 0 ? QByteArray::number(r.batch) : QByteArray(),
            QByteArray::number(r.attempts),
            stale.value(i) ? QByteArray("true") : QByteArray("false")};
        out += fields.join(',') + "\r\n";
    }
    return out;
}

std::optional<Result<SendRun>> resultsInSession(const QJsonValue &results)
{
    if (results.isUndefined() || results.isNull())
        return std::nullopt;
    if (!results.isObject())
        return Result<SendRun>(Error{QStringLiteral("\"results\" is not an object")});
    return parseResults(QJsonDocument(results.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace Tenfold
