#include "batchsender.h"

#include "batchresponse.h"
#include "catalog/endpointcatalog.h"
#include "common/plural.h"
#include "model/target.h"
#include "model/variables.h"
#include "retryafter.h"
#include "wire/batchbody.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

namespace Tenfold {

namespace {

/// A server that echoes the request (a debugging proxy, a hostile one) would put the token into
/// the results, which are saved, kept in sessions and recorded in the history. The answer is
/// cleaned of it, also in JSON's escaped form ("\/"), before anything reads it. Only tokens that
/// cannot be ordinary text or a number are looked for: Asana's hold "/" and ":".
QByteArray withoutToken(QByteArray bytes, const QString &token)
{
    const QByteArray plain = token.toUtf8();
    const bool distinctive =
        plain.size() >= 12 &&
        std::any_of(plain.begin(), plain.end(), [](char c) { return !(c >= '0' && c <= '9'); });
    if (!distinctive)
        return bytes;
    static const QByteArray removed = QByteArrayLiteral("[token removed]");
    bytes.replace(plain, removed);
    QByteArray escaped = plain;
    escaped.replace("/", "\\/");
    if (escaped != plain)
        bytes.replace(escaped, removed);
    return bytes;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::BatchSender", text);
}

/// The request body as a device that cannot be rewound. Qt's HTTP/1.1 code silently resends a
/// request (POST included) when the server closes the connection before answering; it needs to
/// rewind the body for that, so with this device the reply fails instead (ContentReSendError) and
/// the sender, which knows whether the batch holds writes, decides.
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return m_position == 0; }
    qint64 size() const override { return m_bytes.size(); }
    qint64 bytesAvailable() const override
    {
        return m_bytes.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_bytes.size() - m_position);
        std::memcpy(data, m_bytes.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_position = 0;
};

/// Errors that happen before a single byte of the request can have reached the server.
bool neverReached(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
        return true;
    default:
        return false;
    }
}

/// "10 search calls against 5 per 5 s", for each limit a batch breaks on its own.
QString describeOverLimits(const BatchLoad &load, const Plan &plan)
{
    QStringList parts;
    if (load.actions > plan.windowQuota)
        parts.append(tr("%1 actions against %2 per %3 s")
                         .arg(load.actions)
                         .arg(plan.windowQuota)
                         .arg(plan.windowSeconds));
    if (load.reads > plan.maxReads)
        parts.append(tr("%1 reads against %2 in flight").arg(load.reads).arg(plan.maxReads));
    if (load.writes > plan.maxWrites)
        parts.append(tr("%1 writes against %2 in flight").arg(load.writes).arg(plan.maxWrites));
    if (load.searches > plan.searchQuota())
        parts.append(tr("%1 search calls against %2 per %3 s")
                         .arg(load.searches)
                         .arg(plan.searchQuota())
                         .arg(plan.windowSeconds));
    return parts.join(QStringLiteral(", "));
}

QString firstErrorMessage(const QJsonValue &body)
{
    const QList<ApiError> errors = parseApiErrors(body);
    if (errors.isEmpty())
        return {};
    QString text = errors.constFirst().message;
    if (!errors.constFirst().phrase.isEmpty())
        text += QStringLiteral(" (phrase: %1)").arg(errors.constFirst().phrase);
    return text;
}

} // namespace

std::optional<Error> checkBaseUrl(const QUrl &baseUrl)
{
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()) {
        return Error{tr("\"%1\" is not a valid base URL; give the API root, e.g. "
                        "https://app.asana.com/api/1.0")
                         .arg(baseUrl.toString())};
    }
    const QString scheme = baseUrl.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return std::nullopt;
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(baseUrl.host()))
            return std::nullopt;
        return Error{tr("refusing to send the token over plain http to %1: use https:// (plain "
                        "http is only allowed to this computer, e.g. the sandbox)")
                         .arg(baseUrl.host())};
    }
    return Error{tr("\"%1\" is not an http(s) URL; give the API root, e.g. "
                    "https://app.asana.com/api/1.0")
                     .arg(baseUrl.toString())};
}

