// The detail of one result: errors with help as a link and the support phrase copyable, the
// body as a tree and as text, the headers.
#include "actiontable/actiontablemodel.h"
#include "results/resultdetailview.h"
#include "results/resultsmodel.h"
#include "variables/variablesmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Tenfold;

class TestResultDetailView : public QObject
{
    Q_OBJECT

private slots:
    void showsErrorsBodyAndHeaders()
    {
        QUndoStack stack;
        ActionTableModel actions(&stack);
        VariablesModel variables(&stack);
        ResultsModel results(&actions, &variables);
        const Action action(QStringLiteral("get"), QStringLiteral("/tasks/1401"));
        actions.resetActions({action, action});

        ActionResult failed;
        failed.state = ActionState::OutcomeUnknown;
        failed.statusCode = 500;
        failed.errors = {ApiError{QStringLiteral("Server Error"),
                                  QStringLiteral("For more information on API status codes and "
                                                 "how to handle them, read the docs on errors: "
                                                 "https://developers.asana.com/docs/errors"),
                                  QStringLiteral("6 sad squid snuggle softly")}};
        failed.body = QJsonObject{{QStringLiteral("errors"), QJsonArray{}}};
        failed.batch = 1;
        results.setResult(0, failed, action);

        ActionResult created;
        created.state = ActionState::Succeeded;
        created.statusCode = 201;
        created.headers =
            QJsonObject{{QStringLiteral("location"), QStringLiteral("/api/1.0/tasks/2000001")}};
        created.body =
            QJsonObject{{QStringLiteral("data"),
                         QJsonObject{{QStringLiteral("gid"), QStringLiteral("2000001")},
                                     {QStringLiteral("name"), QStringLiteral("Draft")}}}};
        results.setResult(1, created, action);
        QCOMPARE(results.data(results.index(1, ResultsModel::SummaryColumn)).toString(),
                 QStringLiteral("Draft (2000001)"));

        ResultDetailView view(&results);
        view.show();
        view.setRow(0);
        auto *help = view.findChild<QLabel *>(QStringLiteral("errorHelp"));
        QVERIFY(help);
        QVERIFY(help->openExternalLinks());
        QVERIFY(help->text().contains(
            QStringLiteral("<a href=\"https://developers.asana.com/docs/errors\">")));
        auto *phrase = view.findChild<QLineEdit *>(QStringLiteral("errorPhrase"));
        QCOMPARE(phrase->text(), QStringLiteral("6 sad squid snuggle softly"));
        view.findChild<QPushButton *>(QStringLiteral("copyPhrase"))->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("6 sad squid snuggle softly"));

        view.setRow(1);
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("errorHelp")));
        auto *tree = view.findChild<QTreeView *>(QStringLiteral("resultBodyTree"));
        QCOMPARE(tree->model()->rowCount(), 1); // "data", expandable
        QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 2);
        QVERIFY(view.findChild<QPlainTextEdit *>(QStringLiteral("resultBodyText"))
                    ->toPlainText()
                    .contains(QStringLiteral("\"gid\": \"2000001\"")));
        auto *headers = view.findChild<QTreeView *>(QStringLiteral("resultHeaders"));
        QCOMPARE(headers->model()->index(0, 1).data().toString(),
                 QStringLiteral("\"/api/1.0/tasks/2000001\""));
    }
};

QTEST_MAIN(TestResultDetailView)
#include "tst_resultdetailview.moc"
