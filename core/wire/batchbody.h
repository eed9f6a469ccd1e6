#pragma once

#include "model/action.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace Tenfold {

/// Asana refuses a batch of more than 10 actions.
constexpr int MaxActionsPerBatch = 10;

/// One POST /batch request: which of the session's actions it carries, in order.
struct BatchPlan
{
    int number = 0;           ///< 1-based, in sending order
    QList<int> actionIndexes; ///< 0-based indexes into the session's actions
};

/// Splits the enabled actions, in order, into batches of at most `batchSize`.
QList<BatchPlan> planBatches(const QList<Action> &actions, int batchSize = MaxActionsPerBatch);

/// The wire form of one action: method lower case; data and options left out when absent or
/// empty; note and enabled never leave Tenfold.
QJsonObject actionToWire(const Action &action);

/// The exact POST /batch body, compact: {"data":{"actions":[...]}}.
QByteArray batchBody(const QList<Action> &actions, const QList<int> &indexes);
QByteArray batchBody(const QList<Action> &actions);

/// Hands the body of every batch, in order, to `consume`. Bodies are written on all cores a
/// slice at a time, so memory stays bounded however many batches there are.
void forEachBatchBody(const QList<Action> &actions, const QList<BatchPlan> &batches,
                      const std::function<void(const BatchPlan &, const QByteArray &)> &consume);

} // namespace Tenfold
