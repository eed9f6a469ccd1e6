#include "curl/curlexport.h"
#include "curl/curlimport.h"
#include "sandbox/sandboxserver.h"
#include "scriptrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;
using namespace TenfoldTest;

/// The round trip users depend on: export, run with bash and the real curl against the embedded
/// sandbox, and the tasks created carry exactly the names that were composed.
class TestCurlSandbox : public QObject
{
    Q_OBJECT

private:
    SandboxServer *m_sandbox = nullptr;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;

    QString marker() const { return m_dir.filePath(QStringLiteral("pwned")); }

    Session createTasks() const
    {
        Session session;
        session.name = QStringLiteral("hostile names");
        session.variables = {{QStringLiteral("ws"), QStringLiteral("1001")}};
        for (const QString &name : hostileNames(marker())) {
            Action create;
            create.method = QStringLiteral("post");
            create.relativePath = QStringLiteral("/tasks");
            create.data = QJsonObject{{"name", name}, {"workspace", "{{ws}}"}};
            session.actions.append(create);
        }
        return session;
    }

    /// The responses the script printed, one JSON document after the other.
    static QList<QJsonObject> responses(const QByteArray &out)
    {
        QList<QJsonObject> result;
        QByteArray rest = out.trimmed();
        while (!rest.isEmpty()) {
            QJsonParseError error;
            QJsonDocument doc = QJsonDocument::fromJson(rest, &error);
            if (error.error == QJsonParseError::GarbageAtEnd) {
                doc = QJsonDocument::fromJson(rest.left(error.offset));
                rest = rest.mid(error.offset).trimmed();
            } else {
                rest.clear();
            }
            result.append(doc.object());
        }
        return result;
    }

    /// GET /tasks/{gid} from the sandbox: what it stored, not what it answered at creation.
    QString storedName(const QString &gid)
    {
        QNetworkRequest request(
            QUrl(m_sandbox->baseUrl().toString() + QStringLiteral("/tasks/") + gid));
        request.setRawHeader("Authorization", "Bearer dummy");
        QNetworkReply *reply = m_network.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value("data")
            .toObject()
            .value("name")
            .toString();
    }

    QStringList createdGids(const QList<QJsonObject> &printed, bool perAction)
    {
        QStringList gids;
        for (const QJsonObject &response : printed) {
            if (perAction) {
                gids.append(response.value("data").toObject().value("gid").toString());
                continue;
            }
            for (const QJsonValue &result : response.value("data").toArray()) {
                const QJsonObject object = result.toObject();
                if (object.value("status_code").toInt() != 201)
                    qWarning("action failed: %s", QJsonDocument(object).toJson().constData());
                gids.append(object.value("body")
                                .toObject()
                                .value("data")
                                .toObject()
                                .value("gid")
                                .toString());
            }
        }
        return gids;
    }

    void roundTrip(bool perAction, bool pretty)
    {
        CurlExportOptions options;
        options.baseUrl = m_sandbox->baseUrl();
        options.perAction = perAction;
        options.pretty = pretty;
        Result<QString> script = exportCurl(createTasks(), options);
        QVERIFY2(script.ok(), qPrintable(script.errorString()));
        const ScriptRun run = runBash(script.value(), m_dir.path());
        QVERIFY2(run.exitCode == 0, run.err.constData());

        const QStringList names = hostileNames(marker());
        const QStringList gids = createdGids(responses(run.out), perAction);
        QCOMPARE(gids.size(), names.size());
        for (int i = 0; i < names.size(); ++i) {
            QVERIFY2(!gids.at(i).isEmpty(), run.out.constData());
            QCOMPARE(storedName(gids.at(i)), names.at(i));
        }
        QVERIFY2(!QFile::exists(marker()), "the export ran a command substitution");

        // And the same script reads back as the same actions.
        Result<Session> imported = importCurl(script.value());
        QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
        QCOMPARE(imported->actions.size(), names.size());
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(imported->actions.at(i).data.toObject().value("name").toString(), names.at(i));
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("needs bash and curl");
        QVERIFY(m_dir.isValid());
        SandboxOptions options;
        options.rateLimits = false;
        m_sandbox = new SandboxServer(options, this);
        const std::optional<Error> error = m_sandbox->listen(0);
        QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
    }

    void perBatch() { roundTrip(false, false); }
    void perBatchPretty() { roundTrip(false, true); }
    void perAction() { roundTrip(true, false); }
    void perActionPretty() { roundTrip(true, true); }
};

QTEST_GUILESS_MAIN(TestCurlSandbox)
#include "tst_curlsandbox.moc"
