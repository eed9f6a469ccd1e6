#include "mainwindow.h"

#include "session/sessionfile.h"

#include <QLabel>

namespace Tenfold {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Tenfold"));
    auto *label = new QLabel(tr("No session open."), this);
    label->setObjectName(QStringLiteral("placeholderLabel"));
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(900, 600);
}

QString MainWindow::openFile(const QString &path)
{
    Result<LoadedInput> loaded = loadInput(path);
    if (!loaded)
        return loaded.errorString();
    auto *label = qobject_cast<QLabel *>(centralWidget());
    label->setText(tr("%1: %n action(s)", nullptr, int(loaded->session.actions.size()))
                       .arg(loaded->session.name));
    setWindowTitle(tr("%1 – Tenfold").arg(loaded->session.name));
    return {};
}

} // namespace Tenfold
