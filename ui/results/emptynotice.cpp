#include "emptynotice.h"

#include <QEvent>

namespace Tenfold {

EmptyNotice::EmptyNotice(QWidget *viewport)
    : QLabel(viewport)
{
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setMargin(16);
    setGeometry(viewport->rect());
    viewport->installEventFilter(this);
    hide();
}

bool EmptyNotice::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QLabel::eventFilter(watched, event);
}

} // namespace Tenfold
