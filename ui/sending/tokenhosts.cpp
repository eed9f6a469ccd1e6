#include "tokenhosts.h"

#include "dialogs/messagebox.h"
#include "trust/tokenhost.h"

#include <QCoreApplication>
#include <QSettings>

namespace Tenfold {

namespace {

const QString SettingsKey = QStringLiteral("sending/tokenHosts");

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::TokenHosts", text);
}

QString hostOf(const QUrl &baseUrl)
{
    return baseUrl.host().toLower();
}

} // namespace

bool TokenHosts::isTrusted(const QUrl &baseUrl)
{
    if (takesTokenWithoutAsking(baseUrl))
        return true;
    const QString host = hostOf(baseUrl);
    return !host.isEmpty() && trustedHosts().contains(host);
}

void TokenHosts::trust(const QUrl &baseUrl)
{
    const QString host = hostOf(baseUrl);
    if (host.isEmpty() || takesTokenWithoutAsking(baseUrl))
        return;
    QStringList hosts = trustedHosts();
    if (hosts.contains(host))
        return;
    hosts.append(host);
    hosts.sort();
    QSettings().setValue(SettingsKey, hosts);
}

QStringList TokenHosts::trustedHosts()
{
    QStringList hosts = QSettings().value(SettingsKey).toStringList();
    hosts.sort();
    return hosts;
}

void TokenHosts::forgetAll()
{
    QSettings().remove(SettingsKey);
}

bool TokenHosts::confirm(QWidget *parent, const QUrl &baseUrl)
{
    if (isTrusted(baseUrl))
        return true;
    const QString host = hostOf(baseUrl);
    const QMessageBox::StandardButton answer = MessageBox::question(
        parent, tr("Send your token to %1?").arg(host),
        tr("This session sends to %1, which is not Asana (app.asana.com) and not this "
           "computer.\n\nSending gives that server your Asana access token: whoever runs it "
           "can then act in Asana as you. A session file you were given can name any server, "
           "so only continue if you know and trust %2.\n\nSend the token to %2? Tenfold "
           "remembers the answer for this host (Run \u203a Access Token forgets it).")
            .arg(baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), host),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    trust(baseUrl);
    return true;
}

} // namespace Tenfold
