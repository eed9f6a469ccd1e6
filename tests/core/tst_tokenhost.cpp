// The rule for where the token may go without asking: Asana's own API host over https and this
// computer; every other host is the user's to confirm.
#include "trust/tokenhost.h"

#include <QTest>

using namespace Tenfold;

class TestTokenHost : public QObject
{
    Q_OBJECT

private slots:
    void onlyAsanaAndThisComputerTakeTheTokenWithoutAsking_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("withoutAsking");
        QTest::newRow("asana") << "https://app.asana.com/api/1.0" << true;
        QTest::newRow("asana, any case") << "https://APP.Asana.com/api/1.0" << true;
        QTest::newRow("loopback http") << "http://127.0.0.1:8080/api/1.0" << true;
        QTest::newRow("localhost https") << "https://localhost/api/1.0" << true;
        QTest::newRow("ipv6 loopback") << "http://[::1]:9000/api/1.0" << true;
        // Anything else is some other party's server, however close its name looks.
        QTest::newRow("asana over http") << "http://app.asana.com/api/1.0" << false;
        QTest::newRow("suffix") << "https://app.asana.com.evil.example/api/1.0" << false;
        QTest::newRow("parent domain") << "https://asana.com/api/1.0" << false;
        QTest::newRow("subdomain") << "https://mirror.app.asana.com/api/1.0" << false;
        QTest::newRow("private network") << "https://10.0.0.1/api/1.0" << false;
        QTest::newRow("localhost lookalike") << "https://localhost.evil.example/api/1.0" << false;
        QTest::newRow("no host") << "not a url at all" << false;
        QTest::newRow("empty") << "" << false;
    }

    void onlyAsanaAndThisComputerTakeTheTokenWithoutAsking()
    {
        QFETCH(QString, url);
        QFETCH(bool, withoutAsking);
        QCOMPARE(takesTokenWithoutAsking(QUrl(url)), withoutAsking);
    }
};

QTEST_MAIN(TestTokenHost)
#include "tst_tokenhost.moc"
