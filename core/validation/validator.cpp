#include "validator.h"

#include "catalog/endpointcatalog.h"
#include "wire/batchbody.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentMap>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::Validator", text);
}

class ActionChecker
{
public:
    ActionChecker(int index, QList<Diagnostic> &out)
        : m_index(index)
        , m_out(out)
    {
    }

    void error(const QString &field, const char *code, const QString &message)
    {
        add(Severity::Error, field, code, message);
    }
    void error(const QString &field, const char *code, const QString &message,
               const DiagnosticFix &fix)
    {
        add(Severity::Error, field, code, message, fix);
    }
    void warning(const QString &field, const char *code, const QString &message)
    {
        add(Severity::Warning, field, code, message);
    }

private:
    void add(Severity severity, const QString &field, const char *code, const QString &message,
             const DiagnosticFix &fix = {})
    {
        m_out.append(Diagnostic{severity, m_index, field, QString::fromLatin1(code), message, fix});
    }

    int m_index;
    QList<Diagnostic> &m_out;
};

const QString PathField = QStringLiteral("relative_path");
const QString MethodField = QStringLiteral("method");

void checkMethod(const Action &action, ActionChecker &check)
{
    if (action.method.isEmpty()) {
        check.error(MethodField, "method.missing",
                    tr("method is missing: use get, post, put, patch, delete or head"));
    } else if (canonicalMethod(action.method).isNull()) {
        check.error(MethodField, "method.invalid",
                    tr("method \"%1\" is not one of get, post, put, patch, delete or head")
                        .arg(action.method));
    }
}

/// Where each query parameter of a path belongs in an action, for the query-string message.
QString queryAdvice(const QString &query, bool isRead)
{
    QStringList moves;
    const QList<std::pair<QString, QString>> items = QUrlQuery(query).queryItems();
    for (const auto &[key, value] : items) {
        const QString pair = key + u'=' + value;
        if (key == QLatin1String("opt_fields"))
            moves.append(tr("move `%1` into options.fields").arg(pair));
        else if (key == QLatin1String("limit") || key == QLatin1String("offset"))
            moves.append(tr("move `%1` into options.%2").arg(pair, key));
        else if (key == QLatin1String("opt_pretty"))
            moves.append(
                tr("drop `%1` (pretty output is set on the batch request itself)").arg(pair));
        else if (isRead)
            moves.append(tr("move `%1` into data").arg(pair));
        else
            moves.append(tr("move `%1` into data or the path").arg(pair));
    }
    if (moves.isEmpty())
        return tr("remove the '?'");
    return moves.join(QLatin1String("; "));
}

/// Strips a full URL or the /api/1.0 prefix to what relative_path should have been.
QString relativeSuggestion(const QString &path)
{
    QString rest = path;
    const qsizetype scheme = rest.indexOf(QLatin1String("://"));
    if (scheme >= 0) {
        const qsizetype slash = rest.indexOf(u'/', scheme + 3);
        rest = slash >= 0 ? rest.mid(slash) : QStringLiteral("/");
    }
    if (rest.startsWith(QLatin1String("/api/1.0")))
        rest = rest.mid(8);
    if (!rest.startsWith(u'/'))
        rest.prepend(u'/');
    return rest;
}

bool isDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

/// Asana accepts "me" and an e-mail address wherever a user's gid is expected.
bool isUserReference(QStringView text)
{
    return text == QLatin1String("me") || (text.contains(u'@') && !text.startsWith(u'@'));
}

QString describeGidParameter(const QString &parameter)
{
    QString kind = parameter;
    if (kind.endsWith(QLatin1String("_gid")))
        kind.chop(4);
    return kind.replace(u'_', u' ');
}

