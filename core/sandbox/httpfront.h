#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QTcpSocket;

namespace Tenfold {

/// One HTTP request as the sandbox sees it, independent of QtHttpServer's types.
struct HttpRequest
{
    QByteArray method; ///< upper case, e.g. "GET"
    QString path;      ///< decoded path without the query, e.g. "/api/1.0/users/me"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    QHostAddress remoteAddress;
};

/// What to answer: status, extra headers and a body (JSON unless contentType says otherwise).
struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=UTF-8");
};

/// The connection a request came in on. It may be answered later (latency, slow faults); by then
/// the client may have gone, so every write checks that the socket still lives.
class HttpExchange
{
public:
    HttpExchange() = default;
    HttpExchange(QTcpSocket *socket, bool head, bool closeAfter);

    bool alive() const;
    /// Writes the whole response.
    void respond(const HttpResponse &response);
    /// Announces the full length but sends only half the body, then closes (the truncate fault).
    void respondTruncated(const HttpResponse &response);
    /// Closes the connection without an answer (the drop fault).
    void drop();

private:
    QByteArray head(const HttpResponse &response) const;

    QPointer<QTcpSocket> m_socket;
    bool m_head = false;
    bool m_closeAfter = false;
};

/// The sandbox's only contact with QtHttpServer (a technical preview in Qt 6.4 whose API changes
/// in 6.8): listens on 127.0.0.1 and hands every request to one handler with a raw exchange.
class HttpFront
{
public:
    using Handler = std::function<void(const HttpRequest &, HttpExchange)>;

    explicit HttpFront(Handler handler);
    ~HttpFront();

    std::optional<Error> listen(quint16 port);
    quint16 port() const;

private:
    class Server;
    std::unique_ptr<Server> m_server;
    quint16 m_port = 0;
};

} // namespace Tenfold
