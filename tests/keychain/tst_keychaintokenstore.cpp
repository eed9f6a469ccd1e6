// KeychainTokenStore against a real Secret Service (gnome-keyring-daemon on a private D-Bus,
// privatekeyring.h): nothing stored, write and read back, overwrite, erase (also of nothing), a
// locked keychain (it refuses to store or forget, and says so), and the keyring daemon gone. Other
// programs see the token where the desktop's keyring shows it (secret-tool finds it), and no file
// holds it in clear.
#include "keychaintestsupport.h"
#include "privatekeyring.h"
#include "sending/tokenstore.h"

#include <QDirIterator>
#include <QTest>

using namespace Tenfold;
using namespace KeychainTest;

namespace {

// What QtKeychain's Secret Service schema (org.qt.keychain) files the token under.
const QStringList Attributes = {QStringLiteral("server"), QStringLiteral("Tenfold"),
                                QStringLiteral("user"), QStringLiteral("asana-access-token")};

/// Files under `root` that hold `token` as plain bytes.
QStringList filesHolding(const QString &root, const QString &token)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(token.toUtf8()))
            found.append(file.fileName());
    }
    return found;
}

bool isUnavailable(const Error &error)
{
    return error.message.startsWith(QStringLiteral("the system keychain is not available: ")) &&
           error.message.size() > 40;
}

} // namespace

class TestKeychainTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_keyring.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void describesItselfAsTheSystemKeychain()
    {
        QCOMPARE(m_store.describe(), QStringLiteral("the system keychain"));
    }

    void nothingStoredReadsAsEmpty()
    {
        const Result<QString> read = readFrom(m_store);
        QVERIFY2(read, qPrintable(read.errorString()));
        QVERIFY(read->isEmpty());
    }

    void aWrittenTokenReadsBack()
    {
        const QString token = makeToken();
        const std::optional<Error> written = writeTo(m_store, token);
        QVERIFY2(!written, qPrintable(written ? written->toString() : QString()));

        const Result<QString> read = readFrom(m_store);
        QVERIFY2(read, qPrintable(read.errorString()));
        QVERIFY2(read.value() == token, "the token read back is not the one written");
        // A new store (the next start of the app) reads it too.
        KeychainTokenStore next;
        const Result<QString> again = readFrom(next);
        QVERIFY2(again && again.value() == token, "a second store does not read the token");

        // It is in the Secret Service, where the desktop's keyring shows it...
        bool found = false;
        const QByteArray looked = m_keyring.lookup(Attributes, &found);
        QVERIFY2(found, "secret-tool finds no token under server=Tenfold user=asana-access-token");
        QVERIFY2(looked == token.toUtf8(), "secret-tool finds another value");
        // ...and in no file in clear (no plain-text fallback; the keyring file is encrypted).
        const QStringList files = filesHolding(m_keyring.root(), token);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(u' ')));
    }

    void aNewTokenReplacesTheStoredOne()
    {
        const QString first = makeToken();
        const QString second = makeToken();
        QVERIFY(!writeTo(m_store, first));
        QVERIFY(!writeTo(m_store, second));
        const Result<QString> read = readFrom(m_store);
        QVERIFY2(read, qPrintable(read.errorString()));
        QVERIFY2(read.value() == second, "the read token is not the last one written");
        bool found = false;
        QVERIFY2(m_keyring.lookup(Attributes, &found) == second.toUtf8() && found,
                 "secret-tool does not find the last token written");
    }

    void erasingForgetsTheToken()
    {
        QVERIFY(!writeTo(m_store, makeToken()));
        const std::optional<Error> erased = eraseFrom(m_store);
        QVERIFY2(!erased, qPrintable(erased ? erased->toString() : QString()));
        const Result<QString> read = readFrom(m_store);
        QVERIFY2(read, qPrintable(read.errorString()));
        QVERIFY(read->isEmpty());
        bool found = true;
        m_keyring.lookup(Attributes, &found);
        QVERIFY2(!found, "secret-tool still finds a token after erasing");

        // Forgetting when nothing is stored is not an error.
        const std::optional<Error> again = eraseFrom(m_store);
        QVERIFY2(!again, qPrintable(again ? again->toString() : QString()));
    }

    void aLockedKeychainRefusesToStore()
    {
        const QString stored = makeToken();
        QVERIFY(!writeTo(m_store, stored));
        const QString error = m_keyring.lockLogin();
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Nobody is there to unlock it (no prompt without a desktop): the store says it cannot
        // keep the token, which makes the window keep it in memory with a notice.
        const std::optional<Error> written = writeTo(m_store, makeToken());
        QVERIFY(written);
        QVERIFY2(isUnavailable(*written), qPrintable(written->toString()));
        // A locked item is not handed out.
        const Result<QString> read = readFrom(m_store);
        QVERIFY2(!read || read.value() != stored, "a locked keychain handed out its token");

        // Forgetting cannot remove a locked item, and must not claim it did: the token would be
        // back as soon as the keychain is unlocked.
        const std::optional<Error> erased = eraseFrom(m_store);
        QVERIFY2(erased, "forgetting a token in a locked keychain reported success");
        QVERIFY2(erased->message.startsWith(
                     QStringLiteral("the token could not be removed from the system keychain: ")),
                 qPrintable(erased->toString()));

        // After the next login (the daemon starts again and unlocks) the token is still there,
        // as the error said. (Asked through secret-tool: a running libsecret keeps its session
        // with the daemon that ended and answers "The session does not exist" until restarted.)
        QVERIFY(m_keyring.killKeyring());
        const QString restarted = m_keyring.startKeyring();
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        bool found = false;
        QVERIFY2(m_keyring.lookup(Attributes, &found) == stored.toUtf8() && found,
                 "the unlocked keychain does not hold the token");
    }

    void aKeychainThatIsGoneAnswersWithErrors()
    {
        QVERIFY(m_keyring.killKeyring());

        const Result<QString> read = readFrom(m_store);
        QVERIFY(!read);
        QVERIFY2(isUnavailable(read.error()), qPrintable(read.errorString()));
        const std::optional<Error> written = writeTo(m_store, makeToken());
        QVERIFY(written);
        QVERIFY2(isUnavailable(*written), qPrintable(written->toString()));
        const std::optional<Error> erased = eraseFrom(m_store);
        QVERIFY(erased);
        QVERIFY2(erased->message.startsWith(QStringLiteral(
                     "the token could not be removed from the system keychain: The name ")),
                 qPrintable(erased->toString()));
    }

private:
    PrivateKeyring m_keyring;
    KeychainTokenStore m_store;
};

QTEST_GUILESS_MAIN(TestKeychainTokenStore)
#include "tst_keychaintokenstore.moc"
