#include "sendcontroller.h"

#include "sending/batchsender.h"

#include <QTimer>

namespace Tenfold {

SendController::SendController(QObject *parent)
    : QObject(parent)
    , m_sender(new BatchSender(nullptr, this))
    , m_countdown(new QTimer(this))
{
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, [this] {
        m_retryLeft = std::max(0, m_retryLeft - 1);
        if (m_retryLeft == 0)
            m_countdown->stop();
        emit activityChanged();
    });
    connect(m_sender, &BatchSender::batchStarted, this, [this](int batch) {
        m_inFlight.insert(batch);
        if (m_retryLeft > 0) {
            m_retryLeft = 0;
            m_countdown->stop();
        }
        emit activityChanged();
    });
    connect(m_sender, &BatchSender::batchFinished, this, [this](int batch) {
        m_inFlight.remove(batch);
        emit activityChanged();
    });
    connect(m_sender, &BatchSender::waitingForRetryAfter, this, [this](int, int seconds) {
        m_retryLeft = std::max(m_retryLeft, std::max(1, seconds));
        m_countdown->start();
        emit activityChanged();
    });
    connect(m_sender, &BatchSender::finished, this, [this] {
        m_inFlight.clear();
        m_retryLeft = 0;
        m_countdown->stop();
        emit activityChanged();
    });
}

SendController::~SendController()
{
    // The owner is being destroyed (a window's children go after its own destructor has run):
    // nothing may hear of the cancelled batches, or it would be called half destroyed.
    m_sender->disconnect();
    m_sender->cancel();
}

void SendController::setAsComposed(bool asComposed)
{
    if (m_asComposed == asComposed)
        return;
    m_asComposed = asComposed;
    emit asComposedChanged(asComposed);
}

QString SendController::sandboxToken()
{
    return QStringLiteral("tenfold-sandbox-token");
}

Result<QUrl> SendController::baseUrl(const Target &target)
{
    if (target.kind != Target::Kind::Sandbox)
        return target.baseUrl();
    if (!m_sandbox) {
        auto server = std::make_unique<SandboxServer>(m_sandboxOptions);
        if (std::optional<Error> error = server->listen(0)) {
            m_sandboxError = error->toString();
            emit sandboxStateChanged();
            return Error{tr("the built-in sandbox could not start: %1").arg(error->toString())};
        }
        m_sandbox = std::move(server);
        m_sandboxError.clear();
        emit sandboxStateChanged();
    }
    return m_sandbox->baseUrl();
}

QString SendController::sandboxState() const
{
    if (m_sandbox)
        return tr("running on 127.0.0.1:%1").arg(m_sandbox->port());
    if (!m_sandboxError.isEmpty())
        return tr("failed to start: %1").arg(m_sandboxError);
    return tr("starts on first send");
}

} // namespace Tenfold