void checkPath(const Action &action, const EndpointCatalog &catalog, ActionChecker &check)
{
    const QString &path = action.relativePath;
    if (path.isEmpty()) {
        check.error(PathField, "path.missing",
                    tr("relative_path is missing: give the call's path relative to /api/1.0, "
                       "e.g. /users/me"));
        return;
    }
    if (path.contains(QLatin1String("://"))) {
        check.error(PathField, "path.full-url",
                    tr("relative_path must be relative to /api/1.0, not a full URL: use \"%1\"")
                        .arg(relativeSuggestion(path)));
        return;
    }
    if (path.startsWith(QLatin1String("/api/1.0")) || path.startsWith(QLatin1String("api/1.0"))) {
        check.error(PathField, "path.api-prefix",
                    tr("relative_path is already relative to /api/1.0: use \"%1\"")
                        .arg(relativeSuggestion(path)));
        return;
    }
    if (!path.startsWith(u'/')) {
        check.error(PathField, "path.not-absolute",
                    tr("relative_path must start with '/': use \"/%1\"").arg(path));
    }
    const qsizetype question = path.indexOf(u'?');
    if (question >= 0) {
        const qsizetype hash = path.indexOf(u'#', question);
        const QString query = path.mid(question + 1, hash < 0 ? -1 : hash - question - 1);
        check.error(PathField, "path.query-string",
                    tr("relative_path must not carry a query string: %1")
                        .arg(queryAdvice(query, action.isRead())));
    }
    if (path.contains(u'#')) {
        check.error(PathField, "path.fragment",
                    tr("relative_path must not carry a fragment: remove \"%1\"")
                        .arg(path.mid(path.indexOf(u'#'))));
    }
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path.at(i).isSpace()) {
            check.error(PathField, "path.whitespace",
                        tr("relative_path has whitespace at character %1: remove it, or "
                           "percent-encode it as %20 if it belongs there")
                            .arg(i + 1));
            break;
        }
    }
    const qsizetype open = path.indexOf(u'{');
    if (open >= 0) {
        const qsizetype close = path.indexOf(u'}', open);
        const QString placeholder =
            close > open ? path.mid(open, close - open + 1) : path.mid(open);
        check.error(PathField, "path.placeholder",
                    tr("relative_path still has the placeholder %1: replace it with a real value "
                       "(or a {{variable}})")
                        .arg(placeholder));
    }

    const QString restriction = EndpointCatalog::batchRestriction(action.method, path);
    if (!restriction.isEmpty()) {
        check.error(
            PathField, "action.restricted",
            tr("the batch API refuses this call (Asana answers 400 for it): %1").arg(restriction));
        return;
    }
    if (canonicalMethod(action.method).isNull())
        return; // the method error says enough; the catalog cannot be consulted

    const QString bare =
        path.left(std::min(question < 0 ? path.size() : question,
                           path.contains(u'#') ? path.indexOf(u'#') : path.size()));
    const EndpointCatalog::Match match = catalog.match(action.method, bare);
    if (!match.endpoint) {
        if (match.pathKnown) {
            check.warning(PathField, "endpoint.method",
                          tr("Asana's catalog has no %1 %2; that path takes %3")
                              .arg(action.method.toUpper(), bare,
                                   match.allowedMethods.join(QLatin1String(", "))));
        } else {
            check.warning(PathField, "endpoint.unknown",
                          tr("%1 %2 is not in Asana's endpoint catalog: check the path for typos "
                             "(the API grows, so a new endpoint may still work)")
                              .arg(action.method.toUpper(), bare));
        }
        return;
    }
    for (const auto &[parameter, value] : match.parameters) {
        if (!parameter.endsWith(QLatin1String("_gid")) || isDigits(value) ||
            value.startsWith(QLatin1String("{")))
            continue;
        if (parameter == QLatin1String("user_gid") && isUserReference(value))
            continue;
        const QString hint = parameter == QLatin1String("user_gid")
                                 ? tr("digits, \"me\" or an e-mail address")
                                 : tr("digits");
        check.warning(PathField, "path.gid",
                      tr("\"%1\" does not look like a %2 gid (%3): %4")
                          .arg(value, describeGidParameter(parameter), hint, match.endpoint->path));
    }
}

