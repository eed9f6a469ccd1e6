#include "curlexport.h"

#include "common/plural.h"
#include "model/variables.h"
#include "wire/batchbody.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::Curl", text);
}

/// One curl invocation before it is written for a shell.
struct CurlCall
{
    QString method; ///< upper case
    QString url;
    QByteArray body; ///< empty: no body
    QString comment; ///< a line above the command saying what it is
};

/// Percent-encodes all but unreserved characters (and `keep`), so that only the base URL can
/// bring brackets or braces into a URL.
QString encode(const QString &text, const QByteArray &keep)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, keep));
}

QString joinUrl(const QUrl &base, const QString &relativePath)
{
    QString root = base.toString(QUrl::FullyEncoded);
    while (root.endsWith(u'/'))
        root.chop(1);
    QString path = encode(relativePath, "/:@!$&'()*+,;=");
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    return root + path;
}

QByteArray jsonBytes(const QJsonObject &object, bool pretty)
{
    QByteArray bytes =
        QJsonDocument(object).toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact);
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    return bytes;
}

/// A JSON scalar or list of scalars as query text: Asana reads lists comma-separated.
std::optional<QString> queryText(const QJsonValue &value)
{
    if (std::optional<QString> text = jsonScalarText(value))
        return text;
    if (!value.isArray())
        return std::nullopt;
    QStringList parts;
    for (const QJsonValue &item : value.toArray()) {
        const std::optional<QString> text = item.isArray() ? std::nullopt : queryText(item);
        if (!text || text->contains(u','))
            return std::nullopt;
        parts.append(*text);
    }
    return parts.join(u',');
}

/// A JSON number with no fraction that an int holds (curl import reads limit=N as an int).
bool isWholeNumber(const QJsonValue &value)
{
    const QCborValue number = QCborValue::fromJsonValue(value);
    return number.isInteger() && number.toInteger() >= std::numeric_limits<int>::min() &&
           number.toInteger() <= std::numeric_limits<int>::max();
}

bool isListOfStrings(const QJsonValue &value)
{
    const QJsonArray list = value.toArray();
    return value.isArray() &&
           std::all_of(list.begin(), list.end(), [](const QJsonValue &v) { return v.isString(); });
}

/// The options an action carries, as query parameters (opt_fields, limit, offset).
Result<QList<std::pair<QString, QString>>> optionsToQuery(const QJsonValue &options, int number)
{
    QList<std::pair<QString, QString>> query;
    if (options.isUndefined() || options.isNull())
        return query;
    if (!options.isObject())
        return Error{tr("action %1: options must be an object to be exported").arg(number)};
    const QJsonObject object = options.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QString name;
        if (it.key() == QLatin1String("fields"))
            name = QStringLiteral("opt_fields");
        else if (it.key() == QLatin1String("limit") || it.key() == QLatin1String("offset"))
            name = it.key();
        else
            return Error{tr("action %1: options.%2 has no query parameter in a direct call; "
                            "export per batch instead")
                             .arg(number)
                             .arg(it.key())};
        // Only options of the shape Asana documents have a query form that reads back as the
        // same option (the validator calls the others errors): a whole-number limit, a string
        // offset, a list of field names.
        const QJsonValue value = it.value();
        const char *expected = nullptr;
        if (name == QLatin1String("limit") && !isWholeNumber(value))
            expected = QT_TRANSLATE_NOOP("Tenfold::Curl", "a whole number");
        else if (name == QLatin1String("offset") && !value.isString())
            expected = QT_TRANSLATE_NOOP("Tenfold::Curl", "a string (the next page's offset)");
        else if (name == QLatin1String("opt_fields") && !isListOfStrings(value))
            expected = QT_TRANSLATE_NOOP("Tenfold::Curl", "a list of field names");
        if (expected) {
            return Error{tr("action %1: options.%2 must be %3 to be written as a query parameter; "
                            "correct it, or export per batch")
                             .arg(number)
                             .arg(it.key(), tr(expected))};
        }
        const std::optional<QString> text = queryText(value);
        if (!text)
            return Error{tr("action %1: options.%2 cannot be written as a query parameter")
                             .arg(number)
                             .arg(it.key())};
        query.append({name, *text});
    }
    return query;
}

QString withQuery(QString url, const QList<std::pair<QString, QString>> &query)
{
    QChar separator = u'?';
    for (const auto &[name, value] : query) {
        url += separator + encode(name, {}) + u'=' + encode(value, ",");
        separator = u'&';
    }
    return url;
}

