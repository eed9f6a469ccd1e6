// The writer tst_killduringsave kills: saves ever newer versions of a big session and a results
// file with the core's atomic writer, and says on stdout when each save starts and ends.
// Usage: tenfold_killwriter DIR FIRST_VERSION
#include "bigsession.h"
#include "session/sessionfile.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

using namespace Tenfold;
using namespace TenfoldTest;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: tenfold_killwriter DIR FIRST_VERSION\n");
        return 2;
    }
    const QDir dir(args.at(1));
    const QString sessionPath = dir.filePath(QLatin1String(SessionFileName));
    const QString resultsPath = dir.filePath(QLatin1String(ResultsFileName));
    for (int version = args.at(2).toInt();; ++version) {
        // Built before "start" so that the window between start and done is the writing itself.
        const Session session = bigSession(version);
        const QByteArray results = bigResults(version);
        std::printf("start %d\n", version);
        std::fflush(stdout);
        if (auto error = saveSession(session, sessionPath)) {
            std::fprintf(stderr, "%s\n", qPrintable(error->message));
            return 1;
        }
        if (auto error = writeFileAtomically(resultsPath, results)) {
            std::fprintf(stderr, "%s\n", qPrintable(error->message));
            return 1;
        }
        std::printf("done %d\n", version);
        std::fflush(stdout);
    }
}
