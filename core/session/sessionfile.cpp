#include "sessionfile.h"

#include "actionarrayscan.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace Tenfold {

namespace {

/// A whole number past 2^53 that did not fit 64 bits was rounded when it was read
/// (18446744073709551617 reads 18446744073709552000): as a variable's value its digits are gone.
bool wasRounded(const QJsonValue &value)
{
    if (!value.isDouble() || QCborValue::fromJsonValue(value).isInteger())
        return false;
    const double d = value.toDouble();
    return std::abs(d) >= 9007199254740992.0 && std::trunc(d) == d;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::SessionFile", text);
}

const QLatin1String FormatKey("format");
const QLatin1String FormatName("tenfold-session");
const QLatin1String VersionKey("version");
const QLatin1String NameKey("name");
const QLatin1String TargetKey("target");
const QLatin1String PlanKey("plan");
const QLatin1String ConcurrencyKey("concurrency");
const QLatin1String VariablesKey("variables");
const QLatin1String ActionsKey("actions");
const QLatin1String DataKey("data");
const QLatin1String MethodKey("method");
const QLatin1String PathKey("relative_path");
const QLatin1String OptionsKey("options");
const QLatin1String NoteKey("note");
const QLatin1String EnabledKey("enabled");
const QLatin1String ValueKey("value");
const QLatin1String ResultsKey("results");

/// Turns QJsonParseError's byte offset into the 1-based line and column people look for.
Error parseErrorAt(const QByteArray &json, const QJsonParseError &error)
{
    const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, json.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const int column =
        int(QString::fromUtf8(json.constData() + lineStart, offset - lineStart).size()) + 1;
    QString message = tr("not valid JSON: %1").arg(error.errorString());
    if (error.error == QJsonParseError::DeepNesting)
        message = tr("the JSON is nested too deeply to be a batch of actions");
    return Error{message, line, column};
}

void addDiagnostic(QList<Diagnostic> &diagnostics, Severity severity, int action,
                   const QString &field, const QString &code, const QString &message)
{
    diagnostics.append(Diagnostic{severity, action, field, code, message, {}});
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

const QStringList &knownKeys()
{
    static const QStringList keys = {MethodKey, PathKey, DataKey, OptionsKey, NoteKey, EnabledKey};
    return keys;
}

/// Qt drops a leading U+FEFF whenever it reads back a key it parsed, so "\uFEFFmethod" shows as
/// "method" when iterating although a look-up of "method" does not find it. A key Tenfold inserts
/// is read back as stored: under this name the key is written back as the user wrote it, and
/// readDiagnostics() tells it from the known one.
QString hiddenKey(const QString &key)
{
    return QChar(0xFEFF) + key;
}

/// Reads the fields it can; everything else goes to `unread`, from which readDiagnostics() tells
/// what was wrong (so the loader and the window report the same).
Action actionFromJson(const QJsonValue &value)
{
    Action action;
    if (!value.isObject()) {
        action.unread = value;
        return action;
    }
    const QJsonObject object = value.toObject();
    QJsonObject unread;
    // Look the known keys up (no allocation per key) and only walk the keys when there are
    // more than we know: 100,000-action files load noticeably faster this way.
    int known = 0;
    const QJsonValue method = object.value(MethodKey);
    if (!method.isUndefined()) {
        ++known;
        if (method.isString()) {
            action.method = method.toString();
            if (QString canonical = canonicalMethod(action.method); !canonical.isNull())
                action.method = std::move(canonical);
        } else {
            unread.insert(MethodKey, method);
        }
    }
    const QJsonValue path = object.value(PathKey);
    if (!path.isUndefined()) {
        ++known;
        if (path.isString())
            action.relativePath = path.toString();
        else
            unread.insert(PathKey, path);
    }
    action.data = object.value(DataKey);
    action.options = object.value(OptionsKey);
    known += !action.data.isUndefined();
    known += !action.options.isUndefined();
    const QJsonValue note = object.value(NoteKey);
    if (!note.isUndefined()) {
        ++known;
        if (note.isString())
            action.note = note.toString();
        else
            unread.insert(NoteKey, note);
    }
    const QJsonValue enabled = object.value(EnabledKey);
    if (!enabled.isUndefined()) {
        ++known;
        if (enabled.isBool())
            action.enabled = enabled.toBool();
        else
            unread.insert(EnabledKey, enabled);
    }
    if (object.size() > known) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = it.key();
            if (!knownKeys().contains(key))
                unread.insert(key, it.value());
            else if (!object.contains(key))
                unread.insert(hiddenKey(key), it.value());
        }
    }
    if (!unread.isEmpty())
        action.unread = unread;
    return action;
}

