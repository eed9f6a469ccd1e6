#pragma once

#include <QStringList>
#include <QUrl>

class QWidget;

namespace Tenfold {

/// The hosts the user allowed to receive the token, besides Asana's own API host and this
/// computer (takesTokenWithoutAsking()). Kept per host in QSettings: host names only, never the
/// token.
class TokenHosts
{
public:
    /// True when the token may go to `baseUrl` now without asking.
    static bool isTrusted(const QUrl &baseUrl);
    /// Remembers `baseUrl`'s host as confirmed by the user.
    static void trust(const QUrl &baseUrl);
    /// The confirmed hosts, sorted.
    static QStringList trustedHosts();
    /// Forgets every confirmed host: each asks again before its next send.
    static void forgetAll();

    /// Asks the user before the token goes to a host for the first time; true when it may go
    /// (trusted already, or confirmed now and remembered).
    static bool confirm(QWidget *parent, const QUrl &baseUrl);
};

} // namespace Tenfold
