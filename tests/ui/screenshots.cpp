// Renders the main states of the window into PNGs for the README (run by scripts/screenshots
// under Xvfb, so popups are captured too). Not a test: it asserts nothing.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "actiontable/endpointcompleter.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "editors/jsoneditor.h"
#include "mainwindow/mainwindow.h"
#include "results/resultspane.h"
#include "sending/batchsender.h"
#include "sending/sendcontroller.h"
#include "validation/validationcache.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace Tenfold;

namespace {

QString outDir;

void settle(int ms = 300)
{
    QTest::qWait(ms);
}

void shoot(QWidget *window, const QString &name)
{
    settle();
    QPixmap pixmap = QGuiApplication::primaryScreen()->grabWindow(0);
    if (pixmap.isNull() || QGuiApplication::platformName() == QLatin1String("offscreen"))
        pixmap = window->grab();
    else
        pixmap = pixmap.copy(window->frameGeometry());
    pixmap.save(outDir + u'/' + name + QStringLiteral(".png"));
    qInfo("wrote %s.png", qPrintable(name));
}

QString sample(const char *name)
{
    return QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/") + QLatin1String(name);
}

QList<Action> qaRun()
{
    auto make = [](const char *method, const char *path, QJsonValue data = QJsonValue::Undefined) {
        Action a{QString::fromLatin1(method), QString::fromLatin1(path)};
        a.data = data;
        return a;
    };
    Action fields = make("get", "/tasks/1401");
    fields.options =
        QJsonObject{{QStringLiteral("fields"),
                     QJsonValue(QJsonArray{QStringLiteral("name"), QStringLiteral("completed")})}};
    return {make("get", "/users/me"),
            fields,
            make("post", "/tasks",
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Draft the launch plan")},
                             {QStringLiteral("workspace"), QStringLiteral("1001")}}),
            make("get", "/tasks/999999"),
            make("post", "/tasks/1402/stories",
                 QJsonObject{{QStringLiteral("text"), QStringLiteral("Checked by QA")}}),
            make("put", "/tasks/1403", QJsonObject{{QStringLiteral("completed"), true}}),
            make("get", "/projects/1299"),
            make("get", "/workspaces/1001/projects"),
            make("post", "/tasks",
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Nowhere to live")}}),
            make("get", "/sections/1301")};
}

void sendAndShoot(MainWindow &window, const QString &name)
{
    Session session;
    session.name = QStringLiteral("QA run");
    session.actions = qaRun();
    window.document()->load(session, {});
    window.validation()->flush();
    QSignalSpy finished(window.sendController()->sender(), &BatchSender::finished);
    window.sendAction()->trigger();
    finished.wait(20000);
    window.actionTable()->selectRows({3});
    shoot(&window, name);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TenfoldScreenshots"));
    QApplication::setApplicationName(QStringLiteral("Tenfold"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);
    MessageBox::setNextAnswer(QMessageBox::Discard); // never block on "save changes?"

    {
        MainWindow window;
        window.resize(1360, 820);
        window.move(0, 0);
        window.show();
        shoot(&window, QStringLiteral("01-welcome"));

        window.openFile(sample("getting-started.tenfold.json"));
        window.actionTable()->selectRows({2});
        window.validation()->flush();
        shoot(&window, QStringLiteral("02-getting-started"));

        MessageBox::setNextAnswer(QMessageBox::Discard);
        window.openFile(sample("broken-batch.tenfold.json"));
        window.validation()->flush();
        window.actionTable()->selectRows({5});
        window.findChild<QTabWidget *>(QStringLiteral("bottomTabs"))->setCurrentIndex(1);
        shoot(&window, QStringLiteral("03-problems"));

        window.findChild<QTabWidget *>(QStringLiteral("bottomTabs"))->setCurrentIndex(0);
        window.actionTable()->selectRows({10});
        JsonEditor *data = window.detailEditor()->dataEditor();
        data->textEdit()->setFocus();
        data->setText(QStringLiteral("{\n  \"name\": \"Buy milk\",\n  \"notes\": \"two litres\"\n  "
                                     "\"workspace\": \"{{workspace}}\"\n}"));
        shoot(&window, QStringLiteral("04-json-error"));

        // Completion: the path cell of a new action, typing "stories".
        MessageBox::setNextAnswer(QMessageBox::Discard);
        window.openFile(sample("create-and-comment.tenfold.json"));
        window.actionTable()->selectRows({1});
        PathLineEdit *path = window.detailEditor()->pathEdit();
        path->setFocus();
        path->clear();
        QTest::keyClicks(path, QStringLiteral("stories"));
        settle(500);
        shoot(&window, QStringLiteral("05-path-completion"));
        path->endpointCompleter()->popup()->hide();

        // Many actions: batch boundaries.
        MessageBox::setNextAnswer(QMessageBox::Discard);
        window.newSession();
        QList<Action> many;
        for (int i = 0; i < 60; ++i) {
            Action a;
            a.method = i % 3 == 0 ? QStringLiteral("post") : QStringLiteral("get");
            a.relativePath = i % 3 == 0 ? QStringLiteral("/tasks/%1/stories").arg(1401 + i)
                                        : QStringLiteral("/tasks/%1").arg(1401 + i);
            if (i % 3 == 0)
                a.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Checked %1").arg(i)}};
            else
                a.options = QJsonObject{
                    {QStringLiteral("fields"),
                     QJsonValue(QJsonArray{QStringLiteral("name"), QStringLiteral("completed")})}};
            a.enabled = i != 7;
            many.append(a);
        }
        window.document()->actions()->insertActionsAt(0, many, QStringLiteral("many"));
        window.validation()->flush();
        window.actionTable()->selectRows({11});
        window.actionTable()->scrollTo(window.document()->actions()->index(4, 0),
                                       QAbstractItemView::PositionAtTop);
        shoot(&window, QStringLiteral("06-batches"));

        // A finished run with failures: results row for row, the 404's detail below. Wider,
        // as the window is on a desktop screen where results are read.
        MessageBox::setNextAnswer(QMessageBox::Discard);
        window.resize(1640, 900);
        sendAndShoot(window, QStringLiteral("08-results"));
        window.resultsPane()->setFilter(ResultsModel::Filter::Failures);
        shoot(&window, QStringLiteral("09-results-failures"));
        window.resultsPane()->setFilter(ResultsModel::Filter::All);
    }

    {
        // Dark palette: the system colours carry through (Fusion with a dark palette).
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::AlternateBase, QColor(38, 38, 40));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Button, QColor(53, 53, 56));
        dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        dark.setColor(QPalette::Highlight, QColor(38, 110, 200));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(60, 60, 60));
        dark.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
        dark.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
        dark.setColor(QPalette::Link, QColor(110, 170, 255));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
        QApplication::setPalette(dark);
        MainWindow window;
        window.resize(1360, 820);
        window.move(0, 0);
        window.show();
        window.openFile(sample("getting-started.tenfold.json"));
        window.validation()->flush();
        window.actionTable()->selectRows({5});
        shoot(&window, QStringLiteral("07-dark"));
        window.resize(1640, 900);

        MessageBox::setNextAnswer(QMessageBox::Discard);
        sendAndShoot(window, QStringLiteral("10-results-dark"));
    }
    return 0;
}
