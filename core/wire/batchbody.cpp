#include "batchbody.h"

#include "jsonwriter.h"

#include <QtConcurrent/QtConcurrentMap>

namespace Tenfold {

namespace {

bool isEmptyJson(const QJsonValue &value)
{
    return value.isUndefined() || (value.isObject() && value.toObject().isEmpty());
}

const char BodyStart[] = "{\"data\":{\"actions\":[";
const char BodyEnd[] = "]}}";

/// Writes one action exactly as QJsonDocument would write actionToWire()'s object (keys in
/// sorted order), straight into the body.
void appendWireAction(QByteArray &out, const Action &action)
{
    out += '{';
    if (!isEmptyJson(action.data)) {
        out += "\"data\":";
        appendJson(out, action.data);
        out += ',';
    }
    out += "\"method\":";
    appendJsonString(out, action.method.toLower());
    if (!isEmptyJson(action.options)) {
        out += ",\"options\":";
        appendJson(out, action.options);
    }
    out += ",\"relative_path\":";
    appendJsonString(out, action.relativePath);
    out += '}';
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
    QByteArray body(BodyStart);
    for (int index : indexes) {
        if (body.size() > qsizetype(sizeof BodyStart) - 1)
            body += ',';
        appendWireAction(body, actions.at(index));
    }
    body += BodyEnd;
    return body;
}

QByteArray batchBody(const QList<Action> &actions)
{
    QByteArray body(BodyStart);
    for (const Action &action : actions) {
        if (body.size() > qsizetype(sizeof BodyStart) - 1)
            body += ',';
        appendWireAction(body, action);
    }
    body += BodyEnd;
    return body;
}

void forEachBatchBody(const QList<Action> &actions, const QList<BatchPlan> &batches,
                      const std::function<void(const BatchPlan &, const QByteArray &)> &consume)
{
    auto write = [&actions](const BatchPlan &batch) {
        return batchBody(actions, batch.actionIndexes);
    };
    constexpr qsizetype Slice = 256; // enough to keep every core busy, small enough to not pile up
    for (qsizetype first = 0; first < batches.size(); first += Slice) {
        const QList<BatchPlan> slice = batches.mid(first, Slice);
        const QList<QByteArray> bodies =
            slice.size() < 32 ? [&] {
                QList<QByteArray> sequential;
                for (const BatchPlan &batch : slice)
                    sequential.append(write(batch));
                return sequential;
            }()
                              : QtConcurrent::blockingMapped(slice, write);
        for (qsizetype i = 0; i < slice.size(); ++i)
            consume(slice.at(i), bodies.at(i));
    }
}

} // namespace Tenfold
