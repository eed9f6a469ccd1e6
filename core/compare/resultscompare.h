#pragma once

#include "sending/sendresult.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Tenfold {

/// One difference between two JSON values at a path such as `data.assignee.name` or
/// `data.tags[2]`.
struct JsonDifference
{
    enum class Kind
    {
        Changed, ///< both have a value there, and they differ (type changes included)
        Added,   ///< only the second has it
        Removed, ///< only the first has it
        Length,  ///< arrays of different lengths (their elements are compared too)
    };

    QString path;
    Kind kind = Kind::Changed;
    QJsonValue a; ///< for Length: the first array's length
    QJsonValue b;

    /// `data.name: "Ada" -> "Grace"`, `+ data.tags[2]: {...}`, `data.tags: 2 items -> 3 items`.
    QString describe() const;
};

QString differenceKindName(JsonDifference::Kind kind);

/// Every difference between `a` and `b`, paths under `path` ("" for the root), objects by
/// key (sorted), arrays element by element.
void diffJson(const QJsonValue &a, const QJsonValue &b, const QString &path,
              QList<JsonDifference> *differences);

/// Appends `key` to a JSON path: `.key` for plain names, `["odd key"]` otherwise.
QString jsonPathChild(const QString &path, const QString &key);

struct CompareOptions
{
    /// Also compare what always differs between runs: created gids and what carries them,
    /// created_at/modified_at, timings and the 500 phrase.
    bool allFields = false;
};

/// One action of the two runs, aligned.
struct ActionComparison
{
    enum class Match
    {
        Same,
        Changed,
        OnlyInA,
        OnlyInB,
    };

    int aIndex = -1; ///< 0-based in the first run; -1 when only in the second
    int bIndex = -1;
    QString method; ///< upper case
    QString relativePath;
    Match match = Match::Same;
    QString aState; ///< "succeeded"...; empty when the run lacks the action
    QString bState;
    int aStatus = 0;
    int bStatus = 0;
    QList<JsonDifference> differences;
};

QString actionMatchName(ActionComparison::Match match);

/// Two runs action by action. Runs of the same length are aligned index for index; otherwise
/// by the longest common sequence of "METHOD path", so an inserted action shows as one.
struct RunComparison
{
    QList<ActionComparison> actions; ///< in the order of the runs
    int changed = 0;
    int onlyInA = 0;
    int onlyInB = 0;

    bool equal() const { return changed == 0 && onlyInA == 0 && onlyInB == 0; }
};

RunComparison compareRuns(const SendRun &a, const SendRun &b, const CompareOptions &options = {});

/// The comparison as JSON (`tenfold-cli diff --json`).
QJsonObject comparisonToJson(const RunComparison &comparison, const CompareOptions &options);

/// What the default comparison leaves out, in words, for footers and help.
QString ignoredFieldsText();

} // namespace Tenfold
