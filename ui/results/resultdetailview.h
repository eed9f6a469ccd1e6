#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeView;
class QVBoxLayout;

namespace Tenfold {

class JsonTreeModel;
class ResultsModel;

/// The selected result in full: state and reason, the errors (message, help as a link, phrase
/// to copy for support), the body as a collapsible tree and as pretty text, and the headers.
class ResultDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit ResultDetailView(ResultsModel *model, QWidget *parent = nullptr);

    /// Shows `row`; -1 for none (nothing selected, or `selectedCount` rows).
    void setRow(int row, int selectedCount = 1);
    int row() const { return m_row; }

private:
    void refresh();
    void rebuildErrors();

    ResultsModel *m_model;
    int m_row = -1;
    int m_selectedCount = 0;
    QLabel *m_title;
    QLabel *m_reason;
    QLabel *m_sends;
    QWidget *m_errorsBox;
    QVBoxLayout *m_errorsLayout;
    QTabWidget *m_tabs;
    JsonTreeModel *m_tree;
    QTreeView *m_treeView;
    QPlainTextEdit *m_text;
    JsonTreeModel *m_headers;
    QTreeView *m_headersView;
};

} // namespace Tenfold
