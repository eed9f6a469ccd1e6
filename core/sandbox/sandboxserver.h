#pragma once

// INTERFACE CONTRACT (written before the implementation so the sender and curl work can code
// against it). The sandbox implementation may add to it but should not change these signatures.

#include "common/result.h"
#include "model/plan.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace Tenfold {

/// Faults the sandbox injects, each a probability 0..1 per batch request, deterministic under the
/// seed. Parsed from "500:0.1,drop:0.05,slow:0.1,malformed:0.02,truncate:0.02,mismatch:0.01".
struct SandboxFaults
{
    double serverError = 0; ///< "500": whole-request 500 with a phrase
    double drop = 0;        ///< "drop": connection closed without an answer
    double slow = 0;        ///< "slow": the answer is delayed by slowDelayMs
    double malformed = 0;   ///< "malformed": 200 whose body is not JSON
    double truncate = 0;    ///< "truncate": body cut off mid-way
    double mismatch = 0;    ///< "mismatch": fewer results than actions

    static Result<SandboxFaults> parse(const QString &spec);
    bool any() const;
};

struct SandboxOptions
{
    Plan plan = Plan::paid(); ///< window quota and concurrency enforced per token
    int latencyMinMs = 0;     ///< each action is held in flight for a latency in [min, max]
    int latencyMaxMs = 0;
    QString token;    ///< empty: any non-empty bearer token is accepted
    quint32 seed = 1; ///< seeds the data and the fault dice
    SandboxFaults faults;
    int slowDelayMs = 35000; ///< how long a "slow" fault holds the answer
    bool rateLimits = true;  ///< false: no 429s at all (benchmarks)
};

/// An Asana-compatible server on 127.0.0.1: the batch endpoint and a small seeded resource store,
/// with Asana's rate limits and optional faults. The default target of the app and the CLI.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    /// Listens on 127.0.0.1:port (0 picks a free port).
    std::optional<Error> listen(quint16 port = 0);
    quint16 port() const;
    /// http://127.0.0.1:PORT/api/1.0
    QUrl baseUrl() const;

    /// Changes the fault probabilities while running (tests switch faults on and off).
    void setFaults(const SandboxFaults &faults);

    /// The same JSON as GET /__sandbox/stats.
    QJsonObject stats() const;
    /// The stats as a few lines for people (the CLI prints them when it stops).
    QString statsSummary() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Tenfold
