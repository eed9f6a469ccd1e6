// Live validation: a row's icon and tooltip appear when its path is wrong and go away once it is
// fixed; undefined variables are errors at their field; only changed rows are checked again.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "actiontable/endpointcompleter.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "mainwindow/mainwindow.h"
#include "uitestsupport.h"
#include "validation/validationcache.h"
#include "variables/variablesmodel.h"

#include <QAction>
#include <QIcon>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Tenfold;

class TestValidationCache : public QObject
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
        Action action;
        action.method = QStringLiteral("get");
        action.relativePath = QStringLiteral("/users/me");
        session.actions = {action, action, action};
        m_window->document()->load(session, {});
        m_model = m_window->document()->actions();
        m_window->validation()->flush();
    }

    void cleanup() { m_window.reset(); }

    void iconAppearsAndDisappearsAsThePathIsFixed()
    {
        const QModelIndex number = m_model->index(1, ActionTableModel::NumberColumn);
        QVERIFY(number.data(Qt::DecorationRole).isNull());

        // Type a wrong path into the detail editor, as a person would.
        m_window->actionTable()->selectRows({1});
        QLineEdit *path = m_window->detailEditor()->pathEdit();
        path->setFocus();
        path->selectAll();
        QTest::keyClicks(path, QStringLiteral("users/me"));
        QTRY_VERIFY(!number.data(Qt::DecorationRole).isNull());
        QVERIFY(number.data(Qt::ToolTipRole).toString().contains(QStringLiteral("start with '/'")));
        QCOMPARE(m_window->validation()->worstSeverity(1), ValidationCache::WorstError);
        // Send stays clickable and explains itself; its tooltip already says why it would refuse.
        QVERIFY(m_window->sendBlockedReason().contains(QStringLiteral("fix the error")));
        QVERIFY(m_window->sendAction()->toolTip().contains(QStringLiteral("fix the error")));

        QTest::keyClick(path, Qt::Key_Home);
        QTest::keyClicks(path, QStringLiteral("/"));
        QTRY_VERIFY(number.data(Qt::DecorationRole).isNull());
        QCOMPARE(m_window->validation()->errorCount(), 0);
        QVERIFY(!m_window->sendBlockedReason().contains(QStringLiteral("fix")));
    }

    void undefinedVariableIsAnErrorAtItsField()
    {
        m_model->editField(0, ActionTableModel::PathColumn,
                           QStringLiteral("/projects/{{project}}"));
        m_window->validation()->flush();
        const QList<Diagnostic> diagnostics = m_window->validation()->diagnostics(0);
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().code, QStringLiteral("variable.undefined"));
        QCOMPARE(diagnostics.first().field, QStringLiteral("relative_path"));

        m_window->document()->variables()->edit(
            {Variable{QStringLiteral("project"), QStringLiteral("1201")}},
            QStringLiteral("define"));
        m_window->validation()->flush();
        QVERIFY(m_window->validation()->diagnostics(0).isEmpty());
    }

    void onlyChangedRowsAreCheckedAgain()
    {
        QSignalSpy spy(m_window->validation(), &ValidationCache::rowsValidated);
        m_model->editField(2, ActionTableModel::NoteColumn, QStringLiteral("hello"));
        m_window->validation()->flush();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).toInt(), 2);
        QCOMPARE(spy.first().at(1).toInt(), 2);
    }

    void disabledRowsAreNotChecked()
    {
        m_model->editField(0, ActionTableModel::PathColumn, QStringLiteral("nope"));
        m_window->validation()->flush();
        QCOMPARE(m_window->validation()->worstSeverity(0), ValidationCache::WorstError);
        m_model->editField(0, ActionTableModel::EnabledColumn, false);
        m_window->validation()->flush();
        QCOMPARE(m_window->validation()->worstSeverity(0), ValidationCache::WorstNone);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
};

QTEST_MAIN(TestValidationCache)
#include "tst_validationcache.moc"
