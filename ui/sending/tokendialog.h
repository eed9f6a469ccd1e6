#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Tenfold {

/// Asks for the Asana personal access token: masked, with a show toggle. A stored token is only
/// ever hinted at (its last four characters), never shown in full.
class TokenDialog : public QDialog
{
    Q_OBJECT

public:
    /// `storedHint` describes the token in use ("••••ab12, from the system keychain"), or empty.
    TokenDialog(const QString &storedHint, QWidget *parent = nullptr);

    QString token() const;
    /// True when the user asked to forget the stored token.
    bool forgetRequested() const { return m_forget; }

private:
    QLineEdit *m_edit;
    QCheckBox *m_show;
    bool m_forget = false;
};

} // namespace Tenfold
