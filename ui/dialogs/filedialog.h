#pragma once

#include <QString>

class QWidget;

namespace Tenfold {

/// File choosers with a test seam: setNextFileName() makes the next call return that name
/// without showing a dialog (an empty name means "the user cancelled").
class FileDialog
{
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir);

    static void setNextFileName(const QString &fileName);

    /// The filter string for session files, shared by open and save.
    static QString sessionFilter();

private:
    static QString s_nextFileName;
    static bool s_hasNext;
};

} // namespace Tenfold
