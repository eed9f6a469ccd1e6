#include "curlpaste.h"

#include "common/plural.h"
#include "curl/curlimport.h"
#include "dialogs/messagebox.h"

#include <QCoreApplication>

namespace Tenfold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tenfold::CurlPaste", text);
}

QString lines(const QList<CurlImportNote> &notes)
{
    QStringList text;
    for (const CurlImportNote &note : notes)
        text.append(QStringLiteral("• ") + note.toString());
    return text.join(u'\n');
}

} // namespace

CurlPaste::Outcome CurlPaste::fromText(QWidget *parent, const QString &text)
{
    Outcome outcome;
    Result<CurlImport> imported = readCurlImport(text);
    if (!imported) {
        const Error &error = imported.error();
        outcome.error = tr("the curl command cannot be imported: %1")
                            .arg(CurlImportNote{error.line, error.message}.toString());
        return outcome;
    }
    const QList<CurlImportNote> &problems = imported->problems;
    const QList<Action> &actions = imported->session.actions;
    if (actions.isEmpty()) {
        outcome.error = problems.size() == 1
                            ? tr("the curl command cannot be imported: %1")
                                  .arg(problems.constFirst().toString())
                            : tr("the curl commands cannot be imported:\n%1").arg(lines(problems));
        return outcome;
    }
    if (!problems.isEmpty()) {
        const QString question =
            tr("%1 cannot be imported and would be left out:\n%2\n\nPaste the other %3?")
                .arg(countOf(problems.size(), tr("command"), tr("commands")), lines(problems),
                     countOf(actions.size(), tr("action"), tr("actions")));
        if (MessageBox::question(parent, tr("Paste curl commands"), question,
                                 QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) != QMessageBox::Yes)
            return outcome;
    }
    outcome.actions = actions;
    const int n = int(actions.size());
    outcome.status =
        n == 1 ? tr("Pasted 1 action from curl") : tr("Pasted %1 actions from curl").arg(n);
    if (!problems.isEmpty())
        outcome.status +=
            tr(", left out %1").arg(countOf(problems.size(), tr("command"), tr("commands")));
    for (const CurlImportNote &note : std::as_const(imported->notes))
        outcome.status += QStringLiteral("; ") + note.toString();
    return outcome;
}

} // namespace Tenfold
