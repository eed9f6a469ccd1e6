#include "curlimport.h"

#include "common/plural.h"
#include "curl/shellwords.h"
#include "session/sessionfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::Curl", text);
}

// curl options that do not change what is sent to the API (output, TLS, retries, progress,
// authentication: the token is never imported).
const QSet<QString> &ignoredFlags()
{
    static const QSet<QString> flags = {
        QStringLiteral("compressed"),
        QStringLiteral("silent"),
        QStringLiteral("show-error"),
        QStringLiteral("location"),
        QStringLiteral("insecure"),
        QStringLiteral("include"),
        QStringLiteral("verbose"),
        QStringLiteral("fail"),
        QStringLiteral("fail-with-body"),
        QStringLiteral("fail-early"),
        QStringLiteral("globoff"),
        QStringLiteral("http1.0"),
        QStringLiteral("http1.1"),
        QStringLiteral("http2"),
        QStringLiteral("http2-prior-knowledge"),
        QStringLiteral("http3"),
        QStringLiteral("no-buffer"),
        QStringLiteral("progress-bar"),
        QStringLiteral("no-progress-meter"),
        QStringLiteral("tr-encoding"),
        QStringLiteral("path-as-is"),
        QStringLiteral("ipv4"),
        QStringLiteral("ipv6"),
        QStringLiteral("tlsv1"),
        QStringLiteral("tlsv1.0"),
        QStringLiteral("tlsv1.1"),
        QStringLiteral("tlsv1.2"),
        QStringLiteral("tlsv1.3"),
        QStringLiteral("ssl"),
        QStringLiteral("ssl-reqd"),
        QStringLiteral("netrc"),
        QStringLiteral("netrc-optional"),
        QStringLiteral("location-trusted"),
        QStringLiteral("raw"),
        QStringLiteral("no-keepalive"),
        QStringLiteral("tcp-nodelay"),
        QStringLiteral("styled-output"),
        QStringLiteral("no-styled-output"),
        QStringLiteral("parallel"),
        QStringLiteral("remote-name"),
        QStringLiteral("remote-name-all"),
        QStringLiteral("remote-time"),
        QStringLiteral("create-dirs"),
        QStringLiteral("disable"),
        QStringLiteral("no-sessionid"),
        QStringLiteral("no-alpn"),
        QStringLiteral("no-npn"),
        QStringLiteral("basic"),
        QStringLiteral("digest"),
        QStringLiteral("ntlm"),
        QStringLiteral("anyauth"),
        QStringLiteral("post301"),
        QStringLiteral("post302"),
        QStringLiteral("post303"),
        QStringLiteral("proxy-insecure"),
        QStringLiteral("no-clobber"),
        QStringLiteral("junk-session-cookies"),
        QStringLiteral("ssl-no-revoke"),
        QStringLiteral("ssl-revoke-best-effort"),
        QStringLiteral("false-start"),
    };
    return flags;
}

