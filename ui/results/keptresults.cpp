#include "keptresults.h"

#include "common/plural.h"
#include "results/resultsio.h"
#include "session/sessionfile.h"

#include <QCoreApplication>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::KeptResults", text);
}

} // namespace

void KeptResults::reset(const Target &target, const std::optional<QByteArray> &rawResults,
                        bool readable)
{
    m_chosen = false;
    m_fileHadResults = rawResults.has_value();
    m_unreadable = readable ? std::nullopt : rawResults;
    setTarget(target);
}

void KeptResults::setTarget(const Target &target)
{
    if (!m_chosen)
        m_keep = m_fileHadResults || target.kind == Target::Kind::Sandbox;
}

void KeptResults::choose(bool keep)
{
    m_chosen = true;
    m_keep = keep;
}

QByteArray KeptResults::serialize(const Session &session,
                                  const std::function<QJsonValue()> &results) const
{
    if (!m_keep)
        return serializeSession(session);
    if (results)
        return serializeSession(session, results());
    if (m_unreadable)
        return serializeSessionWithRawResults(session, *m_unreadable);
    return serializeSession(session);
}

QString KeptResults::describe(int actionCount, int resultCount) const
{
    const QString actions = countOf(actionCount, tr("action"), tr("actions"));
    if (!m_keep) {
        return tr("The file will hold the %1 and no results (File > Keep Results with Session "
                  "is off).")
            .arg(actions);
    }
    if (resultCount > 0) {
        return tr("The file will hold the %1 and %2 with their full response bodies, which can "
                  "include names and email addresses (File > Keep Results with Session).")
            .arg(actions, countOf(resultCount, tr("result"), tr("results")));
    }
    if (m_unreadable) {
        return tr("The file will hold the %1 and, as they were, the results saved in it that "
                  "this version of Tenfold cannot read.")
            .arg(actions);
    }
    return tr("The file will hold the %1 (no results yet).").arg(actions);
}

} // namespace Tenfold
