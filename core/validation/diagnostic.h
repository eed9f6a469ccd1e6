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

/// Where a finding is shown: each front end offers the same fix in its own terms.
enum class FrontEnd
{
    Cli,   ///< tenfold-cli: flags and files
    Window ///< the desktop app: its panels and commands
};

/// A change that removes a finding, as data rather than words, so that the CLI can name its flag
/// and the window its own command for the same fix.
struct DiagnosticFix
{
    enum class Kind
    {
        None,
        DefineVariable,        ///< define the session variable `subject`
        ListInsteadOfBatchBody ///< give the batch body's actions as a list, which is split
    };

    Kind kind = Kind::None;
    QString subject; ///< DefineVariable: the variable's name

    bool operator==(const DiagnosticFix &other) const = default;

    /// "define-variable", ...; empty for None.
    QString kindName() const;
    /// How to apply the fix in `frontEnd`, as a clause ("pass --var x=VALUE"); empty for None.
    QString advice(FrontEnd frontEnd) const;
};

/// One finding about the input: what is wrong, where, and how to fix it.
struct Diagnostic
{
    Diagnostic() = default;
    // A constructor rather than an aggregate, so the many {severity, action, field, code,
    // message} findings need not spell out an empty fix.
    Diagnostic(Severity severity, int action, QString field, QString code, QString message,
               DiagnosticFix fix = {})
        : severity(severity)
        , action(action)
        , field(std::move(field))
        , code(std::move(code))
        , message(std::move(message))
        , fix(std::move(fix))
    {
    }

    Severity severity = Severity::Error;
    int action = -1;   ///< 0-based index into the session's actions; -1 for the input as a whole
    QString field;     ///< "method", "relative_path", "data.name", "options.limit"; may be empty
    QString code;      ///< stable identifier for scripts, e.g. "path.query-string"
    QString message;   ///< what is wrong, in words that hold for every front end
    DiagnosticFix fix; ///< how to repair it, when there is one way

    bool operator==(const Diagnostic &other) const = default;

    /// The message followed by the fix's advice for `frontEnd` ("...: add a variable ...").
    QString messageFor(FrontEnd frontEnd) const;
    /// "FILE: action N: FIELD: SEVERITY: MESSAGE [CODE]", leaving out the parts that are absent;
    /// the message with the CLI's advice.
    QString toText(const QString &file) const;
    /// {"severity","action" (1-based or null),"field","code","message"}, the message with the
    /// CLI's advice, plus "fix": {"kind", "subject"} when there is one.
    QJsonObject toJson() const;
};

QString severityName(Severity severity);
bool hasErrors(const QList<Diagnostic> &diagnostics);
int countSeverity(const QList<Diagnostic> &diagnostics, Severity severity);

} // namespace Tenfold
