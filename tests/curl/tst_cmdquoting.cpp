// The two Windows cmd exports, read back the way cmd.exe reads them: a line typed or pasted at
// the prompt and a line of a .bat file expand % differently, so each export must survive its own
// reader (and the prompt's form is wrong in a batch file, which is why both exist).
#include "curl/curlexport.h"
#include "curl/shellquote.h"
#include "scriptrunner.h"

#include <QHash>
#include <QJsonObject>
#include <QTest>

using namespace Tenfold;

namespace {

enum class Reader
{
    Prompt,
    BatchFile
};

const QHash<QString, QString> Environment = {
    {QStringLiteral("PATH"), QStringLiteral("C:\\bin")},
    {QStringLiteral("ASANA_ACCESS_TOKEN"), QStringLiteral("tok")},
    {QStringLiteral("s"), QStringLiteral("S")}};

/// cmd.exe's first phase: %NAME% expansion. At the prompt an undefined name and %% stay as they
/// are; in a batch file %% is one %, and an undefined name (or a lone %) expands to nothing.
QString expandPercent(const QString &line, Reader reader)
{
    QString out;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c != u'%') {
            out += c;
            continue;
        }
        if (reader == Reader::BatchFile && i + 1 < line.size() && line.at(i + 1) == u'%') {
            out += u'%';
            ++i;
            continue;
        }
        const qsizetype close = line.indexOf(u'%', i + 1);
        if (close < 0) {
            if (reader == Reader::Prompt)
                out += c;
            continue;
        }
        const QString name = line.mid(i + 1, close - i - 1);
        if (Environment.contains(name)) {
            out += Environment.value(name);
            i = close;
        } else if (reader == Reader::BatchFile) {
            i = close;
        } else {
            out += c; // left as typed; the rest is read on
        }
    }
    return out;
}

/// The second phase outside quotes: ^X is X, ^ before a line break keeps one line break.
QString removeCarets(const QString &line)
{
    QString out;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == u'^' && i + 1 < line.size()) {
            ++i;
            out += line.at(i);
            if (line.at(i) == u'\n' && i + 1 < line.size() && line.at(i + 1) == u'\n')
                ++i;
        } else {
            out += line.at(i);
        }
    }
    return out;
}

/// The program's C runtime reading one argument: quotes, and backslashes before a quote.
QString runtimeArgument(const QString &text)
{
    QString out;
    bool quoted = false;
    qsizetype backslashes = 0;
    for (QChar c : text) {
        if (c == u'\\') {
            ++backslashes;
            continue;
        }
        if (c == u'"') {
            out += QString(backslashes / 2, u'\\');
            if (backslashes % 2)
                out += u'"';
            else
                quoted = !quoted;
        } else {
            out += QString(backslashes, u'\\');
            out += c;
        }
        backslashes = 0;
    }
    out += QString(backslashes, u'\\');
    Q_UNUSED(quoted);
    return out;
}

QString readBack(const QString &quoted, Reader reader)
{
    return runtimeArgument(removeCarets(expandPercent(quoted, reader)));
}

} // namespace

class TestCmdQuoting : public QObject
{
    Q_OBJECT

private slots:
    void eachExportSurvivesItsReader_data()
    {
        QTest::addColumn<QString>("word");
        for (const QString &name : TenfoldTest::hostileNames(QStringLiteral("marker"))) {
            if (!name.contains(u'\r')) // cmd cannot pass a carriage return; the export drops it
                QTest::newRow(qPrintable(name.left(24))) << name;
        }
        QTest::newRow("json") << QStringLiteral(
            "{\"data\":{\"name\":\"50% off %PATH% %s%\",\"notes\":\"C:\\\\dir\\\\\"}}");
    }

    void eachExportSurvivesItsReader()
    {
        QFETCH(QString, word);
        QCOMPARE(readBack(quoteShellWord(word, Shell::Cmd), Reader::Prompt), word);
        QCOMPARE(readBack(quoteShellWord(word, Shell::Bat), Reader::BatchFile), word);
    }

    void promptFormIsWrongInABatchFile()
    {
        // %^PATH% is an undefined name to a batch file, which makes it nothing: hence --shell bat.
        const QString word = QStringLiteral("100% %PATH%");
        QVERIFY(readBack(quoteShellWord(word, Shell::Cmd), Reader::BatchFile) != word);
        QVERIFY(readBack(quoteShellWord(word, Shell::Bat), Reader::Prompt) != word);
    }

    void exportsSayWhatTheyAreFor()
    {
        Session session;
        Action action;
        action.method = QStringLiteral("post");
        action.relativePath = QStringLiteral("/tasks");
        action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("100% %PATH%")}};
        session.actions = {action};
        CurlExportOptions options;
        options.shell = Shell::Cmd;
        const QString prompt = exportCurl(session, options).value();
        QVERIFY2(prompt.startsWith(QLatin1String("REM ")), qPrintable(prompt));
        QVERIFY(prompt.contains(QLatin1String("cmd.exe prompt")));
        QVERIFY(!prompt.contains(QLatin1String("@echo off")));
        QVERIFY(prompt.contains(QLatin1String("100^% %^PATH^%")));

        options.shell = Shell::Bat;
        const QString batch = exportCurl(session, options).value();
        QVERIFY2(batch.startsWith(QLatin1String("@echo off\nREM ")), qPrintable(batch));
        QVERIFY(batch.contains(QLatin1String("A batch file")));
        QVERIFY(batch.contains(QLatin1String("if not defined ASANA_ACCESS_TOKEN")));
        QVERIFY(batch.contains(QLatin1String("100%% %%PATH%%")));
        QVERIFY(batch.contains(QLatin1String("%ASANA_ACCESS_TOKEN%"))); // expands in both
    }
};

QTEST_GUILESS_MAIN(TestCmdQuoting)
#include "tst_cmdquoting.moc"
