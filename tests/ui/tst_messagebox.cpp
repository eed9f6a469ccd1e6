// MessageBox without a test answer: the real QMessageBox a person sees (title, text, details,
// buttons, default button) and the answer it returns, given by clicking and by keys. The other
// widget tests answer through setNextAnswer() and never show these dialogs.
#include "dialogs/messagebox.h"

#include <QAbstractButton>
#include <QApplication>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Tenfold;

namespace {

struct Seen
{
    QString title;
    QString text;
    QString details;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    QList<QMessageBox::StandardButton> buttons;
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
};

/// Waits (in the dialog's own event loop) for the message box to be shown, records what it
/// shows, then lets `respond` answer it as a person would.
void whenShown(Seen *seen, std::function<void(QMessageBox *)> respond)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, seen, respond] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        seen->title = box->windowTitle();
        seen->text = box->text();
        seen->details = box->informativeText();
        seen->icon = box->icon();
        for (QAbstractButton *button : box->buttons())
            seen->buttons.append(box->standardButton(button));
        if (QPushButton *button = box->defaultButton())
            seen->defaultButton = box->standardButton(button);
        respond(box);
    });
    poll->start();
}

void click(QMessageBox *box, QMessageBox::StandardButton which)
{
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

const QMessageBox::StandardButtons SaveDiscardCancel =
    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel;

} // namespace

class TestMessageBox : public QObject
{
    Q_OBJECT

private slots:
    void aQuestionReturnsTheButtonClicked()
    {
        Seen seen;
        whenShown(&seen, [](QMessageBox *box) { click(box, QMessageBox::Discard); });
        const QMessageBox::StandardButton answer =
            MessageBox::question(nullptr, QStringLiteral("Unsaved Changes"),
                                 QStringLiteral("Save the changes to QA.tenfold.json?"),
                                 SaveDiscardCancel, QMessageBox::Save);
        QCOMPARE(answer, QMessageBox::Discard);
        QCOMPARE(seen.title, QStringLiteral("Unsaved Changes"));
        QCOMPARE(seen.text, QStringLiteral("Save the changes to QA.tenfold.json?"));
        QCOMPARE(seen.icon, QMessageBox::Question);
        QCOMPARE(seen.buttons.size(), 3);
        QVERIFY(seen.buttons.contains(QMessageBox::Save));
        QVERIFY(seen.buttons.contains(QMessageBox::Cancel));
        QCOMPARE(seen.defaultButton, QMessageBox::Save);
    }

    void returnTakesTheDefaultAndEscapeCancels()
    {
        Seen seen;
        whenShown(&seen, [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Return); });
        QCOMPARE(MessageBox::question(nullptr, QStringLiteral("Send"), QStringLiteral("Send?"),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No),
                 QMessageBox::No);

        whenShown(&seen, [](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Escape); });
        QCOMPARE(MessageBox::question(nullptr, QStringLiteral("Unsaved Changes"),
                                      QStringLiteral("Save?"), SaveDiscardCancel,
                                      QMessageBox::Save),
                 QMessageBox::Cancel);
    }

    void anErrorShowsItsDetails()
    {
        Seen seen;
        whenShown(&seen, [](QMessageBox *box) { click(box, QMessageBox::Ok); });
        MessageBox::critical(nullptr, QStringLiteral("Open"),
                             QStringLiteral("QA.tenfold.json is not a Tenfold session."),
                             QStringLiteral("line 3, column 7: missing comma"));
        QCOMPARE(seen.icon, QMessageBox::Critical);
        QCOMPARE(seen.text, QStringLiteral("QA.tenfold.json is not a Tenfold session."));
        QCOMPARE(seen.details, QStringLiteral("line 3, column 7: missing comma"));
        QCOMPARE(seen.buttons, QList<QMessageBox::StandardButton>{QMessageBox::Ok});

        // Without details there is no empty second paragraph.
        Seen plain;
        whenShown(&plain, [](QMessageBox *box) { click(box, QMessageBox::Ok); });
        MessageBox::critical(nullptr, QStringLiteral("Save"), QStringLiteral("Disk full."));
        QVERIFY(plain.details.isEmpty());
    }

    void aWarningAndANoticeShowTheirText()
    {
        Seen warning;
        whenShown(&warning, [](QMessageBox *box) { click(box, QMessageBox::Ok); });
        MessageBox::warning(nullptr, QStringLiteral("Results"),
                            QStringLiteral("2 results could not be matched."),
                            QStringLiteral("The actions were edited since."));
        QCOMPARE(warning.icon, QMessageBox::Warning);
        QCOMPARE(warning.details, QStringLiteral("The actions were edited since."));

        Seen notice;
        whenShown(&notice, [](QMessageBox *box) { click(box, QMessageBox::Ok); });
        MessageBox::information(nullptr, QStringLiteral("Sandbox"),
                                QStringLiteral("The sandbox was reset."));
        QCOMPARE(notice.icon, QMessageBox::Information);
        QCOMPARE(notice.text, QStringLiteral("The sandbox was reset."));
    }

    // Last: once a test answers, no dialog is shown for the rest of the process.
    void aTestAnswerIsGivenOnceWithoutADialog()
    {
        MessageBox::takeShownTexts();
        MessageBox::setNextAnswer(QMessageBox::Discard);
        QCOMPARE(MessageBox::question(nullptr, QStringLiteral("Unsaved Changes"),
                                      QStringLiteral("Save?"), SaveDiscardCancel,
                                      QMessageBox::Save),
                 QMessageBox::Discard);
        MessageBox::critical(nullptr, QStringLiteral("Open"), QStringLiteral("Unreadable."));
        MessageBox::warning(nullptr, QStringLiteral("W"), QStringLiteral("Partly."),
                            QStringLiteral("Why."));
        QCOMPARE(MessageBox::takeShownTexts(),
                 (QStringList{QStringLiteral("Save?"), QStringLiteral("Unreadable."),
                              QStringLiteral("Partly.\n\nWhy.")}));
        QVERIFY(MessageBox::takeShownTexts().isEmpty());
        QVERIFY(!QApplication::activeModalWidget());
    }
};

QTEST_MAIN(TestMessageBox)
#include "tst_messagebox.moc"
