#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace Tenfold {

/// File choosers with a test seam: setNextFileName() makes the next call return that name
/// without showing a dialog (an empty name means "the user cancelled"). Every dialog starts in
/// the folder last used in any of them (kept in QSettings), unless told otherwise.
class FileDialog
{
public:
    /// One format a save dialog offers: "CSV" and ".csv".
    struct Format
    {
        QString description;
        QString suffix;
    };
    static QList<Format> sessionFormats();
    static QList<Format> resultsFormats();

    struct SaveRequest
    {
        QString caption;
        /// The suggested file: a name alone starts in the last folder used.
        QString suggestion;
        QList<Format> formats;
        /// Shown under the file list: what the file will hold.
        QString note;
    };
    struct Saved
    {
        QString path; ///< empty: cancelled
        int format = -1;
        bool accepted() const { return !path.isEmpty(); }
    };

    /// `filter` as for QFileDialog; sessions, batch bodies and action arrays when empty.
    static QString getOpenFileName(QWidget *parent, const QString &caption,
                                   const QString &filter = {});
    static Saved getSaveFileName(QWidget *parent, const SaveRequest &request);

    /// The file and format for a typed name and the chosen filter: a name ending in one of the
    /// formats' suffixes is written in that format as typed (`exp1.csv` is CSV); any other name
    /// gets the chosen format's suffix.
    static Saved resolve(const QString &typed, const QList<Format> &formats, int chosen);

    /// The folder the last dialog was accepted in, else the home folder.
    static QString lastFolder();

    /// The next dialog returns `fileName` as if typed with format `format` chosen (tests only).
    static void setNextFileName(const QString &fileName, int format = 0);
    /// The folder and note the last dialog opened with (tests only).
    static QString lastShownFolder() { return s_shownFolder; }
    static QString lastShownNote() { return s_shownNote; }

private:
    static void remember(const QString &path);

    static QString s_nextFileName;
    static int s_nextFormat;
    static bool s_hasNext;
    static QString s_shownFolder;
    static QString s_shownNote;
};

} // namespace Tenfold