BatchSender::BatchSender(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_ownNetworks(network == nullptr)
    , m_wakeTimer(new QTimer(this))
{
    m_networks.append(network ? network : new QNetworkAccessManager(this));
    // Precise: a coarse timer may fire up to 5% early, which would be a 429 at a window's edge.
    m_wakeTimer->setTimerType(Qt::PreciseTimer);
    m_wakeTimer->setSingleShot(true);
    connect(m_wakeTimer, &QTimer::timeout, this, &BatchSender::dispatch);
}

BatchSender::~BatchSender()
{
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

qint64 BatchSender::now() const
{
    return m_clock.elapsed();
}

std::optional<Error> BatchSender::start(const Session &session, const SendOptions &options)
{
    if (m_running)
        return Error{tr("a send is already running; wait for it or cancel it first")};
    if (auto error = checkBaseUrl(options.baseUrl))
        return error;
    if (options.token.isEmpty())
        return Error{tr("no access token: set one before sending")};
    if (options.plan.windowQuota < 1 || options.plan.maxReads < 1 || options.plan.maxWrites < 1)
        return Error{tr("the plan allows no request at all (%1): nothing can be sent")
                         .arg(options.plan.describe())};

    m_options = options;
    m_run = SendRun{};
    m_run.sessionName = session.name;
    m_run.baseUrl = options.baseUrl;
    m_run.plan = options.plan;
    m_run.startedAt = QDateTime::currentDateTimeUtc();
    m_ready = ReadyQueue{};
    m_composed.clear();
    m_again.clear();
    m_kinds.clear();
    m_done = 0;
    m_total = 0;
    m_paced = false;
    m_cancelling = false;
    m_stopReason.clear();

    // Every action of the session keeps its index; only the selected ones take part.
    QList<bool> chosen(session.actions.size(), options.onlyIndexes.isEmpty());
    for (int index : options.onlyIndexes) {
        if (index >= 0 && index < chosen.size())
            chosen[index] = true;
    }
    const EndpointCatalog &catalog = EndpointCatalog::builtin();
    QList<Action> selection;
    selection.reserve(session.actions.size());
    m_run.actions.reserve(session.actions.size());
    m_run.results.reserve(session.actions.size());
    m_kinds.reserve(session.actions.size());
    for (int i = 0; i < session.actions.size(); ++i) {
        Action resolved = resolveVariables(session.actions.at(i), session.variables);
        const bool selected = resolved.enabled && chosen.at(i);
        ActionKind kind = ActionKind::Write;
        if (resolved.isRead()) {
            const EndpointCatalog::Match match =
                catalog.match(resolved.method, resolved.relativePath);
            const bool search =
                match.endpoint && match.endpoint->rate == Endpoint::RateClass::Search;
            kind = search ? ActionKind::Search : ActionKind::Read;
        }
        m_kinds.append(kind);
        m_run.actions.append(resolved);
        ActionResult result;
        result.state = selected ? ActionState::Pending : ActionState::Skipped;
        m_run.results.append(result);
        if (options.asComposed) {
            resolved.enabled = selected;
            selection.append(resolved);
        } else if (selected) {
            m_ready.push(i, kind);
        }
        if (selected)
            ++m_total;
    }

    const Plan &plan = options.plan;
    m_scheduler.emplace(plan, options.safetyMarginMs, options.maxBatchesInFlight);
    m_policy = BatchPolicy::forLimits(plan.maxReads, plan.maxWrites, options.maxBatchesInFlight,
                                      options.smallBatchSize, options.minBatchSize);

    if (options.asComposed) {
        // Exactly the composed batches; one that breaks a limit on its own could never go.
        QStringList never;
        for (const BatchPlan &planned : planBatches(selection)) {
            Batch batch = formBatch(planned.actionIndexes);
            batch.number = planned.number;
            if (!m_scheduler->fitsAlone(batch.load)) {
                never.append(tr("batch %1 (%2)")
                                 .arg(planned.number)
                                 .arg(describeOverLimits(batch.load, plan)));
            }
            m_composed.append(batch);
        }
        if (!never.isEmpty()) {
            if (never.size() > 3) {
                const int more = int(never.size()) - 3;
                never.resize(3);
                never.append(tr("%n more", nullptr, more));
            }
            m_run = SendRun{};
            m_composed.clear();
            return Error{tr("nothing sent: as composed, %1 can never be sent under the plan's "
                            "limits (%2); send adaptively, which splits them, or recompose")
                             .arg(never.join(QStringLiteral("; ")), plan.describe())};
        }
        for (const Batch &batch : m_composed)
            m_run.batches.append(BatchRecord{batch.number, batch.indexes, 0, 0, 0, -1, 0, {}});
    }

    // One network manager opens at most six connections to a host; a batch in flight needs one.
    if (m_ownNetworks) {
        const int wanted = (std::max(1, options.maxBatchesInFlight) + 5) / 6;
        while (m_networks.size() < wanted)
            m_networks.append(new QNetworkAccessManager(this));
    }

    m_clock.start();
    m_running = true;
    emit progress(0, m_total);
    // Let the caller return (and connect) before the first request or finished().
    QMetaObject::invokeMethod(this, &BatchSender::dispatch, Qt::QueuedConnection);
    return std::nullopt;
}

BatchSender::Batch BatchSender::formBatch(const QList<int> &indexes)
{
    Batch batch;
    batch.indexes = indexes;
    for (int index : indexes) {
        ++batch.load.actions;
        switch (m_kinds.at(index)) {
        case ActionKind::Search:
            ++batch.load.searches;
            ++batch.load.reads;
            break;
        case ActionKind::Read:
            ++batch.load.reads;
            break;
        case ActionKind::Write:
            ++batch.load.writes;
            batch.hasWrite = true;
            break;
        }
    }
    return batch;
}

void BatchSender::dispatch()
{
    if (!m_running || m_cancelling)
        return;
    if (!m_stopReason.isEmpty()) {
        // Nothing more goes out, not even a batch that was waiting to be sent again.
        dropUnsent(ActionState::Failed, m_stopReason, m_stopReason);
        m_wakeTimer->stop();
        finishIfDone();
        return;
    }
    const qint64 at = now();
    qint64 wake = std::numeric_limits<qint64>::max();
    // Batches to send again go first: a 429'd one waits for Retry-After, and what is formed
    // meanwhile must not take the room it waits for.
    dispatchFormed(m_again, at, &wake);
    if (m_again.isEmpty() || m_again.constFirst().notBeforeMs > at) {
        if (m_options.asComposed)
            dispatchFormed(m_composed, at, &wake);
        else
            dispatchReady(at, &wake);
    }
    if (wake != std::numeric_limits<qint64>::max())
        m_wakeTimer->start(int(std::clamp<qint64>(wake - at, 0, std::numeric_limits<int>::max())));
    else
        m_wakeTimer->stop();
    finishIfDone();
}

void BatchSender::dispatchFormed(QList<Batch> &batches, qint64 at, qint64 *wake)
{
    for (int i = 0; i < batches.size() && m_running;) {
        const Batch &batch = batches.at(i);
        // A read-only batch backing off lets the others pass meanwhile.
        if (batch.notBeforeMs > at) {
            *wake = std::min(*wake, batch.notBeforeMs);
            ++i;
            continue;
        }
        const qint64 when = m_scheduler->earliestStart(batch.load, at);
        if (when == SendScheduler::Never) {
            // start() refuses composed batches like this; a plan is not changed mid-run.
            const Batch never = batches.takeAt(i);
            settle(never, ActionState::Failed, 0, {},
                   tr("this batch breaks the plan's limits on its own (%1) and can never be sent")
                       .arg(describeOverLimits(never.load, m_options.plan)),
                   0);
            continue;
        }
        if (when == SendScheduler::WaitForBatch)
            return; // a finishing batch calls dispatch() again
        if (when > at) {
            *wake = std::min(*wake, when);
            return; // batches go in order: a later one must not eat the quota this one waits for
        }
        startBatch(batches.takeAt(i));
    }
}

void BatchSender::dispatchReady(qint64 at, qint64 *wake)
{
    if (m_ready.isEmpty())
        return;
    if (m_scheduler->heldUntil() > at) {
        *wake = std::min(*wake, m_scheduler->heldUntil());
        return;
    }
    while (!m_ready.isEmpty() &&
           m_scheduler->batchesInFlight() < m_scheduler->maxBatchesInFlight()) {
        const QueuePick pick = m_policy.choose(m_ready, m_scheduler->room(at));
        if (pick.isEmpty())
            break;
        Batch batch = formBatch(m_ready.take(pick));
        batch.number = int(m_run.batches.size()) + 1;
        m_run.batches.append(BatchRecord{batch.number, batch.indexes, 0, 0, 0, -1, 0, {}});
        startBatch(batch);
    }
    if (m_ready.isEmpty())
        return;
    // Slots come back with answers (which call dispatch()); quotas with time.
    const SendRoom room = m_scheduler->room(at);
    // -1: only an answer makes room (the quota believed left after a 429 is all in flight).
    if (room.quota <= 0 && m_scheduler->quotaRoomAt(at, 1) >= 0)
        *wake = std::min(*wake, m_scheduler->quotaRoomAt(at, 1));
    else if (room.search <= 0 && m_ready.size(ActionKind::Search) > 0)
        *wake = std::min(*wake, m_scheduler->searchRoomAt(at, 1));
}

QNetworkAccessManager *BatchSender::nextNetwork()
{
    QNetworkAccessManager *least = m_networks.constFirst();
    for (QNetworkAccessManager *network : std::as_const(m_networks)) {
        if (m_flightsPerNetwork.value(network) < m_flightsPerNetwork.value(least))
            least = network;
    }
    return least;
}

void BatchSender::startBatch(Batch batch)
{
    const qint64 at = now();
    ++batch.attempts;
    m_scheduler->start(batch.load, at);

    QUrl url = m_options.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/batch"));

    const QByteArray body = batchBody(m_run.actions, batch.indexes);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Tenfold/" TENFOLD_VERSION));
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    // Stream the one-shot body as is (buffering it would make it rewindable again).
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    // HTTP/1.1 only: one request per connection at a time, the path the no-resend rule was
    // verified on; HTTP/2 stream resets have resend rules of their own.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // A redirect would carry the token elsewhere and turn the POST into something else.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);

    auto *device = new OneShotBody(body);
    QNetworkAccessManager *network = nextNetwork();
    ++m_flightsPerNetwork[network];
    QNetworkReply *reply = network->post(request, device);
    device->setParent(reply);
    // TLS errors are never ignored: nothing connects to sslErrors(), so the handshake fails.

    Flight flight;
    flight.network = network;
    flight.batch = batch;
    flight.startedMs = at;
    flight.timeout = new QTimer(this);
    flight.timeout->setSingleShot(true);
    connect(flight.timeout, &QTimer::timeout, this, [this, reply] {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            return;
        it->timedOut = true;
        reply->abort();
    });
    flight.timeout->start(m_options.timeoutMs);
    m_inFlight.insert(reply, flight);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });

    BatchRecord &entry = record(batch.number);
    if (entry.startedMs < 0)
        entry.startedMs = at;
    entry.attempts = batch.attempts;
    emit batchStarted(batch.number, batch.attempts, int(batch.indexes.size()));
}

