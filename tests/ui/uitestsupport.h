#pragma once

// Shared set-up for the widget tests: isolated settings and recovery files, no blocking dialogs.
#include "dialogs/messagebox.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Tenfold::TestSupport {

inline void isolate(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TenfoldTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TenfoldTests"));
    qputenv("TENFOLD_RECOVERY_DIR", (dir.path() + QStringLiteral("/recovery")).toUtf8());
    MessageBox::suppressDialogs();
}

inline QString sample(const char *name)
{
    return QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/") + QLatin1String(name);
}

} // namespace Tenfold::TestSupport
