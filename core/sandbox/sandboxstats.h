#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Tenfold {

/// What the sandbox has served, for GET /__sandbox/stats and the CLI's closing summary.
class SandboxStats
{
public:
    void countRequest(int status);
    void countBatch(int actions);
    void countActionStatus(int status);
    void countRateLimited(bool window, bool concurrent, bool search);
    void countFault(const QString &name);
    void setMaxInFlight(int reads, int writes);
    /// An admitted action was held in flight for `ms` (its latency).
    void countHeld(bool write, int ms);

    int requests() const { return m_requests; }

    /// {"requests","batches","actions","status":{..},"action_status":{..},
    ///  "rate_limited":{"window","concurrent","search"},"max_in_flight":{"reads","writes"},
    ///  "held_ms":{"reads","writes"},"faults":{..}}; held_ms sums the latencies of admitted
    ///  actions (what a benchmark's lower bound is computed from)
    QJsonObject toJson() const;
    /// A few lines for people (the CLI prints them when it stops).
    QString summary() const;

private:
    int m_requests = 0;
    int m_batches = 0;
    int m_actions = 0;
    QMap<int, int> m_status;
    QMap<int, int> m_actionStatus;
    int m_limitedWindow = 0;
    int m_limitedConcurrent = 0;
    int m_limitedSearch = 0;
    QMap<QString, int> m_faults;
    int m_maxReads = 0;
    int m_maxWrites = 0;
    qint64 m_heldReadsMs = 0;
    qint64 m_heldWritesMs = 0;
};

} // namespace Tenfold
