#pragma once

#include <QJsonObject>
#include <QString>

class QRandomGenerator;

namespace Tenfold::SandboxApi {

/// Asana's error body: {"errors":[{"message", "help", "phrase"?}]}; phrase only for 500s.
QJsonObject errorBody(const QString &message, const QString &phrase = {});

/// A memorable phrase like Asana's support phrases ("6 sad squid snuggle softly").
QString errorPhrase(QRandomGenerator &random);

/// Asana's message for 429 answers, word for word.
QString rateLimitMessage();

/// Asana's message for calls no operation matches, word for word.
QString noRouteMessage();

} // namespace Tenfold::SandboxApi
