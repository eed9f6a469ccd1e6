#pragma once

#include <QMainWindow>

namespace Tenfold {

/// The main window. A placeholder until the composer lands: it shows the session it was given.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Opens a session (or batch body, or action array); returns an error message or empty.
    QString openFile(const QString &path);
};

} // namespace Tenfold
