#include "sendresult.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Tenfold {

QString actionStateName(ActionState state)
{
    switch (state) {
    case ActionState::Pending:
        return QStringLiteral("pending");
    case ActionState::Succeeded:
        return QStringLiteral("succeeded");
    case ActionState::Failed:
        return QStringLiteral("failed");
    case ActionState::OutcomeUnknown:
        return QStringLiteral("outcome_unknown");
    case ActionState::Cancelled:
        return QStringLiteral("cancelled");
    case ActionState::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

std::optional<ActionState> actionStateFromName(const QString &name)
{
    for (ActionState state :
         {ActionState::Pending, ActionState::Succeeded, ActionState::Failed,
          ActionState::OutcomeUnknown, ActionState::Cancelled, ActionState::Skipped}) {
        if (actionStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QString actionStateText(ActionState state)
{
    switch (state) {
    case ActionState::Pending:
        return QCoreApplication::translate("Tenfold::ActionState", "pending");
    case ActionState::Succeeded:
        return QCoreApplication::translate("Tenfold::ActionState", "succeeded");
    case ActionState::Failed:
        return QCoreApplication::translate("Tenfold::ActionState", "failed");
    case ActionState::OutcomeUnknown:
        return QCoreApplication::translate("Tenfold::ActionState", "outcome unknown");
    case ActionState::Cancelled:
        return QCoreApplication::translate("Tenfold::ActionState", "cancelled");
    case ActionState::Skipped:
        break;
    }
    return QCoreApplication::translate("Tenfold::ActionState", "skipped");
}

QList<ApiError> parseApiErrors(const QJsonValue &body)
{
    QList<ApiError> errors;
    const QJsonArray array = body.toObject().value(QLatin1String("errors")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            continue;
        errors.append({object.value(QLatin1String("message")).toString(),
                       object.value(QLatin1String("help")).toString(),
                       object.value(QLatin1String("phrase")).toString()});
    }
    return errors;
}

void SendSummary::add(ActionState state)
{
    switch (state) {
    case ActionState::Pending:
        ++pending;
        break;
    case ActionState::Succeeded:
        ++succeeded;
        break;
    case ActionState::Failed:
        ++failed;
        break;
    case ActionState::OutcomeUnknown:
        ++unknown;
        break;
    case ActionState::Cancelled:
        ++cancelled;
        break;
    case ActionState::Skipped:
        ++skipped;
        break;
    }
}

SendSummary SendRun::summary() const
{
    SendSummary summary;
    for (const ActionResult &result : results)
        summary.add(result.state);
    return summary;
}

QList<int> SendRun::unfinishedIndexes() const
{
    QList<int> indexes;
    for (int i = 0; i < results.size(); ++i) {
        const ActionState state = results.at(i).state;
        if (state == ActionState::Failed || state == ActionState::OutcomeUnknown ||
            state == ActionState::Cancelled)
            indexes.append(i);
    }
    return indexes;
}

} // namespace Tenfold
