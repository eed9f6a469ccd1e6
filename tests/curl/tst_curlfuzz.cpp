#include "curl/curlexport.h"
#include "curl/curlimport.h"
#include "scriptrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;
using namespace TenfoldTest;

/// Random text through the whole export, then read back twice: by the real bash (with curl
/// replaced by a function that prints its arguments) and by our importer. Both must see exactly
/// the arguments the exporter meant, and the composed text inside them.
class TestCurlFuzz : public QObject
{
    Q_OBJECT

private:
    QRandomGenerator m_random{0x7e4f01d};
    QTemporaryDir m_dir;

    QString randomText()
    {
        QString text;
        const int length = m_random.bounded(0, 30);
        for (int i = 0; i < length; ++i) {
            switch (m_random.bounded(0, 5)) {
            case 0:
                text += QChar(m_random.bounded(1, 0x80)); // any ASCII but NUL
                break;
            case 1:
                text += QChar(m_random.bounded(0xa0, 0x800));
                break;
            case 2:
                text += QChar(m_random.bounded(0x3000, 0xd000)); // below the surrogates
                break;
            case 3:
                text += QString::fromUcs4(U"🎉");
                break;
            default:
                text += QStringView(u"'\"\\$`!@%[]{}\n\t ").at(m_random.bounded(0, 15));
            }
        }
        return text;
    }

    /// Runs the script with curl and echo replaced: each curl call prints its arguments,
    /// NUL-terminated, then a line "\1".
    QList<QStringList> argumentsSeenByBash(const QString &script)
    {
        const QString stubs = QStringLiteral("curl() { printf '%s\\0' \"$@\"; printf '\\1\\0'; }\n"
                                             "echo() { :; }\n");
        const ScriptRun run = runBash(stubs + script, m_dir.path());
        if (run.exitCode != 0)
            return {{QStringLiteral("bash failed: ") + QString::fromUtf8(run.err)}};
        QList<QStringList> calls{{}};
        const QList<QByteArray> words = run.out.split('\0');
        for (qsizetype i = 0; i + 1 < words.size(); ++i) {
            if (words.at(i) == "\1")
                calls.append(QStringList());
            else
                calls.last().append(QString::fromUtf8(words.at(i)));
        }
        calls.removeLast();
        return calls;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
            QSKIP("needs bash");
        QVERIFY(m_dir.isValid());
    }

    void randomNamesSurviveExportAndBothParsers()
    {
        for (int round = 0; round < 40; ++round) {
            Session session;
            QStringList names;
            for (int i = 0; i < 10; ++i) {
                names.append(randomText());
                Action action;
                action.method = i % 3 == 2 ? QStringLiteral("get") : QStringLiteral("post");
                action.relativePath = QStringLiteral("/tasks");
                action.data = QJsonObject{{"name", names.last()}};
                session.actions.append(action);
            }
            CurlExportOptions options;
            options.perAction = round % 2 == 1;
            options.pretty = round % 4 >= 2;
            if (round % 5 == 0)
                options.token = randomText() + u'x'; // literal tokens are quoted like the rest
            const Result<QString> script = exportCurl(session, options);
            QVERIFY2(script.ok(), qPrintable(script.errorString()));

            const QList<QStringList> bash = argumentsSeenByBash(script.value());
            Result<QList<CurlRequest>> ours = parseCurlCommands(script.value());
            QVERIFY2(ours.ok(), qPrintable(ours.errorString()));
            QCOMPARE(bash.size(), ours->size());

            for (int call = 0; call < bash.size(); ++call) {
                const QStringList &argv = bash.at(call);
                const CurlRequest &request = ours->at(call);
                const qsizetype data = argv.indexOf(QStringLiteral("--data-raw"));
                QCOMPARE(request.hasBody, data >= 0);
                if (data >= 0)
                    QCOMPARE(request.body, argv.value(data + 1));
                QVERIFY(argv.contains(request.url));
                const qsizetype header = argv.indexOf(QStringLiteral("-H"));
                const QString authorization = argv.value(header + 1);
                QCOMPARE(authorization,
                         QStringLiteral("Authorization: Bearer ") +
                             (options.token.isEmpty() ? QStringLiteral("dummy") : options.token));
            }

            // The names come back exactly, from the arguments bash gave curl.
            Result<Session> imported = importCurl(script.value());
            QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
            QCOMPARE(imported->actions.size(), names.size());
            for (int i = 0; i < names.size(); ++i)
                QCOMPARE(imported->actions.at(i).data.toObject().value("name").toString(),
                         names.at(i));
            if (!options.perAction) {
                const QStringList &argv = bash.constFirst();
                const QJsonObject body =
                    QJsonDocument::fromJson(argv.value(argv.indexOf("--data-raw") + 1).toUtf8())
                        .object();
                QCOMPARE(body.value("data")
                             .toObject()
                             .value("actions")
                             .toArray()
                             .at(3)
                             .toObject()
                             .value("data")
                             .toObject()
                             .value("name")
                             .toString(),
                         names.at(3));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCurlFuzz)
#include "tst_curlfuzz.moc"