const QSet<QString> &ignoredWithValue()
{
    static const QSet<QString> options = {
        QStringLiteral("output"),
        QStringLiteral("user-agent"),
        QStringLiteral("referer"),
        QStringLiteral("cookie"),
        QStringLiteral("cookie-jar"),
        QStringLiteral("write-out"),
        QStringLiteral("max-time"),
        QStringLiteral("connect-timeout"),
        QStringLiteral("retry"),
        QStringLiteral("retry-delay"),
        QStringLiteral("retry-max-time"),
        QStringLiteral("proxy"),
        QStringLiteral("proxy-user"),
        QStringLiteral("cacert"),
        QStringLiteral("capath"),
        QStringLiteral("cert"),
        QStringLiteral("cert-type"),
        QStringLiteral("key"),
        QStringLiteral("key-type"),
        QStringLiteral("limit-rate"),
        QStringLiteral("max-redirs"),
        QStringLiteral("dump-header"),
        QStringLiteral("resolve"),
        QStringLiteral("connect-to"),
        QStringLiteral("interface"),
        QStringLiteral("proto"),
        QStringLiteral("proto-redir"),
        QStringLiteral("trace"),
        QStringLiteral("trace-ascii"),
        QStringLiteral("stderr"),
        QStringLiteral("user"),
        QStringLiteral("oauth2-bearer"),
        QStringLiteral("ciphers"),
        QStringLiteral("tls-max"),
        QStringLiteral("max-filesize"),
        QStringLiteral("speed-limit"),
        QStringLiteral("speed-time"),
        QStringLiteral("keepalive-time"),
        QStringLiteral("dns-servers"),
        QStringLiteral("local-port"),
        QStringLiteral("expect100-timeout"),
        QStringLiteral("happy-eyeballs-timeout-ms"),
        QStringLiteral("unix-socket"),
        QStringLiteral("abstract-unix-socket"),
        QStringLiteral("netrc-file"),
        QStringLiteral("pinnedpubkey"),
    };
    return options;
}

/// Short options and the long names they stand for.
QString longNameOf(QChar c)
{
    switch (c.unicode()) {
    case 'X':
        return QStringLiteral("request");
    case 'H':
        return QStringLiteral("header");
    case 'd':
        return QStringLiteral("data");
    case 'G':
        return QStringLiteral("get");
    case 'I':
        return QStringLiteral("head");
    case 'u':
        return QStringLiteral("user");
    case 'o':
        return QStringLiteral("output");
    case 'A':
        return QStringLiteral("user-agent");
    case 'e':
        return QStringLiteral("referer");
    case 'b':
        return QStringLiteral("cookie");
    case 'c':
        return QStringLiteral("cookie-jar");
    case 'w':
        return QStringLiteral("write-out");
    case 'm':
        return QStringLiteral("max-time");
    case 'x':
        return QStringLiteral("proxy");
    case 'U':
        return QStringLiteral("proxy-user");
    case 'E':
        return QStringLiteral("cert");
    case 'D':
        return QStringLiteral("dump-header");
    case 'F':
        return QStringLiteral("form");
    case 'T':
        return QStringLiteral("upload-file");
    case 'K':
        return QStringLiteral("config");
    case 'r':
        return QStringLiteral("range");
    case 'C':
        return QStringLiteral("continue-at");
    case 'Y':
        return QStringLiteral("speed-limit");
    case 'y':
        return QStringLiteral("speed-time");
    case 's':
        return QStringLiteral("silent");
    case 'S':
        return QStringLiteral("show-error");
    case 'L':
        return QStringLiteral("location");
    case 'k':
        return QStringLiteral("insecure");
    case 'i':
        return QStringLiteral("include");
    case 'v':
        return QStringLiteral("verbose");
    case 'f':
        return QStringLiteral("fail");
    case 'g':
        return QStringLiteral("globoff");
    case 'N':
        return QStringLiteral("no-buffer");
    case '#':
        return QStringLiteral("progress-bar");
    case 'n':
        return QStringLiteral("netrc");
    case 'O':
        return QStringLiteral("remote-name");
    case 'R':
        return QStringLiteral("remote-time");
    case 'Z':
        return QStringLiteral("parallel");
    case '4':
        return QStringLiteral("ipv4");
    case '6':
        return QStringLiteral("ipv6");
    case '0':
        return QStringLiteral("http1.0");
    case '1':
        return QStringLiteral("tlsv1");
    case 'q':
        return QStringLiteral("disable");
    default:
        return {};
    }
}

bool takesValue(const QString &name)
{
    static const QSet<QString> own = {
        QStringLiteral("request"),
        QStringLiteral("header"),
        QStringLiteral("data"),
        QStringLiteral("data-raw"),
        QStringLiteral("data-binary"),
        QStringLiteral("data-ascii"),
        QStringLiteral("data-urlencode"),
        QStringLiteral("json"),
        QStringLiteral("url"),
        QStringLiteral("url-query"),
        QStringLiteral("form"),
        QStringLiteral("form-string"),
        QStringLiteral("upload-file"),
        QStringLiteral("config"),
        QStringLiteral("range"),
        QStringLiteral("continue-at"),
    };
    return own.contains(name) || ignoredWithValue().contains(name);
}

