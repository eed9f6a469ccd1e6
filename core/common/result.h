#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Tenfold {

/// A failure a person can act on: what went wrong, and where in the input when that is known.
struct Error
{
    QString message;
    int line = 0;   ///< 1-based line in the input, 0 when not applicable
    int column = 0; ///< 1-based column in the input, 0 when not applicable

    /// "message" or "line L, column C: message".
    QString toString() const
    {
        if (line <= 0)
            return message;
        return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
    }
};

/// Either a value or an Error: errors are values, never a silent false.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.toString(); }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace Tenfold
