#include "sandboxserver.h"

#include "apierror.h"
#include "apirouter.h"
#include "batchdispatcher.h"
#include "catalog/endpointcatalog.h"
#include "httpfront.h"
#include "ratelimiter.h"
#include "resourcestore.h"
#include "sandboxfaults.h"
#include "sandboxstats.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

namespace Tenfold {

namespace {

const QString ApiRoot = QStringLiteral("/api/1.0");
const QString StatsPath = QStringLiteral("/__sandbox/stats");

bool wantsPretty(const QUrlQuery &query)
{
    if (!query.hasQueryItem(QStringLiteral("opt_pretty")))
        return false;
    const QString value = query.queryItemValue(QStringLiteral("opt_pretty")).toLower();
    return value != QLatin1String("false") && value != QLatin1String("0");
}

HttpResponse jsonResponse(int status, const QJsonObject &body, bool pretty)
{
    HttpResponse response;
    response.status = status;
    response.body =
        QJsonDocument(body).toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact);
    return response;
}

QStringList splitFields(const QString &text)
{
    QStringList fields;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts)
        fields.append(part.trimmed());
    return fields;
}

} // namespace

class SandboxServer::Private
{
public:
    Private(SandboxServer *q, const SandboxOptions &options)
        : q(q)
        , options(options)
        , store(options.seed)
        , router(store, EndpointCatalog::builtin())
        , limiter(options.plan, options.rateLimits)
        , dice(options.seed)
        , latencyRandom(options.seed ^ 0x1a7e9c3du)
        , phraseRandom(options.seed ^ 0x9a5e0b1fu)
        , front([this](const HttpRequest &request, HttpExchange exchange) {
            handle(request, std::move(exchange));
        })
    {
        clock.start();
    }

    void handle(const HttpRequest &request, HttpExchange exchange);
    void handleBatch(const HttpRequest &request, const QString &token, HttpExchange exchange,
                     bool pretty);
    void handleDirect(const HttpRequest &request, const QString &relativePath, const QString &token,
                      HttpExchange exchange, bool pretty);
    /// Null when allowed; otherwise the 429 to send (already counted).
    std::optional<HttpResponse> admit(const QString &token, const RateLimiter::Demand &demand,
                                      bool pretty);
    int drawLatency();
    /// Holds an admitted action in flight for `latencyMs`, then releases its slot.
    void holdInFlight(const QString &token, bool write, int latencyMs);
    void answer(HttpExchange exchange, const HttpResponse &response, int delayMs,
                FaultDice::Fault fault = FaultDice::Fault::None);
    QString apiBase() const;

    SandboxServer *q;
    SandboxOptions options;
    ResourceStore store;
    ApiRouter router;
    RateLimiter limiter;
    FaultDice dice;
    QRandomGenerator latencyRandom;
    QRandomGenerator phraseRandom;
    SandboxStats stats;
    QElapsedTimer clock;
    HttpFront front;
};

QString SandboxServer::Private::apiBase() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(front.port()) + ApiRoot;
}

void SandboxServer::Private::handle(const HttpRequest &request, HttpExchange exchange)
{
    if (request.path == StatsPath) {
        // Loopback only, no token: it is the sandbox's own window, not part of the API.
        if (!request.remoteAddress.isLoopback()) {
            exchange.respond(jsonResponse(
                403,
                SandboxApi::errorBody(QStringLiteral("Stats are served to loopback clients only.")),
                false));
            return;
        }
        exchange.respond(jsonResponse(200, q->stats(), wantsPretty(request.query)));
        return;
    }

    const bool pretty = wantsPretty(request.query);
    if (request.path != ApiRoot && !request.path.startsWith(ApiRoot + u'/')) {
        stats.countRequest(404);
        exchange.respond(
            jsonResponse(404, SandboxApi::errorBody(SandboxApi::noRouteMessage()), pretty));
        return;
    }

    const QByteArray authorization = request.headers.value("authorization");
    const QString token = authorization.toLower().startsWith("bearer ")
                              ? QString::fromUtf8(authorization.mid(7)).trimmed()
                              : QString();
    if (token.isEmpty() || (!options.token.isEmpty() && token != options.token)) {
        stats.countRequest(401);
        exchange.respond(jsonResponse(
            401,
            SandboxApi::errorBody(
                QStringLiteral("Not Authorized: send Authorization: Bearer <token>%1.")
                    .arg(options.token.isEmpty() ? QStringLiteral(" with any non-empty token")
                                                 : QStringLiteral(" with the sandbox's token"))),
            pretty));
        return;
    }

    const QString relativePath = request.path.mid(ApiRoot.size());
    if (relativePath == QLatin1String("/batch") && request.method == "POST")
        handleBatch(request, token, std::move(exchange), pretty);
    else
        handleDirect(request, relativePath, token, std::move(exchange), pretty);
}

