// Any bytes as two JSON documents (split at the first NUL byte, else in the middle), compared
// as `tenfold-cli diff` compares them: the JSON diff of the two values, and when both are
// results files, the run comparison with and without the ignore rules. Anything compares
// equal to itself, a difference is found exactly when the values differ, and comparing B with
// A finds as many differences as A with B.
#include "compare/resultscompare.h"
#include "sending/resultsfile.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace Tenfold;

namespace {

QJsonValue parse(const QByteArray &bytes)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QJsonValue(QString::fromUtf8(bytes)); // any text still compares as a string
}

void checkRuns(const SendRun &a, const SendRun &b, bool allFields)
{
    CompareOptions options;
    options.allFields = allFields;
    const RunComparison self = compareRuns(a, a, options);
    if (!self.equal() || self.actions.size() != a.actions.size())
        __builtin_trap();
    const RunComparison forward = compareRuns(a, b, options);
    const RunComparison backward = compareRuns(b, a, options);
    if (forward.equal() != backward.equal() || forward.onlyInA != backward.onlyInB ||
        forward.onlyInB != backward.onlyInA)
        __builtin_trap();
    // Runs of one length align index for index, so the changed actions are the same ones.
    if (a.actions.size() == b.actions.size() && forward.changed != backward.changed)
        __builtin_trap();
    // Every action of both runs appears exactly once.
    if (forward.actions.size() - forward.onlyInB != a.actions.size() ||
        forward.actions.size() - forward.onlyInA != b.actions.size())
        __builtin_trap();
    (void)comparisonToJson(forward, options);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    qsizetype split = input.indexOf('\0');
    const qsizetype skip = split >= 0 ? 1 : 0;
    if (split < 0)
        split = input.size() / 2;
    const QByteArray first = input.left(split);
    const QByteArray second = input.mid(split + skip);

    const QJsonValue a = parse(first);
    const QJsonValue b = parse(second);
    QList<JsonDifference> differences;
    diffJson(a, a, {}, &differences);
    if (!differences.isEmpty())
        __builtin_trap();
    diffJson(a, b, {}, &differences);
    if (differences.isEmpty() != (a == b))
        __builtin_trap();
    QList<JsonDifference> back;
    diffJson(b, a, {}, &back);
    if (back.size() != differences.size())
        __builtin_trap();
    for (const JsonDifference &difference : differences)
        (void)difference.describe();

    const Result<SendRun> runA = parseResults(first);
    const Result<SendRun> runB = parseResults(second);
    if (runA && runB) {
        checkRuns(runA.value(), runB.value(), false);
        checkRuns(runA.value(), runB.value(), true);
    }
    return 0;
}
