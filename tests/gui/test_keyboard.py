"""The compose window from the keyboard: Tab order, mnemonics, shortcuts, Esc, small windows."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from helpers.compose import GEN_TIMEOUT_MS
from helpers.review import finish, start_review
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu

from composer.gui.assistant_controller import AssistantState
from composer.gui.compose_window import MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH
from composer.gui.widgets import assistant_panel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

SUGGESTION = "I have the report ready for the meeting."


def mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a literal ampersand)."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def window_mnemonics(window) -> list[tuple[str, str]]:
    """(letter, text) of the menu titles, buttons and labels Alt reaches now."""
    found = []
    for act in window.menuBar().actions():
        if act.isVisible() and (key := mnemonic(act.text())):
            found.append((key, act.text()))
    for cls in (QAbstractButton, QLabel):
        for widget in window.findChildren(cls):
            if widget.isVisibleTo(window) and (key := mnemonic(widget.text())):
                found.append((key, widget.text()))
    return found


def duplicates(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(key for key, _text in pairs)
    return {k: [t for key, t in pairs if key == k] for k, n in counts.items() if n > 1}


def show_review(window, original: str = "I has teh report ready for our meeting.") -> None:
    """A finished suggestion with changes to tick, as after an action on a selection."""
    review = window.assistant_panel.review
    start_review(review, original, SUGGESTION)
    finish(review)
    window.assistant_panel.set_state(AssistantState.REVIEW)


@pytest.fixture
def plain_window(no_model_window, qtbot):
    window = no_model_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


# -- mnemonics and shortcuts ----------------------------------------------------
def test_mnemonics_are_unique_in_the_window(plain_window):
    assert duplicates(window_mnemonics(plain_window)) == {}
    # Also with everything the review can show: changes list, ticked accept, stale notice.
    show_review(plain_window)
    plain_window.assistant_panel.review.show_stale_notice()
    found = window_mnemonics(plain_window)
    assert duplicates(found) == {}
    assert len(found) >= 20  # the check saw the window's controls


def test_menu_items_have_unique_mnemonics(plain_window):
    for menu in plain_window.menuBar().findChildren(QMenu):
        pairs = [
            (key, a.text())
            for a in menu.actions()
            if not a.isSeparator() and (key := mnemonic(a.text()))
        ]
        assert duplicates(pairs) == {}, menu.title()


def test_no_ctrl_alt_shortcut_and_none_twice(plain_window):
    seen: dict[str, str] = {}
    for act in plain_window.findChildren(type(plain_window.commands["undo"])):
        for key in act.shortcuts():
            for i in range(key.count()):
                mods = key[i].keyboardModifiers()
                # Ctrl+Alt is AltGr on many keyboards; desktops take many of them.
                assert not (mods & CTRL and mods & ALT), f"{act.text()}: {key.toString()}"
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text}: {seen.get(text)} and {act.text()}"
            seen[text] = act.text()


def test_settings_has_a_shortcut_everywhere(plain_window):
    keys = [k.toString() for k in plain_window.commands["settings"].shortcuts()]
    assert "Ctrl+," in keys


def test_shortcuts_dialog_grouped_searchable_and_closed_by_esc(plain_window, qtbot):
    plain_window.commands["shortcuts"].trigger()
    dialog = plain_window.shortcuts_dialog
    assert dialog.isVisible()
    groups = [title for title, _rows in plain_window.shortcut_groups()]
    assert groups[:4] == ["File", "Edit", "Assistant", "Review"]
    rows = dialog.visible_rows()
    commands = [command for _group, command, _keys in rows]
    assert len(commands) == len(set(commands)), "a command is listed twice"
    assert ("Review", "Accept all changes") in [(g, c) for g, c, _k in rows]
    assert ("Edit", "Settings…") in [(g, c) for g, c, _k in rows]
    draft = next(keys for _g, command, keys in rows if command == "Draft from the prompt")
    assert "Enter" in draft  # both ways of drafting on one row

    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "undo")
    assert [(g, c) for g, c, _k in dialog.visible_rows()] == [("Edit", "Undo")]
    dialog.search.setText("ctrl+shift+k")
    assert [c for _g, c, _k in dialog.visible_rows()] == ["Accept the ticked changes"]
    dialog.search.setText("no such command")
    assert dialog.visible_rows() == []
    dialog.search.clear()
    assert len(dialog.visible_rows()) == len(rows)

    assert dialog.search.accessibleName() and dialog.tree.accessibleName()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# -- focus ------------------------------------------------------------------------
def test_tab_moves_through_the_fields_body_and_assistant(plain_window, qtbot):
    w = plain_window
    w.to_field.setFocus()
    order = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    # No model: the assistant's buttons are disabled, the prompt and language are not.
    assert order == [
        "ccField",
        "bccField",
        "subjectField",
        "messageBody",
        "prompt",
        "outputLanguage",
    ]


def test_tab_order_reaches_the_review(plain_window, qtbot):
    w = plain_window
    show_review(w)
    w.assistant_panel.language.setFocus()
    order = []
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    # Previous/Next are disabled with one version.
    assert order[:5] == [
        "regenerateButton",
        "diffView",
        "changeList",
        "acceptAllButton",
        "acceptTickedButton",
    ]
    assert "discardButton" in order


def test_tab_leaves_the_body_and_ctrl_tab_types_a_tab(plain_window, qtbot):
    w = plain_window
    w.body.setFocus()
    qtbot.keyClicks(w.body, "Hello")
    qtbot.keyClick(w.body, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.assistant_panel.prompt
    assert w.body.toPlainText() == "Hello"
    w.body.setFocus()
    qtbot.keyClick(w.body, Qt.Key.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is w.subject_field
    w.body.setFocus()
    w.body.moveCursor(w.body.textCursor().MoveOperation.End)
    qtbot.keyClick(w.body, Qt.Key.Key_Tab, CTRL)
    assert w.body.toPlainText() == "Hello\t"
    assert QApplication.focusWidget() is w.body


def test_shortcuts_focus_the_prompt_language_and_changes(plain_window, qtbot):
    w = plain_window
    show_review(w)
    w.body.setFocus()
    qtbot.keyClick(w.body, Qt.Key.Key_D, CTRL | SHIFT)
    assert QApplication.focusWidget() is w.assistant_panel.prompt
    qtbot.keyClick(w.assistant_panel.prompt, Qt.Key.Key_L, CTRL | SHIFT)
    assert QApplication.focusWidget() is w.assistant_panel.language
    qtbot.keyClick(w.assistant_panel.language, Qt.Key.Key_H, CTRL | SHIFT)
    assert QApplication.focusWidget() is w.assistant_panel.review.change_list


# -- layout -----------------------------------------------------------------------
def test_review_fits_800_by_600(plain_window, qtbot):
    w = plain_window
    show_review(w)
    w.assistant_panel.review.show_stale_notice()
    w.resize(800, 600)
    qtbot.wait(50)
    QApplication.processEvents()
    assert (w.width(), w.height()) == (800, 600), "the window grew"
    review = w.assistant_panel.review
    for button in (review.accept_all_button, review.accept_selected_button, review.discard_button):
        assert button.isVisible()
        assert button.height() >= button.sizeHint().height(), button.objectName()
    assert review.diff_view.height() >= 40 and review.change_list.height() >= 40
    # A sensible minimum: smaller than 800×600, but not so small that things squash.
    minimum = w.minimumSizeHint().expandedTo(w.minimumSize())
    assert minimum.width() <= 800 and minimum.height() <= 600
    w.resize(300, 200)
    QApplication.processEvents()
    assert (w.width(), w.height()) == (MIN_WINDOW_WIDTH, MIN_WINDOW_HEIGHT)
    for button in (review.accept_all_button, review.accept_selected_button, review.discard_button):
        assert button.height() >= button.sizeHint().height(), button.objectName()
    for button in w.assistant_panel.action_buttons.values():
        assert button.height() >= button.minimumSizeHint().height()


def test_a_long_model_note_scrolls_away_before_the_buttons_at_800_by_600(plain_window, qtbot):
    w = plain_window
    w.resize(800, 600)
    panel = w.assistant_panel
    panel.model_note.setText(" ".join(["A long note about the model in use."] * 12))
    area = panel.controls_area
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0, timeout=2000)
    viewport = area.viewport()
    for button in (panel.draft_button, panel.custom_button, panel.stop_button):
        top = button.mapTo(viewport, button.rect().topLeft()).y()
        bottom = button.mapTo(viewport, button.rect().bottomLeft()).y()
        assert top >= 0 and bottom < viewport.height(), button.objectName()


# -- a suggestion is announced --------------------------------------------------
def test_ready_suggestion_is_announced(plain_window, monkeypatch):
    sent = []
    monkeypatch.setattr(
        assistant_panel.QAccessible,
        "updateAccessibility",
        staticmethod(lambda event: sent.append((event.type(), event.message()))),
    )
    panel = plain_window.assistant_panel
    show_review(plain_window)
    panel.finish("Done.")
    assert sent and sent[-1][0] == QAccessible.Event.Announcement
    assert sent[-1][1].startswith("Suggestion ready.")
    assert "changes ticked" in sent[-1][1]
    assert panel.phase.accessibleDescription() == sent[-1][1]


# -- the whole flow, keys only, real model ----------------------------------------
def test_keyboard_only_draft_accept_undo(window, qtbot, monkeypatch):
    announced = []
    monkeypatch.setattr(
        assistant_panel.QAccessible,
        "updateAccessibility",
        staticmethod(lambda event: announced.append(event.message())),
    )
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.body.setFocus()
    qtbot.keyClicks(window.body, "Dear Anna,")
    original = window.body.toPlainText()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, CTRL | SHIFT)
    prompt = window.assistant_panel.prompt
    assert QApplication.focusWidget() is prompt
    qtbot.keyClicks(prompt, "thank Anna for Friday")
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert window.assistant.state is AssistantState.GENERATING
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=GEN_TIMEOUT_MS)
    suggestion = window.assistant_panel.review.session.ticked_text()
    assert suggestion.strip()
    assert any(text.startswith("Suggestion ready.") for text in announced)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL | SHIFT)
    assert window.body.toPlainText() == suggestion
    assert QApplication.focusWidget() is window.body
    qtbot.keyClick(window.body, Qt.Key.Key_Z, CTRL)
    assert window.body.toPlainText() == original


def test_mnemonics_are_unique_with_the_welcome_page(open_window):
    pytest.importorskip("composer.gui.widgets.welcome_page")
    window = open_window(assistant="")  # no choice yet: the welcome page shows
    if getattr(window, "welcome", None) is None:
        pytest.skip("this window has no welcome page")
    assert window.welcome.isVisibleTo(window)
    assert duplicates(window_mnemonics(window)) == {}


@pytest.mark.slow  # sets up the starter model in a fresh home, as the first start does
def test_keyboard_only_from_the_welcome_page_to_an_accepted_suggestion(open_window, qtbot):
    window = open_window(assistant="", max_tokens=24, context_size=2048)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.welcome is not None and window.welcome.isVisibleTo(window)
    window.body.setFocus()
    qtbot.keyClicks(window.body, "Dear Anna,")
    # Tab on from the message to the welcome page's "Use the starter model", then Space.
    starter = window.welcome.starter_button
    for _ in range(30):
        if QApplication.focusWidget() is starter:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is starter
    qtbot.keyClick(starter, Qt.Key.Key_Space)
    assert window.assistant_panel.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=120_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, CTRL | SHIFT)
    prompt = window.assistant_panel.prompt
    assert QApplication.focusWidget() is prompt
    qtbot.keyClicks(prompt, "thank Anna for Friday")
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=GEN_TIMEOUT_MS)
    suggestion = window.assistant_panel.review.session.ticked_text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL | SHIFT)
    assert window.body.toPlainText() == suggestion
