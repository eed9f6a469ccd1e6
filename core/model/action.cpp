#include "action.h"

namespace Tenfold {

bool Action::isRead() const
{
    return method.compare(QLatin1String("get"), Qt::CaseInsensitive) == 0 ||
           method.compare(QLatin1String("head"), Qt::CaseInsensitive) == 0;
}

} // namespace Tenfold
