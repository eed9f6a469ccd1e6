// The JSON editor reports parse errors at the right line and column and only hands on values
// that parse.
#include "editors/jsoneditor.h"

#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Tenfold;

class TestJsonEditor : public QObject
{
    Q_OBJECT

private slots:
    void errorAtLineAndColumn()
    {
        JsonEditor editor;
        QSignalSpy edited(&editor, &JsonEditor::valueEdited);
        editor.show();
        editor.textEdit()->setFocus();
        const QStringList lines = {QStringLiteral("{"), QStringLiteral("  \"a\": 1"),
                                   QStringLiteral("  \"b\": 2"), QStringLiteral("}")};
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(editor.textEdit(), Qt::Key_Return);
            QTest::keyClicks(editor.textEdit(), lines.at(i));
        }
        QVERIFY2(editor.errorText().startsWith(QStringLiteral("line 3, column 3")),
                 qPrintable(editor.errorText()));
        QVERIFY(editor.errorText().contains(QStringLiteral("expected ','")));
        const int before = int(edited.count());
        editor.textEdit()->moveCursor(QTextCursor::Start);
        editor.textEdit()->moveCursor(QTextCursor::Down);
        editor.textEdit()->moveCursor(QTextCursor::EndOfLine);
        QTest::keyClicks(editor.textEdit(), QStringLiteral(","));
        QVERIFY(editor.errorText().isEmpty());
        QCOMPARE(edited.count(), before + 1);
        QCOMPARE(edited.last().first().value<QJsonValue>(),
                 QJsonValue(QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}}));
    }

    void emptyMeansAbsentAndSetValueKeepsEquivalentText()
    {
        JsonEditor editor;
        QSignalSpy edited(&editor, &JsonEditor::valueEdited);
        editor.setValue(QJsonObject{{QStringLiteral("x"), true}});
        QCOMPARE(edited.count(), 0); // programmatic text is not an edit
        const QString text = QStringLiteral("{\"x\":   true}");
        editor.setText(text);
        editor.setValue(QJsonObject{{QStringLiteral("x"), true}});
        QCOMPARE(editor.text(), text); // same value: the user's layout and cursor stay
        editor.show();
        editor.textEdit()->selectAll();
        QTest::keyClick(editor.textEdit(), Qt::Key_Delete);
        QVERIFY(edited.last().first().value<QJsonValue>().isUndefined());
    }

    void scalarsAndArraysParse()
    {
        JsonEditor editor;
        editor.setText(QStringLiteral("[\"not\", \"an\", \"object\"]"));
        QVERIFY(editor.errorText().isEmpty());
        editor.setText(QStringLiteral("1, 2"));
        QVERIFY(!editor.errorText().isEmpty());
    }
};

QTEST_MAIN(TestJsonEditor)
#include "tst_jsoneditor.moc"
