#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tenfold"));
    QApplication::setOrganizationName(QStringLiteral("Tenfold"));
    QApplication::setApplicationVersion(QStringLiteral(TENFOLD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compose and send Asana batch API requests."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("target"),
                      QStringLiteral("sandbox, asana or an API root URL."),
                      QStringLiteral("target"), QStringLiteral("sandbox")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Session to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    Tenfold::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    window.show();
    return app.exec();
}
