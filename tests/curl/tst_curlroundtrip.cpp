#include "curl/curlexport.h"
#include "curl/curlimport.h"
#include "model/variables.h"
#include "session/sessionfile.h"
#include "wire/batchbody.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Tenfold;

/// import(export(x)) == x: what Tenfold exports, it reads back to the same actions, for random
/// sessions full of characters that break other exporters.
class TestCurlRoundTrip : public QObject
{
    Q_OBJECT

private:
    QRandomGenerator m_random{424242};

    QString text(int maxLength = 16)
    {
        static const QString alphabet =
            QStringLiteral("abcXYZ019 '\"\\$`!@#%^&*()[]{}|;<>?~\t\n\r,=+-_./:äé€東🎉");
        QString result;
        if (m_random.bounded(0, 4) == 0)
            result += QStringLiteral("$(touch /tmp/tenfold-pwned)");
        if (m_random.bounded(0, 6) == 0)
            result += u'@';
        const int length = m_random.bounded(0, maxLength);
        for (int i = 0; i < length; ++i) {
            const int at = m_random.bounded(0, int(alphabet.size()));
            if (alphabet.at(at).isLowSurrogate())
                result += alphabet.mid(at - 1, 2);
            else if (alphabet.at(at).isHighSurrogate())
                result += alphabet.mid(at, 2);
            else
                result += alphabet.at(at);
        }
        return result;
    }

    QString key()
    {
        QString name = text(8);
        // A query key like "limit" would come back as an option; keep generated keys apart.
        return QStringLiteral("k_") + name;
    }

    QJsonValue anyJson(int depth = 0)
    {
        switch (m_random.bounded(0, depth > 2 ? 4 : 6)) {
        case 0:
            return text();
        case 1:
            return double(m_random.bounded(-100000, 100000));
        case 2:
            return m_random.bounded(0, 2) == 1;
        case 3:
            return QJsonValue::Null;
        case 4: {
            QJsonArray array;
            for (int i = m_random.bounded(0, 4); i > 0; --i)
                array.append(anyJson(depth + 1));
            return array;
        }
        default: {
            QJsonObject object;
            for (int i = m_random.bounded(0, 4); i > 0; --i)
                object.insert(key(), anyJson(depth + 1));
            return object;
        }
        }
    }

    QString path()
    {
        QString result;
        for (int i = m_random.bounded(1, 4); i > 0; --i)
            result += u'/' + (m_random.bounded(0, 2) ? QString::number(m_random.bounded(1000, 9999))
                                                     : text(6));
        return result;
    }

    /// `directCallable` keeps to what a direct call carries exactly: string query data.
    Action randomAction(bool directCallable)
    {
        static const QStringList methods = {"get", "post", "put", "patch", "delete", "GET", "Post"};
        Action action;
        action.method = methods.at(m_random.bounded(0, int(methods.size())));
        action.relativePath = path();
        const bool queryData = action.isRead() || action.method.toLower() == "delete";
        if (m_random.bounded(0, 3) != 0) {
            QJsonObject data;
            for (int i = m_random.bounded(0, 4); i > 0; --i)
                data.insert(key(), directCallable && queryData ? QJsonValue(text()) : anyJson(1));
            action.data = data;
        }
        if (m_random.bounded(0, 2) == 0) {
            QJsonObject options;
            if (m_random.bounded(0, 2))
                options.insert("fields", QJsonArray{"name", "assignee.name", "custom_fields"});
            if (m_random.bounded(0, 2))
                options.insert("limit", m_random.bounded(1, 101));
            if (m_random.bounded(0, 2))
                options.insert("offset", text());
            action.options = options;
        }
        if (m_random.bounded(0, 8) == 0)
            action.enabled = false;
        if (m_random.bounded(0, 4) == 0)
            action.note = text(); // never exported, so never compared
        return action;
    }

    /// What the export must carry: enabled actions, variables resolved, in wire form.
    static QList<QJsonObject> wire(const Session &session)
    {
        QList<QJsonObject> result;
        for (const Action &action : session.actions) {
            if (action.enabled)
                result.append(actionToWire(resolveVariables(action, session.variables)));
        }
        return result;
    }

    void roundTrip(const Session &session, const CurlExportOptions &options)
    {
        Result<QString> script = exportCurl(session, options);
        QVERIFY2(script.ok(), qPrintable(script.errorString()));
        Result<Session> imported = importCurl(script.value());
        QVERIFY2(imported.ok(), qPrintable(imported.errorString() + u'\n' + script.value()));
        const QList<QJsonObject> expected = wire(session);
        const QList<QJsonObject> actual = wire(imported.value());
        if (actual != expected) {
            QCOMPARE(actual.size(), expected.size());
            for (int i = 0; i < expected.size(); ++i) {
                QCOMPARE(QString::fromUtf8(QJsonDocument(actual.at(i)).toJson()),
                         QString::fromUtf8(QJsonDocument(expected.at(i)).toJson()));
            }
        }
    }

private slots:
    void randomSessionsPerBatch()
    {
        for (int round = 0; round < 60; ++round) {
            Session session;
            session.variables = {{"ws", text()}};
            for (int i = m_random.bounded(1, 25); i > 0; --i)
                session.actions.append(randomAction(false));
            if (m_random.bounded(0, 3) == 0) // a variable in use
                session.actions.first().relativePath = QStringLiteral("/workspaces/{{ws}}/tasks");
            session.actions.first().enabled = true;
            CurlExportOptions options;
            options.pretty = round % 2 == 1;
            roundTrip(session, options);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void randomSessionsPerAction()
    {
        for (int round = 0; round < 60; ++round) {
            Session session;
            for (int i = m_random.bounded(1, 12); i > 0; --i)
                session.actions.append(randomAction(true));
            session.actions.first().enabled = true;
            CurlExportOptions options;
            options.perAction = true;
            options.pretty = round % 2 == 1;
            if (round % 3 == 0)
                options.baseUrl = QUrl(QStringLiteral("http://[::1]:8080/api/1.0"));
            roundTrip(session, options);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void sampleSessions()
    {
        const QString dir = QStringLiteral(TENFOLD_SOURCE_DIR "/resources/sessions/");
        for (const char *name : {"getting-started", "create-and-comment"}) {
            QFile file(dir + QLatin1String(name) + QStringLiteral(".tenfold.json"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            Result<LoadedInput> input = parseInput(file.readAll());
            QVERIFY(input.ok());
            CurlExportOptions options;
            roundTrip(input->session, options);
            options.perAction = true;
            roundTrip(input->session, options);
        }
    }

    void literalTokenStaysOut()
    {
        Session session;
        session.actions = {randomAction(true)};
        session.actions.first().enabled = true;
        CurlExportOptions options;
        options.token = QStringLiteral("2/secret$'token\"");
        const QString script = exportCurl(session, options).value();
        const QByteArray json = serializeSession(importCurl(script).value());
        QVERIFY(!json.contains("secret"));
    }
};

QTEST_GUILESS_MAIN(TestCurlRoundTrip)
#include "tst_curlroundtrip.moc"
