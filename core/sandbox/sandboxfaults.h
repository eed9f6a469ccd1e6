#pragma once

#include "sandboxserver.h"

#include <QRandomGenerator>

namespace Tenfold {

/// Rolls at most one fault per batch request from the configured probabilities, with its own
/// generator so the sequence only depends on the seed and the order of requests.
class FaultDice
{
public:
    enum class Fault
    {
        None,
        ServerError,
        Drop,
        Slow,
        Malformed,
        Truncate,
        Mismatch
    };

    explicit FaultDice(quint32 seed);

    Fault roll(const SandboxFaults &faults);

    /// The key under which stats report the fault ("500", "drop", ...).
    static QString name(Fault fault);

private:
    QRandomGenerator m_random;
};

} // namespace Tenfold
