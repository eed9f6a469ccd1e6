#include "endpointcompleter.h"

#include "catalog/endpointcatalog.h"

#include <QAbstractItemView>
#include <QFontDatabase>
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
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                m_chosenMethod = index.data(EndpointCompleter::MethodRole).toString();
                const QString path = index.data(EndpointCompleter::PathRole).toString();
                // The completer writes the text after this signal; select once it has.
                QTimer::singleShot(0, this, [this, path] {
                    if (text() != path)
                        setText(path);
                    selectFirstPlaceholder();
                    emit endpointChosen(m_chosenMethod, path);
                });
            });
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
