#pragma once

// Small helpers shared by the sender's end-to-end tests (each test class has its own file).

#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace Tenfold::TestKit {

/// GET /tasks/{gid} on the sandbox's fixed tasks 1401-1450.
inline Action readTask(int i)
{
    Action action;
    action.method = QStringLiteral("get");
    action.relativePath = QStringLiteral("/tasks/%1").arg(1401 + i % 50);
    return action;
}

/// POST /tasks named after its index, so its result shows which action it belongs to.
inline Action createTask(int i)
{
    Action action;
    action.method = QStringLiteral("post");
    action.relativePath = QStringLiteral("/tasks");
    action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("task %1").arg(i)},
                              {QStringLiteral("workspace"), QStringLiteral("1001")}};
    return action;
}

inline Session sessionOf(const QList<Action> &actions)
{
    Session session;
    session.name = QStringLiteral("test");
    session.actions = actions;
    return session;
}

inline Plan planOf(const QString &spec, int maxReads = 50, int maxWrites = 15)
{
    Plan plan = Plan::parse(spec).value();
    plan.maxReads = maxReads;
    plan.maxWrites = maxWrites;
    return plan;
}

inline SendOptions optionsFor(const SandboxServer &sandbox, const Plan &plan = Plan::paid())
{
    SendOptions options;
    options.baseUrl = sandbox.baseUrl();
    options.token = QStringLiteral("test-token");
    options.plan = plan;
    options.retryBackoffMs = 20;
    return options;
}

/// Starts the sender and waits for finished(); false (with a warning) when it never ends.
inline bool sendAll(BatchSender &sender, const Session &session, const SendOptions &options,
                    int timeoutMs = 30000)
{
    QSignalSpy finished(&sender, &BatchSender::finished);
    if (auto error = sender.start(session, options)) {
        qWarning("start refused: %s", qPrintable(error->message));
        return false;
    }
    return finished.wait(timeoutMs);
}

inline int statInt(const SandboxServer &sandbox, const char *key)
{
    return sandbox.stats().value(QLatin1String(key)).toInt();
}

/// Every action of the run ended in a final state (none pending) and the counts add up.
inline bool noActionLost(const SendRun &run, int expected)
{
    const SendSummary summary = run.summary();
    return summary.pending == 0 &&
           summary.succeeded + summary.failed + summary.unknown + summary.cancelled == expected;
}

} // namespace Tenfold::TestKit