Result<CurlCall> directCall(const Action &action, int number, const QUrl &base, bool pretty)
{
    CurlCall call;
    call.method = canonicalMethod(action.method).toUpper();
    // On curl's command line the method is the request itself; in a batch body an unknown one
    // is only data the server answers with a 400, so only per-action export refuses it.
    if (call.method.isEmpty())
        return Error{tr("action %1: the method \"%2\" is not one the API knows (GET, POST, PUT, "
                        "PATCH, DELETE, HEAD); correct it to export per action")
                         .arg(number)
                         .arg(action.method)};
    const bool queryData = action.isRead() || call.method == QLatin1String("DELETE");
    Result<QList<std::pair<QString, QString>>> query = optionsToQuery(action.options, number);
    if (!query)
        return query.error();

    if (queryData) {
        QList<std::pair<QString, QString>> dataQuery;
        if (!action.data.isUndefined() && !action.data.isNull()) {
            if (!action.data.isObject())
                return Error{
                    tr("action %1: data must be an object to become query parameters").arg(number)};
            const QJsonObject data = action.data.toObject();
            for (auto it = data.begin(); it != data.end(); ++it) {
                const std::optional<QString> text = queryText(it.value());
                if (!text)
                    return Error{tr("action %1: data.%2 holds an object or nested list, which a "
                                    "query string cannot carry; export per batch instead")
                                     .arg(number)
                                     .arg(it.key())};
                const bool clash = std::any_of(query->begin(), query->end(),
                                               [&](const auto &p) { return p.first == it.key(); });
                if (clash || it.key() == QLatin1String("opt_pretty"))
                    return Error{tr("action %1: data.%2 clashes with an option's query parameter")
                                     .arg(number)
                                     .arg(it.key())};
                dataQuery.append({it.key(), *text});
            }
        }
        dataQuery.append(query.value()); // data first, as people write it
        query = dataQuery;
    } else {
        const QJsonValue data = action.data.isUndefined() ? QJsonValue(QJsonObject()) : action.data;
        call.body = jsonBytes(QJsonObject{{QStringLiteral("data"), data}}, pretty);
    }
    call.url = withQuery(joinUrl(base, action.relativePath), query.value());
    call.comment = QStringLiteral("%1 %2").arg(call.method, action.relativePath);
    return call;
}

/// A comment must stay on its line: no line breaks, no caret (cmd would continue a REM line
/// ending in ^ onto the next command) and no % (a batch file expands %... even in a REM line).
QString sanitizedComment(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator || c == u'^' || c == u'%')
            c = u' ';
    }
    return line;
}

QString render(const CurlCall &call, const CurlExportOptions &options)
{
    const Shell shell = options.shell;
    auto q = [shell](const QString &word) { return quoteShellWord(word, shell); };
    const QString next = lineContinuation(shell) + QStringLiteral("\n  ");

    QString authorization;
    if (options.token.isEmpty()) {
        authorization = u'"' + QStringLiteral("Authorization: Bearer ") +
                        environmentReference(QString::fromLatin1(TokenEnvironmentVariable), shell) +
                        u'"';
    } else {
        authorization = q(QStringLiteral("Authorization: Bearer ") + options.token);
    }

    QString command =
        shell == Shell::PowerShell ? QStringLiteral("curl.exe") : QStringLiteral("curl");
    command += QStringLiteral(" -sS");
    // Without -g curl would read [] and {} in the URL as its own globbing patterns.
    if (call.url.contains(u'[') || call.url.contains(u']') || call.url.contains(u'{') ||
        call.url.contains(u'}'))
        command += QStringLiteral(" -g");
    if (call.method == QLatin1String("HEAD"))
        command += QStringLiteral(" -I");
    else if (call.method != QLatin1String("GET"))
        // Quoted like every other word: the method comes from the session, which may be a
        // file someone else wrote ("GET; rm -rf ~" must stay one argument, never a command).
        command += QStringLiteral(" -X ") + q(call.method);
    command += u' ' + q(call.url);
    command += next + QStringLiteral("-H ") + authorization;
    command += next + QStringLiteral("-H ") + q(QStringLiteral("Accept: application/json"));
    if (!call.body.isEmpty()) {
        command +=
            next + QStringLiteral("-H ") + q(QStringLiteral("Content-Type: application/json"));
        // --data-raw, never --data: --data would read a body starting with @ as a file name.
        command += next + QStringLiteral("--data-raw ") + q(QString::fromUtf8(call.body));
    }
    return command;
}

