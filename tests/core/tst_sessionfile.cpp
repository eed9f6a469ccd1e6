#include "session/sessionfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Tenfold;

namespace {
// Test JSON is written with single quotes for readability; moc cannot read raw string literals.
QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}
} // namespace

class TestSessionFile : public QObject
{
    Q_OBJECT

private:
    static Session sampleSession()
    {
        Session session;
        session.name = QStringLiteral("Launch – ünïcode \"quoted\"");
        session.target = Target::parse(QStringLiteral("https://example.test/api/1.0")).value();
        session.plan = Plan::parse(QStringLiteral("300/2")).value();
        session.plan.maxReads = 20;
        session.plan.maxWrites = 5;
        session.variables = {{QStringLiteral("workspace"), QStringLiteral("1001")},
                             {QStringLiteral("name"), QStringLiteral("it's $HOME")}};
        Action read{QStringLiteral("get"), QStringLiteral("/projects/{{project}}/tasks")};
        read.options = QJsonObject{{QStringLiteral("limit"), 5},
                                   {QStringLiteral("fields"), QJsonArray{QStringLiteral("name")}}};
        read.note = QStringLiteral("first page");
        Action write{QStringLiteral("post"), QStringLiteral("/tasks")};
        write.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("{{name}}")},
                                 {QStringLiteral("workspace"), QStringLiteral("{{workspace}}")}};
        write.enabled = false;
        Action broken{QStringLiteral("fetch"), QStringLiteral("nope")};
        broken.data = QJsonArray{1, 2};
        session.actions = {read, write, broken};
        return session;
    }

