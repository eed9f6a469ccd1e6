#pragma once
// SendRuns as a send would leave them, for the history and compare tests.
#include "sending/sendresult.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tenfold::Fixtures {

inline Action action(const QString &method, const QString &path, const QJsonObject &data = {})
{
    Action action;
    action.method = method;
    action.relativePath = path;
    action.data = data;
    return action;
}

inline ActionResult answer(int status, const QJsonValue &body, const QJsonObject &headers = {})
{
    ActionResult result;
    result.state = status >= 200 && status < 300 ? ActionState::Succeeded : ActionState::Failed;
    result.statusCode = status;
    result.body = body;
    result.headers = headers;
    result.errors = parseApiErrors(body);
    result.batch = 1;
    result.attempts = 1;
    result.durationMs = 40;
    if (result.state == ActionState::Failed)
        result.reason = QStringLiteral("answered %1").arg(status);
    return result;
}

/// A run of `actions` with `results`, one batch, sent to the sandbox now.
inline SendRun run(const QList<Action> &actions, const QList<ActionResult> &results,
                   const QString &name = QStringLiteral("fixture"))
{
    SendRun run;
    run.sessionName = name;
    run.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:40123/api/1.0"));
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.finishedAt = run.startedAt.addMSecs(41);
    run.wallMs = 41;
    run.reachedServer = true;
    run.actions = actions;
    run.results = results;
    BatchRecord batch;
    batch.number = 1;
    for (int i = 0; i < actions.size(); ++i)
        batch.actionIndexes.append(i);
    batch.attempts = 1;
    batch.httpStatus = 200;
    batch.startedMs = 0;
    batch.durationMs = 40;
    batch.outcome = QStringLiteral("done");
    run.batches = {batch};
    return run;
}

/// The run of a session that creates a task (gid `created`) and reads task 1401.
inline SendRun createAndRead(const QString &created, const QString &createdAt)
{
    const QJsonObject task{{"gid", created},
                           {"name", "Draft"},
                           {"created_at", createdAt},
                           {"modified_at", createdAt},
                           {"permalink_url", QString("https://app.asana.com/0/0/" + created)}};
    const QJsonObject read{{"gid", "1401"}, {"name", "Existing"}, {"modified_at", createdAt}};
    return run({action("post", "/tasks", {{"name", "Draft"}, {"workspace", "1001"}}),
                action("get", "/tasks/1401")},
               {answer(201, QJsonObject{{"data", task}},
                       {{"location", QString("/api/1.0/tasks/" + created)}}),
                answer(200, QJsonObject{{"data", read}})});
}

} // namespace Tenfold::Fixtures
