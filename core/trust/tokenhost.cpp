#include "tokenhost.h"

#include "model/target.h"

namespace Tenfold {

bool takesTokenWithoutAsking(const QUrl &baseUrl)
{
    if (!baseUrl.isValid())
        return false;
    const QString host = baseUrl.host();
    if (host.isEmpty())
        return false;
    if (isLoopbackHost(host))
        return true;
    const QUrl asana = Target::asanaUrl();
    return baseUrl.scheme() == asana.scheme() &&
           host.compare(asana.host(), Qt::CaseInsensitive) == 0;
}

} // namespace Tenfold