/// The type a member must have to be read, for the members that are checked on reading.
struct MemberRule
{
    QLatin1String key;
    const char *code;
    Severity severity;
    const char *message; ///< %1 is the type found
};

const MemberRule MemberRules[] = {
    {MethodKey, "method.type", Severity::Error,
     QT_TRANSLATE_NOOP("Tenfold::SessionFile", "method must be a string such as \"get\", not %1")},
    {PathKey, "path.type", Severity::Error,
     QT_TRANSLATE_NOOP("Tenfold::SessionFile",
                       "relative_path must be a string such as \"/tasks/123\", not %1")},
    {NoteKey, "note.type", Severity::Warning,
     QT_TRANSLATE_NOOP("Tenfold::SessionFile", "note must be a string; it was ignored")},
    {EnabledKey, "enabled.type", Severity::Error,
     QT_TRANSLATE_NOOP("Tenfold::SessionFile",
                       "enabled must be true or false, not %1; until it is, the action is not "
                       "sent")},
};

void readActions(const QJsonArray &array, LoadedInput &input)
{
    // Big files are converted on all cores: each chunk fills its own slots of the action list
    // and keeps its own diagnostics, joined in order afterwards.
    const int count = int(array.size());
    input.session.actions.resize(count);
    Action *const out = input.session.actions.data(); // one owner; workers fill their slots
    constexpr int ChunkSize = 8192;
    QList<std::pair<int, int>> chunks;
    for (int first = 0; first < count; first += ChunkSize)
        chunks.append({first, std::min(count, first + ChunkSize)});
    auto convert = [&array, out](const std::pair<int, int> &chunk) {
        QList<Diagnostic> found;
        for (int i = chunk.first; i < chunk.second; ++i) {
            out[i] = actionFromJson(array.at(i));
            found.append(readDiagnostics(out[i], i));
        }
        return found;
    };
    if (chunks.size() <= 1) {
        input.diagnostics.append(convert({0, count}));
        return;
    }
    for (const QList<Diagnostic> &found : QtConcurrent::blockingMapped(chunks, convert))
        input.diagnostics.append(found);
}

