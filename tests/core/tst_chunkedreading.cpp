// Big inputs are read in chunks on all cores (session/actionarrayscan + parseInputInChunks). The
// chunked reader must give exactly what reading the whole document gives, for every input:
// the same session, the same diagnostics with the same action numbers, the same error.
#include "session/actionarrayscan.h"
#include "session/sessionfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Tenfold;

namespace {
// Test JSON is written with single quotes for readability; moc cannot read raw string literals.
QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

QByteArray nested(int depth, const QByteArray &inner = "1")
{
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}

/// A session whose strings hold everything that could fool a scan for boundaries.
Session trickySession()
{
    Session session;
    session.name = QStringLiteral("tricky ],[ {\"actions\":[]} \\");
    session.variables = {{QStringLiteral("workspace"), QStringLiteral("1001")}};
    const QStringList awkward = {
        QStringLiteral("plain"),          QStringLiteral("quote \" inside"),
        QStringLiteral("ends in \\"),     QStringLiteral("\\\\\""),
        QStringLiteral("},{\"method\":"), QStringLiteral("],\"actions\":["),
        QStringLiteral("ünïcødé ✓ 🚀"),    QStringLiteral("tab\tnew\nline"),
    };
    for (int i = 0; i < 40; ++i) {
        Action action(i % 3 ? QStringLiteral("post") : QStringLiteral("GET"),
                      QStringLiteral("/tasks/%1").arg(100 + i));
        const QString text = awkward.at(i % awkward.size());
        if (i % 3) {
            action.data =
                QJsonObject{{QStringLiteral("name"), text},
                            {QStringLiteral("nested"),
                             QJsonObject{{QStringLiteral("list"),
                                          QJsonArray{1, 2.5, true, QJsonValue(), text}}}}};
        } else {
            action.options = QJsonObject{{QStringLiteral("limit"), 10}};
        }
        if (i % 5 == 0)
            action.note = text;
        action.enabled = i % 7 != 0;
        session.actions.append(action);
    }
    return session;
}

/// Random actions, some well formed and some not, so that diagnostics land in many chunks.
QJsonArray randomActions(QRandomGenerator &random, int count)
{
    QJsonArray actions;
    for (int i = 0; i < count; ++i) {
        switch (random.bounded(6)) {
        case 0:
            actions.append(QStringLiteral("not an action %1").arg(i));
            break;
        case 1:
            actions.append(QJsonObject{{QStringLiteral("method"), 7},
                                       {QStringLiteral("relative_path"), QStringLiteral("/x")},
                                       {QStringLiteral("extra"), true}});
            break;
        default: {
            QJsonObject action{{QStringLiteral("method"), QStringLiteral("put")},
                               {QStringLiteral("relative_path"),
                                QStringLiteral("/tasks/%1").arg(random.bounded(1000))}};
            if (random.bounded(2))
                action.insert(QStringLiteral("data"),
                              QJsonObject{{QStringLiteral("completed"), random.bounded(2) == 1}});
            actions.append(action);
        }
        }
    }
    return actions;
}

bool sameOutcome(const Result<LoadedInput> &whole, const Result<LoadedInput> &chunked, QString *why)
{
    if (whole.ok() != chunked.ok()) {
        *why = QStringLiteral("whole %1, chunked %2")
                   .arg(whole.ok() ? QStringLiteral("read it") : whole.errorString(),
                        chunked.ok() ? QStringLiteral("read it") : chunked.errorString());
        return false;
    }
    if (!whole.ok()) {
        *why = QStringLiteral("errors differ: '%1' vs '%2'")
                   .arg(whole.errorString(), chunked.errorString());
        return whole.errorString() == chunked.errorString();
    }
    *why = QStringLiteral("the loaded inputs differ");
    return whole->kind == chunked->kind && whole->session == chunked->session &&
           whole->diagnostics == chunked->diagnostics && whole->keptResults == chunked->keptResults;
}
} // namespace

