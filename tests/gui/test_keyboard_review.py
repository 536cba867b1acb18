"""The review with the keyboard alone, from the changes list where Tab lands."""

from __future__ import annotations

from helpers.fake_engine import Reply
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantState

WAIT_MS = 5000
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def reviewing(qtbot, fake_window, fake_engine, versions: int):
    fake_engine.script(
        Reply.text("Hello Anna, see you Tuesday."), Reply.text("Hi Anna, see you on Tuesday.")
    )
    window = fake_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.body.setPlainText("hello anna, see you tuesday")
    review = window.assistant_panel.review
    window.assistant_panel.request(Action.PROOFREAD)
    for count in range(1, versions + 1):
        if count > 1:
            review.regenerate_button.click()
        qtbot.waitUntil(
            lambda n=count: (
                window.assistant.state is AssistantState.REVIEW
                and review.session.version_count == n
            ),
            timeout=WAIT_MS,
        )
    review.change_list.setFocus()
    return window, review


def test_alt_shift_left_and_right_browse_versions_from_the_changes_list(
    qtbot, fake_window, fake_engine
):
    window, review = reviewing(qtbot, fake_window, fake_engine, versions=2)
    assert review.current_version() == 1
    QTest.keyClick(review.change_list, Qt.Key.Key_Left, ALT_SHIFT)
    assert review.current_version() == 0
    QTest.keyClick(review.change_list, Qt.Key.Key_Right, ALT_SHIFT)
    assert review.current_version() == 1


def test_after_discard_from_the_changes_list_the_keyboard_is_back_in_the_message(
    qtbot, fake_window, fake_engine
):
    window, review = reviewing(qtbot, fake_window, fake_engine, versions=1)
    QTest.keyClick(review.change_list, Qt.Key.Key_Backspace, CTRL_SHIFT)  # Discard suggestion
    assert window.assistant.state is AssistantState.READY
    assert QApplication.focusWidget() is window.body
    QTest.keyClicks(QApplication.focusWidget(), "!")
    assert "!" in window.body.toPlainText()
