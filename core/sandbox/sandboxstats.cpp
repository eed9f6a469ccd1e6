#include "sandboxstats.h"

#include <QStringList>

namespace Tenfold {

namespace {

QJsonObject countsToJson(const QMap<int, int> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(QString::number(it.key()), it.value());
    return object;
}

QString countsToText(const QMap<int, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(u' ');
}

} // namespace

void SandboxStats::countRequest(int status)
{
    ++m_requests;
    ++m_status[status];
}

void SandboxStats::countBatch(int actions)
{
    ++m_batches;
    m_actions += actions;
}

void SandboxStats::countActionStatus(int status)
{
    ++m_actionStatus[status];
}

void SandboxStats::countRateLimited(bool window, bool concurrent, bool search)
{
    m_limitedWindow += window ? 1 : 0;
    m_limitedConcurrent += concurrent ? 1 : 0;
    m_limitedSearch += search ? 1 : 0;
}

void SandboxStats::countFault(const QString &name)
{
    ++m_faults[name];
}

void SandboxStats::setMaxInFlight(int reads, int writes)
{
    m_maxReads = reads;
    m_maxWrites = writes;
}

void SandboxStats::countHeld(bool write, int ms)
{
    (write ? m_heldWritesMs : m_heldReadsMs) += ms;
}

QJsonObject SandboxStats::toJson() const
{
    QJsonObject faults;
    for (auto it = m_faults.cbegin(); it != m_faults.cend(); ++it)
        faults.insert(it.key(), it.value());
    return {
        {QStringLiteral("requests"), m_requests},
        {QStringLiteral("batches"), m_batches},
        {QStringLiteral("actions"), m_actions},
        {QStringLiteral("status"), countsToJson(m_status)},
        {QStringLiteral("action_status"), countsToJson(m_actionStatus)},
        {QStringLiteral("rate_limited"),
         QJsonObject{{QStringLiteral("window"), m_limitedWindow},
                     {QStringLiteral("concurrent"), m_limitedConcurrent},
                     {QStringLiteral("search"), m_limitedSearch}}},
        {QStringLiteral("max_in_flight"), QJsonObject{{QStringLiteral("reads"), m_maxReads},
                                                      {QStringLiteral("writes"), m_maxWrites}}},
        {QStringLiteral("held_ms"),
         QJsonObject{{QStringLiteral("reads"), double(m_heldReadsMs)},
                     {QStringLiteral("writes"), double(m_heldWritesMs)}}},
        {QStringLiteral("faults"), faults},
    };
}

QString SandboxStats::summary() const
{
    QStringList faults;
    for (auto it = m_faults.cbegin(); it != m_faults.cend(); ++it)
        faults.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    return QStringLiteral("requests: %1, batches: %2, actions: %3\n"
                          "status: %4\n"
                          "action status: %5\n"
                          "rate limited: window %6, concurrent %7, search %8\n"
                          "max in flight: reads %9, writes %10\n"
                          "faults: %11\n")
        .arg(m_requests)
        .arg(m_batches)
        .arg(m_actions)
        .arg(countsToText(m_status), countsToText(m_actionStatus))
        .arg(m_limitedWindow)
        .arg(m_limitedConcurrent)
        .arg(m_limitedSearch)
        .arg(m_maxReads)
        .arg(m_maxWrites)
        .arg(faults.isEmpty() ? QStringLiteral("none") : faults.join(u' '));
}

} // namespace Tenfold
