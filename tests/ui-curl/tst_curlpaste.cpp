// Pasting into the real window as a user does (Ctrl+V on the action table): curl commands with
// some that cannot be imported, a batch body of more than 10, and the Problems list's advice in
// the window's own terms.
#include "../ui/uitestsupport.h"
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "document/sessiondocument.h"
#include "mainwindow/mainwindow.h"
#include "validation/validationcache.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTest>

using namespace Tenfold;

class TestCurlPaste : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        Session session;
        session.name = QStringLiteral("QA");
        Action me;
        me.method = QStringLiteral("get");
        me.relativePath = QStringLiteral("/users/me");
        session.actions = {me};
        m_window->document()->load(session, {});
        m_model = m_window->document()->actions();
        MessageBox::takeShownTexts();
    }

    void cleanup() { m_window.reset(); }

    void pasteListsEveryCommandLeftOut()
    {
        QApplication::clipboard()->setText(QStringLiteral(
            "curl 'https://app.asana.com/api/1.0/tasks/1401?opt_pretty=true'\n"
            "curl -F file=@photo.png https://app.asana.com/api/1.0/tasks/1/attachments\n"
            "wget https://app.asana.com/api/1.0/workspaces\n"
            "curl https://app.asana.com/api/1.0/projects/1201\n"));
        // Declined: nothing changes.
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        paste();
        QCOMPARE(m_model->rowCount(), 1);
        QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QLatin1String("2 commands cannot be imported")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("line 2: -F")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("line 3: \"wget\" is not a curl command")),
                 qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("Paste the other 2 actions?")), qPrintable(shown));
        QVERIFY(!shown.contains(QLatin1String("column")));

        // Accepted: the two that can be imported, in one undoable step.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        paste();
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->action(1).relativePath, QStringLiteral("/tasks/1401"));
        QCOMPARE(m_model->action(2).relativePath, QStringLiteral("/projects/1201"));
    }

    void pasteOfNothingImportableSaysWhyForEachLine()
    {
        QApplication::clipboard()->setText(QStringLiteral(
            "curl -F file=@photo.png https://app.asana.com/api/1.0/tasks/1/attachments\n"
            "wget https://app.asana.com/api/1.0/workspaces\n"));
        paste();
        QCOMPARE(m_model->rowCount(), 1);
        const QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QLatin1String("line 1: -F")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("line 2: \"wget\"")), qPrintable(shown));
        QVERIFY(!shown.contains(QLatin1String("column 0")));
    }

    void oversizedBatchBodyGetsTheCliVerdict()
    {
        QJsonArray actions;
        for (int i = 0; i < 12; ++i)
            actions.append(
                QJsonObject{{QStringLiteral("method"), QStringLiteral("get")},
                            {QStringLiteral("relative_path"), QStringLiteral("/users/me")}});
        const QJsonObject body{
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("actions"), actions}}}};
        QApplication::clipboard()->setText(
            QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
        paste();
        QCOMPARE(m_model->rowCount(), 1);
        const QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QLatin1String("this batch body has 12 actions but one batch "
                                              "request may carry at most 10")),
                 qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("paste only the actions array")), qPrintable(shown));
        QVERIFY(!shown.contains(QLatin1String("session or a JSON array"))); // the CLI's words

        // The actions alone are a list, split as any list is.
        QApplication::clipboard()->setText(
            QString::fromUtf8(QJsonDocument(actions).toJson(QJsonDocument::Compact)));
        paste();
        QCOMPARE(m_model->rowCount(), 13);
    }

    void problemsListGivesTheWindowsOwnAdvice()
    {
        Action action;
        action.method = QStringLiteral("get");
        action.relativePath = QStringLiteral("/workspaces/{{workspace}}/projects");
        m_model->insertActionsAt(1, {action}, QStringLiteral("add"));
        m_window->validation()->flush();
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("diagnosticsView"));
        QVERIFY(view);
        QStringList messages;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            messages.append(view->model()->index(row, 3).data().toString());
        const QString all = messages.join(u'\n');
        QVERIFY2(all.contains(QLatin1String("{{workspace}} is not defined: add a variable "
                                            "\"workspace\" with Add variable under Variables")),
                 qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("--var")), qPrintable(all));
    }

private:
    void paste()
    {
        m_window->actionTable()->setFocus();
        QTest::keySequence(m_window->actionTable(), QKeySequence::Paste);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
};

QTEST_MAIN(TestCurlPaste)
#include "tst_curlpaste.moc"
