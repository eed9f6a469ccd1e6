// Plans, targets and variables: the small value types every command parses.
#include "model/action.h"
#include "model/plan.h"
#include "model/target.h"
#include "model/variables.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Tenfold;

class TestModel : public QObject
{
    Q_OBJECT

private slots:
    void plans_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("quota");
        QTest::addColumn<int>("seconds");
        QTest::newRow("free") << "free" << true << 150 << 60;
        QTest::newRow("paid") << "Paid" << true << 1500 << 60;
        QTest::newRow("custom") << "300/2" << true << 300 << 2;
        QTest::newRow("zero") << "0/60" << false << 0 << 0;
        QTest::newRow("no window") << "300" << false << 0 << 0;
        QTest::newRow("words") << "gold" << false << 0 << 0;
        QTest::newRow("negative") << "10/-1" << false << 0 << 0;
    }

    void plans()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        QFETCH(int, quota);
        QFETCH(int, seconds);
        Result<Plan> plan = Plan::parse(spec);
        QCOMPARE(plan.ok(), ok);
        if (!ok) {
            QVERIFY(plan.errorString().contains(spec));
            return;
        }
        QCOMPARE(plan->windowQuota, quota);
        QCOMPARE(plan->windowSeconds, seconds);
        QCOMPARE(Plan::parse(plan->spec()).value(), plan.value()); // spec round-trips
    }

    void searchQuotaScalesWithTheWindow()
    {
        QCOMPARE(Plan::paid().searchQuota(), 60);
        QCOMPARE(Plan::parse(QStringLiteral("300/2")).value().searchQuota(), 2);
        QCOMPARE(Plan::parse(QStringLiteral("10/120")).value().searchQuota(), 120);
    }

    void concurrency()
    {
        Plan plan;
        QVERIFY(!plan.setConcurrency(QStringLiteral("20, 5")).has_value());
        QCOMPARE(plan.maxReads, 20);
        QCOMPARE(plan.maxWrites, 5);
        QVERIFY(plan.setConcurrency(QStringLiteral("20")).has_value());
        QVERIFY(plan.setConcurrency(QStringLiteral("0,5")).has_value());
        QCOMPARE(plan.maxReads, 20); // unchanged after a refused spec
    }

    void targets()
    {
        QCOMPARE(Target::parse(QStringLiteral("sandbox")).value().kind, Target::Kind::Sandbox);
        QCOMPARE(Target::parse(QStringLiteral("ASANA")).value().baseUrl(), Target::asanaUrl());
        const Result<Target> custom =
            Target::parse(QStringLiteral("http://127.0.0.1:8080/api/1.0/"));
        QVERIFY(custom.ok());
        QCOMPARE(custom->baseUrl().toString(), QStringLiteral("http://127.0.0.1:8080/api/1.0"));
        QCOMPARE(Target::parse(custom->spec()).value(), custom.value());
        QVERIFY(!Target::parse(QStringLiteral("ftp://x")).ok());
        QVERIFY(!Target::parse(QStringLiteral("not a url")).ok());
    }

    void loopbackHosts()
    {
        QVERIFY(isLoopbackHost(QStringLiteral("localhost")));
        QVERIFY(isLoopbackHost(QStringLiteral("127.0.0.1")));
        QVERIFY(isLoopbackHost(QStringLiteral("127.8.9.10")));
        QVERIFY(isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(!isLoopbackHost(QStringLiteral("app.asana.com")));
        QVERIFY(!isLoopbackHost(QStringLiteral("10.0.0.1")));
        QVERIFY(!isLoopbackHost(QStringLiteral("localhost.evil.example")));
    }

    void readsAndWrites()
    {
        QVERIFY((Action{QStringLiteral("GET"), {}}).isRead());
        QVERIFY((Action{QStringLiteral("head"), {}}).isRead());
        QVERIFY(!(Action{QStringLiteral("delete"), {}}).isRead());
        QVERIFY(!(Action{QStringLiteral("patch"), {}}).isRead());
    }

    void methodsAreCanonicalInAnyCase()
    {
        for (const char *method : {"get", "post", "put", "patch", "delete", "head"}) {
            const QString lower = QString::fromLatin1(method);
            QCOMPARE(canonicalMethod(lower), lower);
            QCOMPARE(canonicalMethod(lower.toUpper()), lower);
            // Loading 100,000 actions keeps one copy of each method, not one per action.
            QCOMPARE(canonicalMethod(lower.toUpper()).constData(),
                     canonicalMethod(lower).constData());
        }
        QCOMPARE(canonicalMethod(u"PaTcH"), QStringLiteral("patch"));
        for (const char16_t *unknown : {u"", u"ge", u"gets", u"options", u"get ", u"fetch"})
            QVERIFY2(canonicalMethod(unknown).isNull(), qPrintable(QString::fromUtf16(unknown)));
    }

    void variableSubstitution()
    {
        const QList<Variable> vars{{QStringLiteral("ws"), QStringLiteral("1001")},
                                   {QStringLiteral("ws"), QStringLiteral("2002")}};
        QStringList undefined;
        QCOMPARE(substituteVariables(QStringLiteral("/workspaces/{{ ws }}/x/{{nope}}"), vars,
                                     &undefined),
                 QStringLiteral("/workspaces/2002/x/{{nope}}")); // the last definition wins
        QCOMPARE(undefined, QStringList{QStringLiteral("nope")});
        QCOMPARE(substituteVariables(QStringLiteral("no braces {x} {{"), vars),
                 QStringLiteral("no braces {x} {{"));
    }

    void variablesInJsonReportTheirPlace()
    {
        Action action{QStringLiteral("post"), QStringLiteral("/tasks")};
        action.data = QJsonObject{
            {QStringLiteral("name"), QStringLiteral("{{title}}")},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), QStringLiteral("{{tag}}")}}};
        QList<UndefinedVariable> undefined;
        const Action resolved =
            resolveVariables(action, {{QStringLiteral("title"), QStringLiteral("Hi")}}, &undefined);
        QCOMPARE(resolved.data.toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Hi"));
        QCOMPARE(undefined.size(), 1);
        QCOMPARE(undefined.first().name, QStringLiteral("tag"));
        QCOMPARE(undefined.first().field, QStringLiteral("data.tags[1]"));
    }

    void variableNames()
    {
        QVERIFY(isValidVariableName(QStringLiteral("workspace")));
        QVERIFY(isValidVariableName(QStringLiteral("_a.b-c1")));
        QVERIFY(!isValidVariableName(QStringLiteral("1a")));
        QVERIFY(!isValidVariableName(QStringLiteral("a b")));
        QVERIFY(!isValidVariableName(QString()));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
