#include "runrecorder.h"

#include "results/resultsmodel.h"
#include "sending/batchsender.h"

namespace Tenfold {

RunRecorder::RunRecorder(BatchSender *sender, ResultsModel *results, QObject *parent)
    : QObject(parent)
    , m_sender(sender)
    , m_results(results)
{
    connect(sender, &BatchSender::actionFinished, this, &RunRecorder::onActionFinished);
    connect(sender, &BatchSender::finished, this, &RunRecorder::onFinished);
}

void RunRecorder::begin(const QList<int> &rows, int actionCount, bool continuesRun)
{
    m_rows = rows;
    m_keys.resize(actionCount);
    for (int row = 0; row < actionCount; ++row)
        m_keys[row] = m_results->keyForRow(row);
    m_results->beginRun(rows, continuesRun);
}

void RunRecorder::onActionFinished(int index)
{
    const SendRun &run = m_sender->run();
    if (index < 0 || index >= m_keys.size() || index >= run.results.size())
        return;
    const int row = m_results->rowForKey(m_keys.at(index));
    if (row >= 0)
        m_results->setResult(row, run.results.at(index), run.actions.value(index));
}

void RunRecorder::onFinished()
{
    if (m_keys.isEmpty())
        return;
    const SendRun &run = m_sender->run();
    // Every action of the send ends in a final state, even those no signal reported.
    for (int index : std::as_const(m_rows)) {
        if (index >= run.results.size() || index >= m_keys.size())
            continue;
        const int row = m_results->rowForKey(m_keys.at(index));
        if (row >= 0 && m_results->entry(row).result.state == ActionState::Pending)
            m_results->setResult(row, run.results.at(index), run.actions.value(index));
    }
    m_results->setRunInfo(run);
    m_keys.clear();
    m_rows.clear();
    emit recorded();
}

} // namespace Tenfold