void checkData(const Action &action, ActionChecker &check)
{
    const QJsonValue &data = action.data;
    if (data.isUndefined())
        return;
    if (!data.isObject()) {
        check.error(QStringLiteral("data"), "data.not-object",
                    tr("data must be a JSON object (the call's parameters or body fields), e.g. "
                       "{\"name\": \"Buy milk\"}"));
        return;
    }
    const QJsonObject object = data.toObject();
    static const QStringList optionKeys = {QStringLiteral("opt_fields"),
                                           QStringLiteral("opt_pretty"), QStringLiteral("limit"),
                                           QStringLiteral("offset")};
    for (const QString &key : optionKeys) {
        if (!object.contains(key))
            continue;
        const QString field = QStringLiteral("data.") + key;
        if (key == QLatin1String("opt_fields"))
            check.warning(field, "data.option-in-data",
                          tr("opt_fields belongs in options.fields (a list of field names)"));
        else if (key == QLatin1String("opt_pretty"))
            check.warning(field, "data.option-in-data",
                          tr("opt_pretty belongs on the batch request, not in an action"));
        else
            check.warning(field, "data.option-in-data", tr("%1 belongs in options.%1").arg(key));
    }
    if (!action.isRead() && object.size() == 1 && object.contains(QLatin1String("data")) &&
        object.value(QLatin1String("data")).isObject()) {
        check.warning(QStringLiteral("data.data"), "data.double-envelope",
                      tr("data is already the body's \"data\" envelope: remove the inner "
                         "\"data\" level"));
    }
    if (action.isRead()) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isObject()) {
                check.warning(QStringLiteral("data.") + it.key(), "data.nested-query",
                              tr("for a %1, data becomes query parameters, which cannot hold "
                                 "an object")
                                  .arg(action.method.toUpper()));
            }
        }
    }
}

void checkOptions(const Action &action, ActionChecker &check)
{
    const QJsonValue &options = action.options;
    if (options.isUndefined())
        return;
    if (!options.isObject()) {
        check.error(QStringLiteral("options"), "options.not-object",
                    tr("options must be a JSON object with limit, offset or fields, e.g. "
                       "{\"fields\": [\"name\"]}"));
        return;
    }
    const QJsonObject object = options.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        const QString field = QStringLiteral("options.") + key;
        if (key == QLatin1String("limit")) {
            const double limit = value.toDouble();
            if (!value.isDouble() || limit != std::floor(limit)) {
                check.error(field, "options.limit-type",
                            tr("options.limit must be a whole number from 1 to 100"));
            } else if (limit < 1 || limit > 100) {
                check.error(field, "options.limit-range",
                            tr("options.limit is %1 but must be from 1 to 100; page through the "
                               "rest with options.offset")
                                .arg(limit));
            }
        } else if (key == QLatin1String("offset")) {
            if (!value.isString())
                check.error(field, "options.offset-type",
                            tr("options.offset must be the string token from a previous "
                               "response's next_page.offset"));
        } else if (key == QLatin1String("fields")) {
            const QJsonArray fields = value.toArray();
            const bool allStrings =
                value.isArray() &&
                std::all_of(fields.begin(), fields.end(), [](const QJsonValue &v) {
                    return v.isString() && !v.toString().isEmpty();
                });
            if (!allStrings)
                check.error(field, "options.fields-type",
                            tr("options.fields must be an array of field names, e.g. "
                               "[\"name\", \"assignee.name\"]"));
        } else if (key == QLatin1String("pretty")) {
            check.error(field, "options.pretty",
                        tr("pretty is not allowed on an action: set opt_pretty on the batch "
                           "request instead"));
        } else {
            const QString hint =
                key == QLatin1String("opt_fields") ? tr(" (did you mean fields?)") : QString();
            check.error(field, "options.unknown-key",
                        tr("\"%1\" is not an action option; only limit, offset and fields are "
                           "allowed%2")
                            .arg(key, hint));
        }
    }
}

} // namespace

std::optional<Diagnostic> batchBodySizeError(const Session &session, InputKind kind)
{
    const qsizetype count = session.actions.size();
    if (kind != InputKind::BatchBody || count <= MaxActionsPerBatch)
        return std::nullopt;
    return Diagnostic{
        Severity::Error,
        -1,
        {},
        QStringLiteral("input.too-many-actions"),
        tr("this batch body has %1 actions but one batch request may carry at most %2 (%3 too "
           "many)")
            .arg(count)
            .arg(MaxActionsPerBatch)
            .arg(count - MaxActionsPerBatch),
        DiagnosticFix{DiagnosticFix::Kind::ListInsteadOfBatchBody, {}}};
}

QList<Diagnostic> combineDiagnostics(const QList<Diagnostic> &loaded,
                                     const QList<Diagnostic> &checked)
{
    // The loader keeps a malformed field empty so numbering holds; the checker then sees "no
    // method" where the file had 5. Its findings on such a field (or on an action that was not
    // an object at all) would report the same fault a second time.
    QSet<int> wholeActions;
    QSet<std::pair<int, QString>> fields;
    for (const Diagnostic &d : loaded) {
        if (d.severity != Severity::Error || d.action < 0)
            continue;
        if (d.field.isEmpty())
            wholeActions.insert(d.action);
        else
            fields.insert({d.action, d.field});
    }
    QList<Diagnostic> out = loaded;
    out.reserve(loaded.size() + checked.size());
    for (const Diagnostic &d : checked) {
        if (d.action >= 0 && (wholeActions.contains(d.action) ||
                              (!fields.isEmpty() && fields.contains({d.action, d.field}))))
            continue;
        out.append(d);
    }
    // By action, so that a person reads each action's problems together.
    std::stable_sort(out.begin(), out.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.action < b.action; });
    return out;
}

