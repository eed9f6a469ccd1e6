#pragma once

#include <QLabel>

namespace Tenfold {

/// A sentence over an item view's viewport that says why the view shows no rows (a filter hides
/// them all), with a link back. It covers the viewport and follows its size; hidden otherwise.
class EmptyNotice : public QLabel
{
    Q_OBJECT

public:
    explicit EmptyNotice(QWidget *viewport);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace Tenfold
