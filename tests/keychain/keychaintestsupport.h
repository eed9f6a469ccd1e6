#pragma once

// Waiting for the asynchronous TokenStore in the keychain tests, and tokens the output can be
// checked for: every token holds Marker, and ctest fails a keychain test whose output contains
// it (FAIL_REGULAR_EXPRESSION in CMakeLists.txt). Comparisons of tokens therefore use QVERIFY2
// with a fixed message, never QCOMPARE, which prints both values when they differ.

#include "sending/tokenstore.h"

#include <QRandomGenerator>
#include <QTest>

#include <memory>

namespace KeychainTest {

/// Built from two halves so that no test's source text (which QVERIFY prints) holds it whole.
inline QString marker()
{
    return QStringLiteral("kcsec") + QStringLiteral("retmark");
}

/// A token of Asana's shape ("2/<user>/<app>:<hex>"), different on every call.
inline QString makeToken()
{
    return QStringLiteral("2/1204/%1:").arg(QRandomGenerator::global()->bounded(1000, 9999)) +
           marker() + QString::number(QRandomGenerator::global()->generate64(), 16);
}

/// The store's answers, waited for in the event loop (QtKeychain answers from D-Bus replies).
/// A store that never answers within 30 s gives an error saying so.
inline Tenfold::Result<QString> readFrom(Tenfold::TokenStore &store)
{
    auto answer = std::make_shared<std::optional<Tenfold::Result<QString>>>();
    store.read([answer](Tenfold::Result<QString> result) { answer->emplace(std::move(result)); });
    if (!QTest::qWaitFor([&] { return answer->has_value(); }, 30000))
        return Tenfold::Error{QStringLiteral("the token store did not answer a read in 30 s")};
    return std::move(**answer);
}

inline std::optional<Tenfold::Error> writeTo(Tenfold::TokenStore &store, const QString &token)
{
    auto answer = std::make_shared<std::optional<std::optional<Tenfold::Error>>>();
    store.write(token, [answer](std::optional<Tenfold::Error> error) { answer->emplace(error); });
    if (!QTest::qWaitFor([&] { return answer->has_value(); }, 30000))
        return Tenfold::Error{QStringLiteral("the token store did not answer a write in 30 s")};
    return **answer;
}

inline std::optional<Tenfold::Error> eraseFrom(Tenfold::TokenStore &store)
{
    auto answer = std::make_shared<std::optional<std::optional<Tenfold::Error>>>();
    store.erase([answer](std::optional<Tenfold::Error> error) { answer->emplace(error); });
    if (!QTest::qWaitFor([&] { return answer->has_value(); }, 30000))
        return Tenfold::Error{QStringLiteral("the token store did not answer an erase in 30 s")};
    return **answer;
}

} // namespace KeychainTest