void BatchSender::onReplyFinished(QNetworkReply *reply)
{
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end())
        return;
    const Flight flight = it.value();
    m_inFlight.erase(it);
    flight.timeout->stop();
    flight.timeout->deleteLater();
    reply->deleteLater();

    m_flightsPerNetwork[flight.network] = std::max(0, m_flightsPerNetwork[flight.network] - 1);

    const qint64 at = now();
    const qint64 duration = at - flight.startedMs;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();
    // A request refused before connecting never reached Asana, so it costs no quota.
    const bool reached = !(status == 0 && neverReached(error) && !flight.cancelled);
    m_scheduler->finish(flight.batch.load, at, reached);
    Batch batch = flight.batch;
    const bool aborted = error == QNetworkReply::OperationCanceledError;
    const QByteArray bytes =
        withoutToken(reply->isOpen() ? reply->readAll() : QByteArray(), m_options.token);
    if (status > 0)
        m_run.reachedServer = true;
    record(batch.number).httpStatus = status;

    if (flight.cancelled && aborted) {
        if (batch.hasWrite) {
            m_run.reachedServer = true;
            settle(batch, ActionState::OutcomeUnknown, status, {},
                   tr("cancelled while in flight: the server may have run these actions; check "
                      "before resending them"),
                   duration);
        } else {
            settle(batch, ActionState::Cancelled, status, {},
                   tr("cancelled while in flight (reads only: nothing changed)"), duration);
        }
    } else if (flight.timedOut && aborted) {
        retryOrGiveUp(batch, flight, 0, {}, tr("no answer within %1 ms").arg(m_options.timeoutMs));
    } else if (status == 0) {
        if (neverReached(error)) {
            settle(
                batch, ActionState::Failed, 0, {},
                tr("could not reach the server (nothing was sent): %1").arg(reply->errorString()),
                duration);
            // A mistyped address or a server that is down fails every batch the same way: stop
            // at the first one rather than fail each of the rest in turn.
            if (m_stopReason.isEmpty()) {
                m_stopReason = tr("not sent: batch %1 could not reach %2 (%3), so nothing more "
                                  "was tried; check the base URL and that the server is up, "
                                  "then send again")
                                   .arg(batch.number)
                                   .arg(m_options.baseUrl.host(), reply->errorString());
            }
        } else if (error == QNetworkReply::ContentReSendError) {
            retryOrGiveUp(batch, flight, 0, {}, tr("the connection closed before an answer came"));
        } else {
            retryOrGiveUp(
                batch, flight, 0, {},
                tr("the connection failed before an answer came: %1").arg(reply->errorString()));
        }
    } else if (status == 429) {
        ++m_run.rateLimitedCount;
        ++batch.rateLimited;
        record(batch.number).rateLimited = batch.rateLimited;
        const QJsonValue body = bodyAsJson(bytes);
        if (batch.rateLimited >= m_options.maxRateLimitAttempts) {
            settle(batch, ActionState::Failed, status, body,
                   tr("rate limited (429) %1 in a row; none of these actions ran, send them "
                      "again later")
                       .arg(countOf(batch.rateLimited, tr("time"), tr("times"))),
                   duration);
        } else {
            const RetryAfter wait =
                RetryAfter::parse(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
            m_scheduler->holdUntil(at + qint64(wait.seconds) * 1000 + m_scheduler->marginMs());
            // The window is fuller than our picture of it (another client on the token?): after
            // the wait, one batch at a time, doubling with each answer that shows room again.
            m_paced = true;
            m_scheduler->setMaxBatchesInFlight(1);
            m_scheduler->rateLimited(at);
            m_again.prepend(batch);
            const QString outcome =
                tr("429: waiting %1, then sending it again").arg(wait.describe());
            record(batch.number).outcome = outcome;
            emit batchFinished(batch.number, status, outcome);
            emit waitingForRetryAfter(batch.number, wait.seconds, wait.describe());
        }
    } else if (error != QNetworkReply::NoError && status >= 200 && status < 300) {
        retryOrGiveUp(batch, flight, status, bodyAsJson(bytes),
                      tr("the answer was cut off: %1").arg(reply->errorString()));
    } else if (status >= 500) {
        const QJsonValue body = bodyAsJson(bytes);
        const QString message = firstErrorMessage(body);
        retryOrGiveUp(
            batch, flight, status, body,
            message.isEmpty()
                ? tr("the server answered %1 for the whole batch").arg(status)
                : tr("the server answered %1 for the whole batch: %2").arg(status).arg(message));
    } else if (status >= 300 && status < 400) {
        settle(batch, ActionState::Failed, status, bodyAsJson(bytes),
               tr("the server redirected (%1) to %2; use the final address as the base URL")
                   .arg(status)
                   .arg(QString::fromUtf8(reply->rawHeader("Location"))),
               duration);
    } else if (status >= 400) {
        // Asana checks the whole request (auth, JSON, size) before running any action.
        const QJsonValue body = bodyAsJson(bytes);
        const QString message = firstErrorMessage(body);
        settle(batch, ActionState::Failed, status, body,
               message.isEmpty()
                   ? tr("the whole batch was refused with %1").arg(status)
                   : tr("the whole batch was refused with %1: %2").arg(status).arg(message),
               duration);
    } else {
        Result<QList<ActionResponse>> parsed = parseBatchResponse(bytes, int(batch.indexes.size()));
        if (!parsed) {
            retryOrGiveUp(batch, flight, status, bodyAsJson(bytes), parsed.errorString());
        } else {
            m_scheduler->answered(batch.load.actions);
            if (m_paced) {
                const int grown = std::min(m_scheduler->maxBatchesInFlight() * 2,
                                           std::max(1, m_options.maxBatchesInFlight));
                m_scheduler->setMaxBatchesInFlight(grown);
                m_paced = grown < m_options.maxBatchesInFlight;
            }
            int succeeded = 0;
            for (int i = 0; i < batch.indexes.size(); ++i) {
                const ActionResponse &response = parsed->at(i);
                ActionResult &result = m_run.results[batch.indexes.at(i)];
                result.statusCode = response.statusCode;
                result.headers = response.headers;
                result.body = response.body;
                result.errors = response.errors;
                result.batch = batch.number;
                result.attempts = batch.attempts;
                result.durationMs = duration;
                if (response.statusCode >= 200 && response.statusCode < 300) {
                    result.state = ActionState::Succeeded;
                    result.reason.clear();
                    ++succeeded;
                } else {
                    result.state = ActionState::Failed;
                    const QString message = firstErrorMessage(response.body);
                    result.reason =
                        message.isEmpty()
                            ? tr("answered %1").arg(response.statusCode)
                            : tr("answered %1: %2").arg(response.statusCode).arg(message);
                }
                finishAction(batch.indexes.at(i));
            }
            const int failed = int(batch.indexes.size()) - succeeded;
            finishBatchRecord(batch, status,
                              failed == 0
                                  ? tr("%n succeeded", nullptr, succeeded)
                                  : tr("%1 succeeded, %2 failed").arg(succeeded).arg(failed));
        }
    }
    dispatch();
    finishIfDone();
}