Result<LoadedInput> readSession(const QJsonObject &root)
{
    const QJsonValue version = root.value(VersionKey);
    // Compared as a double: toInt() answers 0 for anything beyond int, which would call a far
    // newer file "version 0".
    const double number = version.toDouble();
    if (!version.isDouble() || !std::isfinite(number) || number != std::floor(number))
        return Error{tr("this Tenfold session has no valid \"version\"; the file may be damaged")};
    if (number > SessionFormatVersion) {
        return Error{tr("this session was saved by a newer Tenfold (format version %1; this one "
                        "reads up to %2): update Tenfold to open it")
                         .arg(number, 0, 'f', 0)
                         .arg(SessionFormatVersion)};
    }
    if (number < 1)
        return Error{tr("session format version %1 does not exist").arg(number, 0, 'f', 0)};

    LoadedInput input;
    input.kind = InputKind::Session;
    input.keptResults = root.value(ResultsKey);
    Session &session = input.session;
    // Each member is read as what it must be: a number where text belongs would otherwise read
    // as an empty string, and an empty string can mean something else ("" is no value at all).
    auto text = [&root](QLatin1String key) -> Result<QString> {
        const QJsonValue value = root.value(key);
        if (value.isUndefined() || value.isString())
            return value.toString();
        return Error{
            tr("the session's \"%1\" must be a string, not %2").arg(key, jsonTypeName(value))};
    };
    const Result<QString> name = text(NameKey);
    if (!name)
        return name.error();
    session.name = name.value();

    if (root.contains(TargetKey)) {
        const Result<QString> spec = text(TargetKey);
        if (!spec)
            return spec.error();
        Result<Target> target = Target::parse(spec.value());
        if (!target)
            return Error{tr("the session's target is not valid: %1").arg(target.errorString())};
        session.target = target.value();
    }
    if (root.contains(PlanKey)) {
        const Result<QString> spec = text(PlanKey);
        if (!spec)
            return spec.error();
        Result<Plan> plan = Plan::parse(spec.value());
        if (!plan)
            return Error{tr("the session's plan is not valid: %1").arg(plan.errorString())};
        session.plan = plan.value();
    }
    if (root.contains(ConcurrencyKey)) {
        const Result<QString> spec = text(ConcurrencyKey);
        if (!spec)
            return spec.error();
        if (auto error = session.plan.setConcurrency(spec.value()))
            return Error{tr("the session's concurrency is not valid: %1").arg(error->toString())};
    }

    const QJsonValue variables = root.value(VariablesKey);
    if (!variables.isUndefined() && !variables.isArray())
        return Error{tr("the session's \"variables\" must be an array of {name, value}")};
    for (const QJsonValue &value : variables.toArray()) {
        if (!value.isObject()) {
            return Error{tr("the session's \"variables\" holds %1 where a {name, value} object "
                            "belongs")
                             .arg(jsonTypeName(value))};
        }
        const QJsonObject object = value.toObject();
        const QJsonValue nameValue = object.value(NameKey);
        const QString variableName = nameValue.toString();
        if (!nameValue.isString() || !isValidVariableName(variableName)) {
            return Error{tr("the session defines a variable with an invalid name %1: use "
                            "letters, digits, '_', '-' and '.'")
                             .arg(nameValue.isString() ? u'"' + variableName + u'"'
                                                       : jsonTypeName(nameValue))};
        }
        // Numbers and booleans are taken as their text ({{proj}} = 1201 reads "1201"); a value
        // with no one text form is refused rather than substituted as an empty string.
        const QJsonValue given = object.value(ValueKey);
        const std::optional<QString> variableValue =
            wasRounded(given) ? std::nullopt : jsonScalarText(given);
        if (!variableValue) {
            if (given.isDouble()) {
                return Error{tr("the session's variable \"%1\" has a number with more digits "
                                "than can be read exactly; write it in quotes, as a string")
                                 .arg(variableName)};
            }
            return Error{
                tr("the session's variable \"%1\" has %2: give its value as a string, "
                   "a number or true/false")
                    .arg(variableName, given.isUndefined()
                                           ? tr("no \"value\"")
                                           : tr("%1 as its value").arg(jsonTypeName(given)))};
        }
        session.variables.append({variableName, *variableValue});
    }

    const QJsonValue actions = root.value(ActionsKey);
    if (!actions.isArray())
        return Error{tr("the session has no \"actions\" array; the file may be damaged")};
    readActions(actions.toArray(), input);
    return input;
}

Error tooLarge(qint64 bytes)
{
    constexpr qint64 MiB = 1024 * 1024;
    // Standard input is read only up to one byte past the limit, so its size is not known.
    if (bytes / MiB <= MaxInputBytes / MiB)
        return Error{
            tr("the input is larger than %1 MiB, the most Tenfold reads").arg(MaxInputBytes / MiB)};
    return Error{tr("the input is %1 MiB; Tenfold reads at most %2 MiB")
                     .arg(bytes / MiB)
                     .arg(MaxInputBytes / MiB)};
}

