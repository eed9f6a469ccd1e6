#include "mainwindow/mainwindow.h"
#include "model/target.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tenfold"));
    QApplication::setOrganizationName(QStringLiteral("Tenfold"));
    QApplication::setApplicationVersion(QStringLiteral(TENFOLD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.tenfold.Tenfold"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Compose and send Asana batch API requests."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("target"),
                      QApplication::translate("main", "sandbox, asana or an API root URL."),
                      QStringLiteral("target"), QStringLiteral("sandbox")});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QApplication::translate("main", "Session to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    if (parser.isSet(QStringLiteral("target"))) {
        const Tenfold::Result<Tenfold::Target> target =
            Tenfold::Target::parse(parser.value(QStringLiteral("target")));
        if (!target) {
            std::fprintf(stderr, "tenfold: --target: %s\n", qPrintable(target.errorString()));
            return 2;
        }
    }

    Tenfold::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    else
        window.offerRecovery();
    if (parser.isSet(QStringLiteral("target")))
        window.setTarget(parser.value(QStringLiteral("target")));
    return app.exec();
}
