#pragma once

#include "common/result.h"

#include <QString>
#include <QUrl>

namespace Tenfold {

/// Where batches go: the embedded sandbox (the default), Asana itself, or any compatible server.
struct Target
{
    enum class Kind
    {
        Sandbox,
        Asana,
        Custom
    };

    Kind kind = Kind::Sandbox;
    QUrl customUrl; ///< only for Kind::Custom, the API root (ending in /api/1.0 for Asana)

    bool operator==(const Target &other) const = default;

    static QUrl asanaUrl(); ///< https://app.asana.com/api/1.0

    /// Parses "sandbox", "asana" or an http(s) URL of the API root.
    static Result<Target> parse(const QString &spec);
    QString spec() const; ///< "sandbox", "asana" or the URL

    /// The API root; empty for the sandbox, whose port is only known once it listens.
    QUrl baseUrl() const;
};

/// True for localhost and the loopback ranges, where plain http is acceptable.
bool isLoopbackHost(const QString &host);

/// Whether a token may travel to `baseUrl`: https anywhere, plain http only to a loopback host.
/// Sending and every export that carries the token (written out or read when it runs) follow it.
bool tokenMayGoTo(const QUrl &baseUrl);

} // namespace Tenfold