/// The document behind an input, or the error a person should see: line and column for broken
/// JSON, and a plain word for JSON that is valid but not an object or an array.
Result<QJsonDocument> parseDocument(const QByteArray &json)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return doc;
    const qsizetype first =
        std::find_if(json.cbegin(), json.cend(), [](char c) { return !std::isspace(uchar(c)); }) -
        json.cbegin();
    if (first == json.size())
        return Error{tr("the input is empty: expected a Tenfold session, an Asana batch body "
                        "({\"data\":{\"actions\":[...]}}) or an array of actions")};
    // Qt takes only an object or an array as a document and calls anything else an
    // "illegal value"; say what the valid JSON is instead.
    if (json.at(first) != '{' && json.at(first) != '[') {
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + json + ']');
        if (wrapped.isArray() && wrapped.array().size() == 1) {
            return Error{tr("this JSON is %1, not a Tenfold session, an Asana batch body "
                            "({\"data\":{\"actions\":[...]}}) or an array of actions")
                             .arg(jsonTypeName(wrapped.array().at(0)))};
        }
    }
    return parseErrorAt(json, parseError);
}

/// Tells the three inputs apart and reads the one `doc` holds.
Result<LoadedInput> readDocument(const QJsonDocument &doc)
{
    if (doc.isArray()) {
        LoadedInput input;
        input.kind = InputKind::ActionArray;
        readActions(doc.array(), input);
        return input;
    }

    const QJsonObject root = doc.object();
    if (root.value(FormatKey) == FormatName)
        return readSession(root);
    if (root.contains(FormatKey)) {
        return Error{tr("this is a \"%1\" file, not a Tenfold session")
                         .arg(root.value(FormatKey).toString())};
    }
    const QJsonValue actions = root.value(DataKey).toObject().value(ActionsKey);
    if (actions.isArray()) {
        LoadedInput input;
        input.kind = InputKind::BatchBody;
        readActions(actions.toArray(), input);
        return input;
    }
    return Error{tr("this JSON is neither a Tenfold session, an Asana batch body "
                    "({\"data\":{\"actions\":[...]}}) nor an array of actions")};
}

/// Parses and then releases `json` (when it holds the only reference to the bytes) before the
/// actions are built, so a big file's text and its actions are not in memory at once.
Result<LoadedInput> parseWhole(QByteArray &json)
{
    Result<QJsonDocument> doc = parseDocument(json);
    if (!doc)
        return doc.error();
    json = QByteArray();
    return readDocument(doc.value());
}

/// readDocument() takes each kind's actions from where the scan looks for them; checked anyway,
/// so that a new input kind can never be handed the elements of another array.
bool placeFits(ActionArrayLayout::Place place, InputKind kind)
{
    switch (place) {
    case ActionArrayLayout::Place::Root:
        return kind == InputKind::ActionArray;
    case ActionArrayLayout::Place::SessionActions:
        return kind == InputKind::Session;
    case ActionArrayLayout::Place::BatchBodyActions:
        return kind == InputKind::BatchBody;
    }
    return false;
}

/// Reads a big input's actions chunk by chunk on all cores, and the rest of it (everything but
/// the actions' elements) as one small document. readDocument() must find the actions in the
/// rest by exact key look-ups (QJsonObject::value), as the scan does: iterating keys would
/// see "\xef\xbb\xbfactions" as "actions" (QString::fromUtf8 drops a leading U+FEFF), a key the
/// scan rightly skips. Qt's parser still checks every byte: each
/// chunk is parsed as an array of exactly the elements the scan counted, and the rest with an
/// empty array in the actions' place. Answers nothing when anything does not fit, so that the
/// whole-document parse decides, and reports errors where they are in the file.
std::optional<LoadedInput> parseInChunks(const QByteArray &json, qsizetype chunkBytes)
{
    const std::optional<ActionArrayLayout> layout = scanActionArray(json, chunkBytes);
    if (!layout)
        return std::nullopt;
    QByteArray rest = json.left(layout->open + 1) + json.mid(layout->close);
    Result<QJsonDocument> restDoc = parseDocument(rest);
    if (!restDoc)
        return std::nullopt;
    rest = QByteArray();
    Result<LoadedInput> input = readDocument(restDoc.value());
    if (!input || !placeFits(layout->place, input->kind) || !input->session.actions.isEmpty())
        return std::nullopt;

    input->session.actions.resize(layout->count);
    Action *const out = input->session.actions.data(); // one owner; workers fill their slots
    // A chunk that fails sends the whole input to parseWhole(), so the others may stop early.
    std::atomic<bool> failed = false;
    auto convert = [&json, out, &failed](const ActionArrayLayout::Chunk &chunk) {
        if (failed.load(std::memory_order_relaxed))
            return std::optional<QList<Diagnostic>>();
        QByteArray text;
        text.reserve(chunk.end - chunk.begin + 2);
        text.append('[').append(json.constData() + chunk.begin, chunk.end - chunk.begin);
        text.append(']');
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        text = QByteArray();
        const QJsonArray elements = doc.array();
        if (error.error != QJsonParseError::NoError || elements.size() != chunk.count) {
            failed = true;
            return std::optional<QList<Diagnostic>>();
        }
        QList<Diagnostic> found;
        for (int i = 0; i < chunk.count; ++i) {
            out[chunk.first + i] = actionFromJson(elements.at(i));
            found.append(readDiagnostics(out[chunk.first + i], chunk.first + i));
        }
        return std::optional<QList<Diagnostic>>(std::move(found));
    };
    for (const auto &found : QtConcurrent::blockingMapped(layout->chunks, convert)) {
        if (!found)
            return std::nullopt;
        input->diagnostics.append(*found);
    }
    return std::move(input).value();
}

