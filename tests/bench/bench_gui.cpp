// Desktop app benchmark (not a ctest test): cold start to the first painted window, idle
// memory, and opening, scrolling and editing a 100,000-action session.
//
//   ./build-release/tests/bench/bench_gui [ACTIONS]        (ACTIONS defaults to 100000)
//
// Run it under Xvfb (xvfb-run -a) or QT_QPA_PLATFORM=offscreen; figures go in
// docs/PERFORMANCE.md, "Desktop app".
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "cost/costpanel.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "session/sessionfile.h"
#include "validation/validationcache.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Tenfold;

namespace {

/// Seconds since the process started (kernel start time), so dynamic loading counts too.
double processAgeSeconds()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return now.tv_sec + now.tv_nsec / 1e9 - startTicks / double(sysconf(_SC_CLK_TCK));
}

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// Waits until `widget` (or a child) has painted once after now.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QWidget *window)
    {
        window->installEventFilter(this);
        const QList<QWidget *> children = window->findChildren<QWidget *>();
        for (QWidget *child : children)
            child->installEventFilter(this);
    }
    bool painted = false;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

void waitForPaint(QWidget *window)
{
    PaintWatcher watcher(window);
    window->update();
    while (!watcher.painted)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

Session bigSession(int count)
{
    Session session;
    session.name = QStringLiteral("Big");
    session.variables = {Variable{QStringLiteral("workspace"), QStringLiteral("1001")}};
    session.actions.reserve(count);
    for (int i = 0; i < count; ++i) {
        Action action;
        switch (i % 4) {
        case 0:
            action = Action(QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(1401 + i % 50));
            action.options = QJsonObject{{QStringLiteral("limit"), 10}};
            break;
        case 1:
            action = Action(QStringLiteral("post"), QStringLiteral("/tasks"));
            action.data =
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Task %1").arg(i)},
                            {QStringLiteral("workspace"), QStringLiteral("{{workspace}}")}};
            break;
        case 2:
            action = Action(QStringLiteral("put"), QStringLiteral("/tasks/%1").arg(1401 + i % 50));
            action.data = QJsonObject{{QStringLiteral("completed"), true}};
            break;
        default:
            action = Action(QStringLiteral("get"), QStringLiteral("/users/me"));
            action.note = QStringLiteral("note %1").arg(i);
        }
        session.actions.append(action);
    }
    return session;
}

void report(const char *what, double value, const char *unit, double goal = -1)
{
    if (goal > 0)
        std::printf("%-44s %10.3f %-3s (goal < %g)\n", what, value, unit, goal);
    else
        std::printf("%-44s %10.3f %s\n", what, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    QStandardPaths::setTestModeEnabled(true); // no user settings or recent files
    QTemporaryDir dir;
    qputenv("TENFOLD_RECOVERY_DIR", dir.filePath(QStringLiteral("recovery")).toUtf8());
    MessageBox::suppressDialogs();
    QApplication::setApplicationName(QStringLiteral("TenfoldBench"));

    auto *window = new MainWindow;
    window->show();
    waitForPaint(window);
    report("cold start to first paint (process age)", processAgeSeconds(), "s", 0.5);

    QElapsedTimer idle;
    idle.start();
    while (idle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    report("idle memory, empty window (RSS)", rssMiB(), "MiB", 80);

    const QString path = dir.filePath(QStringLiteral("big.tenfold.json"));
    if (const auto error = saveSession(bigSession(count), path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(error->toString()));
        return 1;
    }
    std::printf("session: %d actions, %.1f MB\n", count, QFile(path).size() / 1e6);

    QElapsedTimer clock;
    clock.start();
    window->openFile(path);
    waitForPaint(window);
    report("open big session to first paint", clock.elapsed() / 1000.0, "s", 2);
    while (window->validation()->isPending())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    report("  ... until every row is validated", clock.elapsed() / 1000.0, "s");
    report("memory with the big session (RSS)", rssMiB(), "MiB");

    // The longest the UI is ever blocked while validation runs in slices.
    ActionTableView *table = window->actionTable();
    ActionTableModel *model = window->document()->actions();
    QElapsedTimer frame;
    qint64 worstFrame = 0;
    window->validation()->setDelay(0);
    model->editField(0, ActionTableModel::EnabledColumn, false); // re-checks nothing else
    for (int i = 0; i < 200; ++i) {
        frame.start();
        table->verticalScrollBar()->setValue(i * (model->rowCount() / 200));
        waitForPaint(table->viewport());
        worstFrame = std::max(worstFrame, frame.elapsed());
    }
    report("scroll through the table: worst frame", worstFrame / 1000.0, "s");

    qint64 worstKey = 0;
    const int row = model->rowCount() / 2;
    for (int i = 0; i < 50; ++i) {
        frame.start();
        model->editField(row, ActionTableModel::PathColumn,
                         QStringLiteral("/tasks/14%1").arg(i % 10), true);
        waitForPaint(table->viewport());
        worstKey = std::max(worstKey, frame.elapsed());
    }
    report("typing into a path: worst keystroke", worstKey / 1000.0, "s");

    frame.start();
    window->costPanel()->recompute();
    report("cost preview for all actions", frame.elapsed() / 1000.0, "s");

    frame.start();
    window->validation()->flush();
    report("validate every stale row at once", frame.elapsed() / 1000.0, "s");

    frame.start();
    model->removeActionRows({row});
    window->document()->undoStack()->undo();
    report("delete + undo one row in the middle", frame.elapsed() / 1000.0, "s");

    // The recovery copy is written every few seconds while there are unsaved edits.
    frame.start();
    window->autosave();
    report("autosave of the big session (UI thread)", frame.elapsed() / 1000.0, "s");

    delete window;
    return 0;
}