std::optional<HttpResponse>
SandboxServer::Private::admit(const QString &token, const RateLimiter::Demand &demand, bool pretty)
{
    const RateLimiter::Verdict verdict = limiter.admit(token, demand, clock.elapsed());
    if (verdict.allowed)
        return std::nullopt;
    stats.countRateLimited(verdict.window, verdict.concurrent, verdict.search);
    stats.countRequest(429);
    HttpResponse response =
        jsonResponse(429, SandboxApi::errorBody(SandboxApi::rateLimitMessage()), pretty);
    response.headers.append({"Retry-After", QByteArray::number(verdict.retryAfterSeconds)});
    return response;
}

int SandboxServer::Private::drawLatency()
{
    const int low = std::max(0, options.latencyMinMs);
    const int high = std::max(low, options.latencyMaxMs);
    // qint64: high + 1 must not overflow when a caller sets INT_MAX.
    return low == high ? low : int(latencyRandom.bounded(qint64(low), qint64(high) + 1));
}

void SandboxServer::Private::holdInFlight(const QString &token, bool write, int latencyMs)
{
    const qint64 until = clock.elapsed() + latencyMs;
    limiter.hold(token, write, until);
    stats.countHeld(write, latencyMs);
    stats.setMaxInFlight(limiter.maxReadsInFlight(), limiter.maxWritesInFlight());
    if (latencyMs <= 0) {
        limiter.release(token, write, until);
        return;
    }
    // Precise like the answer's timer below: a coarse one may fire 5% late, which adds to every
    // latency, or after the answer, which would refuse the client's next request.
    QTimer::singleShot(latencyMs, Qt::PreciseTimer, q,
                       [this, token, write, until] { limiter.release(token, write, until); });
}

void SandboxServer::Private::answer(HttpExchange exchange, const HttpResponse &response,
                                    int delayMs, FaultDice::Fault fault)
{
    auto deliver = [exchange, response, fault]() mutable {
        switch (fault) {
        case FaultDice::Fault::Drop:
            exchange.drop();
            return;
        case FaultDice::Fault::Truncate:
            exchange.respondTruncated(response);
            return;
        default:
            exchange.respond(response);
        }
    };
    if (delayMs <= 0)
        deliver();
    else
        QTimer::singleShot(delayMs, Qt::PreciseTimer, q, deliver);
}

void SandboxServer::Private::handleBatch(const HttpRequest &request, const QString &token,
                                         HttpExchange exchange, bool pretty)
{
    Result<QList<BatchAction>> parsed = BatchDispatcher::parse(request.body, router);
    if (!parsed) {
        stats.countRequest(400);
        exchange.respond(jsonResponse(400, SandboxApi::errorBody(parsed.error().message), pretty));
        return;
    }
    const QList<BatchAction> &actions = parsed.value();

    RateLimiter::Demand demand;
    for (const BatchAction &action : actions) {
        (action.write ? demand.writes : demand.reads) += 1;
        demand.searches += action.search ? 1 : 0;
    }
    if (auto refusal = admit(token, demand, pretty)) {
        exchange.respond(*refusal);
        return;
    }

    stats.countBatch(int(actions.size()));
    const FaultDice::Fault fault = dice.roll(options.faults);
    if (fault != FaultDice::Fault::None)
        stats.countFault(FaultDice::name(fault));
    if (fault == FaultDice::Fault::ServerError) {
        // Decided before any action runs: a 500 from the sandbox never leaves half a batch done.
        stats.countRequest(500);
        exchange.respond(jsonResponse(500,
                                      SandboxApi::errorBody(QStringLiteral("Server Error"),
                                                            SandboxApi::errorPhrase(phraseRandom)),
                                      pretty));
        return;
    }

    const QStringList resultFields =
        splitFields(request.query.queryItemValue(QStringLiteral("opt_fields")));
    QJsonArray results;
    int slowest = 0;
    for (const BatchAction &action : actions) {
        const int latency = drawLatency();
        slowest = std::max(slowest, latency);
        holdInFlight(token, action.write, latency);
        const ApiResult answer =
            action.refused ? *action.refused : router.handle(action.call, apiBase());
        stats.countActionStatus(answer.status);
        results.append(BatchDispatcher::result(answer, resultFields));
    }
    if (fault == FaultDice::Fault::Mismatch)
        results.removeLast();

    HttpResponse response = jsonResponse(200, {{QStringLiteral("data"), results}}, pretty);
    if (fault == FaultDice::Fault::Malformed)
        response.body = QByteArrayLiteral("<html><body><h1>502 Bad Gateway</h1></body></html>");
    if (fault == FaultDice::Fault::Slow)
        slowest += options.slowDelayMs;
    stats.countRequest(fault == FaultDice::Fault::Drop ? 0 : 200);
    answer(std::move(exchange), response, slowest, fault);
}

