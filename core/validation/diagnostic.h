#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tenfold {

enum class Severity
{
    Error,
    Warning,
    Info
};

/// One finding about the input: what is wrong, where, and how to fix it.
struct Diagnostic
{
    Severity severity = Severity::Error;
    int action = -1; ///< 0-based index into the session's actions; -1 for the input as a whole
    QString field;   ///< "method", "relative_path", "data.name", "options.limit"; may be empty
    QString code;    ///< stable identifier for scripts, e.g. "path.query-string"
    QString message; ///< a sentence a person can act on

    bool operator==(const Diagnostic &other) const = default;

    /// "FILE: action N: FIELD: SEVERITY: MESSAGE [CODE]", leaving out the parts that are absent.
    QString toText(const QString &file) const;
    /// {"severity","action" (1-based or null),"field","code","message"}
    QJsonObject toJson() const;
};

QString severityName(Severity severity);
bool hasErrors(const QList<Diagnostic> &diagnostics);
int countSeverity(const QList<Diagnostic> &diagnostics, Severity severity);

} // namespace Tenfold