QString header(const Session &session, const CurlExportOptions &options, int count)
{
    // A batch body or an action array has no name; 'from ""' would read like a bug.
    const QString source = session.name.isEmpty()
                               ? QString()
                               : QStringLiteral(" from \"%1\"").arg(sanitizedComment(session.name));
    const QString what =
        QStringLiteral("Exported by Tenfold%1: %2, %3")
            .arg(source)
            .arg(countOf(count, QStringLiteral("request"), QStringLiteral("requests")))
            .arg(options.perAction ? QStringLiteral("one per action")
                                   : QStringLiteral("one POST /batch per batch"));
    switch (options.shell) {
    case Shell::Posix: {
        QString text = QStringLiteral("#!/usr/bin/env bash\n# ") + what + u'\n';
        if (options.token.isEmpty()) {
            text += QStringLiteral("# The token is read from %1 when the commands run.\n"
                                   ": \"${%1:?set %1 to an Asana personal access token}\"\n")
                        .arg(QLatin1String(TokenEnvironmentVariable));
        }
        return text;
    }
    case Shell::PowerShell:
        // Older PowerShell strips the double quotes of JSON passed to native programs.
        return QStringLiteral("# ") + what +
               QStringLiteral("\n# Needs PowerShell 7.3 or later.\n"
                              "$PSNativeCommandArgumentPassing = 'Standard'\n");
    case Shell::Cmd:
        return QStringLiteral("REM ") + what +
               QStringLiteral("\nREM For a cmd.exe prompt: paste it there. For a .bat file, "
                              "export for a batch file (--shell bat) instead.\n");
    case Shell::Bat: {
        QString text = QStringLiteral("@echo off\nREM ") + what +
                       QStringLiteral("\nREM A batch file: save it as .bat or .cmd and run it "
                                      "(to paste at a prompt, export for cmd instead).\n");
        if (options.token.isEmpty()) {
            text += QStringLiteral("if not defined %1 (\n  echo Set %1 to an Asana personal "
                                   "access token.\n  exit /b 1\n)\n")
                        .arg(QLatin1String(TokenEnvironmentVariable));
        }
        return text;
    }
    }
    return {};
}

QString afterCommand(Shell shell)
{
    // curl prints the body without a final newline; separate one response from the next.
    switch (shell) {
    case Shell::Posix:
        break;
    case Shell::PowerShell:
        return QStringLiteral("Write-Output ''\n");
    case Shell::Cmd:
    case Shell::Bat:
        return QStringLiteral("echo.\n");
    }
    return QStringLiteral("echo\n");
}

} // namespace

QUrl defaultCurlBaseUrl(const Session &session)
{
    if (session.target.kind == Target::Kind::Custom && session.target.customUrl.isValid())
        return session.target.customUrl;
    return Target::asanaUrl();
}

Result<QString> exportCurl(const Session &session, const CurlExportOptions &options)
{
    const QUrl base = options.baseUrl.isEmpty() ? defaultCurlBaseUrl(session) : options.baseUrl;
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || base.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return Error{tr("the base URL \"%1\" is not a valid http(s) URL").arg(base.toString())};
    // The sender's rule: every command carries the token (written out, or read from the
    // environment when it runs), and plain http would show it to anyone on the way.
    if (!tokenMayGoTo(base)) {
        return Error{tr("refusing to write commands that send the token over plain http to %1: "
                        "use https:// (plain http is only allowed to this computer, e.g. the "
                        "sandbox)")
                         .arg(base.host())};
    }

    QList<Action> resolved;
    resolved.reserve(session.actions.size());
    for (int i = 0; i < session.actions.size(); ++i) {
        const Action &action = session.actions.at(i);
        QList<UndefinedVariable> undefined;
        resolved.append(resolveVariables(action, session.variables, &undefined));
        if (action.enabled && !undefined.isEmpty()) {
            return Error{tr("action %1: {{%2}} in %3 is not defined; define the variable first")
                             .arg(i + 1)
                             .arg(undefined.constFirst().name, undefined.constFirst().field)};
        }
    }

    QList<CurlCall> calls;
    if (options.perAction) {
        for (int i = 0; i < resolved.size(); ++i) {
            if (!resolved.at(i).enabled)
                continue;
            Result<CurlCall> call = directCall(resolved.at(i), i + 1, base, options.pretty);
            if (!call)
                return call.error();
            calls.append(call.value());
        }
    } else {
        const QList<BatchPlan> batches = planBatches(resolved);
        for (const BatchPlan &batch : batches) {
            CurlCall call;
            call.method = QStringLiteral("POST");
            call.url = joinUrl(base, QStringLiteral("/batch"));
            call.body = batchBody(resolved, batch.actionIndexes);
            if (options.pretty)
                call.body = jsonBytes(QJsonDocument::fromJson(call.body).object(), true);
            call.comment = QStringLiteral("batch %1 of %2: %3")
                               .arg(batch.number)
                               .arg(batches.size())
                               .arg(countOf(batch.actionIndexes.size(), QStringLiteral("action"),
                                            QStringLiteral("actions")));
            calls.append(call);
        }
    }
    if (calls.isEmpty())
        return Error{tr("there are no enabled actions to export")};

    QString script = header(session, options, int(calls.size()));
    const bool windowsCmd = options.shell == Shell::Cmd || options.shell == Shell::Bat;
    const QString commentPrefix = windowsCmd ? QStringLiteral("REM ") : QStringLiteral("# ");
    for (const CurlCall &call : std::as_const(calls)) {
        script += u'\n' + commentPrefix + sanitizedComment(call.comment) + u'\n';
        script += render(call, options) + u'\n';
        script += afterCommand(options.shell);
    }
    return script;
}

} // namespace Tenfold