void BatchSender::retryOrGiveUp(const Batch &batch, const Flight &flight, int httpStatus,
                                const QJsonValue &body, const QString &reason)
{
    Q_UNUSED(flight);
    // The request left: the server may have seen it.
    m_run.reachedServer = true;
    const qint64 duration = now() - flight.startedMs;
    if (!batch.hasWrite && batch.attempts < m_options.maxReadAttempts) {
        Batch again = batch;
        const qint64 backoff = qint64(m_options.retryBackoffMs) << (batch.attempts - 1);
        again.notBeforeMs = now() + backoff;
        m_again.prepend(again);
        const QString outcome =
            tr("%1; reads only, sending again in %2 ms").arg(reason).arg(backoff);
        record(batch.number).outcome = outcome;
        emit batchFinished(batch.number, httpStatus, outcome);
        return;
    }
    if (batch.hasWrite) {
        settle(batch, ActionState::OutcomeUnknown, httpStatus, body,
               tr("%1. The batch holds writes, so it was not sent again: check what happened, "
                  "then resend on purpose")
                   .arg(reason),
               duration);
    } else {
        settle(batch, ActionState::Failed, httpStatus, body,
               tr("%1 (gave up after %2)")
                   .arg(reason, countOf(batch.attempts, tr("attempt"), tr("attempts"))),
               duration);
    }
}

