#include "tokenstore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace Tenfold {

namespace {

const QString Service = QStringLiteral("Tenfold");
const QString Key = QStringLiteral("asana-access-token");

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::TokenStore", text);
}

Error keychainError(const QKeychain::Job *job)
{
    return Error{tr("the system keychain is not available: %1").arg(job->errorString())};
}

Error removalError(const QKeychain::Job *job)
{
    return Error{
        tr("the token could not be removed from the system keychain: %1").arg(job->errorString())};
}

} // namespace

QString MemoryTokenStore::describe() const
{
    return tr("memory (until Tenfold quits)");
}

void KeychainTokenStore::read(ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(Key);
    QObject::connect(job, &QKeychain::Job::finished, job, [done](QKeychain::Job *finished) {
        auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (reader->error() == QKeychain::EntryNotFound)
            done(QString());
        else if (reader->error() != QKeychain::NoError)
            done(keychainError(reader));
        else
            done(reader->textData());
    });
    job->start();
}

void KeychainTokenStore::write(const QString &token, WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(Key);
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished, job, [done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            done(keychainError(finished));
        else
            done(std::nullopt);
    });
    job->start();
}

void KeychainTokenStore::erase(WriteCallback done)
{
    // The Secret Service deletes only unlocked items and QtKeychain does not say whether
    // anything was deleted, so a locked keychain would report success and keep the token.
    // Overwriting it first fails on a locked keychain (and otherwise leaves nothing usable even
    // if the deletion then fails); only then is the entry deleted.
    auto *wipe = new QKeychain::WritePasswordJob(Service);
    wipe->setAutoDelete(true);
    wipe->setKey(Key);
    wipe->setTextData(QString());
    QObject::connect(wipe, &QKeychain::Job::finished, wipe, [done](QKeychain::Job *wiped) {
        if (wiped->error() != QKeychain::NoError) {
            done(removalError(wiped));
            return;
        }
        auto *job = new QKeychain::DeletePasswordJob(Service);
        job->setAutoDelete(true);
        job->setKey(Key);
        QObject::connect(job, &QKeychain::Job::finished, job, [done](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError &&
                finished->error() != QKeychain::EntryNotFound)
                done(removalError(finished));
            else
                done(std::nullopt);
        });
        job->start();
    });
    wipe->start();
}

QString KeychainTokenStore::describe() const
{
    return tr("the system keychain");
}

QString maskToken(const QString &token)
{
    if (token.size() < 12)
        return QStringLiteral("\u2022\u2022\u2022\u2022");
    return QStringLiteral("\u2022\u2022\u2022\u2022") + token.right(4);
}

} // namespace Tenfold
