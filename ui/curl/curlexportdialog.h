#pragma once

#include "model/session.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace Tenfold {

/// Shows the session as curl commands: shell, one command per batch or per action, pretty
/// bodies, and (only when ticked) the literal token; a read-only preview and a Copy button.
class CurlExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// `token` is what the user is signed in with; it appears only if "Include token" is ticked.
    explicit CurlExportDialog(const Session &session, const QString &token = {},
                              QWidget *parent = nullptr);

    /// The preview text (the export, or the reason there is none).
    QString commands() const;

private:
    void refresh();
    void copyToClipboard();

    Session m_session;
    QString m_token;
    QComboBox *m_shell = nullptr;
    QRadioButton *m_perBatch = nullptr;
    QRadioButton *m_perAction = nullptr;
    QCheckBox *m_pretty = nullptr;
    QCheckBox *m_includeToken = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Tenfold
