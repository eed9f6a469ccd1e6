#include "tokendialog.h"

#include "tokenhosts.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tenfold {

TokenDialog::TokenDialog(const QString &storedHint, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QLineEdit)
    , m_show(new QCheckBox(tr("&Show")))
{
    setObjectName(QStringLiteral("tokenDialog"));
    setWindowTitle(tr("Asana Access Token"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Tenfold sends to Asana with your personal access token (Asana: My Settings \u2192 "
           "Apps \u2192 Developer apps). It is kept in the system keychain, never in sessions, "
           "results or logs. The built-in sandbox needs no token."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *current =
        new QLabel(storedHint.isEmpty() ? tr("No token is stored yet.")
                                        : tr("Token in use: %1").arg(storedHint.toHtmlEscaped()));
    current->setObjectName(QStringLiteral("tokenHint"));
    layout->addWidget(current);

    auto *row = new QHBoxLayout;
    m_edit->setObjectName(QStringLiteral("tokenEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(storedHint.isEmpty() ? tr("Paste the token here")
                                                    : tr("Paste a new token to replace it"));
    m_edit->setMinimumWidth(380);
    m_show->setObjectName(QStringLiteral("tokenShow"));
    row->addWidget(m_edit, 1);
    row->addWidget(m_show);
    layout->addLayout(row);
    connect(m_show, &QCheckBox::toggled, this, [this](bool show) {
        m_edit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Use Token"));
    ok->setEnabled(false);
    if (!storedHint.isEmpty()) {
        QPushButton *forget =
            buttons->addButton(tr("&Forget Stored Token"), QDialogButtonBox::DestructiveRole);
        forget->setObjectName(QStringLiteral("tokenForget"));
        connect(forget, &QPushButton::clicked, this, [this] {
            m_forget = true;
            accept();
        });
    }
    // Servers other than Asana and this computer the user let the token go to, with a way back.
    const QStringList hosts = TokenHosts::trustedHosts();
    if (!hosts.isEmpty()) {
        auto *trusted = new QLabel(tr("Also sent to these servers you confirmed: %1")
                                       .arg(hosts.join(QStringLiteral(", ")).toHtmlEscaped()));
        trusted->setObjectName(QStringLiteral("tokenHosts"));
        trusted->setWordWrap(true);
        layout->addWidget(trusted);
        auto *forgetHosts = new QPushButton(tr("Forget Confirmed &Servers"));
        forgetHosts->setObjectName(QStringLiteral("tokenForgetHosts"));
        forgetHosts->setToolTip(tr("Each of them asks again before the token goes there"));
        connect(forgetHosts, &QPushButton::clicked, this, [trusted, forgetHosts] {
            TokenHosts::forgetAll();
            trusted->setText(tr("No server besides Asana and this computer gets the token "
                                "without asking."));
            forgetHosts->setEnabled(false);
        });
        auto *hostsRow = new QHBoxLayout;
        hostsRow->addStretch(1);
        hostsRow->addWidget(forgetHosts);
        layout->addLayout(hostsRow);
    }

    connect(m_edit, &QLineEdit::textChanged, this,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString TokenDialog::token() const
{
    return m_edit->text().trimmed();
}

} // namespace Tenfold
