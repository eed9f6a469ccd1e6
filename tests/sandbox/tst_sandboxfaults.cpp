#include "sandbox/sandboxserver.h"
#include "sandboxclient.h"

#include <QTest>

using namespace Tenfold;
using namespace SandboxTest;

/// The faults QA and the sender's tests rely on: each one shows to a client as described.
class TestSandboxFaults : public QObject
{
    Q_OBJECT

    static SandboxFaults only(double SandboxFaults::*fault)
    {
        SandboxFaults faults;
        faults.*fault = 1.0;
        return faults;
    }

    static QJsonArray twoReads()
    {
        return {action(QStringLiteral("get"), QStringLiteral("/users/me")),
                action(QStringLiteral("get"), QStringLiteral("/tasks/1401"))};
    }

private slots:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        QVERIFY(!m_server->listen(0));
        m_client = std::make_unique<Client>(m_server->baseUrl());
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void parsesTheSpec()
    {
        const Result<SandboxFaults> faults = SandboxFaults::parse(QStringLiteral(
            "500:0.1,drop:0.05,slow:0.1,malformed:0.02,truncate:0.02,mismatch:0.01"));
        QVERIFY(faults);
        QCOMPARE(faults->serverError, 0.1);
        QCOMPARE(faults->drop, 0.05);
        QCOMPARE(faults->slow, 0.1);
        QCOMPARE(faults->malformed, 0.02);
        QCOMPARE(faults->truncate, 0.02);
        QCOMPARE(faults->mismatch, 0.01);
        QVERIFY(faults->any());
        QVERIFY(!SandboxFaults::parse(QString())->any());
    }

    void rejectsBadSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("unknown fault") << "explode:0.1";
        QTest::newRow("probability above 1") << "500:1.5";
        QTest::newRow("no probability") << "drop";
        QTest::newRow("not a number") << "slow:often";
        QTest::newRow("nan") << "500:nan";
        // One roll per batch picks at most one fault: beyond a sum of 1 the later ones never fire.
        QTest::newRow("sum above 1") << "500:0.6,drop:0.6";
    }
    void rejectsBadSpecs()
    {
        QFETCH(QString, spec);
        const Result<SandboxFaults> faults = SandboxFaults::parse(spec);
        QVERIFY(!faults);
        QVERIFY(!faults.errorString().isEmpty());
    }

    void serverErrorIsA500WithPhraseAndNothingRuns()
    {
        m_server->setFaults(only(&SandboxFaults::serverError));
        const Reply reply =
            m_client->batch({action(QStringLiteral("post"), QStringLiteral("/tasks"),
                                    {{QStringLiteral("workspace"), QStringLiteral("1001")}})});
        QCOMPARE(reply.status, 500);
        const QJsonObject error =
            reply.json.value(QLatin1String("errors")).toArray().at(0).toObject();
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(!error.value(QLatin1String("phrase")).toString().isEmpty());
        m_server->setFaults({});
        QCOMPARE(m_client->get(QStringLiteral("/tasks/2000001")).status, 404);
    }

    void dropClosesWithoutAnswer()
    {
        m_server->setFaults(only(&SandboxFaults::drop));
        const Reply reply = m_client->batch(twoReads());
        QCOMPARE(reply.status, 0);
        QVERIFY(reply.error != QNetworkReply::NoError);
        QVERIFY(reply.body.isEmpty());
    }

    void slowAnswersAfterATypicalTimeout()
    {
        m_server->setFaults(only(&SandboxFaults::slow));
        // slowDelayMs is 35 s by default; a client with a 300 ms timeout gives up long before.
        const Reply reply =
            m_client->call("POST", QStringLiteral("/batch"), batchBody(twoReads()), 300);
        QCOMPARE(reply.error, QNetworkReply::OperationCanceledError);
        // The abandoned deferred answer must not disturb the server.
        m_server->setFaults({});
        QCOMPARE(m_client->batch(twoReads()).status, 200);
    }

    void slowAnswerDoesArrive()
    {
        SandboxOptions options;
        options.slowDelayMs = 200;
        options.faults = only(&SandboxFaults::slow);
        SandboxServer server(options);
        QVERIFY(!server.listen(0));
        const Reply reply = Client(server.baseUrl()).batch(twoReads());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.results().size(), 2);
    }

    void malformedIsA200ThatIsNotJson()
    {
        m_server->setFaults(only(&SandboxFaults::malformed));
        const Reply reply = m_client->batch(twoReads());
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.body.isEmpty());
        QVERIFY(!reply.isJson);
    }

    void truncateCutsTheBody()
    {
        m_server->setFaults(only(&SandboxFaults::truncate));
        const Reply reply = m_client->batch(twoReads());
        QVERIFY(reply.error != QNetworkReply::NoError);
        QVERIFY(!reply.isJson);
    }

    void mismatchReturnsFewerResults()
    {
        m_server->setFaults(only(&SandboxFaults::mismatch));
        const Reply reply = m_client->batch(twoReads());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.results().size(), 1);
    }

    void deterministicUnderTheSeed()
    {
        const auto sequence = [](quint32 seed) {
            SandboxOptions options;
            options.seed = seed;
            options.faults.serverError = 0.5;
            SandboxServer server(options);
            if (server.listen(0))
                return QList<int>();
            Client client(server.baseUrl());
            QList<int> statuses;
            for (int i = 0; i < 16; ++i)
                statuses.append(client.batch(twoReads()).status);
            return statuses;
        };
        const QList<int> first = sequence(7);
        QCOMPARE(first.size(), 16);
        QVERIFY(first.contains(500));
        QVERIFY(first.contains(200));
        QCOMPARE(sequence(7), first);
        QVERIFY(sequence(8) != first);
    }

    void faultsAreCounted()
    {
        m_server->setFaults(only(&SandboxFaults::mismatch));
        m_client->batch(twoReads());
        QCOMPARE(m_server->stats()
                     .value(QLatin1String("faults"))
                     .toObject()
                     .value(QLatin1String("mismatch"))
                     .toInt(),
                 1);
    }

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Client> m_client;
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
