// Records runs into a history database from a process of its own, as a second front end would:
//   tenfold_historywriter PATH COUNT NAME
// Exits 0 when every run was recorded, 1 (with the error on stderr) otherwise.
#include "history/historystore.h"
#include "runfixtures.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Tenfold;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 4)
        return 2;
    HistoryStore store(arguments.at(1));
    const int count = arguments.at(2).toInt();
    for (int i = 0; i < count; ++i) {
        SendRun run = Fixtures::createAndRead(QString::number(3000000 + i),
                                              QStringLiteral("2026-12-01T07:00:00.000Z"));
        run.sessionName = arguments.at(3);
        Result<qint64> id = store.record(run, RunOrigin{arguments.at(3), QStringLiteral("cli")});
        if (!id) {
            QTextStream(stderr) << id.errorString() << "\n";
            return 1;
        }
    }
    return 0;
}
