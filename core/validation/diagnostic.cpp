#include "diagnostic.h"

#include <QJsonValue>

namespace Tenfold {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

QString Diagnostic::toText(const QString &file) const
{
    QString text = file + QLatin1String(": ");
    if (action >= 0)
        text += QStringLiteral("action %1: ").arg(action + 1);
    if (!field.isEmpty())
        text += field + QLatin1String(": ");
    text += severityName(severity) + QLatin1String(": ") + message;
    if (!code.isEmpty())
        text += QLatin1String(" [") + code + u']';
    return text;
}

QJsonObject Diagnostic::toJson() const
{
    return QJsonObject{
        {QStringLiteral("severity"), severityName(severity)},
        {QStringLiteral("action"), action >= 0 ? QJsonValue(action + 1) : QJsonValue()},
        {QStringLiteral("field"), field},
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), message},
    };
}

bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    return countSeverity(diagnostics, Severity::Error) > 0;
}

int countSeverity(const QList<Diagnostic> &diagnostics, Severity severity)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [severity](const Diagnostic &d) { return d.severity == severity; }));
}

} // namespace Tenfold
