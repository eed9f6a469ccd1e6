#pragma once

// A bare HTTP/1.1 server on 127.0.0.1 that the test controls byte for byte (the sender's wire
// tests and its Retry-After tests share it).

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>

namespace Tenfold::TestKit {

/// Accepts connections, collects each request (headers + body by Content-Length) and answers
/// with `answer(requestNumber)`; an empty answer closes the connection without a word.
class RawServer : public QObject
{
public:
    std::function<QByteArray(int)> answer;
    QList<QByteArray> requests;

    RawServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    buffer->append(socket->readAll());
                    for (;;) {
                        const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                        if (headerEnd < 0)
                            return;
                        const QByteArray head = buffer->left(headerEnd);
                        qsizetype length = 0;
                        for (const QByteArray &line : head.split('\n')) {
                            if (line.toLower().startsWith("content-length:"))
                                length = line.mid(15).trimmed().toLongLong();
                        }
                        if (buffer->size() < headerEnd + 4 + length)
                            return;
                        requests.append(buffer->left(headerEnd + 4 + length));
                        buffer->remove(0, headerEnd + 4 + length);
                        const QByteArray reply = answer(int(requests.size()));
                        if (reply.isEmpty()) {
                            socket->close();
                            return;
                        }
                        socket->write(reply);
                    }
                });
            }
        });
    }

    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/api/1.0").arg(m_server.serverPort()));
    }

private:
    QTcpServer m_server;
};

inline QByteArray httpAnswer(int status, const QByteArray &body, const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n" +
           extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace Tenfold::TestKit
