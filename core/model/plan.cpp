#include "plan.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace Tenfold {

namespace {

constexpr int MaxQuota = 1'000'000;
constexpr int MaxWindowSeconds = 24 * 60 * 60;
constexpr int MaxConcurrency = 100'000;

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::Plan", text);
}

} // namespace

Plan Plan::free()
{
    Plan plan;
    plan.kind = Kind::Free;
    plan.windowQuota = FreeQuotaPerMinute;
    return plan;
}

Plan Plan::paid()
{
    return Plan{};
}

Result<Plan> Plan::parse(const QString &spec)
{
    const QString text = spec.trimmed().toLower();
    if (text == QLatin1String("free"))
        return free();
    if (text == QLatin1String("paid"))
        return paid();

    const QStringList parts = text.split(u'/');
    bool quotaOk = false;
    bool windowOk = false;
    const int quota = parts.value(0).toInt(&quotaOk);
    const int window = parts.size() == 2 ? parts.at(1).toInt(&windowOk) : 0;
    if (parts.size() != 2 || !quotaOk || !windowOk) {
        return Error{tr("unknown plan \"%1\": use free, paid or a custom rate as REQUESTS/SECONDS, "
                        "e.g. 300/60")
                         .arg(spec)};
    }
    if (quota < 1 || quota > MaxQuota || window < 1 || window > MaxWindowSeconds) {
        return Error{tr("plan \"%1\" is out of range: requests must be 1..%2 and seconds 1..%3")
                         .arg(spec)
                         .arg(MaxQuota)
                         .arg(MaxWindowSeconds)};
    }
    Plan plan;
    plan.kind = Kind::Custom;
    plan.windowQuota = quota;
    plan.windowSeconds = window;
    return plan;
}

std::optional<Error> Plan::setConcurrency(const QString &spec)
{
    const QStringList parts = spec.trimmed().split(u',');
    bool readsOk = false;
    bool writesOk = false;
    const int reads = parts.value(0).trimmed().toInt(&readsOk);
    const int writes = parts.size() == 2 ? parts.at(1).trimmed().toInt(&writesOk) : 0;
    if (parts.size() != 2 || !readsOk || !writesOk || reads < 1 || writes < 1 ||
        reads > MaxConcurrency || writes > MaxConcurrency) {
        return Error{tr("concurrency \"%1\" is not valid: give READS,WRITES as two positive "
                        "numbers, e.g. 50,15")
                         .arg(spec)};
    }
    maxReads = reads;
    maxWrites = writes;
    return std::nullopt;
}

QString Plan::spec() const
{
    switch (kind) {
    case Kind::Free:
        return QStringLiteral("free");
    case Kind::Paid:
        return QStringLiteral("paid");
    case Kind::Custom:
        break;
    }
    return QStringLiteral("%1/%2").arg(windowQuota).arg(windowSeconds);
}

QString Plan::concurrencySpec() const
{
    return QStringLiteral("%1,%2").arg(maxReads).arg(maxWrites);
}

QString Plan::describe() const
{
    return tr("%1: %2 requests per %3 s, %4 reads and %5 writes in flight")
        .arg(spec())
        .arg(windowQuota)
        .arg(windowSeconds)
        .arg(maxReads)
        .arg(maxWrites);
}

int Plan::searchQuota() const
{
    return std::max(1, int(std::lround(SearchPerMinute * windowSeconds / 60.0)));
}

} // namespace Tenfold
