#include "resultscompare.h"

#include "wire/batchbody.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace Tenfold {

namespace {

/// Keys whose values differ on every run by nature: they are dropped before comparing.
const QLatin1String TimestampKeys[] = {QLatin1String("created_at"), QLatin1String("modified_at")};

/// Above this many cells the alignment falls back to index for index (the table is n * m).
constexpr qsizetype MaxAlignmentCells = 4'000'000;

/// Gids a run created (answered 201), mapped to the 1-based number of the action that did.
using CreatedGids = QHash<QString, int>;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

CreatedGids createdGids(const SendRun &run)
{
    CreatedGids gids;
    for (int i = 0; i < run.results.size(); ++i) {
        const ActionResult &result = run.results.at(i);
        if (result.statusCode != 201)
            continue;
        const QString gid = result.body.toObject()
                                .value(QStringLiteral("data"))
                                .toObject()
                                .value(QStringLiteral("gid"))
                                .toString();
        if (!gid.isEmpty() && std::all_of(gid.begin(), gid.end(), isDigit))
            gids.insert(gid, i + 1);
    }
    return gids;
}

/// Replaces every whole run of digits that is a created gid with "<gid created by action N>",
/// so the same object created by the same action compares equal across runs.
QString replaceGids(const QString &text, const CreatedGids &gids)
{
    if (gids.isEmpty())
        return text;
    QString out;
    qsizetype copied = 0;
    for (qsizetype i = 0; i < text.size();) {
        if (!isDigit(text.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && isDigit(text.at(end)))
            ++end;
        const auto found = gids.constFind(text.mid(i, end - i));
        if (found != gids.constEnd()) {
            out += QStringView(text).mid(copied, i - copied);
            out += QStringLiteral("<gid created by action %1>").arg(found.value());
            copied = end;
        }
        i = end;
    }
    if (copied == 0)
        return text;
    out += QStringView(text).mid(copied);
    return out;
}

/// The value with what always differs between runs taken out: timestamps, the phrase of
/// errors, and created gids (in values and keys).
QJsonValue normalize(const QJsonValue &value, const CreatedGids &gids, bool inErrors = false)
{
    switch (value.type()) {
    case QJsonValue::String:
        return replaceGids(value.toString(), gids);
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QJsonArray out;
        for (const QJsonValue &element : array)
            out.append(normalize(element, gids, false));
        return out;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QJsonObject out;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            if (std::find(std::begin(TimestampKeys), std::end(TimestampKeys), key) !=
                std::end(TimestampKeys))
                continue;
            if (inErrors && key == QLatin1String("phrase"))
                continue;
            const bool errors = key == QLatin1String("errors") && it.value().isArray();
            QJsonValue child = it.value();
            if (errors) {
                QJsonArray list;
                const QJsonArray elements = child.toArray();
                for (const QJsonValue &element : elements)
                    list.append(normalize(element, gids, true));
                child = list;
            } else {
                child = normalize(child, gids, false);
            }
            out.insert(replaceGids(key, gids), child);
        }
        return out;
    }
    default:
        return value;
    }
}

/// What is compared of one action: the request under "request", the result's fields, and the
/// body's members at the top (so paths read `data.name` as in the body). The parsed errors are
/// left out: they repeat the body.
QJsonObject comparable(const SendRun &run, int index, const CreatedGids &gids,
                       const CompareOptions &options)
{
    QJsonObject object;
    const Action &action = run.actions.at(index);
    QJsonObject request = actionToWire(action);
    request.insert(QStringLiteral("enabled"), action.enabled);
    object.insert(QStringLiteral("request"), request);
    const ActionResult result = run.results.value(index);
    object.insert(QStringLiteral("state"), actionStateName(result.state));
    object.insert(QStringLiteral("status_code"), result.statusCode);
    object.insert(QStringLiteral("headers"), result.headers);
    object.insert(QStringLiteral("batch"), result.batch);
    object.insert(QStringLiteral("attempts"), result.attempts);
    if (!result.reason.isEmpty()) {
        // The sender quotes a 500's phrase in its reason (" (phrase: ...)"); it differs on
        // every run, like the phrase itself.
        static const QRegularExpression quotedPhrase(QStringLiteral(" \\(phrase: [^)]*\\)"));
        object.insert(QStringLiteral("reason"), options.allFields
                                                    ? result.reason
                                                    : QString(result.reason).remove(quotedPhrase));
    }
    if (options.allFields)
        object.insert(QStringLiteral("duration_ms"), result.durationMs);
    if (result.body.isObject()) {
        const QJsonObject body = result.body.toObject();
        for (auto it = body.begin(); it != body.end(); ++it) {
            const QString key =
                object.contains(it.key()) ? QStringLiteral("body.") + it.key() : it.key();
            object.insert(key, it.value());
        }
    } else if (!result.body.isNull() && !result.body.isUndefined()) {
        object.insert(QStringLiteral("body"), result.body);
    }
    if (options.allFields)
        return object;
    return normalize(object, gids).toObject();
}