QList<Diagnostic> validateAction(const Action &action, int index, const QList<Variable> &variables,
                                 const EndpointCatalog &catalog, Action *resolvedOut)
{
    QList<Diagnostic> out;
    ActionChecker check(index, out);

    QList<UndefinedVariable> undefined;
    Action local;
    Action &resolved = resolvedOut ? *resolvedOut : local;
    resolved = resolveVariables(action, variables, &undefined);
    bool pathHasUndefined = false;
    for (const UndefinedVariable &variable : std::as_const(undefined)) {
        pathHasUndefined |= variable.field == PathField;
        check.error(variable.field, "variable.undefined",
                    tr("{{%1}} is not defined").arg(variable.name),
                    DiagnosticFix{DiagnosticFix::Kind::DefineVariable, variable.name});
    }

    checkMethod(resolved, check);
    if (!pathHasUndefined)
        checkPath(resolved, catalog, check);
    checkData(resolved, check);
    checkOptions(resolved, check);
    return out;
}

QList<Diagnostic> validateSession(const Session &session, InputKind kind,
                                  const EndpointCatalog &catalog, QList<Action> *resolved)
{
    const QList<Action> &actions = session.actions;
    const int count = int(actions.size());
    if (resolved)
        resolved->resize(count);

    // Chunks are checked independently (on all cores for big inputs) and joined in order.
    constexpr int ChunkSize = 4096;
    QList<std::pair<int, int>> chunks;
    for (int first = 0; first < count; first += ChunkSize)
        chunks.append({first, std::min(count, first + ChunkSize)});
    auto checkChunk = [&](const std::pair<int, int> &chunk) {
        QList<Diagnostic> found;
        for (int i = chunk.first; i < chunk.second; ++i) {
            const Action &action = actions.at(i);
            if (!action.enabled) { // disabled actions never reach the wire
                if (resolved)
                    (*resolved)[i] = action;
                continue;
            }
            found.append(validateAction(action, i, session.variables, catalog,
                                        resolved ? &(*resolved)[i] : nullptr));
        }
        return found;
    };
    const QList<QList<Diagnostic>> perChunk =
        chunks.size() > 1 ? QtConcurrent::blockingMapped(chunks, checkChunk)
                          : QList<QList<Diagnostic>>{checkChunk({0, count})};

    QList<Diagnostic> out;
    for (const QList<Diagnostic> &found : perChunk)
        out.append(found);
    const int enabled = int(
        std::count_if(actions.begin(), actions.end(), [](const Action &a) { return a.enabled; }));

    if (session.actions.isEmpty()) {
        out.prepend(Diagnostic{Severity::Error,
                               -1,
                               {},
                               QStringLiteral("input.empty"),
                               tr("there are no actions: a batch needs at least one (Asana "
                                  "answers 400 to an empty batch)"),
                               {}});
    } else if (enabled == 0) {
        out.prepend(Diagnostic{Severity::Error,
                               -1,
                               {},
                               QStringLiteral("input.none-enabled"),
                               tr("all %1 actions are disabled: enable at least one to send")
                                   .arg(session.actions.size()),
                               {}});
    } else if (std::optional<Diagnostic> tooMany = batchBodySizeError(session, kind)) {
        out.prepend(*tooMany);
    } else {
        const int batches = (enabled + MaxActionsPerBatch - 1) / MaxActionsPerBatch;
        out.prepend(Diagnostic{
            Severity::Info,
            -1,
            {},
            QStringLiteral("input.batches"),
            batches == 1 ? (enabled == 1 ? tr("1 action will be sent as 1 batch")
                                         : tr("%1 actions will be sent as 1 batch").arg(enabled))
                         : tr("%1 actions will be split into %2 batches of at most %3")
                               .arg(enabled)
                               .arg(batches)
                               .arg(MaxActionsPerBatch),
            {}});
    }
    return out;
}

} // namespace Tenfold
