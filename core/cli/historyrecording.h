#pragma once

#include "sending/sendresult.h"

#include <QCommandLineOption>
#include <QString>

namespace Tenfold::Cli {

/// `send --no-history`.
QCommandLineOption noHistoryOption();

/// Records a finished `send` in the run history (HistoryStore::defaultPath()) unless
/// `disabled`. Problems are warnings on standard error: they never fail a send or change its
/// exit code.
void recordInHistory(const SendRun &run, const QString &inputPath, bool disabled);

} // namespace Tenfold::Cli