void BatchSender::settle(const Batch &batch, ActionState state, int httpStatus,
                         const QJsonValue &body, const QString &reason, qint64 durationMs)
{
    const QList<ApiError> errors = parseApiErrors(body);
    for (int index : batch.indexes) {
        ActionResult &result = m_run.results[index];
        result.state = state;
        result.statusCode = httpStatus;
        result.headers = {};
        result.body = body;
        result.errors = errors;
        result.batch = batch.attempts > 0 ? batch.number : 0;
        result.attempts = batch.attempts;
        result.durationMs = durationMs;
        result.reason = reason;
        finishAction(index);
    }
    finishBatchRecord(batch, httpStatus,
                      QStringLiteral("%1: %2").arg(actionStateText(state), reason));
}

void BatchSender::settleUnsent(const QList<int> &indexes, ActionState state, const QString &reason)
{
    for (int index : indexes) {
        ActionResult &result = m_run.results[index];
        result.state = state;
        result.reason = reason;
        finishAction(index);
    }
}

void BatchSender::dropUnsent(ActionState state, const QString &fresh, const QString &again)
{
    const QList<Batch> retries = std::exchange(m_again, {});
    for (const Batch &batch : retries)
        settle(batch, state, 0, {}, again, 0);
    const QList<Batch> composed = std::exchange(m_composed, {});
    for (const Batch &batch : composed)
        settle(batch, state, 0, {}, fresh, 0);
    settleUnsent(m_ready.takeAll(), state, fresh);
}

