// The sender's HTTP behaviour against a bare TCP server the test controls byte for byte: the
// headers it sends, what it refuses before connecting, and that the network layer never resends.
#include "rawserver.h"
#include "sending/batchsender.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Tenfold;
using namespace Tenfold::TestKit;

namespace {

const QString Token = QStringLiteral("wire-test-token-6f1c");

Session sessionOf(const QStringList &methods)
{
    Session session;
    for (const QString &method : methods) {
        Action action;
        action.method = method;
        action.relativePath =
            action.isRead() ? QStringLiteral("/users/me") : QStringLiteral("/tasks");
        if (!action.isRead())
            action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}};
        session.actions.append(action);
    }
    return session;
}

SendOptions optionsFor(const QUrl &url)
{
    SendOptions options;
    options.baseUrl = url;
    options.token = Token;
    options.retryBackoffMs = 10;
    return options;
}

bool runToEnd(BatchSender &sender, const Session &session, const SendOptions &options)
{
    QSignalSpy finished(&sender, &BatchSender::finished);
    if (auto error = sender.start(session, options)) {
        qWarning("%s", qPrintable(error->message));
        return false;
    }
    return finished.wait(20000);
}

} // namespace

class TestBatchSenderWire : public QObject
{
    Q_OBJECT

private slots:
    void sendsTheDocumentedHeadersAndBody()
    {
        RawServer server;
        server.answer = [](int) {
            return httpAnswer(200, R"({"data":[{"status_code":200,"body":{"data":{}}}]})");
        };
        BatchSender sender;
        QVERIFY(runToEnd(sender, sessionOf({QStringLiteral("GET")}), optionsFor(server.baseUrl())));
        QCOMPARE(server.requests.size(), 1);
        const QByteArray request = server.requests.constFirst();
        QVERIFY2(request.startsWith("POST /api/1.0/batch HTTP/1.1\r\n"), request.constData());
        const QByteArray lower = request.toLower();
        QVERIFY(request.contains(QByteArray("Authorization: Bearer " + Token.toUtf8() + "\r\n")));
        QVERIFY(lower.contains("content-type: application/json\r\n"));
        QVERIFY(lower.contains("accept: application/json\r\n"));
        QVERIFY(lower.contains("user-agent: tenfold/" TENFOLD_VERSION "\r\n"));
        QVERIFY(request.endsWith(
            R"({"data":{"actions":[{"method":"get","relative_path":"/users/me"}]}})"));
        QCOMPARE(sender.run().results.at(0).state, ActionState::Succeeded);
    }

