// Retry-After: both forms of RFC 9110 (delay-seconds and HTTP-date), clamped alike, and the wait
// the sender announces after a 429 from a server on 127.0.0.1.
#include "rawserver.h"
#include "sending/batchsender.h"
#include "sending/retryafter.h"

#include <QSignalSpy>
#include <QTest>

using namespace Tenfold;
using namespace Tenfold::TestKit;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 12, 1), QTime(5, 41, 49), Qt::UTC);

QByteArray imfDate(const QDateTime &time)
{
    return QLocale::c()
               .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
               .toLatin1() +
           " GMT";
}

} // namespace

class TestRetryAfter : public QObject
{
    Q_OBJECT

private slots:
    void readsBothForms_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("form");
        QTest::addColumn<bool>("clamped");
        const int seconds = int(RetryAfter::Form::Seconds);
        const int date = int(RetryAfter::Form::Date);
        QTest::newRow("seconds") << QByteArray("6") << 6 << seconds << false;
        QTest::newRow("seconds, spaces") << QByteArray("  30 ") << 30 << seconds << false;
        QTest::newRow("zero waits the least") << QByteArray("0") << 1 << seconds << true;
        QTest::newRow("an hour") << QByteArray("3600") << 3600 << seconds << false;
        QTest::newRow("two hours: capped like a date")
            << QByteArray("7200") << 3600 << seconds << true;
        QTest::newRow("no overflow to 1 s") << QByteArray("99999999999") << 3600 << seconds << true;
        QTest::newRow("many digits") << QByteArray(400, '9') << 3600 << seconds << true;
        QTest::newRow("IMF-fixdate")
            << QByteArray("Tue, 01 Dec 2026 05:41:55 GMT") << 6 << date << false;
        QTest::newRow("rfc850-date")
            << QByteArray("Tuesday, 01-Dec-26 05:41:55 GMT") << 6 << date << false;
        QTest::newRow("asctime-date")
            << QByteArray("Tue Dec  1 05:41:55 2026") << 6 << date << false;
        QTest::newRow("date in the past")
            << QByteArray("Tue, 01 Dec 2026 05:00:00 GMT") << 1 << date << true;
        QTest::newRow("date next year: capped like seconds")
            << QByteArray("Wed, 01 Dec 2027 05:41:55 GMT") << 3600 << date << true;
    }
    void readsBothForms()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, seconds);
        QFETCH(int, form);
        QFETCH(bool, clamped);
        const RetryAfter wait = RetryAfter::parse(header, Now);
        QCOMPARE(wait.seconds, seconds);
        QCOMPARE(int(wait.form), form);
        QCOMPARE(wait.clamped, clamped);
        QVERIFY2(wait.describe().contains(QString::fromLatin1(header.trimmed())),
                 qPrintable(wait.describe()));
    }

    void refusesWhatIsNeitherForm_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("negative") << QByteArray("-5");
        QTest::newRow("fraction") << QByteArray("1.5");
        QTest::newRow("not GMT") << QByteArray("Tue, 01 Dec 2026 05:41:55 CET");
        QTest::newRow("bad month") << QByteArray("Tue, 01 Foo 2026 05:41:55 GMT");
        QTest::newRow("bad day") << QByteArray("Tue, 32 Dec 2026 05:41:55 GMT");
        QTest::newRow("words") << QByteArray("soon");
    }
    void refusesWhatIsNeitherForm()
    {
        QFETCH(QByteArray, header);
        const RetryAfter wait = RetryAfter::parse(header, Now);
        QCOMPARE(wait.form, RetryAfter::Form::Unreadable);
        QCOMPARE(wait.seconds, RetryAfter::FallbackSeconds);
        QVERIFY(wait.describe().contains(QStringLiteral("unreadable")));
        QCOMPARE(RetryAfter::parse({}, Now).form, RetryAfter::Form::Missing);
    }

    void theSenderWaitsWhatTheHeaderSays_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        // The date is computed when the answer is written, six seconds ahead.
        QTest::newRow("HTTP-date") << QByteArray() << 5 << 7;
        QTest::newRow("huge seconds") << QByteArray("99999999999") << 3600 << 3600;
        QTest::newRow("seconds over the cap") << QByteArray("86400") << 3600 << 3600;
        QTest::newRow("seconds") << QByteArray("4") << 4 << 4;
    }
    void theSenderWaitsWhatTheHeaderSays()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, low);
        QFETCH(int, high);
        RawServer server;
        server.answer = [header](int) {
            const QByteArray value =
                header.isEmpty() ? imfDate(QDateTime::currentDateTimeUtc().addSecs(6)) : header;
            return httpAnswer(429, R"({"errors":[{"message":"Too many requests"}]})",
                              "Retry-After: " + value + "\r\n");
        };
        Session session;
        Action action;
        action.method = QStringLiteral("GET");
        action.relativePath = QStringLiteral("/users/me");
        session.actions = {action};
        SendOptions options;
        options.baseUrl = server.baseUrl();
        options.token = QStringLiteral("t");
        BatchSender sender;
        QSignalSpy waiting(&sender, &BatchSender::waitingForRetryAfter);
        QSignalSpy finished(&sender, &BatchSender::finished);
        QVERIFY(!sender.start(session, options));
        QVERIFY(waiting.wait(20000));
        const int seconds = waiting.constFirst().at(1).toInt();
        QVERIFY2(seconds >= low && seconds <= high, qPrintable(QString::number(seconds)));
        // Nothing goes before the wait is over (the test does not wait that long).
        QTest::qWait(300);
        QCOMPARE(server.requests.size(), 1);
        sender.cancel();
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(sender.run().results.at(0).state, ActionState::Cancelled);
    }

    void theWaitIsSaidInWords()
    {
        RawServer server;
        server.answer = [](int) {
            return httpAnswer(429, "{}", "Retry-After: Tue, 01 Dec 2099 05:41:55 GMT\r\n");
        };
        Session session;
        Action action;
        action.method = QStringLiteral("GET");
        action.relativePath = QStringLiteral("/users/me");
        session.actions = {action};
        SendOptions options;
        options.baseUrl = server.baseUrl();
        options.token = QStringLiteral("t");
        BatchSender sender;
        QSignalSpy waiting(&sender, &BatchSender::waitingForRetryAfter);
        QVERIFY(!sender.start(session, options));
        QVERIFY(waiting.wait(20000));
        const QString words = waiting.constFirst().at(2).toString();
        QVERIFY2(
            words.startsWith(QStringLiteral("1 h (Retry-After: Tue, 01 Dec 2099 05:41:55 GMT")),
            qPrintable(words));
        sender.cancel();
    }
};

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