/// Inputs from this size on are read in chunks on all cores; below it one parse is quick enough.
constexpr qsizetype ChunkedParseMinBytes = 1024 * 1024;
/// Big enough that a chunk's parse outweighs handing it to a thread, small enough that both
/// cores stay busy to the end and a chunk's document is freed long before the last is read.
constexpr qsizetype ChunkBytes = 256 * 1024;

Result<LoadedInput> parseOwned(QByteArray &json, qsizetype chunkedFromBytes, qsizetype chunkBytes,
                               bool *usedChunks)
{
    if (usedChunks)
        *usedChunks = false;
    if (json.size() > MaxInputBytes)
        return tooLarge(json.size());
    if (json.size() >= chunkedFromBytes) {
        if (std::optional<LoadedInput> input = parseInChunks(json, chunkBytes)) {
            if (usedChunks)
                *usedChunks = true;
            return std::move(*input);
        }
    }
    return parseWhole(json);
}

} // namespace

Result<LoadedInput> parseInput(const QByteArray &json)
{
    QByteArray shared = json; // releasing this copy leaves the caller's bytes alone
    return parseOwned(shared, ChunkedParseMinBytes, ChunkBytes, nullptr);
}

Result<LoadedInput> parseInputInChunks(const QByteArray &json, qsizetype chunkBytes,
                                       bool *usedChunks)
{
    QByteArray shared = json;
    return parseOwned(shared, 0, chunkBytes, usedChunks);
}

Result<LoadedInput> parseInputWhole(const QByteArray &json)
{
    QByteArray shared = json;
    return parseOwned(shared, MaxInputBytes + 1, ChunkBytes, nullptr);
}

Result<LoadedInput> loadInput(const QString &path)
{
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return Error{tr("cannot read %1: %2").arg(path, file.errorString())};
    // Regular files only (stdin reports 0 and is checked by parseOwned): refused from the size
    // alone, without reading or allocating it.
    if (file.size() > MaxInputBytes)
        return tooLarge(file.size());
    // A regular file's size is known and within the limit: read exactly that. A pipe is read
    // up to one byte past the limit, which parseOwned() then refuses.
    QByteArray bytes = file.isSequential() ? file.read(MaxInputBytes + 1) : file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{tr("cannot read %1: %2").arg(path, file.errorString())};
    file.close();
    return parseOwned(bytes, ChunkedParseMinBytes, ChunkBytes, nullptr);
}