    void anAnswerThatEchoesTheTokenIsCleanedOfIt()
    {
        // A debugging proxy or a hostile server may echo the request: what it answers is
        // saved, kept in sessions and recorded in the history, so the token must not be in it.
        const QString token = QStringLiteral("1/120034:echo-test-secret");
        RawServer server;
        server.answer = [&](int) {
            const QByteArray echoed = "Bearer " + token.toUtf8();
            QByteArray escaped = echoed;
            escaped.replace("/", "\\/");
            return httpAnswer(200, R"({"data":[{"status_code":200,"headers":{"x-echo":")" + echoed +
                                       R"("},"body":{"data":{"authorization":")" + escaped +
                                       R"("}}}]})");
        };
        BatchSender sender;
        SendOptions options = optionsFor(server.baseUrl());
        options.token = token;
        QVERIFY(runToEnd(sender, sessionOf({QStringLiteral("GET")}), options));
        const ActionResult &result = sender.run().results.at(0);
        QCOMPARE(result.state, ActionState::Succeeded);
        const QByteArray saved =
            QJsonDocument(QJsonObject{{QStringLiteral("headers"), result.headers},
                                      {QStringLiteral("body"), result.body}})
                .toJson();
        QVERIFY2(!saved.contains("echo-test-secret"), saved.constData());
        QCOMPARE(result.headers.value(QStringLiteral("x-echo")).toString(),
                 QStringLiteral("Bearer [token removed]"));
    }

    void neverLetsTheNetworkLayerResendAWrite()
    {
        // Qt resends a request on its own when the server closes the connection before
        // answering; the sender must stop that for a batch with writes.
        RawServer server;
        server.answer = [](int) { return QByteArray(); };
        BatchSender sender;
        QVERIFY(runToEnd(sender, sessionOf({QStringLiteral("post"), QStringLiteral("get")}),
                         optionsFor(server.baseUrl())));
        QCOMPARE(server.requests.size(), 1);
        const ActionResult &result = sender.run().results.at(0);
        QCOMPARE(result.state, ActionState::OutcomeUnknown);
        QVERIFY2(result.reason.contains(QLatin1String("not sent again")),
                 qPrintable(result.reason));
        QCOMPARE(sender.run().results.at(1).state, ActionState::OutcomeUnknown);
    }

    void retriesAReadOnlyBatchABoundedNumberOfTimes()
    {
        RawServer server;
        server.answer = [](int n) {
            return n < 3 ? QByteArray()
                         : httpAnswer(200, R"({"data":[{"status_code":200,"body":{}}]})");
        };
        BatchSender sender;
        QVERIFY(runToEnd(sender, sessionOf({QStringLiteral("get")}), optionsFor(server.baseUrl())));
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(sender.run().results.at(0).state, ActionState::Succeeded);
        QCOMPARE(sender.run().results.at(0).attempts, 3);

        RawServer dead;
        dead.answer = [](int) { return QByteArray(); };
        BatchSender giveUp;
        QVERIFY(runToEnd(giveUp, sessionOf({QStringLiteral("get")}), optionsFor(dead.baseUrl())));
        QCOMPARE(dead.requests.size(), 3); // maxReadAttempts
        QCOMPARE(giveUp.run().results.at(0).state, ActionState::Failed);
    }

    void doesNotFollowRedirects()
    {
        RawServer server;
        server.answer = [](int) {
            return httpAnswer(307, "{}", "Location: http://127.0.0.1:9/elsewhere\r\n");
        };
        BatchSender sender;
        QVERIFY(
            runToEnd(sender, sessionOf({QStringLiteral("post")}), optionsFor(server.baseUrl())));
        QCOMPARE(server.requests.size(), 1);
        const ActionResult &result = sender.run().results.at(0);
        QCOMPARE(result.state, ActionState::Failed);
        QCOMPARE(result.statusCode, 307);
        QVERIFY(result.reason.contains(QLatin1String("redirected")));
    }

    void wholeRequestRefusalFailsEveryAction()
    {
        RawServer server;
        server.answer = [](int) {
            return httpAnswer(401, R"({"errors":[{"message":"Not Authorized"}]})");
        };
        BatchSender sender;
        QVERIFY(runToEnd(sender, sessionOf({QStringLiteral("post"), QStringLiteral("get")}),
                         optionsFor(server.baseUrl())));
        QCOMPARE(server.requests.size(), 1);
        for (const ActionResult &result : sender.run().results) {
            QCOMPARE(result.state, ActionState::Failed);
            QCOMPARE(result.statusCode, 401);
            QCOMPARE(result.errors.value(0).message, "Not Authorized");
        }
    }

    void refusesPlainHttpToAnotherHostBeforeConnecting()
    {
        // 0.0.0.0 is not a loopback name, yet a connection to it stays on this machine and
        // reaches the trap: even broken code cannot send anything off the host.
        QTcpServer trap;
        QVERIFY(trap.listen(QHostAddress::LocalHost, 0));
        BatchSender sender;
        QSignalSpy started(&sender, &BatchSender::batchStarted);
        SendOptions options =
            optionsFor(QUrl(QStringLiteral("http://0.0.0.0:%1/api/1.0").arg(trap.serverPort())));
        const std::optional<Error> error =
            sender.start(sessionOf({QStringLiteral("get")}), options);
        QVERIFY(error.has_value());
        QVERIFY2(error->message.contains(QLatin1String("https://")), qPrintable(error->message));
        QVERIFY(!sender.isRunning());
        QTest::qWait(50);
        QCOMPARE(started.count(), 0);
        QVERIFY(!trap.hasPendingConnections());
        QVERIFY(!checkBaseUrl(QUrl(QStringLiteral("https://app.asana.com/api/1.0"))));
        QVERIFY(!checkBaseUrl(QUrl(QStringLiteral("http://localhost:8080/api/1.0"))));
        QVERIFY(!checkBaseUrl(QUrl(QStringLiteral("http://[::1]:8080/api/1.0"))));
        QVERIFY(checkBaseUrl(QUrl(QStringLiteral("ftp://127.0.0.1/api/1.0"))));
    }

    void refusesToStartWithoutAToken()
    {
        BatchSender sender;
        SendOptions options = optionsFor(QUrl(QStringLiteral("http://127.0.0.1:9/api/1.0")));
        options.token.clear();
        QVERIFY(sender.start(sessionOf({QStringLiteral("get")}), options).has_value());
    }

    void anUnreachableServerMeansNothingWasSent()
    {
        QTcpServer placeholder;
        placeholder.listen(QHostAddress::LocalHost, 0);
        const quint16 port = placeholder.serverPort();
        placeholder.close(); // now nothing listens there
        BatchSender sender;
        QVERIFY(
            runToEnd(sender, sessionOf({QStringLiteral("post")}),
                     optionsFor(QUrl(QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(port)))));
        QCOMPARE(sender.run().results.at(0).state, ActionState::Failed);
        QVERIFY(!sender.run().reachedServer);
    }
};

QTEST_GUILESS_MAIN(TestBatchSenderWire)
#include "tst_batchsenderwire.moc"
