#include "filedialog.h"

#include <QCoreApplication>
#include <QFileDialog>

namespace Tenfold {

QString FileDialog::s_nextFileName;
bool FileDialog::s_hasNext = false;

QString FileDialog::sessionFilter()
{
    return QCoreApplication::translate("Tenfold::FileDialog",
                                       "Tenfold sessions (*.tenfold.json);;JSON files "
                                       "(*.json);;All files (*)");
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_nextFileName, {});
    }
    return QFileDialog::getOpenFileName(parent, caption, dir, sessionFilter());
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_nextFileName, {});
    }
    QString name = QFileDialog::getSaveFileName(parent, caption, dir, sessionFilter());
    if (!name.isEmpty() && !name.endsWith(QLatin1String(".json")))
        name += QLatin1String(".tenfold.json");
    return name;
}

void FileDialog::setNextFileName(const QString &fileName)
{
    s_nextFileName = fileName;
    s_hasNext = true;
}

} // namespace Tenfold