QList<Diagnostic> readDiagnostics(const Action &action, int index)
{
    QList<Diagnostic> diagnostics;
    if (action.unread.isUndefined())
        return diagnostics;
    if (!action.unread.isObject()) {
        addDiagnostic(diagnostics, Severity::Error, index, {}, QStringLiteral("action.not-object"),
                      tr("an action must be a JSON object with method and relative_path, not %1")
                          .arg(jsonTypeName(action.unread)));
        return diagnostics;
    }
    const QJsonObject unread = action.unread.toObject();
    for (const MemberRule &rule : MemberRules) {
        const QJsonValue value = unread.value(rule.key);
        if (!value.isUndefined()) {
            addDiagnostic(diagnostics, rule.severity, index, rule.key,
                          QString::fromLatin1(rule.code),
                          tr(rule.message).replace(QLatin1String("%1"), jsonTypeName(value)));
        }
    }
    for (auto it = unread.constBegin(); it != unread.constEnd(); ++it) {
        const QString key = it.key();
        if (knownKeys().contains(key))
            continue; // a known key of the wrong type, reported above
        // Keys put in `unread` are read back as stored, so a hidden one keeps its U+FEFF.
        if (key.startsWith(QChar(0xFEFF)) && knownKeys().contains(key.mid(1))) {
            addDiagnostic(diagnostics, Severity::Warning, index, key.mid(1),
                          QStringLiteral("action.hidden-character"),
                          tr("the key \"%1\" starts with an invisible character (U+FEFF) "
                             "and was not read; type the key again")
                              .arg(key.mid(1)));
            continue;
        }
        addDiagnostic(diagnostics, Severity::Warning, index, key,
                      QStringLiteral("action.unknown-key"),
                      tr("\"%1\" is not part of an action (method, relative_path, data, "
                         "options); it will not be sent")
                          .arg(key));
    }
    return diagnostics;
}

void forgetUnread(Action &action, const QString &key)
{
    if (action.unread.isUndefined())
        return;
    if (!action.unread.isObject()) {
        action.unread = QJsonValue::Undefined; // the user is building the action anew
        return;
    }
    QJsonObject unread = action.unread.toObject();
    unread.remove(key);
    unread.remove(hiddenKey(key));
    action.unread = unread.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(unread);
}

QJsonObject actionToSessionJson(const Action &action)
{
    // What could not be read goes back as it was written, and is not replaced by the default
    // the field fell back to: "enabled": "false" must not come back as an enabled action.
    QJsonObject object = action.unread.toObject();
    // A field that fell back to its default because the file's member had the wrong type or a
    // hidden character in its key is not written: the member goes back instead.
    auto set = [&object](QLatin1String key, const QJsonValue &value) {
        if (!object.contains(key) && !object.contains(hiddenKey(key)))
            object.insert(key, value);
    };
    set(MethodKey, action.method);
    set(PathKey, action.relativePath);
    if (!action.data.isUndefined())
        object.insert(DataKey, action.data);
    if (!action.options.isUndefined())
        object.insert(OptionsKey, action.options);
    if (!action.note.isEmpty())
        set(NoteKey, action.note);
    if (!action.enabled)
        set(EnabledKey, false);
    return object;
}

QJsonValue actionToSessionValue(const Action &action)
{
    if (!action.unread.isUndefined() && !action.unread.isObject())
        return action.unread;
    return actionToSessionJson(action);
}

QByteArray serializeSession(const Session &session, const QJsonValue &keptResults)
{
    QJsonObject root;
    root.insert(FormatKey, FormatName);
    root.insert(VersionKey, SessionFormatVersion);
    root.insert(NameKey, session.name);
    root.insert(TargetKey, session.target.spec());
    root.insert(PlanKey, session.plan.spec());
    root.insert(ConcurrencyKey, session.plan.concurrencySpec());
    QJsonArray variables;
    for (const Variable &variable : session.variables)
        variables.append(QJsonObject{{NameKey, variable.name}, {ValueKey, variable.value}});
    root.insert(VariablesKey, variables);
    QJsonArray actions;
    for (const Action &action : session.actions)
        actions.append(actionToSessionValue(action));
    root.insert(ActionsKey, actions);
    if (!keptResults.isUndefined())
        root.insert(ResultsKey, keptResults);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Error> saveSession(const Session &session, const QString &path)
{
    return writeFileAtomically(path, serializeSession(session));
}

std::optional<Error> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error{tr("cannot write %1: %2").arg(path, reason)};
    }
    if (!file.commit())
        return Error{tr("cannot save %1: %2").arg(path, file.errorString())};
    return std::nullopt;
}

} // namespace Tenfold
