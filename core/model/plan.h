#pragma once

#include "common/result.h"

#include <QString>

#include <optional>

namespace Tenfold {

/// The rate limits a token lives under. Asana counts every action of a batch as one request
/// against the window quota and one concurrent request; the batch itself costs nothing.
struct Plan
{
    enum class Kind
    {
        Free,
        Paid,
        Custom
    };

    static constexpr int FreeQuotaPerMinute = 150;
    static constexpr int PaidQuotaPerMinute = 1500;
    static constexpr int DefaultMaxReads = 50;
    static constexpr int DefaultMaxWrites = 15;
    static constexpr int SearchPerMinute = 60;
    static constexpr int DuplicationJobs = 5;

    Kind kind = Kind::Paid;
    int windowQuota = PaidQuotaPerMinute; ///< requests allowed in any window of windowSeconds
    int windowSeconds = 60;
    int maxReads = DefaultMaxReads;   ///< GET/HEAD in flight at once
    int maxWrites = DefaultMaxWrites; ///< POST/PUT/PATCH/DELETE in flight at once

    bool operator==(const Plan &other) const = default;

    static Plan free();
    static Plan paid();

    /// Parses "free", "paid" or "N/SECONDS" (e.g. "300/2"); concurrency keeps its defaults.
    static Result<Plan> parse(const QString &spec);
    /// Parses "READS,WRITES" (e.g. "50,15") into this plan; returns an error for bad input.
    std::optional<Error> setConcurrency(const QString &spec);

    QString spec() const;            ///< "free", "paid" or "N/SECONDS"
    QString concurrencySpec() const; ///< "READS,WRITES"
    QString describe() const;        ///< one line for people

    /// The search quota for one window: 60 per minute, scaled to windowSeconds (at least 1).
    int searchQuota() const;
};

} // namespace Tenfold
