#pragma once

#include "apicontext.h"

#include <QJsonObject>

#include <optional>

namespace Tenfold {

/// Writes a create or update call's data into a record the way Asana does: references become
/// {gid, resource_type} after checking they exist, read-only fields are ignored, create-only
/// fields are refused on update, and other fields are kept as given.
std::optional<ApiResult> writeFields(const ApiContext &context, const QString &type,
                                     QJsonObject &record, bool creating);

} // namespace Tenfold