private slots:
    void roundTripKeepsEverything()
    {
        const Session session = sampleSession();
        Result<LoadedInput> loaded = parseInput(serializeSession(session));
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->kind, InputKind::Session);
        QVERIFY(loaded->diagnostics.isEmpty());
        QCOMPARE(loaded->session, session);
    }

    void saveAndReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.tenfold.json"));
        const Session session = sampleSession();
        QCOMPARE(saveSession(session, path), std::nullopt);
        Result<LoadedInput> loaded = loadInput(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->session, session);
    }

    void fileCarriesFormatAndVersionButNoToken()
    {
        const QJsonObject root =
            QJsonDocument::fromJson(serializeSession(sampleSession())).object();
        QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("tenfold-session"));
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        const QStringList keys = root.keys();
        for (const QString &key : keys)
            QVERIFY2(!key.contains(QLatin1String("token"), Qt::CaseInsensitive), qPrintable(key));
    }

    void readsABatchBody()
    {
        Result<LoadedInput> loaded =
            parseInput(J("{'data':{'actions':[{'method':'GET','relative_path':'/users/me',"
                         "'options':{'fields':['name']}},"
                         "{'method':'post','relative_path':'/tasks','data':{'name':'x'}}]}}"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->kind, InputKind::BatchBody);
        QCOMPARE(loaded->session.actions.size(), 2);
        QCOMPARE(loaded->session.actions.at(0).method, QStringLiteral("get")); // normalized
        QCOMPARE(loaded->session.actions.at(1).data.toObject().value(QLatin1String("name")),
                 QJsonValue(QStringLiteral("x")));
    }

    void readsABareArray()
    {
        Result<LoadedInput> loaded =
            parseInput(J("[{'method':'delete','relative_path':'/tasks/1'}]"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->kind, InputKind::ActionArray);
        QCOMPARE(loaded->session.actions.size(), 1);
        QCOMPARE(loaded->session.actions.first().method, QStringLiteral("delete"));
        QVERIFY(loaded->session.actions.first().data.isUndefined());
    }

    void keepsTheResultsMemberOfASessionOnly()
    {
        // Results kept in a session come back with the one parse of the file, as they were.
        const QJsonObject results{{QStringLiteral("format"), QStringLiteral("tenfold-results")},
                                  {QStringLiteral("results"), QJsonArray{1, 2}}};
        const QByteArray withResults = serializeSession(sampleSession(), results);
        Result<LoadedInput> loaded = parseInput(withResults);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->session, sampleSession());
        QCOMPARE(loaded->keptResults, QJsonValue(results));

        const QByteArray without = serializeSession(sampleSession());
        QVERIFY(!without.contains("\"results\"")); // not even as null
        QVERIFY(parseInput(without)->keptResults.isUndefined());
        // Elsewhere "results" is nobody's business: a batch body's member is not kept.
        Result<LoadedInput> body =
            parseInput(J("{'data':{'actions':[{'method':'get'}]},'results':{'a':1}}"));
        QVERIFY(body.ok());
        QVERIFY(body->keptResults.isUndefined());
    }

    void shapeProblemsKeepNumbering()
    {
        Result<LoadedInput> loaded =
            parseInput(J("[42, {'method': 7, 'relative_path': '/users/me', 'extra': 1}, "
                         "{'method':'get','relative_path':'/x'}]"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->session.actions.size(), 3); // nothing silently dropped
        QStringList codes;
        for (const Diagnostic &d : loaded->diagnostics)
            codes.append(QString::number(d.action) + u':' + d.code);
        QVERIFY2(codes.contains(QStringLiteral("0:action.not-object")),
                 qPrintable(codes.join(u' ')));
        QVERIFY(codes.contains(QStringLiteral("1:method.type")));
        QVERIFY(codes.contains(QStringLiteral("1:action.unknown-key")));
        QCOMPARE(loaded->session.actions.at(2).relativePath, QStringLiteral("/x"));
    }

    void whatCouldNotBeReadIsSavedBackAsWritten()
    {
        // Saving must not turn "enabled": "false" into an enabled action, nor drop a mistyped
        // key with the user's data in it.
        const QByteArray file =
            "[{\"method\": \"delete\", \"relative_path\": \"/tasks/1\", \"enabled\": \"false\"},"
            " {\"method\": 5, \"relative_path\": \"/x\", \"dta\": {\"a\": 1}, \"note\": 7},"
            " {\"\xef\xbb\xbfmethod\": \"get\", \"relative_path\": \"/users/me\"}, 42]";
        Result<LoadedInput> loaded = parseInput(file);
        QVERIFY(loaded.ok());
        const Session &session = loaded->session;
        QVERIFY(session.actions.at(0).enabled); // the field falls back to its default...
        QCOMPARE(session.actions.at(0).unread.toObject().value(QStringLiteral("enabled")),
                 QJsonValue(QStringLiteral("false"))); // ...and the file's value is kept
        QList<Diagnostic> derived;
        for (int i = 0; i < session.actions.size(); ++i)
            derived.append(readDiagnostics(session.actions.at(i), i));
        QCOMPARE(derived, loaded->diagnostics);

        const QByteArray saved = serializeSession(session);
        QVERIFY2(saved.contains("\"enabled\": \"false\""), saved.constData());
        Result<LoadedInput> again = parseInput(saved);
        QVERIFY(again.ok());
        QCOMPARE(again->session.actions, session.actions);
        QCOMPARE(again->diagnostics, loaded->diagnostics);

        // Setting a field replaces what was kept for it; an element that was not an object is
        // replaced whole.
        Action fixed = session.actions.at(1);
        forgetUnread(fixed, QStringLiteral("method"));
        QVERIFY(!fixed.unread.toObject().contains(QStringLiteral("method")));
        QVERIFY(fixed.unread.toObject().contains(QStringLiteral("dta")));
        Action rebuilt = session.actions.at(3);
        QCOMPARE(rebuilt.unread, QJsonValue(42));
        forgetUnread(rebuilt, QStringLiteral("relative_path"));
        QVERIFY(rebuilt.unread.isUndefined());
        QVERIFY(readDiagnostics(rebuilt, 3).isEmpty());
    }

    void aKeyBehindAnInvisibleCharacterIsPointedOut()
    {
        // "\uFEFFmethod" looks like "method" in any editor, but it is another key: the action
        // has no method, and the warning says why instead of leaving the user puzzled.
        Result<LoadedInput> loaded = parseInput(
            QByteArray("[{\"\xef\xbb\xbfmethod\":\"get\",\"relative_path\":\"/users/me\"}]"));
        QVERIFY(loaded.ok());
        QVERIFY(loaded->session.actions.first().method.isEmpty());
        QCOMPARE(loaded->diagnostics.size(), 1);
        const Diagnostic &warning = loaded->diagnostics.first();
        QCOMPARE(warning.code, QStringLiteral("action.hidden-character"));
        QCOMPARE(warning.severity, Severity::Warning);
        QVERIFY2(warning.message.contains(QStringLiteral("U+FEFF")), qPrintable(warning.message));
    }

    void malformedJsonSaysWhere()
    {
        Result<LoadedInput> loaded =
            parseInput("[\n  {\"method\": \"get\",\n   \"relative_path\" \"/x\"}\n]");
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().line, 3);
        QVERIFY(loaded.error().column > 1);
        QVERIFY(loaded.errorString().startsWith(QLatin1String("line 3, column")));
    }

    void refusesNewerVersions()
    {
        Result<LoadedInput> loaded =
            parseInput(J("{'format':'tenfold-session','version':2,'actions':[]}"));
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorString().contains(QLatin1String("newer Tenfold")),
                 qPrintable(loaded.errorString()));
    }

    void refusesForeignJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("other format") << (J("{'format':'postman','actions':[]}"));
        QTest::newRow("random object") << (J("{'hello':'world'}"));
        QTest::newRow("data without actions") << (J("{'data':{'name':'x'}}"));
        QTest::newRow("session without actions") << (J("{'format':'tenfold-session','version':1}"));
        QTest::newRow("bad plan") << (J(
            "{'format':'tenfold-session','version':1,'plan':'gold','actions':[]}"));
        QTest::newRow("bad target")
            << (J("{'format':'tenfold-session','version':1,'target':'ftp:\\/\\/x','actions':[]}"));
        QTest::newRow("bad variable") << (J(
            "{'format':'tenfold-session','version':1,'variables':[{'name':'a b'}],'actions':[]}"));
        QTest::newRow("scalar") << QByteArray("42");
        QTest::newRow("empty") << QByteArray("");
    }

    void refusesForeignJson()
    {
        QFETCH(QByteArray, json);
        Result<LoadedInput> loaded = parseInput(json);
        QVERIFY(!loaded.ok());
        QVERIFY(!loaded.errorString().isEmpty());
    }

    void emptyAndBareValuesSayWhatTheyAre_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty");
        QTest::newRow("blank") << QByteArray(" \n\t") << QStringLiteral("empty");
        QTest::newRow("string") << QByteArray(" \"hello\"\n") << QStringLiteral("a string");
        QTest::newRow("number") << QByteArray("42") << QStringLiteral("a number");
        QTest::newRow("boolean") << QByteArray("true") << QStringLiteral("a boolean");
        QTest::newRow("null") << QByteArray("null") << QStringLiteral("null");
    }

    void emptyAndBareValuesSayWhatTheyAre()
    {
        // Qt refuses a bare value as "illegal value", which reads as if the JSON were broken.
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        Result<LoadedInput> loaded = parseInput(json);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.contains(says), qPrintable(loaded.errorString()));
        QVERIFY2(!loaded.error().message.contains(QLatin1String("illegal")),
                 qPrintable(loaded.errorString()));
    }

    void versionBeyondIntIsNewer()
    {
        Result<LoadedInput> loaded =
            parseInput(J("{'format':'tenfold-session','version':99999999999,'actions':[]}"));
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorString().contains(QLatin1String("newer Tenfold")),
                 qPrintable(loaded.errorString()));
        QVERIFY2(loaded.errorString().contains(QLatin1String("99999999999")),
                 qPrintable(loaded.errorString()));
    }

    void refusesDeepNesting()
    {
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        Result<LoadedInput> loaded = parseInput(deep);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorString().contains(QLatin1String("nested too deeply")),
                 qPrintable(loaded.errorString()));
    }

    void oversizedFileIsRefusedWithItsSize()
    {
        // A sparse file: no disk is used, and it must be refused from its size alone.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(MaxInputBytes + 100ll * 1024 * 1024));
        file.close();
        Result<LoadedInput> loaded = loadInput(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.errorString().contains(QLatin1String("612 MiB")),
                 qPrintable(loaded.errorString()));
        QVERIFY2(loaded.errorString().contains(QLatin1String("at most 512 MiB")),
                 qPrintable(loaded.errorString()));
    }

    void missingFileIsAnError()
    {
        Result<LoadedInput> loaded = loadInput(QStringLiteral("/nonexistent/file.json"));
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.errorString().contains(QLatin1String("/nonexistent/file.json")));
    }

    void failedSaveReportsAndTouchesNothingElse()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.json"));
        QCOMPARE(saveSession(sampleSession(), path), std::nullopt);
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();

        // The target's directory is replaced by a file, so the temporary file cannot be created.
        const QString blocked = dir.filePath(QStringLiteral("notadir/keep.json"));
        QFile blocker(dir.filePath(QStringLiteral("notadir")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const std::optional<Error> error = saveSession(sampleSession(), blocked);
        QVERIFY(error.has_value());
        QVERIFY(error->message.contains(QLatin1String("notadir")));

        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no stray temp files
    }

    void samplesLoadCleanly_data()
    {
        QTest::addColumn<QString>("file");
        const QDir samples(QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions"));
        const QStringList files = samples.entryList({QStringLiteral("*.tenfold.json")});
        QVERIFY(files.size() >= 3);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << samples.filePath(file);
    }

    void samplesLoadCleanly()
    {
        QFETCH(QString, file);
        Result<LoadedInput> loaded = loadInput(file);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->kind, InputKind::Session);
        QVERIFY(loaded->diagnostics.isEmpty());
        QVERIFY(!loaded->session.actions.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
