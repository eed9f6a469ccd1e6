#pragma once

#include <QList>
#include <QObject>

namespace Tenfold {

class BatchSender;
class ResultsModel;

/// Puts the answers of the window's sends on the result rows as they arrive. Each action index
/// of a send is tied to its row's key when the send starts, so answers land on the right row
/// even while the user edits the table, and every action of the send ends in a final state.
class RunRecorder : public QObject
{
    Q_OBJECT

public:
    RunRecorder(BatchSender *sender, ResultsModel *results, QObject *parent = nullptr);

    /// Call once the sender has started: `rows` are the rows it sends, out of `actionCount`.
    /// A send that `continuesRun` (Send Failed Again) keeps each row's earlier sends.
    void begin(const QList<int> &rows, int actionCount, bool continuesRun);
    /// True from begin() until the sender's answers are all on the rows.
    bool isRecording() const { return !m_keys.isEmpty(); }

signals:
    /// Every answer of the send is on its row.
    void recorded();

private:
    void onActionFinished(int index);
    void onFinished();

    BatchSender *m_sender;
    ResultsModel *m_results;
    QList<quint64> m_keys; // the result row key for each action index of the send
    QList<int> m_rows;     // the action indexes the send takes
};

} // namespace Tenfold