QString alignmentKey(const SendRun &run, int index, const CreatedGids &gids)
{
    const Action &action = run.actions.at(index);
    return action.method.toUpper() + u' ' + replaceGids(action.relativePath, gids);
}

/// Pairs of indexes (-1 for "none"), in order: index for index when the lengths match, else
/// along the longest common sequence of keys.
QList<std::pair<int, int>> align(const QStringList &a, const QStringList &b)
{
    QList<std::pair<int, int>> pairs;
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (n == m || (n + 1) * (m + 1) > MaxAlignmentCells) {
        for (qsizetype i = 0; i < std::max(n, m); ++i)
            pairs.append({i < n ? int(i) : -1, i < m ? int(i) : -1});
        return pairs;
    }
    // lengths[i][j]: longest common sequence of a[i..] and b[j..].
    std::vector<int> lengths(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int & { return lengths[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) =
                a.at(i) == b.at(j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a.at(i) == b.at(j)) {
            pairs.append({int(i++), int(j++)});
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            pairs.append({int(i++), -1});
        } else {
            pairs.append({-1, int(j++)});
        }
    }
    while (i < n)
        pairs.append({int(i++), -1});
    while (j < m)
        pairs.append({-1, int(j++)});
    return pairs;
}

bool isPlainKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-'))
            return false;
    }
    return true;
}

