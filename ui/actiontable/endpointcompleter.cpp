#include "endpointcompleter.h"

#include "catalog/endpointcatalog.h"

#include <QAbstractItemView>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QStandardItemModel>
#include <QTimer>

namespace Tenfold {

namespace {

/// One shared model: 247 rows built once, not per editor.
QStandardItemModel *catalogModel()
{
    static QStandardItemModel *model = [] {
        auto *m = new QStandardItemModel;
        const QList<Endpoint> &endpoints = EndpointCatalog::builtin().endpoints();
        for (const Endpoint &endpoint : endpoints) {
            auto *item = new QStandardItem(
                QStringLiteral("%1 %2  \u2014  %3")
                    .arg(endpoint.method.leftJustified(6), endpoint.path, endpoint.summary));
            item->setData(endpoint.path, EndpointCompleter::PathRole);
            item->setData(endpoint.method, EndpointCompleter::MethodRole);
            item->setData(QString(endpoint.method + u' ' + endpoint.path + u' ' + endpoint.summary),
                          EndpointCompleter::SearchRole);
            if (!endpoint.restriction.isEmpty()) {
                item->setToolTip(endpoint.restriction);
                item->setEnabled(false);
            } else {
                item->setToolTip(endpoint.summary);
            }
            m->appendRow(item);
        }
        return m;
    }();
    return model;
}

} // namespace

EndpointCompleter::EndpointCompleter(QObject *parent)
    : QCompleter(parent)
{
    setModel(catalogModel());
    setCompletionRole(SearchRole);
    setFilterMode(Qt::MatchContains);
    setCaseSensitivity(Qt::CaseInsensitive);
    setMaxVisibleItems(12);
}

QString EndpointCompleter::pathFromIndex(const QModelIndex &index) const
{
    return index.data(PathRole).toString();
}

PathLineEdit::PathLineEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new EndpointCompleter(this))
{
    setCompleter(m_completer);
    setPlaceholderText(tr("/tasks/{{task}}: type to search Asana's endpoints"));
    m_completer->popup()->setMinimumWidth(560);
    // Fixed pitch lines the methods and paths up in columns.
    m_completer->popup()->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // textEdited misses what the completer writes (it calls setText when a line is highlighted
    // or clicked), so every change not made through setPath() counts as the user's.
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_settingPath)
            return;
        m_edited = true;
        emit pathEdited(text);
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const QString method = index.data(EndpointCompleter::MethodRole).toString();
                const QString path = index.data(EndpointCompleter::PathRole).toString();
                // A click: the completer writes the text (resetting any selection) after this
                // signal; choose once it has.
                QTimer::singleShot(0, this, [this, method, path] { choose(method, path); });
            });
}

void PathLineEdit::setPath(const QString &path)
{
    m_edited = false;
    if (text() == path)
        return; // keeps the cursor and selection
    m_settingPath = true;
    setText(path);
    m_settingPath = false;
}

void PathLineEdit::keyPressEvent(QKeyEvent *event)
{
    // Return on a highlighted line reaches the line edit first, which only hides the popup:
    // the completer then never reports the choice. Take it as the choice it is.
    QAbstractItemView *popup = m_completer->popup();
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && popup->isVisible()) {
        const QModelIndex current = popup->currentIndex();
        if (current.isValid() && (current.flags() & Qt::ItemIsEnabled)) {
            const QString method = current.data(EndpointCompleter::MethodRole).toString();
            const QString path = current.data(EndpointCompleter::PathRole).toString();
            popup->hide();
            choose(method, path);
            event->accept();
            return;
        }
    }
    QLineEdit::keyPressEvent(event);
}

void PathLineEdit::choose(const QString &method, const QString &path)
{
    m_chosenMethod = method;
    if (text() != path)
        setText(path); // reported as an edit like any other
    selectFirstPlaceholder();
    emit endpointChosen(method, path);
}

void PathLineEdit::selectFirstPlaceholder()
{
    const QString current = text();
    const qsizetype open = current.indexOf(u'{');
    if (open < 0) {
        end(false);
        return;
    }
    const qsizetype close = current.indexOf(u'}', open);
    setSelection(int(open), int(close < 0 ? current.size() - open : close - open + 1));
}

} // namespace Tenfold
