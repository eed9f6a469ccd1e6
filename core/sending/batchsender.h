#pragma once

#include "batchpolicy.h"
#include "common/result.h"
#include "model/session.h"
#include "readyqueue.h"
#include "sendresult.h"
#include "sendscheduler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Tenfold {

/// How to send: where, as whom, under which limits, and how patient to be.
struct SendOptions
{
    QUrl baseUrl;  ///< the API root, e.g. https://app.asana.com/api/1.0; /batch is appended
    QString token; ///< the bearer token; only ever put in the Authorization header
    Plan plan;
    int timeoutMs = 60'000;       ///< a batch without an answer by then is given up
    int maxRateLimitAttempts = 5; ///< 429 answers one batch may meet before it is given up
    int maxReadAttempts = 3;      ///< sends of a read-only batch after unknown outcomes
    int retryBackoffMs = 500;     ///< before the 2nd send of a read-only batch; doubles after
    qint64 safetyMarginMs = -1;   ///< added to the window; -1: SendScheduler::defaultMarginMs()
    int maxBatchesInFlight = SendScheduler::DefaultMaxBatchesInFlight;
    /// The size a slot-bound kind is sent in, unless the slots shared out over the batches in
    /// flight give more (BatchPolicy::forLimits()).
    int smallBatchSize = BatchPolicy::DefaultSmallBatch;
    /// A slot-bound batch smaller than this waits for the next answer instead.
    int minBatchSize = BatchPolicy::DefaultMinBatch;
    /// Send the batches exactly as composed (10 enabled actions each, in table order) instead of
    /// forming each batch when a slot frees.
    bool asComposed = false;
    QList<int> onlyIndexes; ///< when not empty, only these (enabled) actions are sent
};

/// Checks that a base URL may carry a token: https, or plain http to a loopback host only.
std::optional<Error> checkBaseUrl(const QUrl &baseUrl);

/// Sends a session's enabled actions as POST /batch requests of at most 10, scheduled so the
/// plan's limits are never exceeded, and maps every result back to its action.
///
/// Adaptive (the default): the selected actions wait in a ReadyQueue, and a batch is formed at
/// the moment one may go, from what the free slots and quotas allow (BatchPolicy). As composed
/// (SendOptions::asComposed): the batches are the composed ones, each sent when it fits whole.
///
/// Safety rules: a batch holding any write is never resent after an unknown outcome (its actions
/// become OutcomeUnknown); a read-only batch is retried with bounded backoff; a 429 holds all
/// sending for Retry-After and resends that batch (none of it ran). The network layer is kept from
/// resending on its own (Qt would silently resend a POST on a dropped connection).
class BatchSender : public QObject
{
    Q_OBJECT

public:
    /// Uses `network` when given (not owned), else a manager of its own.
    explicit BatchSender(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~BatchSender() override;

    /// Starts sending; returns an error (and sends nothing) for a refused URL, a missing token or
    /// when already running. Results are then in run(); finished() is emitted at the end, also
    /// when nothing was selected.
    std::optional<Error> start(const Session &session, const SendOptions &options);
    /// Aborts batches in flight (their writes become OutcomeUnknown) and cancels the pending ones.
    void cancel();

    bool isRunning() const { return m_running; }
    const SendRun &run() const { return m_run; }
    /// Actions this run sends (enabled and selected).
    int total() const { return m_total; }

signals:
    void batchStarted(int batchNumber, int attempt, int actionCount);
    /// `outcome` is one line for people ("10 succeeded", "outcome unknown: ...", "429, retrying").
    void batchFinished(int batchNumber, int httpStatus, const QString &outcome);
    void actionFinished(int actionIndex);
    void progress(int done, int total);
    /// A 429 came: all sending waits `seconds` before `batchNumber` goes again. `wait` says so
    /// for people, with the header as sent ("6 s (Retry-After: Tue, 01 Dec 2026 05:41:55 GMT)").
    void waitingForRetryAfter(int batchNumber, int seconds, const QString &wait);
    void finished();

private:
    struct Batch
    {
        int number = 0;
        QList<int> indexes;
        BatchLoad load;
        bool hasWrite = false;
        int attempts = 0;
        int rateLimited = 0;
        qint64 notBeforeMs = 0;
    };
    struct Flight
    {
        QNetworkAccessManager *network = nullptr;
        Batch batch;
        QTimer *timeout = nullptr;
        qint64 startedMs = 0;
        bool timedOut = false;
        bool cancelled = false;
    };

    qint64 now() const;
    void dispatch();
    /// Starts what may go of `batches` (batches to send again, or the composed ones) in order.
    void dispatchFormed(QList<Batch> &batches, qint64 at, qint64 *wake);
    /// Forms batches from the ready queue while the policy lets one go.
    void dispatchReady(qint64 at, qint64 *wake);
    Batch formBatch(const QList<int> &indexes);
    void startBatch(Batch batch);
    QNetworkAccessManager *nextNetwork();
    void onReplyFinished(QNetworkReply *reply);
    void retryOrGiveUp(const Batch &batch, const Flight &flight, int httpStatus,
                       const QJsonValue &body, const QString &reason);
    void settle(const Batch &batch, ActionState state, int httpStatus, const QJsonValue &body,
                const QString &reason, qint64 durationMs);
    void settleUnsent(const QList<int> &indexes, ActionState state, const QString &reason);
    /// Ends everything not sent yet in `state`: cancel, or a server that cannot be reached.
    void dropUnsent(ActionState state, const QString &fresh, const QString &again);
    void finishAction(int index);
    void finishBatchRecord(const Batch &batch, int httpStatus, const QString &outcome);
    void finishIfDone();
    BatchRecord &record(int number);

    QList<QNetworkAccessManager *> m_networks; ///< one per 6 batches in flight (HTTP/1.1)
    bool m_ownNetworks = true;
    SendOptions m_options;
    std::optional<SendScheduler> m_scheduler;
    BatchPolicy m_policy;
    SendRun m_run;
    QList<ActionKind> m_kinds; ///< per action of the session
    ReadyQueue m_ready;        ///< adaptive: actions that may go, not in a batch yet
    QList<Batch> m_composed;   ///< as composed: the batches not sent yet, in order
    QList<Batch> m_again;      ///< batches to send again (429, read retries), before new ones
    QHash<QNetworkReply *, Flight> m_inFlight;
    QHash<QNetworkAccessManager *, int> m_flightsPerNetwork;
    QTimer *m_wakeTimer = nullptr;
    QElapsedTimer m_clock;
    bool m_running = false;
    bool m_paced = false; ///< after a 429: batches in flight grow back from 1
    bool m_cancelling = false;
    QString m_stopReason; ///< why nothing more is sent (the server could not be reached)
    int m_total = 0;
    int m_done = 0;
};

} // namespace Tenfold
