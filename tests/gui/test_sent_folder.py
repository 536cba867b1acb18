"""After Send: a window that stays says so, and File > Sent lists and opens the kept copies.

Real SMTP (aiosmtpd on loopback, a test CA), the real WindowManager.
"""

from __future__ import annotations

import shiboken6

from composer.gui.message_window import MessageWindow

TIMEOUT_MS = 15_000


def write_and_send(window, to="Zoë <zoe@example.com>", subject="Budget") -> None:
    window.to_field.setText(to)
    window.subject_field.setText(subject)
    window.body.setPlainText("The budget stays at 450 EUR.")
    window.commands["send"].trigger()


def test_the_only_window_stays_empty_and_says_it_was_sent(qtbot, make_manager, smtp_account):
    manager = make_manager(assistant="off")  # the message alone: no model, no model note
    manager.start([])
    [window] = manager.compose_windows()
    write_and_send(window)
    qtbot.waitUntil(lambda: smtp_account.received != [], timeout=TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Sent"), timeout=TIMEOUT_MS
    )
    assert window.isVisible()  # the app did not end with the message
    assert window.statusBar().currentMessage() == (
        "Sent to Zoë <zoe@example.com>. A copy is in File > Sent."
    )
    assert window.current_draft().is_empty()  # ready for the next message


def test_a_window_sent_from_closes_and_the_one_that_stays_says_it(
    qtbot, make_manager, smtp_account
):
    manager = make_manager(assistant="off")  # the message alone: no model, no model note
    manager.start([])
    [first] = manager.compose_windows()
    second = manager.new_compose()
    write_and_send(second, subject="Second")
    qtbot.waitUntil(
        lambda: not shiboken6.isValid(second) or not second.isVisible(), timeout=TIMEOUT_MS
    )
    assert manager.compose_windows() == [first]
    assert first.statusBar().currentMessage().startswith("Sent to Zoë <zoe@example.com>.")


def test_file_sent_lists_the_copies_newest_first_and_opens_one(qtbot, make_manager, smtp_account):
    manager = make_manager(assistant="off")  # the message alone: no model, no model note
    manager.start([])
    [window] = manager.compose_windows()
    for subject in ("Older", "Newer"):
        write_and_send(window, subject=subject)
        qtbot.waitUntil(
            lambda: window.statusBar().currentMessage().startswith("Sent"), timeout=TIMEOUT_MS
        )
        window.statusBar().clearMessage()
        qtbot.wait(1100)  # the copies' names carry the second they were sent

    window.commands["sent"].trigger()
    dialog = manager.sent_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.reading, timeout=TIMEOUT_MS)
    subjects = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert subjects == ["Newer", "Older"]
    assert dialog.list.topLevelItem(0).text(1) == "Zoë <zoe@example.com>"

    opened = []
    manager.sig_message_opened.connect(opened.append)
    dialog.open_selected()
    qtbot.waitUntil(lambda: opened != [], timeout=TIMEOUT_MS)
    assert isinstance(opened[0], MessageWindow)
    assert "Newer" in opened[0].windowTitle()


def test_file_sent_with_nothing_sent_says_so(qtbot, make_manager):
    manager = make_manager(assistant="off")  # the message alone: no model, no model note
    manager.start([])
    manager.show_sent()
    dialog = manager.sent_dialog
    qtbot.waitUntil(lambda: not dialog.reading, timeout=TIMEOUT_MS)
    assert dialog.list.topLevelItemCount() == 0
    assert dialog.note.text().startswith("No sent messages yet")
    assert not dialog.open_button.isEnabled()
