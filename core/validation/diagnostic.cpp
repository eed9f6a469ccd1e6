#include "diagnostic.h"

#include <QCoreApplication>
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

QString DiagnosticFix::kindName() const
{
    switch (kind) {
    case Kind::None:
        break;
    case Kind::DefineVariable:
        return QStringLiteral("define-variable");
    case Kind::ListInsteadOfBatchBody:
        return QStringLiteral("list-instead-of-batch-body");
    }
    return {};
}

QString DiagnosticFix::advice(FrontEnd frontEnd) const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Tenfold::Diagnostic", text);
    };
    const bool cli = frontEnd == FrontEnd::Cli;
    switch (kind) {
    case Kind::None:
        break;
    case Kind::DefineVariable:
        return cli ? tr("add a session variable \"%1\" or pass --var %1=VALUE").arg(subject)
                   : tr("add a variable \"%1\" with Add variable under Variables").arg(subject);
    case Kind::ListInsteadOfBatchBody:
        return cli ? tr("remove them, or give the actions as a session or a JSON array of "
                        "actions, which is sent as several batches")
                   : tr("remove them, or paste only the actions array (the [...] after "
                        "\"actions\"), which is sent as several batches");
    }
    return {};
}

QString Diagnostic::messageFor(FrontEnd frontEnd) const
{
    const QString advice = fix.advice(frontEnd);
    if (advice.isEmpty())
        return message;
    return message + QLatin1String(": ") + advice;
}

QString Diagnostic::toText(const QString &file) const
{
    QString text = file + QLatin1String(": ");
    if (action >= 0)
        text += QStringLiteral("action %1: ").arg(action + 1);
    if (!field.isEmpty())
        text += field + QLatin1String(": ");
    text += severityName(severity) + QLatin1String(": ") + messageFor(FrontEnd::Cli);
    if (!code.isEmpty())
        text += QLatin1String(" [") + code + u']';
    return text;
}

QJsonObject Diagnostic::toJson() const
{
    QJsonObject object{
        {QStringLiteral("severity"), severityName(severity)},
        {QStringLiteral("action"), action >= 0 ? QJsonValue(action + 1) : QJsonValue()},
        {QStringLiteral("field"), field},
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), messageFor(FrontEnd::Cli)},
    };
    if (fix.kind != DiagnosticFix::Kind::None) {
        QJsonObject fixObject{{QStringLiteral("kind"), fix.kindName()}};
        if (!fix.subject.isEmpty())
            fixObject.insert(QStringLiteral("subject"), fix.subject);
        object.insert(QStringLiteral("fix"), fixObject);
    }
    return object;
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
