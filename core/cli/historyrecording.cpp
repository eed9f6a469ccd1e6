#include "historyrecording.h"

#include "console.h"
#include "history/historystore.h"

#include <QFileInfo>

namespace Tenfold::Cli {

QCommandLineOption noHistoryOption()
{
    return QCommandLineOption(
        QStringLiteral("no-history"),
        QStringLiteral("Do not record this run in the run history (see 'tenfold-cli history'; "
                       "TENFOLD_HISTORY names the database)."));
}

void recordInHistory(const SendRun &run, const QString &inputPath, bool disabled)
{
    if (disabled)
        return;
    HistoryStore store;
    const QString sessionPath =
        inputPath == QLatin1String("-") ? QString() : QFileInfo(inputPath).absoluteFilePath();
    Result<qint64> id = store.record(run, RunOrigin{sessionPath, QStringLiteral("cli")});
    if (!store.notice().isEmpty())
        err() << "tenfold-cli send: warning: " << store.notice() << "\n";
    if (!id) {
        err() << "tenfold-cli send: warning: the run was not recorded in the history: "
              << id.errorString() << "\n";
    }
}

} // namespace Tenfold::Cli
