#pragma once

// A small synchronous HTTP client for the sandbox tests: real requests through
// QNetworkAccessManager, waited for with QSignalSpy (no sleeps).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrl>

#include <memory>

namespace SandboxTest {

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    bool isJson = false;
    QByteArray retryAfter;
    QByteArray location;

    QJsonArray results() const { return json.value(QLatin1String("data")).toArray(); }
    QJsonObject result(int i) const { return results().at(i).toObject(); }
    QString message() const
    {
        return json.value(QLatin1String("errors"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("message"))
            .toString();
    }
};

inline QJsonObject action(const QString &method, const QString &path, const QJsonObject &data = {},
                          const QJsonObject &options = {})
{
    QJsonObject object{{QStringLiteral("method"), method}, {QStringLiteral("relative_path"), path}};
    if (!data.isEmpty())
        object.insert(QStringLiteral("data"), data);
    if (!options.isEmpty())
        object.insert(QStringLiteral("options"), options);
    return object;
}

inline QByteArray batchBody(const QJsonArray &actions)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                      QJsonObject{{QStringLiteral("actions"), actions}}}})
        .toJson(QJsonDocument::Compact);
}

class Client
{
public:
    explicit Client(QUrl base, QByteArray token = "test-token")
        : m_base(std::move(base))
        , m_token(std::move(token))
    {
    }

    QNetworkAccessManager &manager() { return m_manager; }

    /// Starts a request; the caller waits for it (for tests that need several in flight).
    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
                         int timeoutMs = 0)
    {
        QUrl url = m_base;
        const qsizetype query = path.indexOf(u'?');
        url.setPath(m_base.path() + path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest request(url);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        if (timeoutMs > 0)
            request.setTransferTimeout(timeoutMs);
        return m_manager.sendCustomRequest(request, method, body);
    }

    static Reply finish(QNetworkReply *reply)
    {
        std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> owner(
            reply, [](QNetworkReply *r) { r->deleteLater(); });
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(20000);
        }
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        if (reply->isOpen())
            result.body = reply->readAll();
        result.retryAfter = reply->rawHeader("Retry-After");
        result.location = reply->rawHeader("Location");
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
        result.isJson = !document.isNull();
        result.json = document.object();
        return result;
    }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               int timeoutMs = 0)
    {
        return finish(start(method, path, body, timeoutMs));
    }
    Reply get(const QString &path) { return call("GET", path); }
    Reply batch(const QJsonArray &actions, const QString &query = {})
    {
        return call("POST", QStringLiteral("/batch") + query, batchBody(actions));
    }

private:
    QUrl m_base;
    QByteArray m_token;
    QNetworkAccessManager m_manager;
};

} // namespace SandboxTest
