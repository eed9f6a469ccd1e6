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
    auto *job = new QKeychain::DeletePasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(Key);
    QObject::connect(job, &QKeychain::Job::finished, job, [done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError &&
            finished->error() != QKeychain::EntryNotFound)
            done(keychainError(finished));
        else
            done(std::nullopt);
    });
    job->start();
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
