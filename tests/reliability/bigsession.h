#pragma once

#include "model/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The content the kill test writes, a pure function of the version number, so the test can tell
// which version a file holds and rebuild it exactly to compare.
namespace TenfoldTest {

inline constexpr char SessionFileName[] = "session.tenfold.json";
inline constexpr char ResultsFileName[] = "results.json";

/// A session of over 1 MB (thousands of actions): large enough that a save takes a while.
inline Tenfold::Session bigSession(int version)
{
    Tenfold::Session session;
    session.name = QStringLiteral("version %1").arg(version);
    session.variables = {{QStringLiteral("workspace"), QStringLiteral("1001")}};
    const QString notes = QString(300, u'n');
    for (int i = 0; i < 3000; ++i) {
        Tenfold::Action action{QStringLiteral("post"), QStringLiteral("/tasks")};
        action.data = QJsonObject{
            {QStringLiteral("name"), QStringLiteral("task %1 of version %2").arg(i).arg(version)},
            {QStringLiteral("workspace"), QStringLiteral("{{workspace}}")},
            {QStringLiteral("notes"), notes}};
        action.note = QStringLiteral("v%1").arg(version);
        action.enabled = (i + version) % 7 != 0;
        session.actions.append(action);
    }
    return session;
}

/// A results-file-like JSON document for the same version (written with writeFileAtomically).
inline QByteArray bigResults(int version)
{
    QJsonArray results;
    for (int i = 0; i < 2000; ++i)
        results.append(QJsonObject{{QStringLiteral("action"), i},
                                   {QStringLiteral("status_code"), 200 + (i + version) % 300},
                                   {QStringLiteral("body"), QString(200, u'b')}});
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), version},
                                     {QStringLiteral("results"), results}})
        .toJson();
}

} // namespace TenfoldTest
