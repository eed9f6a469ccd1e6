// Not a test: a window that saves and autosaves a large session over and over until it is killed
// (tst_guisavekill kills it at random moments). It goes through the real save path of the app:
// MainWindow::save() and MainWindow::autosave(). Usage: tenfold-guisavehammer SESSION RECOVERYDIR
#include "actiontable/actiontablemodel.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "sending/tokenstore.h"
#include "session/sessionfile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>

using namespace Tenfold;

namespace {

QElapsedTimer sinceStart;

/// Each step on its own line with the time since start, so a test that sees no save can tell a
/// slow machine (steps keep coming) from a hang (they stop).
void step(const char *what, int generation = 0)
{
    std::printf("%s %d at %lld ms\n", what, generation, sinceStart.elapsed());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    sinceStart.start();
    // Never outlive the test that runs it (a test killed by its timeout would leave it saving).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (argc != 3) {
        std::fprintf(stderr, "usage: tenfold-guisavehammer SESSION RECOVERYDIR\n");
        return 2;
    }
    qputenv("TENFOLD_RECOVERY_DIR", argv[2]);
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TenfoldTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TenfoldSaveHammer"));
    MessageBox::suppressDialogs();

    const QString path = QString::fromLocal8Bit(argv[1]);
    Result<LoadedInput> loaded = loadInput(path);
    if (!loaded) {
        std::fprintf(stderr, "cannot load %s\n", qPrintable(loaded.errorString()));
        return 2;
    }
    step("loaded");
    MainWindow window;
    window.setTokenStore(std::make_unique<MemoryTokenStore>());
    window.document()->load(loaded->session, path);
    step("window");

    int generation = 0;
    QTimer loop;
    QObject::connect(&loop, &QTimer::timeout, &window, [&] {
        ++generation;
        // A real edit (undoable, marks the document modified), then autosave and save.
        window.document()->actions()->editField(0, ActionTableModel::PathColumn,
                                                QStringLiteral("/tasks/%1").arg(generation));
        window.autosave();
        // The kill must be able to land inside the background write, not only queue them up.
        window.recoveryStore().waitForBackgroundWork();
        step("autosaved", generation);
        if (!window.save()) {
            std::fprintf(stderr, "save failed\n");
            QCoreApplication::exit(1);
            return;
        }
        step("saved", generation);
    });
    loop.start(0);
    return app.exec();
}
