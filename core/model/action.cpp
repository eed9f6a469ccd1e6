#include "action.h"

namespace Tenfold {

bool Action::isRead() const
{
    return method.compare(QLatin1String("get"), Qt::CaseInsensitive) == 0 ||
           method.compare(QLatin1String("head"), Qt::CaseInsensitive) == 0;
}

QString canonicalMethod(QStringView method)
{
    static const QString known[] = {QStringLiteral("get"),    QStringLiteral("post"),
                                    QStringLiteral("put"),    QStringLiteral("patch"),
                                    QStringLiteral("delete"), QStringLiteral("head")};
    for (const QString &candidate : known) {
        if (method.compare(candidate, Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return {};
}

} // namespace Tenfold
