#include "wire/batchbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Tenfold;

namespace {
// Test JSON is written with single quotes for readability; moc cannot read raw string literals.
QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}
} // namespace

class TestBatchBody : public QObject
{
    Q_OBJECT

private:
    static QList<Action> reads(int count)
    {
        QList<Action> actions;
        for (int i = 0; i < count; ++i)
            actions.append(Action{QStringLiteral("get"), QStringLiteral("/tasks/%1").arg(i + 1)});
        return actions;
    }

private slots:
    void wireFormIsExact()
    {
        Action action{QStringLiteral("POST"), QStringLiteral("/tasks")};
        action.data = QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}};
        action.options = QJsonObject{{QStringLiteral("fields"), QJsonArray{QStringLiteral("gid")}}};
        action.note = QStringLiteral("private note");
        const QJsonObject wire = actionToWire(action);
        QCOMPARE(wire.value(QLatin1String("method")).toString(), QStringLiteral("post"));
        QCOMPARE(wire.value(QLatin1String("relative_path")).toString(), QStringLiteral("/tasks"));
        QCOMPARE(
            wire.value(QLatin1String("data")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("x"));
        QVERIFY(wire.contains(QLatin1String("options")));
        QVERIFY(!wire.contains(QLatin1String("note")));
        QVERIFY(!wire.contains(QLatin1String("enabled")));
    }

    void emptyDataAndOptionsAreLeftOut()
    {
        Action action{QStringLiteral("get"), QStringLiteral("/users/me")};
        action.data = QJsonObject{};
        QCOMPARE(QJsonDocument(actionToWire(action)).toJson(QJsonDocument::Compact),
                 (J("{'method':'get','relative_path':'/users/me'}")));
    }

    void bodyHasTheDataActionsEnvelope()
    {
        const QByteArray body = batchBody(reads(2));
        QCOMPARE(body, J("{'data':{'actions':[{'method':'get','relative_path':'/tasks/1'},"
                         "{'method':'get','relative_path':'/tasks/2'}]}}"));
    }

    void jsonWriterMatchesQt_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("escapes") << QJsonValue(QStringLiteral("q\" b\\ n\n t\t r\r \x01 \x1f /"));
        QTest::newRow("unicode") << QJsonValue(QStringLiteral("ünï ☃ 😀"));
        QTest::newRow("integers") << QJsonValue(QJsonArray{0, -1, 42, 9007199254740991.0});
        // Gids sent as numbers must not be rounded through double (2^53 + 1, 19 digits).
        QTest::newRow("large integers")
            << QJsonValue(QJsonArray{qint64(9007199254740993), qint64(1234567890123456789),
                                     std::numeric_limits<qint64>::min()});
        QTest::newRow("large integers from text") << QJsonValue(
            QJsonDocument::fromJson("[9007199254740993,-1234567890123456789,1e20,1e15,3.0]")
                .array());
        QTest::newRow("fractions") << QJsonValue(QJsonArray{0.5, -2.25, 1e-7, 1.5e300});
        QTest::newRow("nested") << QJsonValue(QJsonObject{
            {QStringLiteral("b"), QJsonArray{true, false, QJsonValue()}},
            {QStringLiteral("a"), QJsonObject{{QStringLiteral("x"), QStringLiteral("y")}}},
            {QStringLiteral("empty"), QJsonObject{}}});
    }

    void jsonWriterMatchesQt()
    {
        QFETCH(QJsonValue, value);
        Action action{QStringLiteral("post"), QStringLiteral("/tasks/\"odd\"")};
        action.data = QJsonObject{{QStringLiteral("v"), value}};
        const QByteArray expected =
            QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                       QJsonObject{{QStringLiteral("actions"),
                                                    QJsonArray{actionToWire(action)}}}}})
                .toJson(QJsonDocument::Compact);
        QCOMPARE(batchBody({action}), expected);
    }

    void splitsInOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<int>>("sizes");
        QTest::newRow("0") << 0 << QList<int>{};
        QTest::newRow("1") << 1 << QList<int>{1};
        QTest::newRow("10") << 10 << QList<int>{10};
        QTest::newRow("11") << 11 << QList<int>{10, 1};
        QTest::newRow("95") << 95 << QList<int>{10, 10, 10, 10, 10, 10, 10, 10, 10, 5};
    }

    void splitsInOrder()
    {
        QFETCH(int, count);
        QFETCH(QList<int>, sizes);
        const QList<BatchPlan> batches = planBatches(reads(count));
        QCOMPARE(batches.size(), sizes.size());
        int next = 0;
        for (int b = 0; b < batches.size(); ++b) {
            QCOMPARE(batches.at(b).number, b + 1);
            QCOMPARE(batches.at(b).actionIndexes.size(), sizes.at(b));
            for (int index : batches.at(b).actionIndexes)
                QCOMPARE(index, next++);
        }
        QCOMPARE(next, count);
    }

    void disabledActionsAreSkippedButIndexesKept()
    {
        QList<Action> actions = reads(12);
        actions[0].enabled = false;
        actions[5].enabled = false;
        const QList<BatchPlan> batches = planBatches(actions);
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches.first().actionIndexes, (QList<int>{1, 2, 3, 4, 6, 7, 8, 9, 10, 11}));
        const QJsonArray wire =
            QJsonDocument::fromJson(batchBody(actions, batches.first().actionIndexes))
                .object()
                .value(QLatin1String("data"))
                .toObject()
                .value(QLatin1String("actions"))
                .toArray();
        QCOMPARE(wire.size(), 10);
        QCOMPARE(wire.at(4).toObject().value(QLatin1String("relative_path")).toString(),
                 QStringLiteral("/tasks/7"));
    }
};

QTEST_GUILESS_MAIN(TestBatchBody)
#include "tst_batchbody.moc"
