#include "curl/shellquote.h"
#include "curl/shellwords.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Tenfold;

/// quoteShellWord() for POSIX is checked against the real bash: whatever the text, bash must hand
/// the program exactly that text as one argument. Our own splitter must agree with bash.
class TestShellQuote : public QObject
{
    Q_OBJECT

private:
    /// Runs one bash script that prints every quoted word followed by NUL; returns the words.
    static QStringList throughBash(const QStringList &words)
    {
        QString script;
        for (const QString &word : words)
            script +=
                QStringLiteral("printf '%s\\0' ") + quoteShellWord(word, Shell::Posix) + u'\n';
        QProcess bash;
        bash.start(QStringLiteral("bash"),
                   {QStringLiteral("--norc"), QStringLiteral("-c"), script});
        if (!bash.waitForFinished(30000) || bash.exitCode() != 0)
            return {QStringLiteral("<bash failed: %1>")
                        .arg(QString::fromUtf8(bash.readAllStandardError()))};
        QStringList result = QString::fromUtf8(bash.readAllStandardOutput()).split(QChar(0));
        result.removeLast(); // after the last NUL
        return result;
    }

    static QStringList hostileWords()
    {
        return {QStringLiteral("it's"),
                QStringLiteral("say \"hi\""),
                QStringLiteral("back\\slash\\"),
                QStringLiteral("$HOME and ${HOME}"),
                QStringLiteral("$(rm -rf /tmp/nothing)"),
                QStringLiteral("`id`"),
                QStringLiteral("wow!! !$ !-1"),
                QStringLiteral("@/etc/passwd"),
                QStringLiteral("line1\nline2\n"),
                QStringLiteral("tab\there"),
                QStringLiteral("[a]{b,c}*?"),
                QStringLiteral("100% %s %n %ASANA_ACCESS_TOKEN%"),
                QStringLiteral("Grüße, 東京, emoji 🎉"),
                QStringLiteral("'''"),
                QStringLiteral(""),
                QStringLiteral(" leading and trailing "),
                QStringLiteral("a;b&&c||d|e>f<g"),
                QStringLiteral("#not a comment"),
                QStringLiteral("~user"),
                QStringLiteral("\\'\\\"")};
    }

    static QString randomString(QRandomGenerator &random)
    {
        // Weighted towards the characters shells treat specially.
        static const QString special = QStringLiteral("'\"\\$`!@#%^&*()[]{}|;<>?~ \t\n\r,=+-_./:"
                                                      "äé€東🎉");
        const int length = random.bounded(0, 24);
        QString text;
        for (int i = 0; i < length; ++i) {
            const int kind = random.bounded(0, 4);
            if (kind == 0) {
                text += QChar(u'a' + random.bounded(0, 26));
            } else if (kind == 1) {
                text += QChar(random.bounded(1, 0x7f)); // any ASCII but NUL
            } else {
                const int at = random.bounded(0, int(special.size()));
                // keep surrogate pairs whole
                if (special.at(at).isHighSurrogate())
                    text += special.mid(at, 2);
                else if (special.at(at).isLowSurrogate())
                    text += special.mid(at - 1, 2);
                else
                    text += special.at(at);
            }
        }
        return text;
    }

    static QStringList splitOurselves(const QStringList &words)
    {
        QString script;
        for (const QString &word : words)
            script += QStringLiteral("printf ") + quoteShellWord(word, Shell::Posix) + u'\n';
        Result<QList<ShellCommand>> commands = splitShellCommands(script);
        if (!commands)
            return {commands.errorString()};
        QStringList result;
        for (const ShellCommand &command : commands.value())
            result.append(command.words.value(1).text);
        return result;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("bash is not installed");
    }

    void hostileWordsReachTheProgramUnchanged()
    {
        const QStringList words = hostileWords();
        QCOMPARE(throughBash(words), words);
        QCOMPARE(splitOurselves(words), words);
    }

