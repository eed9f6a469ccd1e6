#include "sandboxfaults.h"

#include <QCoreApplication>
#include <QStringList>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::SandboxFaults", text);
}

} // namespace

Result<SandboxFaults> SandboxFaults::parse(const QString &spec)
{
    SandboxFaults faults;
    const QStringList items = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        const QStringList parts = item.split(u':');
        bool ok = false;
        const double probability = parts.size() == 2 ? parts.at(1).toDouble(&ok) : 0.0;
        if (!ok || !(probability >= 0.0 && probability <= 1.0)) { // NaN fails both
            return Error{tr("fault \"%1\" is not valid: write NAME:PROBABILITY with a probability "
                            "from 0 to 1, e.g. 500:0.1,drop:0.05")
                             .arg(item)};
        }
        const QString name = parts.at(0).trimmed().toLower();
        if (name == QLatin1String("500"))
            faults.serverError = probability;
        else if (name == QLatin1String("drop"))
            faults.drop = probability;
        else if (name == QLatin1String("slow"))
            faults.slow = probability;
        else if (name == QLatin1String("malformed"))
            faults.malformed = probability;
        else if (name == QLatin1String("truncate"))
            faults.truncate = probability;
        else if (name == QLatin1String("mismatch"))
            faults.mismatch = probability;
        else
            return Error{tr("unknown fault \"%1\": use 500, drop, slow, malformed, truncate or "
                            "mismatch")
                             .arg(parts.at(0))};
    }
    // One roll per batch picks at most one fault, so the probabilities share the unit interval.
    const double sum = faults.serverError + faults.drop + faults.slow + faults.malformed +
                       faults.truncate + faults.mismatch;
    if (sum > 1.0 + 1e-9) {
        return Error{tr("the fault probabilities add up to %1, but a batch gets at most one "
                        "fault: keep their sum at most 1, e.g. 500:0.5,drop:0.5")
                         .arg(sum)};
    }
    return faults;
}

bool SandboxFaults::any() const
{
    return serverError > 0 || drop > 0 || slow > 0 || malformed > 0 || truncate > 0 || mismatch > 0;
}

FaultDice::FaultDice(quint32 seed)
    : m_random(seed ^ 0x5eedfa17u)
{
}

FaultDice::Fault FaultDice::roll(const SandboxFaults &faults)
{
    if (!faults.any())
        return Fault::None;
    // One draw per request keeps the sequence independent of which faults are configured.
    const double draw = m_random.generateDouble();
    const std::pair<double, Fault> table[] = {{faults.serverError, Fault::ServerError},
                                              {faults.drop, Fault::Drop},
                                              {faults.slow, Fault::Slow},
                                              {faults.malformed, Fault::Malformed},
                                              {faults.truncate, Fault::Truncate},
                                              {faults.mismatch, Fault::Mismatch}};
    double edge = 0;
    for (const auto &[probability, fault] : table) {
        edge += probability;
        if (draw < edge)
            return fault;
    }
    return Fault::None;
}

QString FaultDice::name(Fault fault)
{
    switch (fault) {
    case Fault::ServerError:
        return QStringLiteral("500");
    case Fault::Drop:
        return QStringLiteral("drop");
    case Fault::Slow:
        return QStringLiteral("slow");
    case Fault::Malformed:
        return QStringLiteral("malformed");
    case Fault::Truncate:
        return QStringLiteral("truncate");
    case Fault::Mismatch:
        return QStringLiteral("mismatch");
    case Fault::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace Tenfold
