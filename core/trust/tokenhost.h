#pragma once

#include <QUrl>

namespace Tenfold {

/// True when the token may go to this API root without the user confirming its host: Asana's
/// own API host over https, or this computer. Any other host must be confirmed first, so a
/// shared session's target can never redirect the token on its own.
bool takesTokenWithoutAsking(const QUrl &baseUrl);

} // namespace Tenfold
