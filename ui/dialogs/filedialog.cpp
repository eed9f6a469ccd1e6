#include "filedialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QSettings>

namespace Tenfold {

namespace {

const QString LastFolderKey = QStringLiteral("dialogs/lastFolder");

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::FileDialog", text);
}

QString filterOf(const FileDialog::Format &format)
{
    return QStringLiteral("%1 (*%2)").arg(format.description, format.suffix);
}

} // namespace

QString FileDialog::s_nextFileName;
int FileDialog::s_nextFormat = 0;
bool FileDialog::s_hasNext = false;
QString FileDialog::s_shownFolder;
QString FileDialog::s_shownNote;

QList<FileDialog::Format> FileDialog::sessionFormats()
{
    return {{tr("Tenfold sessions"), QStringLiteral(".tenfold.json")},
            {tr("JSON files"), QStringLiteral(".json")}};
}

QList<FileDialog::Format> FileDialog::resultsFormats()
{
    return {{tr("Results file, JSON"), QStringLiteral(".json")},
            {tr("CSV, one line per action"), QStringLiteral(".csv")}};
}

QString FileDialog::lastFolder()
{
    const QString folder = QSettings().value(LastFolderKey).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QDir::homePath();
}

void FileDialog::remember(const QString &path)
{
    if (!path.isEmpty())
        QSettings().setValue(LastFolderKey, QFileInfo(path).absolutePath());
}

FileDialog::Saved FileDialog::resolve(const QString &typed, const QList<Format> &formats,
                                      int chosen)
{
    if (typed.isEmpty() || formats.isEmpty())
        return {typed, typed.isEmpty() ? -1 : 0};
    // The longest suffix first: "x.tenfold.json" is a session, not merely JSON.
    int best = -1;
    for (int i = 0; i < formats.size(); ++i) {
        const QString &suffix = formats.at(i).suffix;
        if (typed.endsWith(suffix, Qt::CaseInsensitive) && typed.size() > suffix.size() &&
            (best < 0 || suffix.size() > formats.at(best).suffix.size()))
            best = i;
    }
    if (best >= 0)
        return {typed, best};
    const int format = chosen >= 0 && chosen < formats.size() ? chosen : 0;
    return {typed + formats.at(format).suffix, format};
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    s_shownFolder = lastFolder();
    s_shownNote.clear();
    QString name;
    if (s_hasNext) {
        s_hasNext = false;
        name = std::exchange(s_nextFileName, {});
    } else {
        const QString filters = filter.isEmpty()
                                    ? tr("Tenfold sessions (*.tenfold.json);;JSON files "
                                         "(*.json);;All files (*)")
                                    : filter;
        name = QFileDialog::getOpenFileName(parent, caption, s_shownFolder, filters);
    }
    remember(name);
    return name;
}

FileDialog::Saved FileDialog::getSaveFileName(QWidget *parent, const SaveRequest &request)
{
    const QFileInfo suggestion(request.suggestion);
    s_shownFolder = request.suggestion.contains(u'/') ? suggestion.absolutePath() : lastFolder();
    s_shownNote = request.note;
    QString typed;
    int chosen = 0;
    if (s_hasNext) {
        s_hasNext = false;
        typed = std::exchange(s_nextFileName, {});
        chosen = s_nextFormat;
    } else {
        QFileDialog dialog(parent, request.caption, s_shownFolder);
        // Qt's own dialog on every desktop, so the note can sit under the file list.
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        QStringList filters;
        for (const Format &format : request.formats)
            filters.append(filterOf(format));
        dialog.setNameFilters(filters);
        dialog.selectFile(suggestion.fileName());
        if (!request.note.isEmpty()) {
            if (auto *grid = qobject_cast<QGridLayout *>(dialog.layout())) {
                auto *note = new QLabel(request.note, &dialog);
                note->setObjectName(QStringLiteral("saveNote"));
                note->setWordWrap(true);
                grid->addWidget(note, grid->rowCount(), 0, 1, grid->columnCount());
            }
        }
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return {};
        typed = dialog.selectedFiles().constFirst();
        chosen = int(filters.indexOf(dialog.selectedNameFilter()));
    }
    const Saved saved = resolve(typed, request.formats, chosen);
    remember(saved.path);
    return saved;
}

void FileDialog::setNextFileName(const QString &fileName, int format)
{
    s_nextFileName = fileName;
    s_nextFormat = format;
    s_hasNext = true;
}

} // namespace Tenfold
