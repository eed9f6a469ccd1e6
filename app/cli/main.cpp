#include "cli/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tenfold-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TENFOLD_VERSION));
    return Tenfold::Cli::run(QCoreApplication::arguments());
}
