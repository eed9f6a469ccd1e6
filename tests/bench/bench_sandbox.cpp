// Batches per second the embedded sandbox serves with limits off, over real HTTP on 127.0.0.1.
// Usage: bench_sandbox [BATCHES] [PARALLEL]   (defaults 2000 and 6, QNetworkAccessManager's
// connections per host). Each batch holds 10 actions: 8 reads and 2 writes.

#include "sandbox/sandboxserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstdio>
#include <functional>

using namespace Tenfold;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int total = arguments.size() > 1 ? arguments.at(1).toInt() : 2000;
    const int parallel = arguments.size() > 2 ? arguments.at(2).toInt() : 6;

    SandboxOptions options;
    options.rateLimits = false;
    SandboxServer server(options);
    if (auto error = server.listen(0)) {
        std::fprintf(stderr, "%s\n", qPrintable(error->toString()));
        return 1;
    }

    QJsonArray actions;
    for (int i = 0; i < 8; ++i) {
        actions.append(QJsonObject{
            {QStringLiteral("method"), QStringLiteral("get")},
            {QStringLiteral("relative_path"), QStringLiteral("/tasks/%1").arg(1401 + i)}});
    }
    for (int i = 0; i < 2; ++i) {
        actions.append(QJsonObject{
            {QStringLiteral("method"), QStringLiteral("put")},
            {QStringLiteral("relative_path"), QStringLiteral("/tasks/%1").arg(1420 + i)},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("notes"), QStringLiteral("x")}}}});
    }
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("actions"), actions}}}})
            .toJson(QJsonDocument::Compact);

    QUrl url = server.baseUrl();
    url.setPath(url.path() + QStringLiteral("/batch"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer bench");
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");

    QNetworkAccessManager manager;
    int started = 0;
    int finished = 0;
    int failed = 0;
    QElapsedTimer clock;
    std::function<void()> next = [&] {
        if (started >= total)
            return;
        ++started;
        QNetworkReply *reply = manager.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            if (reply->error() != QNetworkReply::NoError ||
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failed;
            reply->deleteLater();
            if (++finished == total)
                QCoreApplication::quit();
            else
                next();
        });
    };
    clock.start();
    for (int i = 0; i < parallel; ++i)
        next();
    QCoreApplication::exec();
    const double seconds = clock.elapsed() / 1000.0;
    std::printf("%d batches (%d actions) in %.2f s: %.0f batches/s, %.0f actions/s, %d failed\n",
                total, total * 10, seconds, total / seconds, total * 10 / seconds, failed);
    return failed == 0 ? 0 : 1;
}
