#include "batchbody.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tenfold {

namespace {

bool isEmptyJson(const QJsonValue &value)
{
    return value.isUndefined() || (value.isObject() && value.toObject().isEmpty());
}

QByteArray wrap(const QJsonArray &actions)
{
    const QJsonObject body{
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("actions"), actions}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

QList<BatchPlan> planBatches(const QList<Action> &actions, int batchSize)
{
    Q_ASSERT(batchSize > 0);
    QList<BatchPlan> batches;
    for (int i = 0; i < actions.size(); ++i) {
        if (!actions.at(i).enabled)
            continue;
        if (batches.isEmpty() || batches.back().actionIndexes.size() == batchSize)
            batches.append(BatchPlan{int(batches.size()) + 1, {}});
        batches.back().actionIndexes.append(i);
    }
    return batches;
}

QJsonObject actionToWire(const Action &action)
{
    QJsonObject object;
    object.insert(QStringLiteral("method"), action.method.toLower());
    object.insert(QStringLiteral("relative_path"), action.relativePath);
    if (!isEmptyJson(action.data))
        object.insert(QStringLiteral("data"), action.data);
    if (!isEmptyJson(action.options))
        object.insert(QStringLiteral("options"), action.options);
    return object;
}

QByteArray batchBody(const QList<Action> &actions, const QList<int> &indexes)
{
    QJsonArray array;
    for (int index : indexes)
        array.append(actionToWire(actions.at(index)));
    return wrap(array);
}

QByteArray batchBody(const QList<Action> &actions)
{
    QJsonArray array;
    for (const Action &action : actions)
        array.append(actionToWire(action));
    return wrap(array);
}

} // namespace Tenfold
