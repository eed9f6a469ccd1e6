#include "sending/batchresponse.h"

#include <QTest>

using namespace Tenfold;

class TestBatchResponse : public QObject
{
    Q_OBJECT

private slots:
    void readsResultsInOrder()
    {
        const QByteArray body = R"({"data":[
            {"status_code":201,"headers":{"Location":"/api/1.0/tasks/2000001"},
             "body":{"data":{"gid":"2000001"}}},
            {"status_code":404,"headers":{},
             "body":{"errors":[{"message":"task: Unknown object: 9","help":"see docs"}]}},
            {"status_code":500,"body":{"errors":[{"message":"Server Error",
             "phrase":"6 sad squid snuggle softly"}]}}]})";
        const Result<QList<ActionResponse>> parsed = parseBatchResponse(body, 3);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed->size(), 3);
        QCOMPARE(parsed->at(0).statusCode, 201);
        // Header names are normalised so the GUI and the file can rely on "location".
        QCOMPARE(parsed->at(0).headers.value("location").toString(), "/api/1.0/tasks/2000001");
        QCOMPARE(parsed->at(0).body.toObject().value("data").toObject().value("gid").toString(),
                 "2000001");
        QCOMPARE(parsed->at(1).statusCode, 404);
        QCOMPARE(parsed->at(1).errors.size(), 1);
        QCOMPARE(parsed->at(1).errors.at(0).message, "task: Unknown object: 9");
        QCOMPARE(parsed->at(1).errors.at(0).help, "see docs");
        QCOMPARE(parsed->at(2).errors.at(0).phrase, "6 sad squid snuggle softly");
    }

    void refusesAnswersThatCannotBeTrusted_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray("") << 1 << "empty";
        QTest::newRow("html") << QByteArray("<html>Bad gateway</html>") << 1 << "not JSON";
        QTest::newRow("truncated")
            << QByteArray(R"({"data":[{"status_code":200,"bo)") << 1 << "cut off";
        QTest::newRow("no data") << QByteArray(R"({"errors":[]})") << 1 << "no \"data\"";
        QTest::newRow("fewer results") << QByteArray(R"({"data":[{"status_code":200,"body":{}}]})")
                                       << 2 << "1 result for 2 actions";
        QTest::newRow("more results")
            << QByteArray(R"({"data":[{"status_code":200},{"status_code":200}]})") << 1
            << "2 results for 1 action";
        QTest::newRow("no status")
            << QByteArray(R"({"data":[{"body":{}}]})") << 1 << "no status_code";
    }
    void refusesAnswersThatCannotBeTrusted()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, expected);
        QFETCH(QString, says);
        const Result<QList<ActionResponse>> parsed = parseBatchResponse(body, expected);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorString().contains(says), qPrintable(parsed.errorString()));
    }

    void keepsNonJsonBodiesAsText()
    {
        QCOMPARE(bodyAsJson("oops").toString(), "oops");
        QVERIFY(bodyAsJson(R"({"a":1})").isObject());
        QVERIFY(bodyAsJson("").isNull());
        QVERIFY(bodyAsJson(QByteArray(10000, 'x')).toString().size() < 5000);
    }
};

QTEST_GUILESS_MAIN(TestBatchResponse)
#include "tst_batchresponse.moc"
