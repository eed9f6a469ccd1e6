// Data and options typed that do not parse yet: they stay on screen as the row's draft, show in
// the Problems list and the row's icon, keep the action from being sent, make saving ask, and
// never stand in for the last valid value unnoticed. Typed into Details and into the table cell.
#include "actiontable/actiontablemodel.h"
#include "actiontable/actiontableview.h"
#include "dialogs/filedialog.h"
#include "dialogs/messagebox.h"
#include "document/sessiondocument.h"
#include "editors/actiondetaileditor.h"
#include "editors/jsoneditor.h"
#include "mainwindow/mainwindow.h"
#include "results/resultsmodel.h"
#include "session/sessionfile.h"
#include "uitestsupport.h"
#include "validation/validationcache.h"

#include <QAction>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Tenfold;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestJsonDrafts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::isolate(m_dir); }

    void init()
    {
        MessageBox::takeShownTexts();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_model = m_window->document()->actions();
    }

    void cleanup()
    {
        if (m_window) {
            MessageBox::setNextAnswer(QMessageBox::Discard);
            m_window->close();
        }
        m_window.reset();
    }

    void aHalfTypedDataEditBlocksSendingAndIsListed()
    {
        // The issue's steps: a new session, GET /users/me, a half-typed data object.
        m_window->pasteActions(QStringLiteral(R"([{"method":"get","relative_path":"/users/me"}])"));
        m_window->actionTable()->selectRows({0});
        QPlainTextEdit *data = m_window->detailEditor()->dataEditor()->textEdit();
        data->setFocus();
        QTest::keyClicks(data, QStringLiteral("{\"workspace\": \"1001\", "));
        QVERIFY(!m_window->detailEditor()->dataEditor()->errorText().isEmpty());
        QVERIFY(m_model->action(0).data.isUndefined()); // the action keeps its last valid value

        m_window->validation()->flush();
        QVERIFY2(problems().contains(QStringLiteral("1 data data.invalid-json")),
                 qPrintable(problems().join(u'\n')));
        QVERIFY(
            !m_model->index(0, ActionTableModel::NumberColumn).data(Qt::DecorationRole).isNull());
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("validationStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("1 error blocks sending")),
                 qPrintable(status->text()));
        // The table shows what was typed, not the old value.
        QCOMPARE(m_model->index(0, ActionTableModel::DataColumn).data().toString(),
                 QStringLiteral("{\"workspace\": \"1001\","));

        // Ctrl+Return, as the user pressed it: nothing goes out, even to the sandbox, and the
        // dialog names the field.
        MessageBox::setNextAnswer(QMessageBox::Yes); // a "send anyway?" would be answered yes
        QTest::keyClick(data, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!m_window->isSending());
        QCOMPARE(m_window->results()->resultCount(), 0);
        const QString shown = MessageBox::takeShownTexts().join(u'\n');
        QVERIFY2(shown.contains(QStringLiteral("Action 1: data: not valid JSON yet")),
                 qPrintable(shown));
        MessageBox::setNextAnswer(QMessageBox::NoButton);

        // Finishing the object makes it the value, and nothing is held back any more.
        QTest::keyClicks(data, QStringLiteral("\"x\": 1}"));
        QVERIFY(m_window->detailEditor()->dataEditor()->errorText().isEmpty());
        QCOMPARE(m_model->action(0).data.toObject().value(QStringLiteral("workspace")),
                 QJsonValue(QStringLiteral("1001")));
        m_window->validation()->flush();
        QVERIFY(!problems().join(u' ').contains(QStringLiteral("invalid-json")));
        QVERIFY(
            m_model->index(0, ActionTableModel::NumberColumn).data(Qt::DecorationRole).isNull());
        // All the typing is one undo step back to no data.
        m_window->document()->undoStack()->undo();
        QVERIFY(m_model->action(0).data.isUndefined());
        QVERIFY(!m_model->draft(0, ActionTableModel::DataColumn));
        QCOMPARE(m_window->detailEditor()->dataEditor()->text(), QString());
    }

    void aDraftIsNotSentInPlaceOfThePreviousBodyAndSurvivesLeavingTheRow()
    {
        m_window->pasteActions(QStringLiteral(
            R"([{"method":"put","relative_path":"/tasks/1401","data":{"name":"old"}},)"
            R"({"method":"get","relative_path":"/users/me"}])"));
        m_window->actionTable()->selectRows({0});
        QPlainTextEdit *data = m_window->detailEditor()->dataEditor()->textEdit();
        data->setFocus();
        data->selectAll();
        QTest::keyClicks(data, QStringLiteral("{\"name\": \"new\""));
        QCOMPARE(m_model->action(0).data.toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("old")));

        // Looking at another action and coming back shows the draft, not the old body.
        m_window->actionTable()->selectRows({1});
        QCOMPARE(m_window->detailEditor()->row(), 1);
        m_window->actionTable()->selectRows({0});
        QCOMPARE(m_window->detailEditor()->dataEditor()->text(),
                 QStringLiteral("{\"name\": \"new\""));
        QVERIFY(!m_window->detailEditor()->dataEditor()->errorText().isEmpty());

        // The draft follows its row when rows move, and undoing the move keeps it too.
        m_model->moveRows({0}, 1);
        QCOMPARE(m_model->draft(1, ActionTableModel::DataColumn),
                 std::optional<QString>(QStringLiteral("{\"name\": \"new\"")));
        QVERIFY(!m_model->draft(0, ActionTableModel::DataColumn));
        m_window->document()->undoStack()->undo();
        QCOMPARE(m_model->draft(0, ActionTableModel::DataColumn),
                 std::optional<QString>(QStringLiteral("{\"name\": \"new\"")));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        m_window->sendAction()->trigger();
        QVERIFY(!m_window->isSending());
        MessageBox::setNextAnswer(QMessageBox::NoButton);

        // Saving asks; Cancel writes nothing.
        const QString path = m_dir.filePath(QStringLiteral("draft.tenfold.json"));
        MessageBox::takeShownTexts();
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        FileDialog::setNextFileName(path);
        QVERIFY(!m_window->save());
        QVERIFY(!QFile::exists(path));
        QVERIFY2(MessageBox::takeShownTexts().join(u'\n').contains(QStringLiteral("Action 1")),
                 "the question names the action");
        // Saving anyway writes the last valid body and says the document is still modified,
        // because what was typed is not in the file.
        MessageBox::setNextAnswer(QMessageBox::Save);
        FileDialog::setNextFileName(path);
        QVERIFY(m_window->save());
        Result<LoadedInput> saved = parseInput(readAll(path));
        QVERIFY(saved.ok());
        QCOMPARE(saved->session.actions.at(0).data.toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("old")));
        QVERIFY(m_window->document()->isModified());
    }

    void aDraftTypedIntoTheTableCellIsKeptAndShown()
    {
        m_window->pasteActions(QStringLiteral(
            R"([{"method":"post","relative_path":"/tasks","options":{"limit":5}}])"));
        ActionTableView *table = m_window->actionTable();
        const QModelIndex cell = m_model->index(0, ActionTableModel::OptionsColumn);
        table->setCurrentIndex(cell);
        table->edit(cell);
        auto *edit = table->viewport()->findChild<QLineEdit *>(QStringLiteral("jsonCellEditor"));
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("{\"limit\": 10"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(m_model->draft(0, ActionTableModel::OptionsColumn),
                     std::optional<QString>(QStringLiteral("{\"limit\": 10")));
        QCOMPARE(m_model->action(0).options.toObject().value(QStringLiteral("limit")),
                 QJsonValue(5));
        QCOMPARE(cell.data().toString(), QStringLiteral("{\"limit\": 10"));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not closed")));
        m_window->validation()->flush();
        QVERIFY2(problems().contains(QStringLiteral("1 options options.invalid-json")),
                 qPrintable(problems().join(u'\n')));
        // Details shows the same draft, and finishing it there makes it the value.
        table->selectRows({0});
        JsonEditor *options = m_window->detailEditor()->optionsEditor();
        QCOMPARE(options->text(), QStringLiteral("{\"limit\": 10"));
        options->textEdit()->setFocus();
        options->textEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(options->textEdit(), QStringLiteral("}"));
        QCOMPARE(m_model->action(0).options.toObject().value(QStringLiteral("limit")),
                 QJsonValue(10));
        QVERIFY(!m_model->hasDrafts());
    }

private:
    /// The Problems list as "ACTION FIELD CODE" lines.
    QStringList problems() const
    {
        auto *view = m_window->findChild<QTableView *>(QStringLiteral("diagnosticsView"));
        QStringList out;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QString tip = view->model()->index(row, 3).data(Qt::ToolTipRole).toString();
            const QString code = tip.mid(tip.lastIndexOf(u'[') + 1).chopped(1);
            out.append(QStringLiteral("%1 %2 %3")
                           .arg(view->model()->index(row, 1).data().toString(),
                                view->model()->index(row, 2).data().toString(), code));
        }
        return out;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    ActionTableModel *m_model = nullptr;
};

QTEST_MAIN(TestJsonDrafts)
#include "tst_jsondrafts.moc"