void SandboxServer::Private::handleDirect(const HttpRequest &request, const QString &relativePath,
                                          const QString &token, HttpExchange exchange, bool pretty)
{
    ApiCall call;
    call.method = QString::fromLatin1(request.method);
    call.path = relativePath;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("opt_fields"))
            call.fields = splitFields(value);
        else if (key == QLatin1String("limit"))
            call.limit = value;
        else if (key == QLatin1String("offset"))
            call.offset = value;
        else if (key != QLatin1String("opt_pretty"))
            call.params.insert(key, value);
    }
    const bool write = call.method != QLatin1String("GET") && call.method != QLatin1String("HEAD");
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (!document.isObject()) {
            stats.countRequest(400);
            exchange.respond(jsonResponse(
                400,
                SandboxApi::errorBody(QStringLiteral("Could not parse request data, invalid "
                                                     "JSON: %1")
                                          .arg(document.isNull()
                                                   ? parseError.errorString()
                                                   : QStringLiteral("expected an object like "
                                                                    "{\"data\": {...}}"))),
                pretty));
            return;
        }
        const QJsonObject body = document.object();
        call.data = body.value(QLatin1String("data")).toObject();
        const QJsonObject options = body.value(QLatin1String("options")).toObject();
        const QJsonArray fields = options.value(QLatin1String("fields")).toArray();
        for (const QJsonValue &field : fields)
            call.fields.append(field.toString());
        if (options.contains(QLatin1String("limit")))
            call.limit = options.value(QLatin1String("limit"));
        if (options.contains(QLatin1String("offset")))
            call.offset = options.value(QLatin1String("offset"));
        pretty = pretty || options.value(QLatin1String("pretty")).toBool();
    }

    RateLimiter::Demand demand;
    (write ? demand.writes : demand.reads) = 1;
    demand.searches = router.isSearch(call.method, call.path) ? 1 : 0;
    if (auto refusal = admit(token, demand, pretty)) {
        exchange.respond(*refusal);
        return;
    }
    const int latency = drawLatency();
    holdInFlight(token, write, latency);
    const ApiResult result = router.handle(call, apiBase());
    HttpResponse response = jsonResponse(result.status, result.body, pretty);
    if (!result.location.isEmpty())
        response.headers.append({"Location", result.location.toUtf8()});
    stats.countRequest(result.status);
    answer(std::move(exchange), response, latency);
}

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{
}

SandboxServer::~SandboxServer() = default;

std::optional<Error> SandboxServer::listen(quint16 port)
{
    return d->front.listen(port);
}

quint16 SandboxServer::port() const
{
    return d->front.port();
}

QUrl SandboxServer::baseUrl() const
{
    return QUrl(d->apiBase());
}

void SandboxServer::setFaults(const SandboxFaults &faults)
{
    d->options.faults = faults;
}

QJsonObject SandboxServer::stats() const
{
    QJsonObject stats = d->stats.toJson();
    // Clients tell the sandbox from a real server by this, and whether it wants a token.
    stats.insert(QStringLiteral("sandbox"),
                 QJsonObject{{QStringLiteral("accepts_any_token"), d->options.token.isEmpty()}});
    return stats;
}

QString SandboxServer::statsSummary() const
{
    return d->stats.summary();
}

} // namespace Tenfold
