#include "apierror.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QStringList>

namespace Tenfold::SandboxApi {

QJsonObject errorBody(const QString &message, const QString &phrase)
{
    QJsonObject error{
        {QStringLiteral("message"), message},
        {QStringLiteral("help"),
         QStringLiteral("For more information on API status codes and how to handle them, read "
                        "the docs on errors: https://developers.asana.com/docs/errors")}};
    if (!phrase.isEmpty())
        error.insert(QStringLiteral("phrase"), phrase);
    return {{QStringLiteral("errors"), QJsonArray{error}}};
}

QString errorPhrase(QRandomGenerator &random)
{
    static const QStringList adjectives = {QStringLiteral("sad"),    QStringLiteral("brave"),
                                           QStringLiteral("sleepy"), QStringLiteral("purple"),
                                           QStringLiteral("quiet"),  QStringLiteral("fuzzy")};
    static const QStringList nouns = {QStringLiteral("squid"),  QStringLiteral("otters"),
                                      QStringLiteral("pandas"), QStringLiteral("llamas"),
                                      QStringLiteral("herons"), QStringLiteral("moles")};
    static const QStringList verbs = {QStringLiteral("snuggle"), QStringLiteral("dance"),
                                      QStringLiteral("whistle"), QStringLiteral("wander"),
                                      QStringLiteral("giggle"),  QStringLiteral("bounce")};
    static const QStringList adverbs = {QStringLiteral("softly"), QStringLiteral("boldly"),
                                        QStringLiteral("gently"), QStringLiteral("wildly"),
                                        QStringLiteral("calmly"), QStringLiteral("slowly")};
    const auto pick = [&](const QStringList &words) {
        return words.at(int(random.bounded(quint32(words.size()))));
    };
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(2 + random.bounded(30))
        .arg(pick(adjectives), pick(nouns), pick(verbs), pick(adverbs));
}

QString rateLimitMessage()
{
    return QStringLiteral("You've made too many requests and hit a rate limit. Please retry after "
                          "the given amount of time.");
}

QString noRouteMessage()
{
    return QStringLiteral("No matching route for request");
}

} // namespace Tenfold::SandboxApi