QString formEncode(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

/// --data-urlencode and --url-query: "content", "=content", "name=content"; "@file" reads a file.
Result<QString> urlencodedPart(const QString &option, const QString &value)
{
    if (option == QLatin1String("url-query") && value.startsWith(u'+'))
        return value.mid(1); // already encoded
    const qsizetype equals = value.indexOf(u'=');
    const qsizetype at = value.indexOf(u'@');
    if (at >= 0 && (equals < 0 || at < equals))
        return Error{tr("--%1 %2 reads a file, which Tenfold does not do; paste the content")
                         .arg(option, value)};
    if (equals < 0)
        return formEncode(value);
    if (equals == 0)
        return formEncode(value.mid(1));
    return QString(value.left(equals) + u'=' + formEncode(value.mid(equals + 1)));
}

class CommandParser
{
public:
    Result<CurlRequest> parse(const ShellCommand &command)
    {
        m_request.line = command.line;
        const QList<ShellWord> &words = command.words;
        for (qsizetype i = 1; i < words.size(); ++i) {
            const ShellWord &word = words.at(i);
            const QString &text = word.text;
            if (text.startsWith(QLatin1String("--")) && text.size() > 2) {
                const QString name = text.mid(2);
                if (name == QLatin1String("next"))
                    return fail(tr("--next (several requests in one curl command) is not "
                                   "supported; write one curl command per request"));
                if (!takesValue(name)) {
                    if (auto error = flag(name, text))
                        return *error;
                    continue;
                }
                if (i + 1 >= words.size())
                    return fail(tr("%1 needs a value").arg(text));
                if (auto error = option(name, text, words.at(++i)))
                    return *error;
            } else if (text.startsWith(u'-') && text.size() > 1) {
                // Short options can be grouped (-sSL) and take a value glued on (-XPOST).
                for (qsizetype j = 1; j < text.size(); ++j) {
                    const QString name = longNameOf(text.at(j));
                    const QString spelled = u'-' + text.at(j);
                    if (name.isEmpty())
                        return fail(tr("unknown curl option %1 in %2").arg(spelled, text));
                    if (!takesValue(name)) {
                        if (auto error = flag(name, spelled))
                            return *error;
                        continue;
                    }
                    ShellWord value;
                    if (j + 1 < text.size()) {
                        value = word;
                        value.text = text.mid(j + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.at(++i);
                    } else {
                        return fail(tr("%1 needs a value").arg(spelled));
                    }
                    if (auto error = option(name, spelled, value))
                        return *error;
                    break;
                }
            } else {
                if (auto error = setUrl(word))
                    return *error;
            }
        }
        return finish();
    }

private:
    Error fail(const QString &message) const { return Error{message, m_request.line, 0}; }

    std::optional<Error> flag(const QString &name, const QString &spelled)
    {
        if (name == QLatin1String("get")) {
            m_get = true;
        } else if (name == QLatin1String("globoff")) {
            m_globoff = true;
        } else if (name == QLatin1String("head")) {
            m_head = true;
        } else if (!ignoredFlags().contains(name)) {
            return fail(tr("unknown curl option %1: Tenfold cannot tell what it would change; "
                           "remove it to import")
                            .arg(spelled));
        }
        return std::nullopt;
    }

    std::optional<Error> noExpansion(const QString &spelled, const ShellWord &value)
    {
        if (value.expands)
            return fail(tr("the value of %1 uses a shell substitution (%2) that Tenfold "
                           "cannot evaluate; replace it by its value")
                            .arg(spelled, value.text));
        return std::nullopt;
    }

    std::optional<Error> option(const QString &name, const QString &spelled, const ShellWord &value)
    {
        const QString &text = value.text;
        if (name == QLatin1String("request")) {
            if (auto error = noExpansion(spelled, value))
                return error;
            m_method = text.toUpper();
        } else if (name == QLatin1String("header")) {
            if (text.startsWith(u'@'))
                return fail(
                    tr("%1 %2 reads headers from a file; paste them instead").arg(spelled, text));
            const qsizetype colon = text.indexOf(u':');
            const QString headerName = text.left(colon).trimmed();
            if (colon < 0 && !text.endsWith(u';'))
                // The text is not repeated: a malformed header may well be the token.
                return fail(tr("a %1 value is not a header (Name: value)").arg(spelled));
            // The token never enters a session, so its header may expand a variable.
            if (headerName.compare(QLatin1String("authorization"), Qt::CaseInsensitive) != 0) {
                if (auto error = noExpansion(spelled, value))
                    return error;
            }
            m_request.headers.append({headerName, text.mid(colon + 1).trimmed()});
        } else if (name == QLatin1String("data") || name == QLatin1String("data-binary") ||
                   name == QLatin1String("data-ascii") || name == QLatin1String("json")) {
            if (text.startsWith(u'@'))
                return fail(tr("%1 %2 reads the body from a file; Tenfold imports only bodies "
                               "written on the command line (use --data-raw)")
                                .arg(spelled, text));
            if (auto error = noExpansion(spelled, value))
                return error;
            appendData(text, name == QLatin1String("json") ? QString() : QStringLiteral("&"));
            if (name == QLatin1String("json"))
                m_json = true;
        } else if (name == QLatin1String("data-raw")) {
            if (auto error = noExpansion(spelled, value))
                return error;
            appendData(text, QStringLiteral("&"));
        } else if (name == QLatin1String("data-urlencode")) {
            if (auto error = noExpansion(spelled, value))
                return error;
            Result<QString> part = urlencodedPart(name, text);
            if (!part)
                return fail(part.error().message);
            appendData(part.value(), QStringLiteral("&"));
        } else if (name == QLatin1String("url-query")) {
            if (auto error = noExpansion(spelled, value))
                return error;
            Result<QString> part = urlencodedPart(name, text);
            if (!part)
                return fail(part.error().message);
            m_urlQuery.append(part.value());
        } else if (name == QLatin1String("url")) {
            return setUrl(value);
        } else if (name == QLatin1String("form") || name == QLatin1String("form-string")) {
            return fail(tr("%1 sends a multipart form (file uploads), which the batch API does "
                           "not accept")
                            .arg(spelled));
        } else if (name == QLatin1String("upload-file")) {
            return fail(tr("%1 uploads a file, which the batch API does not accept").arg(spelled));
        } else if (name == QLatin1String("config")) {
            return fail(tr("%1 reads options from a file; paste the options instead").arg(spelled));
        } else if (name == QLatin1String("range") || name == QLatin1String("continue-at")) {
            return fail(tr("%1 asks for part of a response, which a session cannot represent")
                            .arg(spelled));
        }
        return std::nullopt; // an ignored option with a value
    }

    void appendData(const QString &text, const QString &separator)
    {
        if (m_request.hasBody)
            m_request.body += separator;
        m_request.body += text;
        m_request.hasBody = true;
    }

    std::optional<Error> setUrl(const ShellWord &word)
    {
        if (!m_request.url.isEmpty())
            return fail(tr("more than one URL (%1 and %2): write one curl command per request")
                            .arg(m_request.url, word.text));
        if (auto error = noExpansion(QStringLiteral("the URL"), word))
            return error;
        m_request.url = word.text;
        return std::nullopt;
    }

    Result<CurlRequest> finish()
    {
        if (m_request.url.isEmpty())
            return fail(tr("this curl command has no URL"));
        static const QRegularExpression glob(QStringLiteral("[\\[\\]{}]"));
        if (!m_globoff && m_request.url.contains(glob))
            return fail(tr("curl would expand the brackets or braces in %1 into several requests "
                           "(a placeholder such as {task_gid}?); fill it in, or add -g if they "
                           "are meant literally")
                            .arg(m_request.url));
        if (!m_urlQuery.isEmpty())
            addToQuery(m_urlQuery.join(u'&'));
        if (m_get && m_request.hasBody) {
            addToQuery(m_request.body);
            m_request.body.clear();
            m_request.hasBody = false;
        }
        if (!m_method.isEmpty())
            m_request.method = m_method;
        else if (m_head)
            m_request.method = QStringLiteral("HEAD");
        else if (m_get)
            m_request.method = QStringLiteral("GET");
        else
            m_request.method = m_request.hasBody ? QStringLiteral("POST") : QStringLiteral("GET");
        if (m_json)
            m_request.headers.append(
                {QStringLiteral("Content-Type"), QStringLiteral("application/json")});
        return m_request;
    }

    void addToQuery(const QString &query)
    {
        const qsizetype fragment = m_request.url.indexOf(u'#');
        if (fragment >= 0)
            m_request.url.truncate(fragment);
        m_request.url += (m_request.url.contains(u'?') ? u'&' : u'?') + query;
    }

    CurlRequest m_request;
    QString m_method;
    QStringList m_urlQuery;
    bool m_get = false;
    bool m_head = false;
    bool m_json = false;
    bool m_globoff = false;
};

bool isCurl(const QString &program)
{
    const QString base = program.section(u'/', -1).section(u'\\', -1);
    return base == QLatin1String("curl") || base == QLatin1String("curl.exe");
}

bool isHarmlessCommand(const QString &program)
{
    // The lines a Tenfold export (or a pasted script) has around its curl commands.
    static const QSet<QString> harmless = {QStringLiteral("echo"), QStringLiteral("printf"),
                                           QStringLiteral(":"), QStringLiteral("set"),
                                           QStringLiteral("true")};
    return harmless.contains(program);
}

// ---- from a request to actions ----------------------------------------------------------------

QString decodeQueryPart(QString text)
{
    text.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(text.toUtf8());
}

Result<QList<std::pair<QString, QString>>> splitQuery(const QString &query)
{
    QList<std::pair<QString, QString>> pairs;
    if (query.isEmpty())
        return pairs;
    for (const QString &part : query.split(u'&')) {
        if (part.isEmpty())
            continue;
        const qsizetype equals = part.indexOf(u'=');
        const QString name = decodeQueryPart(part.left(equals));
        const QString value = equals < 0 ? QString() : decodeQueryPart(part.mid(equals + 1));
        for (const auto &existing : std::as_const(pairs)) {
            if (existing.first == name)
                return Error{tr("the parameter \"%1\" appears twice; a session holds one value "
                                "per name")
                                 .arg(name)};
        }
        pairs.append({name, value});
    }
    return pairs;
}

QString headerValue(const CurlRequest &request, QLatin1String name)
{
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<Error> addOption(QJsonObject &options, const QString &name, const QJsonValue &value,
                               const QString &from)
{
    if (options.contains(name))
        return Error{tr("options.%1 is given twice (%2)").arg(name, from)};
    options.insert(name, value);
    return std::nullopt;
}

/// opt_fields, limit, offset from a query string into options; opt_pretty is dropped.
std::optional<Error> queryOption(QJsonObject &options, const QString &name, const QString &value)
{
    if (name == QLatin1String("opt_fields")) {
        QJsonArray fields;
        // People write "name, notes"; a name that is only spaces is no field at all.
        for (const QString &field : value.split(u',')) {
            if (!field.trimmed().isEmpty())
                fields.append(field.trimmed());
        }
        return addOption(options, QStringLiteral("fields"), fields, name);
    }
    if (name == QLatin1String("limit")) {
        bool ok = false;
        const int limit = value.toInt(&ok);
        if (!ok)
            return Error{tr("limit=%1 is not a whole number").arg(value)};
        return addOption(options, name, limit, name);
    }
    return addOption(options, name, value, name);
}

bool isOptionParameter(const QString &name)
{
    return name == QLatin1String("opt_fields") || name == QLatin1String("limit") ||
           name == QLatin1String("offset");
}

/// A form-encoded body (-d name=value -d other=value, as older docs show) as a data object.
Result<QJsonObject> formData(const QString &body)
{
    Result<QList<std::pair<QString, QString>>> pairs = splitQuery(body);
    if (!pairs)
        return pairs.error();
    QJsonObject data;
    for (const auto &[name, value] : pairs.value())
        data.insert(name, value);
    return data;
}

Result<QList<Action>> batchActions(const CurlRequest &request,
                                   const QList<std::pair<QString, QString>> &query)
{
    for (const auto &[name, value] : query) {
        if (name != QLatin1String("opt_pretty"))
            return Error{
                tr("the query parameter %1 on POST /batch has no place in a session").arg(name)};
    }
    Result<LoadedInput> input = parseInput(request.body.toUtf8());
    if (!input)
        return Error{tr("the POST /batch body is not a batch: %1").arg(input.errorString())};
    if (input->kind != InputKind::BatchBody)
        return Error{tr("the POST /batch body must be {\"data\":{\"actions\":[...]}}")};
    // Otherwise the import would succeed with nothing in it.
    if (input->session.actions.isEmpty())
        return Error{tr("the POST /batch body has no actions (Asana answers it with 400)")};
    for (const Diagnostic &diagnostic : std::as_const(input->diagnostics)) {
        return Error{tr("action %1 of the POST /batch body: %2")
                         .arg(diagnostic.action + 1)
                         .arg(diagnostic.message)};
    }
    return input->session.actions;
}

Result<Action> directAction(const CurlRequest &request, const QString &relativePath,
                            const QList<std::pair<QString, QString>> &query)
{
    Action action;
    action.method = canonicalMethod(request.method);
    action.relativePath = relativePath;
    if (action.method.isNull())
        return Error{tr("the method %1 is not one the batch API knows (GET, POST, PUT, PATCH, "
                        "DELETE, HEAD)")
                         .arg(request.method)};
    const bool queryData = action.method == QLatin1String("get") ||
                           action.method == QLatin1String("head") ||
                           action.method == QLatin1String("delete");

    QJsonObject options;
    QJsonObject data;
    for (const auto &[name, value] : query) {
        if (name == QLatin1String("opt_pretty"))
            continue; // pretty belongs to the whole request, never to an action
        if (isOptionParameter(name)) {
            if (auto error = queryOption(options, name, value))
                return *error;
        } else if (queryData) {
            data.insert(name, value);
        } else {
            return Error{tr("the query parameter %1 of a %2 has no place in a session, which "
                            "sends %2 data in the body; move it into the body's data")
                             .arg(name, request.method)};
        }
    }

    if (request.hasBody && queryData) {
        return Error{tr("a %1 with a body cannot be represented: the batch API sends %1 data as "
                        "query parameters (use -G to send -d data in the URL)")
                         .arg(request.method)};
    }
    if (request.hasBody && !request.body.trimmed().isEmpty()) {
        const QString contentType = headerValue(request, QLatin1String("content-type"));
        const QString trimmed = request.body.trimmed();
        const bool json = contentType.contains(QLatin1String("json"), Qt::CaseInsensitive) ||
                          trimmed.startsWith(u'{') || trimmed.startsWith(u'[');
        if (json) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(request.body.toUtf8(), &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return Error{tr("the body is not valid JSON (%1 at character %2)")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset)};
            if (!doc.isObject())
                return Error{tr("the body must be a JSON object {\"data\": ...}")};
            const QJsonObject root = doc.object();
            for (auto it = root.begin(); it != root.end(); ++it) {
                if (it.key() == QLatin1String("data")) {
                    action.data = it.value();
                } else if (it.key() == QLatin1String("options") && it.value().isObject()) {
                    const QJsonObject bodyOptions = it.value().toObject();
                    for (auto o = bodyOptions.begin(); o != bodyOptions.end(); ++o) {
                        if (o.key() == QLatin1String("pretty"))
                            continue;
                        if (auto error = addOption(options, o.key(), o.value(),
                                                   QStringLiteral("the body's options")))
                            return *error;
                    }
                } else {
                    return Error{tr("the body's top-level \"%1\" has no place in an action "
                                    "(only data and options)")
                                     .arg(it.key())};
                }
            }
        } else {
            Result<QJsonObject> form = formData(request.body);
            if (!form)
                return Error{tr("the form body: %1").arg(form.errorString())};
            action.data = form.value();
        }
    }
    if (queryData && !data.isEmpty())
        action.data = data;
    if (!options.isEmpty())
        action.options = options;
    return action;
}

Result<QList<Action>> requestToActions(const CurlRequest &request)
{
    for (const auto &[name, value] : request.headers) {
        if (name.startsWith(QLatin1String("asana-"), Qt::CaseInsensitive))
            return Error{tr("the header %1 changes how Asana answers and has no place in a "
                            "session; remove it to import")
                             .arg(name)};
    }
    QString urlText = request.url;
    if (!urlText.contains(QLatin1String("://")))
        urlText.prepend(QLatin1String("http://")); // curl's default too
    const QUrl url(urlText, QUrl::TolerantMode);
    if (!url.isValid())
        return Error{tr("%1 is not a valid URL").arg(request.url)};
    const QString path = url.path(QUrl::FullyEncoded);
    const QLatin1String root("/api/1.0");
    // The root must be a whole path segment: /api/1.0.tasks or /api/1.00/tasks are not the API.
    qsizetype at = path.indexOf(root);
    while (at >= 0 && at + root.size() < path.size() && path.at(at + root.size()) != u'/')
        at = path.indexOf(root, at + 1);
    if (at < 0)
        return Error{tr("%1 is not an Asana API URL: its path has no /api/1.0").arg(request.url)};
    QString relative = QUrl::fromPercentEncoding(path.mid(at + root.size()).toUtf8());
    if (relative.isEmpty())
        relative = QStringLiteral("/");

    Result<QList<std::pair<QString, QString>>> query = splitQuery(url.query(QUrl::FullyEncoded));
    if (!query)
        return Error{tr("the URL's query: %1").arg(query.errorString())};

    if (relative == QLatin1String("/batch") && request.method == QLatin1String("POST"))
        return batchActions(request, query.value());
    Result<Action> action = directAction(request, relative, query.value());
    if (!action)
        return action.error();
    return QList<Action>{action.value()};
}

} // namespace

QString CurlImportNote::toString() const
{
    return line > 0 ? tr("line %1: %2").arg(line).arg(message) : message;
}

Result<QList<CurlRequest>> parseCurlCommands(const QString &text)
{
    Result<QList<ShellCommand>> commands = splitShellCommands(text);
    if (!commands)
        return commands.error();
    QList<CurlRequest> requests;
    for (const ShellCommand &command : commands.value()) {
        if (!command.problem.isEmpty())
            return Error{command.problem, command.line, 0};
        const QString &program = command.words.constFirst().text;
        if (isHarmlessCommand(program))
            continue;
        if (!isCurl(program)) {
            return Error{tr("\"%1\" is not a curl command; Tenfold imports only curl").arg(program),
                         command.line, 0};
        }
        Result<CurlRequest> request = CommandParser().parse(command);
        if (!request)
            return request.error();
        requests.append(request.value());
    }
    if (requests.isEmpty())
        return Error{tr("no curl command found; paste a command that starts with curl")};
    return requests;
}

namespace {

/// The API root a request called ("https://app.asana.com/api/1.0"); empty when there is none.
QUrl apiRootOf(const CurlRequest &request)
{
    QString urlText = request.url;
    if (!urlText.contains(QLatin1String("://")))
        urlText.prepend(QLatin1String("http://"));
    const QUrl url(urlText, QUrl::TolerantMode);
    const QString path = url.path();
    const qsizetype at = path.indexOf(QLatin1String("/api/1.0"));
    if (!url.isValid() || at < 0)
        return {};
    QUrl root = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    root.setPath(path.left(at + 8));
    return root;
}

Target targetOf(const QUrl &root)
{
    if (root.adjusted(QUrl::StripTrailingSlash) == Target::asanaUrl())
        return Target{Target::Kind::Asana, {}};
    Result<Target> parsed = Target::parse(root.toString());
    return parsed ? parsed.value() : Target{};
}

bool hasPrettyQuery(const CurlRequest &request)
{
    QString urlText = request.url;
    if (!urlText.contains(QLatin1String("://")))
        urlText.prepend(QLatin1String("http://"));
    const QUrlQuery query(QUrl(urlText, QUrl::TolerantMode));
    return query.hasQueryItem(QStringLiteral("opt_pretty"));
}

} // namespace

Result<CurlImport> readCurlImport(const QString &text)
{
    Result<QList<ShellCommand>> commands = splitShellCommands(text);
    if (!commands)
        return commands.error();
    CurlImport import;
    import.session.name = tr("Imported from curl");
    bool sawCurl = false;
    std::optional<QUrl> root;
    for (const ShellCommand &command : commands.value()) {
        if (!command.problem.isEmpty()) {
            import.problems.append({command.line, command.problem});
            continue;
        }
        const QString &program = command.words.constFirst().text;
        if (isHarmlessCommand(program))
            continue;
        if (!isCurl(program)) {
            import.problems.append(
                {command.line,
                 tr("\"%1\" is not a curl command; Tenfold imports only curl").arg(program)});
            continue;
        }
        sawCurl = true;
        Result<CurlRequest> request = CommandParser().parse(command);
        if (!request) {
            import.problems.append({command.line, request.error().message});
            continue;
        }
        Result<QList<Action>> actions = requestToActions(request.value());
        if (!actions) {
            import.problems.append({command.line, actions.error().message});
            continue;
        }
        import.session.actions.append(actions.value());
        if (hasPrettyQuery(request.value())) {
            import.notes.append(
                {command.line, tr("opt_pretty was dropped: pretty printing is a choice of the "
                                  "whole request, not of an action")});
        }
        const QUrl here = apiRootOf(request.value());
        if (!root) {
            root = here;
            import.session.target = targetOf(here);
        } else if (here != *root) {
            import.notes.append({command.line, tr("this command calls %1, but the session "
                                                  "targets %2, which the first command called")
                                                   .arg(here.toString(), root->toString())});
        }
    }
    if (!sawCurl && import.problems.isEmpty())
        return Error{tr("no curl command found; paste a command that starts with curl")};
    return import;
}

Result<Session> importCurl(const QString &text)
{
    Result<CurlImport> import = readCurlImport(text);
    if (!import)
        return import.error();
    const QList<CurlImportNote> &problems = import->problems;
    if (problems.isEmpty())
        return std::move(import->session);
    if (problems.size() == 1)
        return Error{problems.constFirst().message, problems.constFirst().line, 0};
    QStringList lines;
    for (const CurlImportNote &problem : problems)
        lines.append(problem.toString());
    return Error{tr("%1 cannot be imported: %2")
                     .arg(countOf(problems.size(), tr("command"), tr("commands")),
                          lines.join(QLatin1String("; ")))};
}

} // namespace Tenfold
