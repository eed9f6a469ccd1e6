#include "target.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace Tenfold {

QUrl Target::asanaUrl()
{
    return QUrl(QStringLiteral("https://app.asana.com/api/1.0"));
}

Result<Target> Target::parse(const QString &spec)
{
    const QString text = spec.trimmed();
    if (text.compare(QLatin1String("sandbox"), Qt::CaseInsensitive) == 0)
        return Target{};
    if (text.compare(QLatin1String("asana"), Qt::CaseInsensitive) == 0)
        return Target{Kind::Asana, {}};

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return Error{QCoreApplication::translate(
                         "Tenfold::Target",
                         "target \"%1\" is not sandbox, asana or an http(s) URL such as "
                         "https://app.asana.com/api/1.0")
                         .arg(spec)};
    }
    QUrl base = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return Target{Kind::Custom, base};
}

QString Target::spec() const
{
    switch (kind) {
    case Kind::Sandbox:
        return QStringLiteral("sandbox");
    case Kind::Asana:
        return QStringLiteral("asana");
    case Kind::Custom:
        break;
    }
    return customUrl.toString();
}

QUrl Target::baseUrl() const
{
    switch (kind) {
    case Kind::Sandbox:
        return {};
    case Kind::Asana:
        return asanaUrl();
    case Kind::Custom:
        break;
    }
    return customUrl;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool tokenMayGoTo(const QUrl &baseUrl)
{
    const QString scheme = baseUrl.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    return scheme == QLatin1String("http") && isLoopbackHost(baseUrl.host());
}

} // namespace Tenfold
