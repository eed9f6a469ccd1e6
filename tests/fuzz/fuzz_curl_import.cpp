// Any text into the curl importer (shell splitting, curl options, URL and body reading). It must
// answer with a session or an error that says why, never crash or hang; and a session it accepts
// must survive Tenfold's own export: the exported script, per batch and per action, imports back
// to exactly the same actions.
#include "curl/curlexport.h"
#include "curl/curlimport.h"
#include "session/sessionfile.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace Tenfold;

namespace {

/// opt_fields=name, notes is read as ["name", "notes"]: spaces around a field name go.
QJsonValue trimmedFields(const QJsonValue &options)
{
    QJsonObject object = options.toObject();
    const QJsonValue fields = object.value(QLatin1String("fields"));
    if (!options.isObject() || !fields.isArray())
        return options;
    QJsonArray trimmed;
    for (const QJsonValue &field : fields.toArray()) {
        if (!field.isString())
            return options;
        if (!field.toString().trimmed().isEmpty())
            trimmed.append(field.toString().trimmed());
    }
    object.insert(QLatin1String("fields"), trimmed);
    return object;
}

/// A query parameter is text: the string a direct read's data value travels as, the way
/// curlexport writes it (a list of scalars comma-separated).
QJsonValue asQueryText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == std::floor(number) && std::abs(number) < 1e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(asQueryText(item).toString());
        return parts.join(u',');
    }
    default:
        return value;
    }
}

/// What an export may change without changing a request: the method is written in its wire
/// form (lower case in a batch body, upper case on curl's command line), a batch body leaves
/// out empty data and options (batchBody(), as Asana gets them), and a direct write
/// always carries a {"data": ...} envelope (Asana reads the body's data), so a per-action
/// export of a write without data sends {"data":{}}, read back as an empty data object, and a
/// relative path always starts with '/' in a URL; field names lose surrounding spaces; and a
/// direct read's data becomes query text.
QList<Action> asSent(QList<Action> actions, bool perAction)
{
    for (Action &action : actions) {
        action.method = action.method.toLower();
        for (QJsonValue *value : {&action.data, &action.options}) {
            if (value->isObject() && value->toObject().isEmpty())
                *value = QJsonValue::Undefined; // a batch body leaves empty ones out
        }
        const bool queryData = action.isRead() || action.method == QLatin1String("delete");
        if (perAction && !queryData && action.data.isUndefined())
            action.data = QJsonObject();
        if (perAction && queryData && action.data.isObject()) {
            QJsonObject data = action.data.toObject();
            for (auto it = data.begin(); it != data.end(); ++it)
                it.value() = asQueryText(it.value());
            action.data = data;
        }
        if (perAction)
            action.options = trimmedFields(action.options);
        if (perAction && !action.relativePath.startsWith(u'/'))
            action.relativePath.prepend(u'/'); // a URL path has one; a batch body need not
    }
    return actions;
}

void requireSameActions(const Session &imported, const CurlExportOptions &options)
{
    const QList<Action> expected = asSent(imported.actions, options.perAction);
    const Result<QString> script = exportCurl(imported, options);
    if (!script) {
        // Some sessions have no curl form (an action whose data a query cannot carry, a
        // "{{name}}" that reads as an undefined variable): refusing is fine, silently is not.
        if (script.errorString().isEmpty())
            __builtin_trap();
        return;
    }
    const Result<Session> again = importCurl(script.value());
    if (!again || asSent(again->actions, options.perAction) != expected) {
        // TENFOLD_FUZZ_DEBUG=1 ./fuzz_curl_import crash-file shows what changed.
        if (qEnvironmentVariableIsSet("TENFOLD_FUZZ_DEBUG")) {
            qWarning().noquote() << "export:\n" << script.value();
            if (!again)
                qWarning().noquote() << "re-import refused:" << again.errorString();
            else
                qWarning().noquote() << "before:\n"
                                     << serializeSession(imported) << "\nafter:\n"
                                     << serializeSession(again.value());
        }
        __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const Result<QList<CurlRequest>> requests = parseCurlCommands(text);
    if (requests) {
        for (const CurlRequest &request : requests.value()) {
            if (request.method.isEmpty() || request.url.isEmpty() || request.line < 1)
                __builtin_trap();
        }
    } else if (requests.errorString().isEmpty()) {
        __builtin_trap();
    }

    const Result<Session> imported = importCurl(text);
    if (!imported) {
        if (imported.errorString().isEmpty())
            __builtin_trap(); // every refusal must say why
        return 0;
    }
    if (!requests) // the importer accepted what the command parser refused
        __builtin_trap();

    CurlExportOptions options;
    requireSameActions(imported.value(), options);
    options.perAction = true;
    requireSameActions(imported.value(), options);
    return 0;
}
