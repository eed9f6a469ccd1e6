#pragma once

// Shared set-up for the widget tests: isolated settings and recovery files, no blocking dialogs,
// no network beyond this machine.
#include "dialogs/messagebox.h"
#include "model/target.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Tenfold::TestSupport {

/// Keeps a test's network on this machine even if the code under test misbehaves: requests to
/// loopback go direct, anything else goes to a proxy on 127.0.0.1 where nothing listens.
class LoopbackOnlyProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy::NoProxy};
        return {QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 1)};
    }
};

inline void isolate(const QTemporaryDir &dir)
{
    QNetworkProxyFactory::setApplicationProxyFactory(new LoopbackOnlyProxyFactory);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TenfoldTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TenfoldTests"));
    qputenv("TENFOLD_RECOVERY_DIR", (dir.path() + QStringLiteral("/recovery")).toUtf8());
    qputenv("TENFOLD_HISTORY", (dir.path() + QStringLiteral("/history.sqlite")).toUtf8());
    MessageBox::suppressDialogs();
}

inline QString sample(const char *name)
{
    return QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/") + QLatin1String(name);
}

} // namespace Tenfold::TestSupport
