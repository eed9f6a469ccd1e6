#pragma once

#include "common/result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Tenfold {

/// Where the Asana token is kept between runs. Asynchronous because system keychains are (they
/// may ask the user to unlock). Behind this interface so tests use memory instead of the keychain.
class TokenStore
{
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(std::optional<Error>)>;

    virtual ~TokenStore() = default;
    /// Reads the stored token: an empty string when none is stored, an error when the store
    /// cannot be reached.
    virtual void read(ReadCallback done) = 0;
    virtual void write(const QString &token, WriteCallback done) = 0;
    virtual void erase(WriteCallback done) = 0;
    /// For people: "the system keychain".
    virtual QString describe() const = 0;
};

/// Keeps the token in memory only (tests; and the fallback when no keychain is reachable).
class MemoryTokenStore : public TokenStore
{
public:
    void read(ReadCallback done) override { done(m_token); }
    void write(const QString &token, WriteCallback done) override
    {
        m_token = token;
        done(std::nullopt);
    }
    void erase(WriteCallback done) override
    {
        m_token.clear();
        done(std::nullopt);
    }
    QString describe() const override;

private:
    QString m_token;
};

/// The system keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential
/// Manager). Errors (no keychain daemon, locked, denied) come back as values.
class KeychainTokenStore : public TokenStore
{
public:
    void read(ReadCallback done) override;
    void write(const QString &token, WriteCallback done) override;
    void erase(WriteCallback done) override;
    QString describe() const override;
};

/// "••••1a2b": enough to recognise a token, never enough to use it.
QString maskToken(const QString &token);

} // namespace Tenfold
