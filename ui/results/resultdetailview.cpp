#include "resultdetailview.h"

#include "jsontreemodel.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Tenfold {

ResultDetailView::ResultDetailView(ResultsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel)
    , m_reason(new QLabel)
    , m_sends(new QLabel)
    , m_errorsBox(new QWidget)
    , m_errorsLayout(new QVBoxLayout(m_errorsBox))
    , m_tabs(new QTabWidget)
    , m_tree(new JsonTreeModel(this))
    , m_treeView(new QTreeView)
    , m_text(new QPlainTextEdit)
    , m_headers(new JsonTreeModel(this))
    , m_headersView(new QTreeView)
{
    setObjectName(QStringLiteral("resultDetail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title->setObjectName(QStringLiteral("resultTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->setObjectName(QStringLiteral("resultReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sends->setObjectName(QStringLiteral("resultSends"));
    m_sends->setTextFormat(Qt::RichText);
    m_sends->setWordWrap(true);
    m_sends->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorsBox->setObjectName(QStringLiteral("resultErrors"));
    m_errorsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_reason);
    layout->addWidget(m_sends);
    layout->addWidget(m_errorsBox);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_treeView->setObjectName(QStringLiteral("resultBodyTree"));
    m_treeView->setModel(m_tree);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->header()->setSectionResizeMode(JsonTreeModel::KeyColumn,
                                               QHeaderView::ResizeToContents);
    m_text->setObjectName(QStringLiteral("resultBodyText"));
    m_text->setReadOnly(true);
    m_text->setFont(mono);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_headersView->setObjectName(QStringLiteral("resultHeaders"));
    m_headersView->setModel(m_headers);
    m_headersView->setRootIsDecorated(false);
    m_headersView->header()->setSectionResizeMode(JsonTreeModel::KeyColumn,
                                                  QHeaderView::ResizeToContents);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_treeView, tr("Body"));
    m_tabs->addTab(m_text, tr("Body as text"));
    m_tabs->addTab(m_headersView, tr("Headers"));
    layout->addWidget(m_tabs, 1);

    connect(m_model, &ResultsModel::resultsChanged, this, [this](int row) {
        if (row < 0 || row == m_row)
            refresh();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { setRow(-1); });
    refresh();
}

void ResultDetailView::setRow(int row, int selectedCount)
{
    m_row = row;
    m_selectedCount = selectedCount;
    refresh();
}

void ResultDetailView::refresh()
{
    const bool valid = m_row >= 0 && m_row < m_model->rowCount() && m_model->hasResult(m_row);
    m_tabs->setEnabled(valid);
    if (!valid) {
        if (m_row >= 0)
            m_title->setText(tr("<i>Action %1 has no result yet.</i>").arg(m_row + 1));
        else if (m_selectedCount > 1)
            m_title->setText(tr("<i>%1 rows selected. Select a single row to see its result.</i>")
                                 .arg(m_selectedCount));
        else
            m_title->setText(tr("<i>Select a row to see its result.</i>"));
        m_reason->hide();
        m_sends->hide();
        m_tree->setJson({});
        m_text->clear();
        m_headers->setJson({});
        rebuildErrors();
        return;
    }
    const ResultsModel::Entry &e = m_model->entry(m_row);
    const ActionResult &r = e.result;
    QString title =
        tr("<b>Action %1</b> &nbsp;%2 %3 &nbsp;\u2192&nbsp; <b>%4</b>")
            .arg(m_row + 1)
            .arg(e.sent.method.toUpper().toHtmlEscaped(), e.sent.relativePath.toHtmlEscaped(),
                 r.statusCode > 0 ? QStringLiteral("%1 %2")
                                        .arg(r.statusCode)
                                        .arg(actionStateText(r.state).toHtmlEscaped())
                                  : actionStateText(r.state).toHtmlEscaped());
    if (e.stale)
        title += tr(" &nbsp;<i>(stale: the action changed after this result arrived)</i>");
    m_title->setText(title);
    m_reason->setText(r.reason);
    // The reason repeats the first error for a plain 4xx; show it when it says something more.
    const bool repeats = !r.errors.isEmpty() && r.reason.contains(r.errors.first().message);
    m_reason->setVisible(!r.reason.isEmpty() && r.state != ActionState::Succeeded && !repeats);
    // A row sent more than once (Send Failed Again) lists every send, oldest first.
    if (e.sends.size() > 1) {
        QString list = tr("Sent %1 times:").arg(e.sends.size());
        list += QStringLiteral("<ol style=\"margin:0\">");
        for (const ActionResult &send : e.sends) {
            QString line = send.batch > 0 ? tr("batch %1").arg(send.batch) : tr("not sent");
            if (send.attempts > 0)
                line += u' ' +
                        (send.attempts == 1 ? tr("(1 try)") : tr("(%1 tries)").arg(send.attempts));
            line += QStringLiteral(" \u2192 ");
            line += send.statusCode > 0 ? QStringLiteral("%1 ").arg(send.statusCode) : QString();
            line += actionStateText(send.state);
            if (send.state != ActionState::Succeeded && !send.reason.isEmpty())
                line += QStringLiteral(": ") + send.reason;
            list += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        }
        list += QStringLiteral("</ol>");
        m_sends->setText(list);
        m_sends->show();
    } else {
        m_sends->hide();
    }
    m_tree->setJson(r.body);
    m_treeView->expandToDepth(1);
    m_text->setPlainText(r.body.isObject() || r.body.isArray()
                             ? QString::fromUtf8(r.body.isObject()
                                                     ? QJsonDocument(r.body.toObject()).toJson()
                                                     : QJsonDocument(r.body.toArray()).toJson())
                             : r.body.toString());
    m_headers->setJson(r.headers);
    rebuildErrors();
}

void ResultDetailView::rebuildErrors()
{
    while (QLayoutItem *item = m_errorsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const bool valid = m_row >= 0 && m_row < m_model->rowCount() && m_model->hasResult(m_row);
    const QList<ApiError> errors = valid ? m_model->entry(m_row).result.errors : QList<ApiError>();
    m_errorsBox->setVisible(!errors.isEmpty());
    for (const ApiError &error : errors) {
        auto *message = new QLabel(QStringLiteral("\u2716 ") + error.message);
        message->setObjectName(QStringLiteral("errorMessage"));
        message->setWordWrap(true);
        message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = message->font();
        bold.setBold(true);
        message->setFont(bold);
        m_errorsLayout->addWidget(message);
        if (!error.help.isEmpty()) {
            // Asana's help is a sentence that may hold a URL: make the URL a link.
            QString html = error.help.toHtmlEscaped();
            static const QRegularExpression url(QStringLiteral("(https?://[^\\s<]+)"));
            html.replace(url, QStringLiteral("<a href=\"\\1\">\\1</a>"));
            auto *help = new QLabel(html);
            help->setObjectName(QStringLiteral("errorHelp"));
            help->setTextFormat(Qt::RichText);
            help->setWordWrap(true);
            help->setOpenExternalLinks(true);
            help->setTextInteractionFlags(Qt::TextBrowserInteraction);
            m_errorsLayout->addWidget(help);
        }
        if (!error.phrase.isEmpty()) {
            auto *row = new QWidget;
            auto *rowLayout = new QHBoxLayout(row);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            rowLayout->addWidget(new QLabel(tr("Phrase for Asana support:")));
            auto *phrase = new QLineEdit(error.phrase);
            phrase->setObjectName(QStringLiteral("errorPhrase"));
            phrase->setReadOnly(true);
            rowLayout->addWidget(phrase, 1);
            auto *copy = new QPushButton(tr("Copy"));
            copy->setObjectName(QStringLiteral("copyPhrase"));
            const QString text = error.phrase;
            connect(copy, &QPushButton::clicked, this,
                    [text] { QApplication::clipboard()->setText(text); });
            rowLayout->addWidget(copy);
            m_errorsLayout->addWidget(row);
        }
    }
}

} // namespace Tenfold
