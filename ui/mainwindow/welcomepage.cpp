#include "welcomepage.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tenfold {

QList<SampleSession> sampleSessions()
{
    return {
        {WelcomePage::tr("Getting started"),
         WelcomePage::tr("Eight reads: who you are, projects, tasks, a search. Safe to send."),
         QStringLiteral(":/tenfold/samples/getting-started.tenfold.json")},
        {WelcomePage::tr("Create and comment"),
         WelcomePage::tr("Writes: create tasks and a project, comment on and update a task."),
         QStringLiteral(":/tenfold/samples/create-and-comment.tenfold.json")},
        {WelcomePage::tr("Broken on purpose"),
         WelcomePage::tr("Every kind of mistake Tenfold catches before Asana would."),
         QStringLiteral(":/tenfold/samples/broken-batch.tenfold.json")},
    };
}

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    column->setSpacing(8);

    auto *title = new QLabel(tr("Compose a batch"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    column->addWidget(title);
    auto *lead = new QLabel(tr("Up to ten Asana API calls travel in one request. Tenfold checks "
                               "every action as you type, shows what sending will cost, and "
                               "splits long lists into batches for you."));
    lead->setWordWrap(true);
    column->addWidget(lead);
    column->addSpacing(8);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add an action"));
    add->setObjectName(QStringLiteral("welcomeAdd"));
    add->setDefault(true);
    auto *open = new QPushButton(tr("&Open a session\u2026"));
    auto *paste = new QPushButton(tr("&Paste actions"));
    paste->setToolTip(tr("Paste a batch body {\"data\":{\"actions\":[...]}} or a JSON array of "
                         "actions"));
    buttons->addWidget(add);
    buttons->addWidget(open);
    buttons->addWidget(paste);
    buttons->addStretch(1);
    column->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &WelcomePage::addActionRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(paste, &QPushButton::clicked, this, &WelcomePage::pasteRequested);

    column->addSpacing(12);
    auto *samplesTitle = new QLabel(tr("Or start from a sample:"));
    column->addWidget(samplesTitle);
    const QList<SampleSession> samples = sampleSessions();
    for (const SampleSession &sample : samples) {
        auto *link = new QCommandLinkButton(sample.title, sample.description);
        link->setObjectName(QStringLiteral("sample:") + sample.resourcePath.section(u'/', -1));
        const QString path = sample.resourcePath;
        connect(link, &QCommandLinkButton::clicked, this,
                [this, path] { emit sampleRequested(path); });
        column->addWidget(link);
    }

    auto *center = new QHBoxLayout;
    center->addStretch(1);
    auto *holder = new QWidget;
    holder->setLayout(column);
    holder->setMaximumWidth(620);
    center->addWidget(holder, 4);
    center->addStretch(1);
    outer->addLayout(center);
    outer->addStretch(2);
}

} // namespace Tenfold
