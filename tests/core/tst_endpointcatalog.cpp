#include "catalog/endpointcatalog.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Tenfold;

class TestEndpointCatalog : public QObject
{
    Q_OBJECT

private slots:
    void carriesEveryOperation() { QCOMPARE(EndpointCatalog::builtin().endpoints().size(), 247); }

    void agreesWithTheSharedEndpointList()
    {
        // The project carries derived facts; this checks them against the reference list when it
        // is beside the project (it is never committed).
        QFile file(QStringLiteral(TENFOLD_SHARED_DIR "/asana/endpoints.tsv"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("../shared/asana/endpoints.tsv is not present");
        QSet<QString> expected;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> columns = line.split('\t');
            if (columns.size() >= 3)
                expected.insert(
                    QString::fromUtf8(columns[0] + ' ' + columns[1] + ' ' + columns[2]));
        }
        QSet<QString> actual;
        for (const Endpoint &e : EndpointCatalog::builtin().endpoints())
            actual.insert(e.method + u' ' + e.path + u' ' + e.operation);
        QCOMPARE(actual.size(), 247);
        QCOMPARE(actual, expected);
    }

    void factsPerOperation()
    {
        const EndpointCatalog &catalog = EndpointCatalog::builtin();
        const auto search = catalog.match(u"GET", u"/workspaces/1/tasks/search");
        QVERIFY(search.endpoint);
        QCOMPARE(search.endpoint->rate, Endpoint::RateClass::Search);
        QVERIFY(!search.endpoint->write);

        const auto duplicate = catalog.match(u"post", u"/projects/12/duplicate");
        QVERIFY(duplicate.endpoint);
        QCOMPARE(duplicate.endpoint->rate, Endpoint::RateClass::Duplication);
        QVERIFY(duplicate.endpoint->write);

        const auto upload = catalog.match(u"POST", u"/attachments");
        QVERIFY(upload.endpoint);
        QVERIFY(!upload.endpoint->restriction.isEmpty());
        QVERIFY(!upload.endpoint->summary.isEmpty());
    }

    void literalSegmentsBeatPlaceholders()
    {
        const auto me = EndpointCatalog::builtin().match(u"GET", u"/users/me");
        QVERIFY(me.endpoint);
        QCOMPARE(me.endpoint->path, QStringLiteral("/users/{user_gid}"));
        QCOMPARE(me.parameters.size(), 1);
        QCOMPARE(me.parameters.first().first, QStringLiteral("user_gid"));
        QCOMPARE(me.parameters.first().second, QStringLiteral("me"));

        const auto search = EndpointCatalog::builtin().match(u"GET", u"/workspaces/9/tasks/search");
        QCOMPARE(search.endpoint->path, QStringLiteral("/workspaces/{workspace_gid}/tasks/search"));
    }

    void reportsOtherMethodsOfAKnownPath()
    {
        const auto match = EndpointCatalog::builtin().match(u"PATCH", u"/tasks/1");
        QVERIFY(!match.endpoint);
        QVERIFY(match.pathKnown);
        QVERIFY(match.allowedMethods.contains(QStringLiteral("GET")));
        QVERIFY(match.allowedMethods.contains(QStringLiteral("PUT")));

        const auto unknown = EndpointCatalog::builtin().match(u"GET", u"/nothing/here");
        QVERIFY(!unknown.endpoint);
        QVERIFY(!unknown.pathKnown);
    }

    void batchRestrictions_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("restricted");
        QTest::newRow("upload") << "POST"
                                << "/attachments" << true;
        QTest::newRow("list attachments") << "GET"
                                          << "/attachments" << false;
        QTest::newRow("export create") << "post"
                                       << "/organization_exports" << true;
        QTest::newRow("export get") << "GET"
                                    << "/organization_exports/5" << true;
        QTest::newRow("export delete") << "DELETE"
                                       << "/organization_exports/5" << true;
        QTest::newRow("scim users") << "GET"
                                    << "/scim/Users" << true;
        QTest::newRow("scim group patch") << "PATCH"
                                          << "/scim/Groups/3" << true;
        QTest::newRow("nested batch") << "POST"
                                      << "/batch" << true;
        QTest::newRow("tasks") << "POST"
                               << "/tasks" << false;
        QTest::newRow("batch-like name") << "GET"
                                         << "/batches" << false;
    }

    void batchRestrictions()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(bool, restricted);
        QCOMPARE(!EndpointCatalog::batchRestriction(method, path).isEmpty(), restricted);
    }

    void rejectsABrokenCatalog()
    {
        QVERIFY(!EndpointCatalog::fromJson("not json").ok());
        QVERIFY(!EndpointCatalog::fromJson(R"({"operations":[]})").ok());
        QVERIFY(!EndpointCatalog::fromJson(R"({"operations":[{"method":"GET","path":"x"}]})").ok());
    }
};

QTEST_GUILESS_MAIN(TestEndpointCatalog)
#include "tst_endpointcatalog.moc"
