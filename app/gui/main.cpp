#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "model/target.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

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

    // Tests that start this program read its dialogs, title and status text from a file.
    const bool logged = Tenfold::MessageBox::answerFromEnvironment();

    Tenfold::MainWindow window;
    if (logged) {
        QObject::connect(&window, &QWidget::windowTitleChanged, [](const QString &title) {
            Tenfold::MessageBox::logLine(QStringLiteral("title: ") + title);
        });
        QObject::connect(window.statusBar(), &QStatusBar::messageChanged,
                         [](const QString &message) {
                             if (!message.isEmpty())
                                 Tenfold::MessageBox::logLine(QStringLiteral("status: ") + message);
                         });
    }
    window.show();

    const QSettings settings;
    if (settings.status() != QSettings::NoError) {
        window.statusBar()->showMessage(
            QApplication::translate("main",
                                    "Your settings in %1 could not be read; Tenfold starts with "
                                    "its defaults.")
                .arg(QDir::toNativeSeparators(settings.fileName())),
            10000);
    }

    // Work a crashed window left is offered whatever the command line says: opening a file
    // must never be what makes it disappear.
    const bool restored = window.offerRecovery();
    if (!parser.positionalArguments().isEmpty()) {
        const QString file = parser.positionalArguments().constFirst();
        // The restored copy already is this file with its unsaved changes.
        if (!restored || window.document()->filePath() != QFileInfo(file).absoluteFilePath())
            window.openFile(file);
    }
    if (parser.isSet(QStringLiteral("target")))
        window.setTarget(parser.value(QStringLiteral("target")));
    if (logged)
        Tenfold::MessageBox::logLine(
            QStringLiteral("ready: %1 | target: %2")
                .arg(window.windowTitle(), window.document()->target().spec()));
    return app.exec();
}
