#include "curl/curlexportdialog.h"
#include "curl/shellquote.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace Tenfold;

/// The Export as curl dialog, driven like a user does: every control changes the preview.
class TestCurlExportDialog : public QObject
{
    Q_OBJECT

private:
    static Session session()
    {
        Session s;
        s.name = QStringLiteral("Dialog");
        Action create;
        create.method = QStringLiteral("post");
        create.relativePath = QStringLiteral("/tasks");
        create.data = QJsonObject{{"name", "it's $HOME"}, {"workspace", "1001"}};
        Action read;
        read.method = QStringLiteral("get");
        read.relativePath = QStringLiteral("/users/me");
        s.actions = {create, read};
        return s;
    }

    template<typename T>
    static T *child(QWidget &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }

    /// Clicks where a user does: on the indicator (a wide row's centre is empty space).
    static void clickIndicator(QAbstractButton *button)
    {
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
    }

private slots:
    void previewFollowsTheControls()
    {
        CurlExportDialog dialog(session(), QStringLiteral("2/sekrit"));
        dialog.show();
        auto *preview = child<QPlainTextEdit>(dialog, "preview");
        QVERIFY(preview->isReadOnly());
        QVERIFY(preview->font().fixedPitch() || preview->font().styleHint() == QFont::Monospace ||
                QFontInfo(preview->font()).fixedPitch());
        QCOMPARE(preview->toPlainText().count(QLatin1String("\ncurl ")), 1); // one batch
        QVERIFY(preview->toPlainText().contains(QLatin1String("'\\''s $HOME")));

        clickIndicator(child<QRadioButton>(dialog, "perAction"));
        QCOMPARE(preview->toPlainText().count(QLatin1String("\ncurl ")), 2);

        child<QComboBox>(dialog, "shell")->setCurrentIndex(1);
        QVERIFY(preview->toPlainText().contains(QLatin1String("$env:ASANA_ACCESS_TOKEN")));
        child<QComboBox>(dialog, "shell")->setCurrentIndex(2);
        QVERIFY(preview->toPlainText().contains(QLatin1String("%ASANA_ACCESS_TOKEN%")));
        child<QComboBox>(dialog, "shell")->setCurrentIndex(0);

        QVERIFY(!preview->toPlainText().contains(QLatin1String("{\n")));
        clickIndicator(child<QCheckBox>(dialog, "pretty"));
        QVERIFY(preview->toPlainText().contains(QLatin1String("{\n")));
    }

    void tokenOnlyWhenTicked()
    {
        CurlExportDialog dialog(session(), QStringLiteral("2/sekrit"));
        dialog.show();
        auto *include = child<QCheckBox>(dialog, "includeToken");
        QVERIFY(!include->isChecked());
        QVERIFY(!dialog.commands().contains(QLatin1String("sekrit")));
        clickIndicator(include);
        QVERIFY(dialog.commands().contains(QLatin1String("Bearer 2/sekrit")));
        QVERIFY(child<QLabel>(dialog, "status")->text().contains(QLatin1String("token")));

        CurlExportDialog noToken(session());
        QVERIFY(!child<QCheckBox>(noToken, "includeToken")->isEnabled());
    }

    void copyPutsThePreviewOnTheClipboard()
    {
        CurlExportDialog dialog(session());
        dialog.show();
        QApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>(dialog, "copy"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), dialog.commands());
        QVERIFY(dialog.commands().startsWith(QLatin1String("#!/usr/bin/env bash")));
    }

    void errorsAreShownAndCopyIsOff()
    {
        Session broken = session();
        broken.actions.first().relativePath = QStringLiteral("/tasks/{{missing}}");
        CurlExportDialog dialog(broken);
        QVERIFY(dialog.commands().isEmpty());
        QVERIFY(!child<QPushButton>(dialog, "copy")->isEnabled());
        QVERIFY(child<QLabel>(dialog, "status")->text().contains(QLatin1String("{{missing}}")));
    }

    void plainHttpToAForeignHostIsRefused()
    {
        Session foreign = session();
        foreign.target = Target::parse(QStringLiteral("http://example.com/api/1.0")).value();
        CurlExportDialog dialog(foreign, QStringLiteral("2/sekrit"));
        dialog.show();
        auto *status = child<QLabel>(dialog, "status");
        QVERIFY2(status->text().contains(QLatin1String("refusing to write commands that send the "
                                                       "token over plain http to example.com")),
                 qPrintable(status->text()));
        QVERIFY(dialog.commands().isEmpty());
        QVERIFY(!child<QPushButton>(dialog, "copy")->isEnabled());
        // Ticking the token changes nothing: the rule holds for a reference and for the token.
        clickIndicator(child<QCheckBox>(dialog, "includeToken"));
        QVERIFY(dialog.commands().isEmpty());
        QVERIFY(!dialog.commands().contains(QLatin1String("sekrit")));

        Session local = session();
        local.target = Target::parse(QStringLiteral("http://127.0.0.1:8123/api/1.0")).value();
        CurlExportDialog loopback(local);
        QVERIFY(loopback.commands().contains(QLatin1String("http://127.0.0.1:8123/api/1.0/batch")));
    }

    void windowsShellsSayWhereTheyGo()
    {
        Session percent = session();
        percent.actions[0].data = QJsonObject{{"name", "100% %PATH%"}};
        CurlExportDialog dialog(percent);
        auto *shell = child<QComboBox>(dialog, "shell");
        shell->setCurrentIndex(shell->findData(int(Shell::Cmd)));
        QVERIFY(shell->currentText().contains(QLatin1String("prompt")));
        QVERIFY(dialog.commands().contains(QLatin1String("%^PATH")));
        shell->setCurrentIndex(shell->findData(int(Shell::Bat)));
        QVERIFY(shell->currentText().contains(QLatin1String(".bat")));
        QVERIFY(dialog.commands().startsWith(QLatin1String("@echo off")));
        QVERIFY(dialog.commands().contains(QLatin1String("%%PATH%%")));
    }
};

QTEST_MAIN(TestCurlExportDialog)
#include "tst_curlexportdialog.moc"