void BatchSender::finishAction(int index)
{
    ++m_done;
    emit actionFinished(index);
    emit progress(m_done, m_total);
}

void BatchSender::finishBatchRecord(const Batch &batch, int httpStatus, const QString &outcome)
{
    BatchRecord &entry = record(batch.number);
    entry.attempts = batch.attempts;
    entry.rateLimited = batch.rateLimited;
    entry.httpStatus = httpStatus;
    entry.durationMs = entry.startedMs >= 0 ? now() - entry.startedMs : 0;
    entry.outcome = outcome;
    emit batchFinished(batch.number, httpStatus, outcome);
}

void BatchSender::finishIfDone()
{
    if (!m_running || !m_ready.isEmpty() || !m_composed.isEmpty() || !m_again.isEmpty() ||
        !m_inFlight.isEmpty())
        return;
    m_running = false;
    m_wakeTimer->stop();
    m_run.finishedAt = QDateTime::currentDateTimeUtc();
    m_run.wallMs = m_clock.elapsed();
    emit finished();
}

BatchRecord &BatchSender::record(int number)
{
    return m_run.batches[number - 1];
}

void BatchSender::cancel()
{
    if (!m_running || m_cancelling)
        return;
    m_cancelling = true;
    m_run.cancelled = true;
    m_wakeTimer->stop();
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    for (QNetworkReply *reply : replies) {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            continue;
        it->cancelled = true;
        reply->abort(); // finished() comes synchronously and settles the batch
    }
    dropUnsent(ActionState::Cancelled, tr("cancelled before it was sent"),
               tr("cancelled while waiting to be sent again"));
    finishIfDone();
}

} // namespace Tenfold
