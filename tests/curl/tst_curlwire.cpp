#include "curl/curlexport.h"
#include "scriptrunner.h"
#include "wire/batchbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;
using namespace TenfoldTest;

/// The exported script, run by the real bash and curl, puts exactly the composed bytes on the
/// wire. A small recording server on 127.0.0.1 sees each request as curl sent it.
class TestCurlWire : public QObject
{
    Q_OBJECT

private:
    struct Recorded
    {
        QByteArray method;
        QByteArray target; ///< path and query as sent
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;

        QByteArray header(const QByteArray &name) const
        {
            for (const auto &[key, value] : headers) {
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            }
            return {};
        }
    };

    QTcpServer m_server;
    QList<Recorded> m_requests;
    QTemporaryDir m_dir;

    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        auto continued = std::make_shared<bool>(false);
        connect(socket, &QTcpSocket::readyRead, this, [=, this] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            Recorded request;
            const QList<QByteArray> first = lines.constFirst().trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
            }
            length = request.header("Content-Length").toLongLong();
            if (request.header("Expect") == "100-continue" && !*continued) {
                *continued = true;
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            m_requests.append(request);
            const QByteArray answer =
                "{\"data\":{\"seen\":" + QByteArray::number(m_requests.size()) + "}}";
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                "Content-Length: " +
                QByteArray::number(answer.size()) + "\r\n\r\n" + answer);
            socket->disconnectFromHost();
            buffer->clear();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QString marker() const { return m_dir.filePath(QStringLiteral("pwned")); }

    Session hostileSession() const
    {
        Session session;
        session.name = QStringLiteral("it's \"hostile\"\n$(touch ") + marker() + u')';
        for (const QString &name : hostileNames(marker())) {
            Action create;
            create.method = QStringLiteral("post");
            create.relativePath = QStringLiteral("/tasks");
            create.data = QJsonObject{{"name", name}, {"notes", name}, {"workspace", "1001"}};
            session.actions.append(create);
            Action search;
            search.method = QStringLiteral("get");
            search.relativePath = QStringLiteral("/workspaces/1001/tasks/search");
            search.data = QJsonObject{{"text", name}};
            search.options = QJsonObject{{"fields", QJsonArray{"name", "notes"}}, {"offset", name}};
            session.actions.append(search);
        }
        return session;
    }

    ScriptRun run(const CurlExportOptions &options)
    {
        m_requests.clear();
        Result<QString> script = exportCurl(hostileSession(), options);
        if (!script)
            qFatal("%s", qPrintable(script.errorString()));
        return runBash(script.value(), m_dir.path());
    }

    static QString decode(const QByteArray &part)
    {
        return QUrl::fromPercentEncoding(QByteArray(part).replace('+', ' '));
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("needs bash and curl");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    void perBatchSendsTheExactBatchBodies()
    {
        CurlExportOptions options;
        options.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(m_server.serverPort()));
        const ScriptRun result = run(options);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const Session session = hostileSession();
        const QList<BatchPlan> batches = planBatches(session.actions);
        QCOMPARE(m_requests.size(), batches.size());
        for (int i = 0; i < batches.size(); ++i) {
            const Recorded &request = m_requests.at(i);
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.target, QByteArray("/api/1.0/batch"));
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer dummy"));
            QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
            QCOMPARE(request.body, batchBody(session.actions, batches.at(i).actionIndexes));
        }
        // Each response is printed, in order, one per line.
        QCOMPARE(result.out, QByteArray("{\"data\":{\"seen\":1}}\n{\"data\":{\"seen\":2}}\n"
                                        "{\"data\":{\"seen\":3}}\n"));
        QVERIFY(!QFile::exists(marker()));
    }

    void perActionSendsTheDirectCalls()
    {
        CurlExportOptions options;
        options.perAction = true;
        options.pretty = true;
        options.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(m_server.serverPort()));
        const ScriptRun result = run(options);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QStringList names = hostileNames(marker());
        QCOMPARE(m_requests.size(), names.size() * 2);
        for (int i = 0; i < names.size(); ++i) {
            const Recorded &post = m_requests.at(2 * i);
            QCOMPARE(post.method, QByteArray("POST"));
            QCOMPARE(post.target, QByteArray("/api/1.0/tasks"));
            const QJsonObject data =
                QJsonDocument::fromJson(post.body).object().value("data").toObject();
            QCOMPARE(data.value("name").toString(), names.at(i));
            QCOMPARE(data.value("notes").toString(), names.at(i));

            const Recorded &get = m_requests.at(2 * i + 1);
            QCOMPARE(get.method, QByteArray("GET"));
            QVERIFY(get.body.isEmpty());
            const QList<QByteArray> target = get.target.split('?');
            QCOMPARE(target.value(0), QByteArray("/api/1.0/workspaces/1001/tasks/search"));
            QMap<QString, QString> query;
            for (const QByteArray &pair : target.value(1).split('&')) {
                const qsizetype equals = pair.indexOf('=');
                query.insert(decode(pair.left(equals)), decode(pair.mid(equals + 1)));
            }
            QCOMPARE(query.value("text"), names.at(i));
            QCOMPARE(query.value("offset"), names.at(i));
            QCOMPARE(query.value("opt_fields"), QStringLiteral("name,notes"));
        }
        QVERIFY(!QFile::exists(marker()));
    }
};

QTEST_GUILESS_MAIN(TestCurlWire)
#include "tst_curlwire.moc"
