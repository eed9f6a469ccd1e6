#pragma once

#include <QWidget>

namespace Tenfold {

/// What an empty session shows instead of an empty table: how to start, and the samples.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

signals:
    void addActionRequested();
    void openRequested();
    void pasteRequested();
    void sampleRequested(const QString &resourcePath);
};

/// The sample sessions compiled into the app: (title, description, resource path).
struct SampleSession
{
    QString title;
    QString description;
    QString resourcePath;
};
QList<SampleSession> sampleSessions();

} // namespace Tenfold
