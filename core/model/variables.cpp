#include "variables.h"

#include "action.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <optional>

namespace Tenfold {

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

const QString *lookup(const QList<Variable> &variables, QStringView name)
{
    // Later definitions win, so a `--var` appended on the command line overrides the session.
    for (auto it = variables.crbegin(); it != variables.crend(); ++it) {
        if (it->name == name)
            return &it->value;
    }
    return nullptr;
}

/// Whether any string in the value holds "{{": most actions have none and need no copy.
bool hasReference(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString().contains(QLatin1String("{{"));
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &element) { return hasReference(element); });
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (hasReference(it.value()))
                return true;
        }
        return false;
    }
    default:
        return false;
    }
}

} // namespace

std::optional<QString> jsonScalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            return QString::number(number.toInteger());
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    default:
        return std::nullopt;
    }
}

bool isValidVariableName(const QString &name)
{
    if (name.isEmpty() || !isNameStart(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(), isNameChar);
}

QString substituteVariables(const QString &text, const QList<Variable> &variables,
                            QStringList *undefinedNames)
{
    qsizetype open = text.indexOf(QLatin1String("{{"));
    if (open < 0)
        return text; // the common case: no allocation

    QString result;
    result.reserve(text.size());
    qsizetype copied = 0;
    while (open >= 0) {
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        const QStringView name = QStringView(text).mid(open + 2, close - open - 2).trimmed();
        result += QStringView(text).mid(copied, open - copied);
        if (const QString *value = lookup(variables, name)) {
            result += *value;
        } else {
            result += QStringView(text).mid(open, close + 2 - open);
            if (undefinedNames)
                undefinedNames->append(name.toString());
        }
        copied = close + 2;
        open = text.indexOf(QLatin1String("{{"), copied);
    }
    result += QStringView(text).mid(copied);
    return result;
}

QJsonValue substituteVariables(const QJsonValue &value, const QList<Variable> &variables,
                               const QString &field, QList<UndefinedVariable> *undefined)
{
    // Only the parts that hold a reference are rebuilt; everything else is shared, unchanged.
    switch (value.type()) {
    case QJsonValue::String: {
        const QString text = value.toString();
        if (!text.contains(QLatin1String("{{")))
            return value;
        QStringList missing;
        QString substituted = substituteVariables(text, variables, &missing);
        if (undefined) {
            for (const QString &name : std::as_const(missing))
                undefined->append({name, field});
        }
        return substituted;
    }
    case QJsonValue::Array: {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue element = array.at(i);
            if (hasReference(element))
                array[i] = substituteVariables(element, variables,
                                               field + u'[' + QString::number(i) + u']', undefined);
        }
        return array;
    }
    case QJsonValue::Object: {
        const QJsonObject original = value.toObject();
        std::optional<QJsonObject> changed; // copied on the first member that needs it
        for (auto it = original.constBegin(); it != original.constEnd(); ++it) {
            const QJsonValue member = it.value();
            if (!hasReference(member))
                continue;
            if (!changed)
                changed = original;
            const QString key = it.key();
            changed->insert(key,
                            substituteVariables(member, variables, field + u'.' + key, undefined));
        }
        return changed ? QJsonValue(*changed) : value;
    }
    default:
        return value;
    }
}

Action resolveVariables(const Action &action, const QList<Variable> &variables,
                        QList<UndefinedVariable> *undefined)
{
    Action resolved = action;
    QStringList missing;
    resolved.relativePath = substituteVariables(action.relativePath, variables, &missing);
    if (undefined) {
        for (const QString &name : std::as_const(missing))
            undefined->append({name, QStringLiteral("relative_path")});
    }
    resolved.data = substituteVariables(action.data, variables, QStringLiteral("data"), undefined);
    resolved.options =
        substituteVariables(action.options, variables, QStringLiteral("options"), undefined);
    return resolved;
}

} // namespace Tenfold
