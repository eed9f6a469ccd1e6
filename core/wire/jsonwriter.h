#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace Tenfold {

/// Appends `value` as compact JSON, byte for byte what QJsonDocument::Compact writes, without
/// building a document first: batch bodies for 100,000 actions are written straight into one
/// buffer.
void appendJson(QByteArray &out, const QJsonValue &value);
/// Appends a JSON string literal (quotes and escapes included).
void appendJsonString(QByteArray &out, QStringView text);

} // namespace Tenfold
