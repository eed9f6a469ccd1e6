#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Tenfold {

struct Action;

/// A session variable: `{{name}}` in a path, data or options is replaced by `value` at send and
/// export time, so one session can serve several workspaces.
struct Variable
{
    QString name;
    QString value;

    bool operator==(const Variable &other) const = default;
};

/// A `{{name}}` reference that has no definition, and where it was found.
struct UndefinedVariable
{
    QString name;
    QString field; ///< e.g. "relative_path", "data.name", "options.fields[1]"
};

/// A JSON string, number or boolean as text: whole numbers with every digit ("1201", as Qt keeps
/// them as 64-bit integers), other numbers in their shortest exact form, booleans as true/false.
/// Nothing for null, arrays and objects, which have no one text form. Variable values and query
/// parameters read JSON this way, so a number is never turned into an empty string.
std::optional<QString> jsonScalarText(const QJsonValue &value);

/// Variable names: letters, digits, '_', '-' and '.', starting with a letter or '_'.
bool isValidVariableName(const QString &name);

/// Replaces every `{{name}}` (spaces inside the braces allowed) in `text`. References without a
/// definition are left as they are and reported through `undefinedNames` when given.
QString substituteVariables(const QString &text, const QList<Variable> &variables,
                            QStringList *undefinedNames = nullptr);

/// Applies substituteVariables() to every string (keys stay as they are) in a JSON value.
/// `field` names the value for reports ("data"); nested places are appended ("data.name").
QJsonValue substituteVariables(const QJsonValue &value, const QList<Variable> &variables,
                               const QString &field, QList<UndefinedVariable> *undefined = nullptr);

/// The action as it goes on the wire: path, data and options with variables substituted.
Action resolveVariables(const Action &action, const QList<Variable> &variables,
                        QList<UndefinedVariable> *undefined = nullptr);

} // namespace Tenfold
