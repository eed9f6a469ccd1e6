#include "cli.h"
#include "commandinput.h"
#include "common/plural.h"
#include "compare/resultscompare.h"
#include "console.h"
#include "history/historystore.h"
#include "sending/resultsfile.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace Tenfold::Cli {

namespace {

struct LoadedRun
{
    SendRun run;
    QString label;
};

/// A results file, or a run id from the history when no file of that name exists.
Result<LoadedRun> loadSide(const QString &argument, std::unique_ptr<HistoryStore> &store)
{
    bool isId = false;
    const qint64 id = argument.toLongLong(&isId);
    if (isId && id > 0 && !QFileInfo::exists(argument)) {
        if (!store) {
            store = std::make_unique<HistoryStore>();
            if (auto error = store->open())
                return *error;
        }
        Result<SendRun> run = store->results(id);
        if (!run)
            return run.error();
        return LoadedRun{run.value(), QStringLiteral("run %1").arg(id)};
    }
    Result<SendRun> run = loadResults(argument);
    if (!run)
        return Error{QStringLiteral("%1: %2").arg(argument, run.errorString())};
    return LoadedRun{run.value(), argument};
}

QString describeSide(const LoadedRun &side)
{
    QString text = side.label;
    QStringList details;
    if (!side.run.sessionName.isEmpty())
        details.append(side.run.sessionName);
    if (side.run.startedAt.isValid())
        details.append(
            side.run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + u')';
    return text;
}

QString actionNumber(const ActionComparison &action)
{
    if (action.aIndex >= 0 && action.bIndex >= 0 && action.aIndex != action.bIndex)
        return QStringLiteral("%1 (B: %2)").arg(action.aIndex + 1).arg(action.bIndex + 1);
    return QString::number((action.aIndex >= 0 ? action.aIndex : action.bIndex) + 1);
}

} // namespace

int runDiff(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the comparison as JSON."));
    const QCommandLineOption allFieldsOption(
        QStringLiteral("all-fields"),
        QStringLiteral("Also compare what differs on every run: %1.").arg(ignoredFieldsText()));
    parser.addOptions({jsonOption, allFieldsOption});
    if (auto code = parseArguments(
            parser, arguments, QStringLiteral("diff"),
            QStringLiteral("Compare two runs action by action: state, status and the body "
                           "differences as JSON paths. By default what differs on every run is "
                           "ignored (%1), so two runs of a session that creates a task and "
                           "reads another compare equal.\nExit codes: 0 nothing compared "
                           "differs, 1 something does, 2 bad input.")
                .arg(ignoredFieldsText()),
            {{QStringLiteral("A"), QStringLiteral("A results file, or a run id from 'tenfold-cli "
                                                  "history'.")},
             {QStringLiteral("B"), QStringLiteral("The same for the other run.")}}))
        return *code;

    std::unique_ptr<HistoryStore> store;
    Result<LoadedRun> a = loadSide(parser.positionalArguments().at(0), store);
    if (!a) {
        err() << "tenfold-cli diff: " << a.errorString() << "\n";
        return ExitUsage;
    }
    Result<LoadedRun> b = loadSide(parser.positionalArguments().at(1), store);
    if (!b) {
        err() << "tenfold-cli diff: " << b.errorString() << "\n";
        return ExitUsage;
    }

    CompareOptions options;
    options.allFields = parser.isSet(allFieldsOption);
    const RunComparison comparison = compareRuns(a->run, b->run, options);

    if (parser.isSet(jsonOption)) {
        QJsonObject json = comparisonToJson(comparison, options);
        json.insert(QStringLiteral("a"), a->label);
        json.insert(QStringLiteral("b"), b->label);
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        return comparison.equal() ? ExitOk : ExitFailed;
    }

    out() << "A: " << describeSide(a.value()) << "\n";
    out() << "B: " << describeSide(b.value()) << "\n";
    for (const ActionComparison &action : comparison.actions) {
        if (action.match == ActionComparison::Match::Same)
            continue;
        out() << "action " << actionNumber(action) << " (" << action.method << ' '
              << action.relativePath << "): ";
        switch (action.match) {
        case ActionComparison::Match::OnlyInA:
            out() << "only in A (" << action.aState << ")\n";
            continue;
        case ActionComparison::Match::OnlyInB:
            out() << "only in B (" << action.bState << ")\n";
            continue;
        default:
            break;
        }
        out() << countOf(action.differences.size(), QStringLiteral("difference"),
                         QStringLiteral("differences"))
              << "\n";
        for (const JsonDifference &difference : action.differences)
            out() << "  " << difference.describe() << "\n";
    }
    const int compared = int(comparison.actions.size());
    if (comparison.equal()) {
        out() << "no differences in "
              << countOf(compared, QStringLiteral("action"), QStringLiteral("actions"));
    } else {
        out() << countOf(comparison.changed, QStringLiteral("action"), QStringLiteral("actions"))
              << " changed, " << comparison.onlyInA << " only in A, " << comparison.onlyInB
              << " only in B, of " << compared;
    }
    if (!options.allFields)
        out() << "; ignored: " << ignoredFieldsText() << " (--all-fields compares them)";
    out() << "\n";
    return comparison.equal() ? ExitOk : ExitFailed;
}

} // namespace Tenfold::Cli