    void randomWordsReachTheProgramUnchanged()
    {
        QRandomGenerator random(20261129);
        QStringList words;
        for (int i = 0; i < 600; ++i)
            words.append(randomString(random));
        const QStringList bash = throughBash(words);
        QCOMPARE(bash.size(), words.size());
        for (int i = 0; i < words.size(); ++i) {
            if (bash.at(i) != words.at(i))
                QFAIL(qPrintable(QStringLiteral("bash changed word %1: %2 -> %3")
                                     .arg(i)
                                     .arg(quoteShellWord(words.at(i), Shell::Posix), bash.at(i))));
        }
        QCOMPARE(splitOurselves(words), words);
    }

    void ourSplitterReadsBashsOwnQuoting()
    {
        // bash's printf %q writes $'...' for control characters, as browsers' "copy as cURL" does.
        QRandomGenerator random(7);
        QStringList words;
        for (int i = 0; i < 300; ++i)
            words.append(randomString(random));
        words.append(hostileWords());
        words.removeAll(QString()); // %q of "" is '' and fine, but printf skips empty arguments
        QString script = QStringLiteral("printf 'printf %q\\n' ");
        for (const QString &word : std::as_const(words))
            script += quoteShellWord(word, Shell::Posix) + u' ';
        QProcess bash;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        bash.setProcessEnvironment(env);
        bash.start(QStringLiteral("bash"),
                   {QStringLiteral("--norc"), QStringLiteral("-c"), script});
        QVERIFY(bash.waitForFinished(30000));
        QCOMPARE(bash.exitCode(), 0);
        const QString quoted = QString::fromUtf8(bash.readAllStandardOutput());
        QVERIFY(quoted.contains(QLatin1String("$'"))); // the ANSI-C form was exercised
        Result<QList<ShellCommand>> commands = splitShellCommands(quoted);
        QVERIFY2(commands.ok(), qPrintable(commands.errorString()));
        QCOMPARE(commands->size(), words.size());
        for (int i = 0; i < words.size(); ++i)
            QCOMPARE(commands->at(i).words.value(1).text, words.at(i));
    }

    void powerShellDoublesEverySingleQuote()
    {
        QCOMPARE(quoteShellWord(QStringLiteral("it's"), Shell::PowerShell),
                 QStringLiteral("'it''s'"));
        // PowerShell also ends strings at typographic quotes; they must be doubled too.
        QCOMPARE(quoteShellWord(QStringLiteral("it\u2019s $env:X"), Shell::PowerShell),
                 QStringLiteral("'it\u2019\u2019s $env:X'"));
    }

    void cmdEscapesQuotesPercentAndNewlines()
    {
        const QString quoted =
            quoteShellWord(QStringLiteral("a \"b\" %PATH% c\\\"\nd"), Shell::Cmd);
        QVERIFY(quoted.startsWith(QLatin1String("^\"")));
        QVERIFY(quoted.endsWith(QLatin1String("^\"")));
        QVERIFY(quoted.contains(QLatin1String("^\\^\"b^\\^\""))); // \" for the runtime, ^ for cmd
        QVERIFY(!quoted.contains(QLatin1String("%PATH%")));       // would expand
        QVERIFY(quoted.contains(QLatin1String("%^PATH^%")));
        QVERIFY(quoted.contains(
            QLatin1String("c^\\^\\^\\^\""))); // \\ doubled before \", each caret-escaped
        QVERIFY(quoted.contains(QLatin1String("^\n\nd")));
    }

    void plainWordsStayBare()
    {
        QCOMPARE(
            quoteShellWord(QStringLiteral("https://app.asana.com/api/1.0/batch"), Shell::Posix),
            QStringLiteral("https://app.asana.com/api/1.0/batch"));
        QCOMPARE(quoteShellWord(QStringLiteral("a?b=c&d"), Shell::Posix),
                 QStringLiteral("'a?b=c&d'"));
        QCOMPARE(quoteShellWord(QString(), Shell::Posix), QStringLiteral("''"));
    }

    void shellNames()
    {
        QCOMPARE(parseShell(QStringLiteral("bash")).value(), Shell::Posix);
        QCOMPARE(parseShell(QStringLiteral("PowerShell")).value(), Shell::PowerShell);
        QCOMPARE(parseShell(QStringLiteral("cmd")).value(), Shell::Cmd);
        QVERIFY(!parseShell(QStringLiteral("fish")).ok());
        QVERIFY(parseShell(QStringLiteral("fish")).errorString().contains(QLatin1String("fish")));
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