class TestChunkedReading : public QObject
{
    Q_OBJECT

private slots:
    void scanFindsTheActionsOfEachInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("place");
        QTest::addColumn<int>("count");
        const QByteArray session = serializeSession(trickySession());
        QTest::newRow("session, indented")
            << session << int(ActionArrayLayout::Place::SessionActions) << 40;
        QTest::newRow("session, compact")
            << QJsonDocument::fromJson(session).toJson(QJsonDocument::Compact)
            << int(ActionArrayLayout::Place::SessionActions) << 40;
        QTest::newRow("batch body")
            << J("\xef\xbb\xbf { 'data' : { 'actions' : [ {'method':'get'} ,\t{'a':'],['} ] } } ")
            << int(ActionArrayLayout::Place::BatchBodyActions) << 2;
        QTest::newRow("bare array")
            << J("[1,'x',{'k':[[]]},null]") << int(ActionArrayLayout::Place::Root) << 4;
        QTest::newRow("empty array") << J("{'format':'tenfold-session','actions':[ ]}")
                                     << int(ActionArrayLayout::Place::SessionActions) << 0;
    }

    void scanFindsTheActionsOfEachInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, place);
        QFETCH(int, count);
        for (const qsizetype chunkBytes : {qsizetype(1), qsizetype(40), qsizetype(1) << 20}) {
            const std::optional<ActionArrayLayout> layout = scanActionArray(json, chunkBytes);
            QVERIFY(layout);
            QCOMPARE(int(layout->place), place);
            QCOMPARE(layout->count, count);
            QCOMPARE(json.at(layout->open), '[');
            QCOMPARE(json.at(layout->close), ']');
            // The chunks cover every element once, in order, and each is a run of whole
            // elements that parses on its own.
            int next = 0;
            for (const ActionArrayLayout::Chunk &chunk : layout->chunks) {
                QCOMPARE(chunk.first, next);
                QVERIFY(chunk.count > 0);
                QVERIFY(chunk.begin > layout->open && chunk.end <= layout->close);
                const QByteArray text = json.mid(chunk.begin, chunk.end - chunk.begin);
                QVERIFY2(!QByteArray(" \t\r\n,").contains(text.front()), text.constData());
                QVERIFY2(!QByteArray(" \t\r\n,").contains(text.back()), text.constData());
                QJsonParseError error;
                const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
                QVERIFY2(error.error == QJsonParseError::NoError, text.constData());
                QCOMPARE(doc.array().size(), chunk.count);
                next += chunk.count;
            }
            QCOMPARE(next, count);
            if (chunkBytes == 1)
                QCOMPARE(layout->chunks.size(), count); // one element each
        }
    }

    void scanChunksAreAboutTheAskedSize()
    {
        const QByteArray json = serializeSession(trickySession());
        const std::optional<ActionArrayLayout> layout = scanActionArray(json, 1000);
        QVERIFY(layout);
        QVERIFY(layout->chunks.size() > 3);
        for (qsizetype i = 0; i + 1 < layout->chunks.size(); ++i) {
            const ActionArrayLayout::Chunk &chunk = layout->chunks.at(i);
            QVERIFY(chunk.end - chunk.begin >= 1000);
            QVERIFY(chunk.end - chunk.begin < 2000); // one element past the size at most
        }
    }

    void scanGivesUpWhenInDoubt_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("a string") << J("'actions'");
        QTest::newRow("no actions") << J("{'format':'tenfold-session','name':'x'}");
        QTest::newRow("actions not an array") << J("{'actions':{'a':[1]}}");
        QTest::newRow("escaped key") << J("{'\\u0061ctions':[1],'actions':[2]}");
        QTest::newRow("repeated actions") << J("{'actions':5,'actions':[2]}");
        QTest::newRow("repeated data") << J("{'data':5,'data':{'actions':[2]}}");
        QTest::newRow("two candidates") << J("{'actions':[1],'data':{'actions':[2]}}");
        QTest::newRow("trailing comma") << J("[1,2,]");
        QTest::newRow("missing comma") << J("[1 2]");
        QTest::newRow("missing colon") << J("{'actions' [1]}");
        QTest::newRow("unterminated string") << J("[1,'abc]");
        QTest::newRow("unterminated array") << J("{'actions':[1,2");
        QTest::newRow("garbage after") << J("[1,2] x");
        QTest::newRow("too deep for the scan") << '[' + nested(600) + ']';
    }

    void scanGivesUpWhenInDoubt()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!scanActionArray(json, 1));
    }

    void readersAgree_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("chunked"); // whether the chunked reader reads it itself
        const QByteArray tricky = serializeSession(trickySession());
        QTest::newRow("tricky session") << tricky << true;
        QTest::newRow("tricky session, compact")
            << QJsonDocument::fromJson(tricky).toJson(QJsonDocument::Compact) << true;
        QTest::newRow("shape problems in many chunks")
            << J("[{'method':1},7,{'method':'get','relative_path':'/a','x':1},'s',{'enabled':2}]")
            << true;
        QTest::newRow("batch body")
            << J("{'data':{'actions':[{'method':'GET','relative_path':'/users/me'}]}}") << true;
        QTest::newRow("byte order mark") << "\xef\xbb\xbf" + J("[{'method':'get'}]") << true;
        QTest::newRow("repeated key inside an action: last wins")
            << J("[{'method':'get','method':'post','relative_path':'/tasks'}]") << true;
        QTest::newRow("repeated root key before the actions")
            << J("{'format':'tenfold-session','version':1,'name':'a','name':'b','actions':[]}")
            << true;
        QTest::newRow("repeated actions key: last wins")
            << J("{'format':'tenfold-session','version':1,'actions':7,'actions':[{'method':'get'}]"
                 "}")
            << false;
        // Qt reads this key back as "actions" when iterating, but value("actions") misses it,
        // as does the scan: the readers must keep looking keys up exactly.
        QTest::newRow("a key that reads as actions behind a byte order mark")
            << QByteArray("{\"format\":\"tenfold-session\",\"version\":1,\"actions\":[1],"
                          "\"\xef\xbb\xbf"
                          "actions\":[]}")
            << true;
        QTest::newRow("results kept after the actions")
            << J("{'format':'tenfold-session','version':1,'actions':[{'method':'get'}],"
                 "'results':{'x':[1,2,{'y':'],['}]}}")
            << true;
        QTest::newRow("unknown escape, as Qt allows it") << J("[{'note':'a\\qb'}]") << true;
        QTest::newRow("deepest nesting Qt accepts")
            << J("{'format':'tenfold-session','version':1,'actions':[{'data':") + nested(1021) +
                   "}]}"
            << false;
        QTest::newRow("one level too deep")
            << J("{'format':'tenfold-session','version':1,'actions':[{'data':") + nested(1022) +
                   "}]}"
            << false;
        QTest::newRow("broken JSON in the last action")
            << J("[{'method':'get'},{'method':'get'},{'method':tru}]") << false;
        QTest::newRow("invalid UTF-8 in an action") << QByteArray("[\"ok\",\"\xff\xfe\"]") << false;
        QTest::newRow("control character in a string, as Qt allows it")
            << QByteArray("[{\"note\":\"a\x01b\"}]") << true;
        QTest::newRow("number at the end of an action")
            << J("{'data':{'actions':[{'data':{'n':12}},5]}}") << true;
        QTest::newRow("bad number") << J("[1,-,2]") << false;
        QTest::newRow("broken JSON after the actions")
            << J("{'format':'tenfold-session','version':1,'actions':[],'name':}") << false;
        QTest::newRow("newer version")
            << J("{'format':'tenfold-session','version':99,'actions':[{'method':'get'}]}") << false;
        QTest::newRow("foreign format") << J("{'format':'other','actions':[1]}") << false;
        QTest::newRow("session format but actions under data")
            << J("{'format':'tenfold-session','version':1,'data':{'actions':[1]}}") << false;
        QTest::newRow("batch body whose actions are not an array")
            << J("{'data':{'actions':{'a':1}}}") << false;
    }

    void readersAgree()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, chunked);
        const Result<LoadedInput> whole = parseInputWhole(json);
        for (const qsizetype chunkBytes : {qsizetype(1), qsizetype(16), qsizetype(64)}) {
            bool usedChunks = false;
            const Result<LoadedInput> inChunks = parseInputInChunks(json, chunkBytes, &usedChunks);
            QString why;
            QVERIFY2(sameOutcome(whole, inChunks, &why), qPrintable(why));
            QCOMPARE(usedChunks, chunked);
        }
    }

    void readersAgreeOnRandomAndDamagedInputs()
    {
        // Random sessions, then the same bytes with one byte changed: whatever the damage, both
        // readers accept it alike or refuse it with the same words.
        QRandomGenerator random(20261130);
        const QByteArray damage = QByteArrayLiteral("{}[],:\"\\ x0");
        int usedChunks = 0;
        for (int round = 0; round < 300; ++round) {
            QJsonObject root{{QStringLiteral("format"), QStringLiteral("tenfold-session")},
                             {QStringLiteral("version"), 1},
                             {QStringLiteral("name"), QStringLiteral("round %1").arg(round)},
                             {QStringLiteral("actions"), randomActions(random, 1 + round % 30)}};
            QJsonDocument doc(root);
            if (round % 3 == 1)
                doc = QJsonDocument(root.value(QStringLiteral("actions")).toArray());
            QByteArray json =
                doc.toJson(round % 2 ? QJsonDocument::Compact : QJsonDocument::Indented);
            if (round % 4 == 3)
                json[random.bounded(json.size())] = damage.at(random.bounded(damage.size()));
            bool chunked = false;
            const Result<LoadedInput> inChunks =
                parseInputInChunks(json, 1 + random.bounded(200), &chunked);
            usedChunks += chunked;
            QString why;
            QVERIFY2(sameOutcome(parseInputWhole(json), inChunks, &why),
                     qPrintable(why + QStringLiteral("\n") + QString::fromUtf8(json)));
        }
        QVERIFY(usedChunks > 200); // the chunked reader really read most of them
    }

    void bigInputsTakeTheChunkedPath()
    {
        Session session = trickySession();
        while (serializeSession(session).size() < 2 * 1024 * 1024)
            session.actions += session.actions;
        const QByteArray json = serializeSession(session);
        bool usedChunks = false;
        const Result<LoadedInput> loaded = parseInputInChunks(json, 256 * 1024, &usedChunks);
        QVERIFY(usedChunks);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->session.actions.size(), session.actions.size());
        const Result<LoadedInput> whole = parseInputWhole(json);
        QVERIFY(whole.ok());
        QCOMPARE(loaded->session, whole->session);
        const Result<LoadedInput> viaParseInput = parseInput(json);
        QVERIFY(viaParseInput.ok());
        QCOMPARE(viaParseInput->session, whole->session);
    }
};

QTEST_GUILESS_MAIN(TestChunkedReading)
#include "tst_chunkedreading.moc"
