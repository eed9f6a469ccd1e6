// Each validation rule has a row that breaks it and a row that passes it.
#include "catalog/endpointcatalog.h"
#include "session/sessionfile.h"
#include "validation/validator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Tenfold;

namespace {
// Test JSON is written with single quotes for readability; moc cannot read raw string literals.
QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}
} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private:
    static Action actionFromJson(const QByteArray &json)
    {
        const QByteArray array = QByteArray("[") + json + "]";
        Result<LoadedInput> loaded = parseInput(array);
        if (!loaded)
            qFatal("bad test JSON: %s", json.constData());
        return loaded->session.actions.constFirst();
    }

    static QStringList codesFor(const Action &action, const QList<Variable> &variables = {})
    {
        QStringList codes;
        for (const Diagnostic &d : validateAction(action, 0, variables, EndpointCatalog::builtin()))
            codes.append(d.code);
        return codes;
    }

private slots:
    void actionRules_data()
    {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<QString>("code"); // the rule under test
        QTest::addColumn<bool>("reported");

        auto row = [](const char *name, const QByteArray &json, const char *code, bool reported) {
            QTest::newRow(name) << json << QString::fromLatin1(code) << reported;
        };
        row("method missing", J("{'relative_path':'/users/me'}"), "method.missing", true);
        row("method present", J("{'method':'get','relative_path':'/users/me'}"), "method.missing",
            false);
        row("method unknown", J("{'method':'fetch','relative_path':'/users/me'}"), "method.invalid",
            true);
        row("method upper case ok", J("{'method':'GET','relative_path':'/users/me'}"),
            "method.invalid", false);
        row("method HEAD ok", J("{'method':'head','relative_path':'/users/me'}"), "method.invalid",
            false);

        row("path missing", J("{'method':'get'}"), "path.missing", true);
        row("path empty", J("{'method':'get','relative_path':''}"), "path.missing", true);
        row("path given", J("{'method':'get','relative_path':'/users/me'}"), "path.missing", false);
        row("path relative", J("{'method':'get','relative_path':'users/me'}"), "path.not-absolute",
            true);
        row("path absolute", J("{'method':'get','relative_path':'/users/me'}"), "path.not-absolute",
            false);
        row("path full url",
            J("{'method':'get','relative_path':'https:\\/\\/app.asana.com/api/1.0/users/me'}"),
            "path.full-url", true);
        row("path with colon ok", J("{'method':'get','relative_path':'/tasks/1:2'}"),
            "path.full-url", false);
        row("path api prefix", J("{'method':'get','relative_path':'/api/1.0/users/me'}"),
            "path.api-prefix", true);
        row("path api elsewhere ok", J("{'method':'get','relative_path':'/users/me'}"),
            "path.api-prefix", false);
        row("path query", J("{'method':'get','relative_path':'/users/me?opt_fields=name'}"),
            "path.query-string", true);
        row("path no query", J("{'method':'get','relative_path':'/users/me'}"), "path.query-string",
            false);
        row("path fragment", J("{'method':'get','relative_path':'/users/me#x'}"), "path.fragment",
            true);
        row("path no fragment", J("{'method':'get','relative_path':'/users/me'}"), "path.fragment",
            false);
        row("path space", J("{'method':'get','relative_path':'/tasks/1 2'}"), "path.whitespace",
            true);
        row("path tab", J("{'method':'get','relative_path':'/tasks/12\\t'}"), "path.whitespace",
            true);
        row("path no space", J("{'method':'get','relative_path':'/tasks/12'}"), "path.whitespace",
            false);
        row("path placeholder", J("{'method':'get','relative_path':'/tasks/{task_gid}'}"),
            "path.placeholder", true);
        row("path filled", J("{'method':'get','relative_path':'/tasks/12'}"), "path.placeholder",
            false);

        row("data array", J("{'method':'post','relative_path':'/tasks','data':[1]}"),
            "data.not-object", true);
        row("data string", J("{'method':'post','relative_path':'/tasks','data':'x'}"),
            "data.not-object", true);
        row("data object", J("{'method':'post','relative_path':'/tasks','data':{'name':'x'}}"),
            "data.not-object", false);
        row("data absent", J("{'method':'get','relative_path':'/users/me'}"), "data.not-object",
            false);

        row("options array", J("{'method':'get','relative_path':'/users/me','options':[]}"),
            "options.not-object", true);
        row("options object", J("{'method':'get','relative_path':'/users/me','options':{}}"),
            "options.not-object", false);
        row("options unknown key",
            J("{'method':'get','relative_path':'/users/me','options':{'sort':'x'}}"),
            "options.unknown-key", true);
        row("options known keys",
            J("{'method':'get','relative_path':'/projects/1/"
              "tasks','options':{'limit':5,'offset':'ab','fields':['name']}}"),
            "options.unknown-key", false);
        row("options pretty",
            J("{'method':'get','relative_path':'/users/me','options':{'pretty':true}}"),
            "options.pretty", true);
        row("options no pretty",
            J("{'method':'get','relative_path':'/users/me','options':{'fields':['name']}}"),
            "options.pretty", false);
        row("limit 0",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'limit':0}}"),
            "options.limit-range", true);
        row("limit 101",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'limit':101}}"),
            "options.limit-range", true);
        row("limit 1",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'limit':1}}"),
            "options.limit-range", false);
        row("limit 100",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'limit':100}}"),
            "options.limit-range", false);
        row("limit string",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'limit':'5'}}"),
            "options.limit-type", true);
        row("limit fraction",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'limit':2.5}}"),
            "options.limit-type", true);
        row("limit number",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'limit':5}}"),
            "options.limit-type", false);
        row("offset number",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'offset':5}}"),
            "options.offset-type", true);
        row("offset string",
            J("{'method':'get','relative_path':'/projects/1/tasks','options':{'offset':'eyJ0'}}"),
            "options.offset-type", false);
        row("fields string",
            J("{'method':'get','relative_path':'/users/me','options':{'fields':'name'}}"),
            "options.fields-type", true);
        row("fields numbers",
            J("{'method':'get','relative_path':'/users/me','options':{'fields':[1]}}"),
            "options.fields-type", true);
        row("fields strings",
            J("{'method':'get','relative_path':'/users/me','options':{'fields':['name','email']}}"),
            "options.fields-type", false);

        row("attachment upload", J("{'method':'post','relative_path':'/attachments'}"),
            "action.restricted", true);
        row("attachment read ok", J("{'method':'get','relative_path':'/attachments/12'}"),
            "action.restricted", false);
        row("export create", J("{'method':'post','relative_path':'/organization_exports'}"),
            "action.restricted", true);
        row("export get", J("{'method':'get','relative_path':'/organization_exports/12'}"),
            "action.restricted", true);
        row("export delete", J("{'method':'delete','relative_path':'/organization_exports/12'}"),
            "action.restricted", true);
        row("scim", J("{'method':'get','relative_path':'/scim/Users'}"), "action.restricted", true);
        row("nested batch", J("{'method':'post','relative_path':'/batch'}"), "action.restricted",
            true);
        row("plain task create ok", J("{'method':'post','relative_path':'/tasks'}"),
            "action.restricted", false);

        row("unknown endpoint", J("{'method':'get','relative_path':'/taks/12'}"),
            "endpoint.unknown", true);
        row("known endpoint", J("{'method':'get','relative_path':'/tasks/12'}"), "endpoint.unknown",
            false);
        row("wrong method for path", J("{'method':'post','relative_path':'/users/me'}"),
            "endpoint.method", true);
        row("right method for path", J("{'method':'get','relative_path':'/users/me'}"),
            "endpoint.method", false);

        row("gid letters", J("{'method':'get','relative_path':'/tasks/abc'}"), "path.gid", true);
        row("gid digits", J("{'method':'get','relative_path':'/tasks/1234'}"), "path.gid", false);
        row("user me", J("{'method':'get','relative_path':'/users/me'}"), "path.gid", false);
        row("user email", J("{'method':'get','relative_path':'/users/ann@example.com'}"),
            "path.gid", false);
        row("project me", J("{'method':'get','relative_path':'/projects/me'}"), "path.gid", true);

        row("opt_fields in data",
            J("{'method':'get','relative_path':'/users/me','data':{'opt_fields':'name'}}"),
            "data.option-in-data", true);
        row("query params in data",
            J("{'method':'get','relative_path':'/tasks','data':{'assignee':'me','workspace':'1'}}"),
            "data.option-in-data", false);
    }

    void actionRules()
    {
        QFETCH(QByteArray, action);
        QFETCH(QString, code);
        QFETCH(bool, reported);
        const QStringList codes = codesFor(actionFromJson(action));
        QVERIFY2(codes.contains(code) == reported,
                 qPrintable(QStringLiteral("codes: %1").arg(codes.join(u' '))));
    }

    void severities()
    {
        const auto diagnostics =
            validateAction(actionFromJson(J("{'method':'get','relative_path':'/taks/abc'}")), 4, {},
                           EndpointCatalog::builtin());
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().severity, Severity::Warning); // the API grows: not an error
        QCOMPARE(diagnostics.first().action, 4);
        QCOMPARE(diagnostics.first().field, QStringLiteral("relative_path"));
    }

    void messagesSayWhatToDo()
    {
        const auto diagnostics = validateAction(
            actionFromJson(
                J("{'method':'get','relative_path':'/tasks/1?opt_fields=name&limit=5'}")),
            0, {}, EndpointCatalog::builtin());
        QCOMPARE(diagnostics.size(), 1);
        const QString message = diagnostics.first().message;
        QVERIFY2(message.contains(QLatin1String("move `opt_fields=name` into options.fields")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("move `limit=5` into options.limit")),
                 qPrintable(message));

        const auto full = validateAction(
            actionFromJson(
                J("{'method':'get','relative_path':'https:\\/\\/app.asana.com/api/1.0/tasks/7'}")),
            0, {}, EndpointCatalog::builtin());
        QVERIFY(full.first().message.contains(QLatin1String("\"/tasks/7\"")));
    }

    void variablesResolveBeforeChecks()
    {
        const Action action =
            actionFromJson(J("{'method':'get','relative_path':'/projects/{{project}}/"
                             "tasks','options':{'fields':['{{field}}']}}"));
        QVERIFY(codesFor(action, {{"project", "1201"}, {"field", "name"}}).isEmpty());

        const auto undefined =
            validateAction(action, 0, {{"project", "1201"}}, EndpointCatalog::builtin());
        QCOMPARE(undefined.size(), 1);
        QCOMPARE(undefined.first().code, QStringLiteral("variable.undefined"));
        QCOMPARE(undefined.first().field, QStringLiteral("options.fields[0]"));
        QVERIFY(undefined.first().message.contains(QLatin1String("{{field}}")));

        // A variable holding a bad value is caught like a literal one.
        QVERIFY(codesFor(action, {{"project", "12 01"}, {"field", "name"}})
                    .contains(QStringLiteral("path.whitespace")));
    }

    void wholeInputRules_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("severity");
        QTest::newRow("empty") << 0 << int(InputKind::ActionArray) << "input.empty"
                               << int(Severity::Error);
        QTest::newRow("empty body")
            << 0 << int(InputKind::BatchBody) << "input.empty" << int(Severity::Error);
        QTest::newRow("one") << 1 << int(InputKind::BatchBody) << "input.batches"
                             << int(Severity::Info);
        QTest::newRow("10 in a body")
            << 10 << int(InputKind::BatchBody) << "input.batches" << int(Severity::Info);
        QTest::newRow("11 in a body")
            << 11 << int(InputKind::BatchBody) << "input.too-many-actions" << int(Severity::Error);
        QTest::newRow("11 in an array")
            << 11 << int(InputKind::ActionArray) << "input.batches" << int(Severity::Info);
        QTest::newRow("25 in a session")
            << 25 << int(InputKind::Session) << "input.batches" << int(Severity::Info);
    }

    void wholeInputRules()
    {
        QFETCH(int, count);
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(int, severity);
        Session session;
        for (int i = 0; i < count; ++i)
            session.actions.append(Action{QStringLiteral("get"), QStringLiteral("/users/me")});
        const auto diagnostics =
            validateSession(session, InputKind(kind), EndpointCatalog::builtin());
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().code, code);
        QCOMPARE(int(diagnostics.first().severity), severity);
        QCOMPARE(diagnostics.first().action, -1);
    }

    void batchCountInfo()
    {
        Session session;
        for (int i = 0; i < 25; ++i)
            session.actions.append(Action{QStringLiteral("get"), QStringLiteral("/users/me")});
        const auto diagnostics =
            validateSession(session, InputKind::ActionArray, EndpointCatalog::builtin());
        QVERIFY(diagnostics.first().message.contains(QLatin1String("3 batches")));
    }

    void disabledActionsAreNotChecked()
    {
        Session session;
        session.actions.append(Action{QStringLiteral("get"), QStringLiteral("/users/me")});
        Action broken{QStringLiteral("fetch"), QStringLiteral("nope")};
        broken.enabled = false;
        session.actions.append(broken);
        QVERIFY(
            !hasErrors(validateSession(session, InputKind::Session, EndpointCatalog::builtin())));

        session.actions.first().enabled = false;
        const auto none = validateSession(session, InputKind::Session, EndpointCatalog::builtin());
        QCOMPARE(none.first().code, QStringLiteral("input.none-enabled"));
    }

    void textAndJsonForms()
    {
        const Diagnostic d{Severity::Error, 2, QStringLiteral("options.limit"),
                           QStringLiteral("options.limit-range"), QStringLiteral("too big")};
        QCOMPARE(d.toText(QStringLiteral("s.json")),
                 QStringLiteral(
                     "s.json: action 3: options.limit: error: too big [options.limit-range]"));
        const QJsonObject json = d.toJson();
        QCOMPARE(json.value(QLatin1String("action")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        const Diagnostic whole{
            Severity::Info, -1, {}, QStringLiteral("input.batches"), QStringLiteral("1 batch")};
        QCOMPARE(whole.toText(QStringLiteral("f")),
                 QStringLiteral("f: info: 1 batch [input.batches]"));
        QVERIFY(whole.toJson().value(QLatin1String("action")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
