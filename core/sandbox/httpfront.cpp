#include "httpfront.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QTcpSocket>

namespace Tenfold {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

class HttpFront::Server : public QAbstractHttpServer
{
public:
    explicit Server(Handler handler)
        : m_handler(std::move(handler))
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        HttpRequest converted;
        converted.method = methodName(request.method());
        converted.path = request.url().path();
        converted.query = request.query();
        const auto headers = request.headers();
        for (const auto &[name, value] : headers)
            converted.headers.insert(name.toLower(), value);
        converted.body = request.body();
        converted.remoteAddress = request.remoteAddress();
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        const bool close =
            converted.headers.value("connection").toLower().contains(QByteArrayLiteral("close"));
        m_handler(converted, HttpExchange(socket, converted.method == "HEAD", close));
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *socket) override
    {
        // Unreachable: handleRequest() answers everything. Close rather than leave it hanging.
        socket->disconnectFromHost();
    }

private:
    Handler m_handler;
};

HttpExchange::HttpExchange(QTcpSocket *socket, bool head, bool closeAfter)
    : m_socket(socket)
    , m_head(head)
    , m_closeAfter(closeAfter)
{
}

bool HttpExchange::alive() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

QByteArray HttpExchange::head(const HttpResponse &response) const
{
    QByteArray text = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\n";
    text += "Content-Type: " + response.contentType + "\r\n";
    text += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        text += name + ": " + value + "\r\n";
    if (m_closeAfter)
        text += "Connection: close\r\n";
    text += "\r\n";
    return text;
}

void HttpExchange::respond(const HttpResponse &response)
{
    if (!alive())
        return;
    // One write: a separate body write would wait on Nagle and delayed ACKs (~40 ms).
    m_socket->write(m_head ? head(response) : head(response) + response.body);
    if (m_closeAfter)
        m_socket->disconnectFromHost();
}

void HttpExchange::respondTruncated(const HttpResponse &response)
{
    if (!alive())
        return;
    m_socket->write(head(response) + response.body.left(response.body.size() / 2));
    m_socket->disconnectFromHost();
}

void HttpExchange::drop()
{
    if (!alive())
        return;
    m_socket->abort();
}

HttpFront::HttpFront(Handler handler)
    : m_server(std::make_unique<Server>(std::move(handler)))
{
}

HttpFront::~HttpFront() = default;

std::optional<Error> HttpFront::listen(quint16 port)
{
    const quint16 bound = m_server->listen(QHostAddress::LocalHost, port);
    if (bound == 0) {
        return Error{QCoreApplication::translate("Tenfold::SandboxServer",
                                                 "cannot listen on 127.0.0.1:%1; is the port "
                                                 "in use? Use --port 0 to pick a free one.")
                         .arg(port)};
    }
    m_port = bound;
    return std::nullopt;
}

quint16 HttpFront::port() const
{
    return m_port;
}

} // namespace Tenfold