QString shortJson(const QJsonValue &value)
{
    QString text;
    if (value.isString()) {
        text = QString::fromUtf8(
            QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    } else if (value.isObject()) {
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    } else if (value.isArray()) {
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    } else if (value.isUndefined()) {
        text = QStringLiteral("(none)");
    } else {
        text = QString::fromUtf8(
            QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    }
    constexpr int MaxLength = 120;
    if (text.size() > MaxLength)
        text = text.left(MaxLength - 1) + QChar(0x2026);
    return text;
}

QJsonValue valueForJson(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

} // namespace

QString differenceKindName(JsonDifference::Kind kind)
{
    switch (kind) {
    case JsonDifference::Kind::Changed:
        return QStringLiteral("changed");
    case JsonDifference::Kind::Added:
        return QStringLiteral("added");
    case JsonDifference::Kind::Removed:
        return QStringLiteral("removed");
    case JsonDifference::Kind::Length:
        return QStringLiteral("length");
    }
    return {};
}

QString JsonDifference::describe() const
{
    const QString where = path.isEmpty() ? QStringLiteral("(whole value)") : path;
    switch (kind) {
    case Kind::Changed:
        return QStringLiteral("%1: %2 -> %3").arg(where, shortJson(a), shortJson(b));
    case Kind::Added:
        return QStringLiteral("+ %1: %2").arg(where, shortJson(b));
    case Kind::Removed:
        return QStringLiteral("- %1: %2").arg(where, shortJson(a));
    case Kind::Length: {
        auto items = [](const QJsonValue &count) {
            const int n = count.toInt();
            return n == 1 ? QStringLiteral("1 item") : QStringLiteral("%1 items").arg(n);
        };
        return QStringLiteral("%1: %2 -> %3").arg(where, items(a), items(b));
    }
    }
    return where;
}

QString jsonPathChild(const QString &path, const QString &key)
{
    if (isPlainKey(key))
        return path.isEmpty() ? key : path + u'.' + key;
    const QString quoted = QString::fromUtf8(
        QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    return path + u'[' + quoted + u']';
}

void diffJson(const QJsonValue &a, const QJsonValue &b, const QString &path,
              QList<JsonDifference> *differences)
{
    if (a == b)
        return;
    if (a.isObject() && b.isObject()) {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        // QJsonObject keeps its keys sorted, so one merge pass visits each key once, in order.
        auto l = left.begin();
        auto r = right.begin();
        while (l != left.end() || r != right.end()) {
            if (r == right.end() || (l != left.end() && l.key() < r.key())) {
                differences->append({jsonPathChild(path, l.key()), JsonDifference::Kind::Removed,
                                     l.value(), QJsonValue(QJsonValue::Undefined)});
                ++l;
            } else if (l == left.end() || r.key() < l.key()) {
                differences->append({jsonPathChild(path, r.key()), JsonDifference::Kind::Added,
                                     QJsonValue(QJsonValue::Undefined), r.value()});
                ++r;
            } else {
                diffJson(l.value(), r.value(), jsonPathChild(path, l.key()), differences);
                ++l;
                ++r;
            }
        }
        return;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        if (left.size() != right.size())
            differences->append(
                {path, JsonDifference::Kind::Length, int(left.size()), int(right.size())});
        const qsizetype common = std::min(left.size(), right.size());
        for (qsizetype i = 0; i < common; ++i)
            diffJson(left.at(i), right.at(i), path + QStringLiteral("[%1]").arg(i), differences);
        for (qsizetype i = common; i < left.size(); ++i)
            differences->append({path + QStringLiteral("[%1]").arg(i),
                                 JsonDifference::Kind::Removed, left.at(i),
                                 QJsonValue(QJsonValue::Undefined)});
        for (qsizetype i = common; i < right.size(); ++i)
            differences->append({path + QStringLiteral("[%1]").arg(i), JsonDifference::Kind::Added,
                                 QJsonValue(QJsonValue::Undefined), right.at(i)});
        return;
    }
    differences->append({path, JsonDifference::Kind::Changed, a, b});
}

QString actionMatchName(ActionComparison::Match match)
{
    switch (match) {
    case ActionComparison::Match::Same:
        return QStringLiteral("same");
    case ActionComparison::Match::Changed:
        return QStringLiteral("changed");
    case ActionComparison::Match::OnlyInA:
        return QStringLiteral("only_in_a");
    case ActionComparison::Match::OnlyInB:
        return QStringLiteral("only_in_b");
    }
    return {};
}

RunComparison compareRuns(const SendRun &a, const SendRun &b, const CompareOptions &options)
{
    const CreatedGids gidsA = options.allFields ? CreatedGids() : createdGids(a);
    const CreatedGids gidsB = options.allFields ? CreatedGids() : createdGids(b);
    QStringList keysA;
    QStringList keysB;
    for (int i = 0; i < a.actions.size(); ++i)
        keysA.append(alignmentKey(a, i, gidsA));
    for (int i = 0; i < b.actions.size(); ++i)
        keysB.append(alignmentKey(b, i, gidsB));

    RunComparison comparison;
    const QList<std::pair<int, int>> pairs = align(keysA, keysB);
    for (const auto &[ia, ib] : pairs) {
        ActionComparison action;
        action.aIndex = ia;
        action.bIndex = ib;
        const Action &shown = ia >= 0 ? a.actions.at(ia) : b.actions.at(ib);
        action.method = shown.method.toUpper();
        action.relativePath = shown.relativePath;
        if (ia >= 0) {
            action.aState = actionStateName(a.results.value(ia).state);
            action.aStatus = a.results.value(ia).statusCode;
        }
        if (ib >= 0) {
            action.bState = actionStateName(b.results.value(ib).state);
            action.bStatus = b.results.value(ib).statusCode;
        }
        if (ia < 0) {
            action.match = ActionComparison::Match::OnlyInB;
            ++comparison.onlyInB;
        } else if (ib < 0) {
            action.match = ActionComparison::Match::OnlyInA;
            ++comparison.onlyInA;
        } else {
            diffJson(comparable(a, ia, gidsA, options), comparable(b, ib, gidsB, options), {},
                     &action.differences);
            action.match = action.differences.isEmpty() ? ActionComparison::Match::Same
                                                        : ActionComparison::Match::Changed;
            if (!action.differences.isEmpty())
                ++comparison.changed;
        }
        comparison.actions.append(action);
    }
    return comparison;
}

QJsonObject comparisonToJson(const RunComparison &comparison, const CompareOptions &options)
{
    QJsonArray actions;
    for (const ActionComparison &action : comparison.actions) {
        QJsonObject object{
            {QStringLiteral("a_index"), action.aIndex},
            {QStringLiteral("b_index"), action.bIndex},
            {QStringLiteral("method"), action.method},
            {QStringLiteral("relative_path"), action.relativePath},
            {QStringLiteral("match"), actionMatchName(action.match)},
        };
        if (action.aIndex >= 0) {
            object.insert(QStringLiteral("a_state"), action.aState);
            object.insert(QStringLiteral("a_status"), action.aStatus);
        }
        if (action.bIndex >= 0) {
            object.insert(QStringLiteral("b_state"), action.bState);
            object.insert(QStringLiteral("b_status"), action.bStatus);
        }
        QJsonArray differences;
        for (const JsonDifference &difference : action.differences) {
            differences.append(QJsonObject{
                {QStringLiteral("path"), difference.path},
                {QStringLiteral("kind"), differenceKindName(difference.kind)},
                {QStringLiteral("a"), valueForJson(difference.a)},
                {QStringLiteral("b"), valueForJson(difference.b)},
            });
        }
        if (!differences.isEmpty())
            object.insert(QStringLiteral("differences"), differences);
        actions.append(object);
    }
    return QJsonObject{
        {QStringLiteral("equal"), comparison.equal()},
        {QStringLiteral("changed"), comparison.changed},
        {QStringLiteral("only_in_a"), comparison.onlyInA},
        {QStringLiteral("only_in_b"), comparison.onlyInB},
        {QStringLiteral("all_fields"), options.allFields},
        {QStringLiteral("actions"), actions},
    };
}

QString ignoredFieldsText()
{
    return QStringLiteral("gids of created objects and values carrying them, created_at, "
                          "modified_at, timings, the 500 phrase");
}

} // namespace Tenfold
