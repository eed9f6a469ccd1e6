#include "curlexportdialog.h"

#include "curl/curlexport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Tenfold {

CurlExportDialog::CurlExportDialog(const Session &session, const QString &token, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_token(token)
{
    setWindowTitle(tr("Export as curl"));
    resize(820, 560);

    m_shell = new QComboBox(this);
    m_shell->setObjectName(QStringLiteral("shell"));
    m_shell->addItem(tr("POSIX shell (bash, zsh)"), int(Shell::Posix));
    m_shell->addItem(tr("PowerShell 7.3+"), int(Shell::PowerShell));
    m_shell->addItem(tr("Windows cmd prompt (paste)"), int(Shell::Cmd));
    m_shell->addItem(tr("Windows batch file (.bat)"), int(Shell::Bat));

    m_perBatch = new QRadioButton(tr("One POST /batch per batch"), this);
    m_perBatch->setObjectName(QStringLiteral("perBatch"));
    m_perBatch->setChecked(true);
    m_perAction = new QRadioButton(tr("One direct call per action"), this);
    m_perAction->setObjectName(QStringLiteral("perAction"));
    auto *shape = new QHBoxLayout;
    shape->addWidget(m_perBatch);
    shape->addWidget(m_perAction);
    shape->addStretch();

    m_pretty = new QCheckBox(tr("Pretty JSON bodies"), this);
    m_pretty->setObjectName(QStringLiteral("pretty"));
    m_includeToken = new QCheckBox(tr("Include my token (the commands become a secret)"), this);
    m_includeToken->setObjectName(QStringLiteral("includeToken"));
    m_includeToken->setChecked(false);
    m_includeToken->setEnabled(!m_token.isEmpty());
    m_includeToken->setToolTip(
        m_token.isEmpty() ? tr("No token is set; the commands read ASANA_ACCESS_TOKEN.")
                          : tr("Off: the commands read the token from ASANA_ACCESS_TOKEN."));

    auto *form = new QFormLayout;
    form->addRow(tr("Shell:"), m_shell);
    form->addRow(tr("Shape:"), shape);
    form->addRow(QString(), m_pretty);
    form->addRow(QString(), m_includeToken);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copy"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &CurlExportDialog::copyToClipboard);
    connect(m_shell, &QComboBox::currentIndexChanged, this, &CurlExportDialog::refresh);
    connect(m_perAction, &QRadioButton::toggled, this, &CurlExportDialog::refresh);
    connect(m_pretty, &QCheckBox::toggled, this, &CurlExportDialog::refresh);
    connect(m_includeToken, &QCheckBox::toggled, this, &CurlExportDialog::refresh);
    refresh();
}

QString CurlExportDialog::commands() const
{
    return m_preview->toPlainText();
}

void CurlExportDialog::refresh()
{
    CurlExportOptions options;
    options.shell = Shell(m_shell->currentData().toInt());
    options.perAction = m_perAction->isChecked();
    options.pretty = m_pretty->isChecked();
    if (m_includeToken->isChecked())
        options.token = m_token;

    const Result<QString> script = exportCurl(m_session, options);
    m_copy->setEnabled(script.ok());
    if (!script) {
        m_preview->clear();
        m_status->setText(tr("Cannot export: %1").arg(script.errorString()));
        return;
    }
    m_preview->setPlainText(script.value());
    m_status->setText(options.token.isEmpty()
                          ? tr("The commands read the token from %1 when they run.")
                                .arg(QLatin1String(TokenEnvironmentVariable))
                          : tr("These commands contain your token: do not share them."));
}

void CurlExportDialog::copyToClipboard()
{
    QApplication::clipboard()->setText(m_preview->toPlainText());
    m_status->setText(tr("Copied to the clipboard."));
}

} // namespace Tenfold
