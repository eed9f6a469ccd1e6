#pragma once

#include "common/result.h"
#include "model/target.h"
#include "sandbox/sandboxserver.h"
#include "sending/batchsender.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

class QTimer;

namespace Tenfold {

/// The window's side of sending: the sender, the embedded sandbox (started in-process on first
/// use), batches in flight and the Retry-After countdown while a 429 holds sending.
class SendController : public QObject
{
    Q_OBJECT

public:
    explicit SendController(QObject *parent = nullptr);
    /// Cancels a running send without telling anyone (see SendGuard for asking first).
    ~SendController() override;

    BatchSender *sender() const { return m_sender; }

    /// Options for the sandbox this window starts (tests shrink its quota); before first use.
    void setSandboxOptions(const SandboxOptions &options) { m_sandboxOptions = options; }
    /// How long a batch may go unanswered before it is given up (SendOptions::timeoutMs).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    /// The API root for a target, starting the sandbox when it is the target.
    Result<QUrl> baseUrl(const Target &target);
    /// Null until the sandbox target is first used.
    SandboxServer *sandbox() const { return m_sandbox.get(); }
    /// "not started (starts on first send)", "running on 127.0.0.1:PORT" or why it failed.
    QString sandboxState() const;

    /// Send the batches exactly as composed (SendOptions::asComposed) instead of adaptively.
    void setAsComposed(bool asComposed);
    bool asComposed() const { return m_asComposed; }

    int batchesInFlight() const { return int(m_inFlight.size()); }
    /// Seconds left before sending resumes after a 429; 0 when not held.
    int retryAfterRemaining() const { return m_retryLeft; }

    /// The fixed token the sandbox gets: any will do, and a real one must never go there.
    static QString sandboxToken();

signals:
    void sandboxStateChanged();
    /// Batches in flight or the Retry-After countdown changed.
    void activityChanged();
    void asComposedChanged(bool asComposed);

private:
    BatchSender *m_sender;
    SandboxOptions m_sandboxOptions;
    int m_timeoutMs = SendOptions{}.timeoutMs;
    std::unique_ptr<SandboxServer> m_sandbox;
    QString m_sandboxError;
    QSet<int> m_inFlight;
    QTimer *m_countdown;
    int m_retryLeft = 0;
    bool m_asComposed = false;
};

} // namespace Tenfold
