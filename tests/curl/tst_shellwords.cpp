#include "curl/shellwords.h"

#include <QTest>

using namespace Tenfold;

/// The POSIX word splitter the curl importer reads pasted commands with.
class TestShellWords : public QObject
{
    Q_OBJECT

private:
    static QStringList words(const QString &text, int command = 0)
    {
        Result<QList<ShellCommand>> commands = splitShellCommands(text);
        if (!commands)
            return {QStringLiteral("ERROR: ") + commands.errorString()};
        QStringList result;
        for (const ShellWord &word : commands->value(command).words)
            result.append(word.text);
        return result;
    }

private slots:
    void quotingRules()
    {
        QCOMPARE(words(QStringLiteral("a 'b c' \"d e\" f\\ g")),
                 QStringList({"a", "b c", "d e", "f g"}));
        QCOMPARE(words(QStringLiteral("'it'\\''s'")), QStringList({"it's"}));
        QCOMPARE(words(QStringLiteral("\"a\\\"b\\\\c\\$d\\`e\\nf\"")),
                 QStringList({"a\"b\\c$d`e\\nf"})); // \n stays two characters in "..."
        QCOMPARE(words(QStringLiteral("'' \"\" x")), QStringList({"", "", "x"}));
        QCOMPARE(words(QStringLiteral("a'b'\"c\"d")), QStringList({"abcd"}));
    }

    void ansiCQuoting()
    {
        QCOMPARE(words(QStringLiteral("$'a\\nb\\tc\\'d\\\\e\\x41\\101\\u00e9\\U0001F389'")),
                 QStringList({QStringLiteral("a\nb\tc'd\\eAAé🎉")}));
        // Byte escapes that form UTF-8 are one character, as bash in a UTF-8 locale prints them.
        QCOMPARE(words(QStringLiteral("$'\\xc3\\xa9t\\xc3\\xa9'")), QStringList({"été"}));
    }

    void continuationsAndCommands()
    {
        const QString text =
            QStringLiteral("#!/bin/sh\n# comment 'unbalanced\ncurl \\\n  -X POST \\\r\n"
                           "  url # trailing\necho done; ls && pwd | cat\n");
        Result<QList<ShellCommand>> commands = splitShellCommands(text);
        QVERIFY2(commands.ok(), qPrintable(commands.errorString()));
        QCOMPARE(commands->size(), 5);
        QCOMPARE(words(text, 0), QStringList({"curl", "-X", "POST", "url"}));
        QCOMPARE(commands->at(0).line, 3);
        QCOMPARE(words(text, 1), QStringList({"echo", "done"}));
        QCOMPARE(words(text, 4), QStringList({"cat"}));
        QCOMPARE(words(QStringLiteral("a#b")), QStringList({"a#b"})); // # inside a word
    }

    void expansionsAreKeptAndFlagged()
    {
        Result<QList<ShellCommand>> commands = splitShellCommands(
            QStringLiteral("x \"Bearer $TOKEN\" ${A:-b} $(date +%s) `id` '$no' $"));
        QVERIFY(commands.ok());
        const QList<ShellWord> w = commands->constFirst().words;
        QCOMPARE(w.at(1).text, QStringLiteral("Bearer $TOKEN"));
        QVERIFY(w.at(1).expands);
        QCOMPARE(w.at(2).text, QStringLiteral("${A:-b}"));
        QVERIFY(w.at(2).expands);
        QCOMPARE(w.at(3).text, QStringLiteral("$(date +%s)"));
        QVERIFY(w.at(3).expands);
        QVERIFY(w.at(4).expands);
        QCOMPARE(w.at(5).text, QStringLiteral("$no"));
        QVERIFY(!w.at(5).expands);
        QCOMPARE(w.at(6).text, QStringLiteral("$"));
        QVERIFY(!w.at(6).expands);
    }

    void errorsNameTheLine()
    {
        Result<QList<ShellCommand>> open =
            splitShellCommands(QStringLiteral("curl\ncurl 'abc\n\n"));
        QVERIFY(!open.ok());
        QCOMPARE(open.error().line, 2);
        QVERIFY(open.errorString().contains(QLatin1String("single quote")));
        QVERIFY(!splitShellCommands(QStringLiteral("curl \"abc")).ok());
        QVERIFY(!splitShellCommands(QStringLiteral("curl $'abc")).ok());
    }

    void aCommandThatCannotBeImportedLeavesTheOthersReadable()
    {
        // An unquoted URL with a query string is backgrounded by the shell at its "&"; a
        // redirection is refused: each marks its own command, and the next lines still count.
        Result<QList<ShellCommand>> commands = splitShellCommands(
            QStringLiteral("curl https://x/api/1.0/users/me?a=1&b=2\ncurl x > out\n"
                           "curl https://x/api/1.0/workspaces\n"));
        QVERIFY(commands.ok());
        QCOMPARE(commands->size(), 3);
        QVERIFY(commands->at(0).problem.contains(QLatin1String("background")));
        QCOMPARE(commands->at(0).line, 1);
        QVERIFY(commands->at(1).problem.contains(QLatin1String("redirection")));
        QCOMPARE(commands->at(1).line, 2);
        QVERIFY(commands->at(2).problem.isEmpty());
        QCOMPARE(commands->at(2).line, 3);
        QCOMPARE(commands->at(2).words.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestShellWords)
#include "tst_shellwords.moc"
