"""Spelling as you type in the compose window: Debian's Hunspell dictionaries through Enchant.

The real window on the fake engine (no model needed: spelling never uses
one), the real en_US and fr_FR dictionaries (installed by .ci/run and the
README's apt line). Words are typed with key clicks where typing matters.
"""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

WAIT_MS = 10_000  # bounds a failure only: the checks take milliseconds


def underlined(window) -> list[str]:
    """Every stretch of the body drawn with the spell-check underline, top to bottom."""
    found = []
    block = window.body.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            style = r.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                found.append(block.text()[r.start : r.start + r.length])
        block = block.next()
    return found


def ready(qtbot, window) -> None:
    """The dictionaries open, and every paragraph checked and drawn."""
    qtbot.waitUntil(lambda: window.services.spelling.checker is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.spelling.highlighter.busy, timeout=WAIT_MS)


def set_body(qtbot, window, text: str) -> None:
    window.body.setPlainText(text)
    ready(qtbot, window)


def put_cursor(window, text: str, offset: int = 1) -> None:
    cursor = window.body.textCursor()
    cursor.setPosition(window.body.toPlainText().index(text) + offset)
    window.body.setTextCursor(cursor)


def open_menu_and(qtbot, opener, act) -> list[str]:
    """Open a context menu with *opener*; *act*(menu) runs inside it; its entries are returned."""
    seen: list[str] = []

    def inside() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, inside)
            return
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        try:
            act(menu)
        finally:
            menu.close()  # a failed step must not leave the test waiting in the menu

    QTimer.singleShot(0, inside)
    opener()
    return seen


def trigger(text: str):
    def act(menu: QMenu) -> None:
        menu.close()
        for action in menu.actions():
            if action.text().replace("&", "") == text:
                action.trigger()

    return act


def close(menu: QMenu) -> None:
    menu.close()


@pytest.fixture
def window(qtbot, fake_window):
    win = fake_window()
    ready(qtbot, win)
    return win


def test_typed_misspellings_are_underlined_and_good_words_are_not(qtbot, window):
    window.body.setFocus()
    window.body.setPlainText("")
    qtbot.keyClicks(window.body, "Thank you for the meeitng on Friday, I will sedn teh notes. ")
    qtbot.waitUntil(lambda: underlined(window) == ["meeitng", "sedn", "teh"], timeout=WAIT_MS)


def test_the_word_being_typed_waits_for_a_pause(qtbot, window):
    window.body.setFocus()
    window.body.setPlainText("")
    qtbot.keyClicks(window.body, "We will recei")
    # Half a word is no mistake yet; after the pause (300 ms) it is one.
    assert underlined(window) == []
    qtbot.waitUntil(lambda: underlined(window) == ["recei"], timeout=WAIT_MS)
    qtbot.keyClicks(window.body, "ve it")
    qtbot.waitUntil(lambda: underlined(window) == [], timeout=WAIT_MS)


def test_a_french_paragraph_in_an_english_email_is_checked_in_french(qtbot, window):
    set_body(
        qtbot,
        window,
        "The reunion of the old team was great, thank you.\n\n"
        "Merci pour la reunion de mardi, c'était tres utile et l’équipe était là.\n\n"
        "I recieved the slides.",
    )
    # "reunion" is English in the first paragraph and a mistake in the second.
    assert underlined(window) == ["reunion", "tres", "recieved"]


def test_french_email_with_english_words_flagged_only_where_wrong(qtbot, window):
    set_body(
        qtbot,
        window,
        "Bonjour Anna,\n\nJe t'envoie le rapport aujourd'hui, peut-être qu'il faudra "
        "le relire. Nous avons beaucop de travail cette semaine.\n\nÀ bientôt",
    )
    assert underlined(window) == ["beaucop"]


def test_what_the_user_did_not_write_is_never_flagged(qtbot, window):
    window.to_field.setText("Oluwaseun Adebayo <oluwaseun@exemple.org>")
    set_body(
        qtbot,
        window,
        "Oluwaseun, the invoice INV-2024-0193 for €1,250.00 is at https://exmple.com/invoce "
        "or write to billing@acme-corp.example, FYI the PDF is on the iPhone.\n"
        "Our Kowalczyk contact agrees.\n"
        "\n"
        "-- \n"
        "Priya Raghunathan\nHeadd of Sales, Zbigniewski GmbH\n"
        "\n"
        "On Mon, 3 Mar 2025, Oluwaseun <oluwaseun@exemple.org> wrote:\n"
        "> Pleese send the documnets.\n"
        "> > Thnaks\n",
    )
    # The name from To at the start of a sentence, a name inside one, numbers,
    # links, addresses, acronyms, the signature and the quote: none of it.
    qtbot.waitUntil(lambda: underlined(window) == [], timeout=WAIT_MS)


def test_a_forwarded_message_is_not_checked(qtbot, window):
    set_body(
        qtbot,
        window,
        "Pleaes see below.\n\n---------- Forwarded message ----------\nFrom: X\n\nTeh original.",
    )
    assert underlined(window) == ["Pleaes"]


def test_suggestions_replace_the_word_as_one_undo_step(qtbot, window):
    set_body(qtbot, window, "I will recieve it tomorow.")
    put_cursor(window, "recieve")
    entries = open_menu_and(qtbot, window.spelling.next_misspelling, trigger("receive"))
    assert entries[0] == "receive"
    assert "&Add “recieve” to the dictionary" in entries
    assert "&Ignore “recieve” in this message" in entries
    assert "&Proofread this paragraph" in entries
    assert window.body.toPlainText() == "I will receive it tomorow."
    window.body.undo()
    assert window.body.toPlainText() == "I will recieve it tomorow."


def test_right_click_offers_corrections_for_the_word_under_the_pointer(qtbot, window):
    set_body(qtbot, window, "Merci pour la reunion de mardi.")
    cursor = window.body.textCursor()
    cursor.setPosition(window.body.toPlainText().index("reunion") + 2)
    point = window.body.cursorRect(cursor).center()
    window.body.moveCursor(QTextCursor.MoveOperation.End)  # the text cursor elsewhere
    entries = open_menu_and(
        qtbot, lambda: window.body.customContextMenuRequested.emit(point), trigger("réunion")
    )
    assert entries[0] == "réunion"
    assert "Copy" in " ".join(entries) or "&Copy" in " ".join(entries)  # the usual entries stay
    assert window.body.toPlainText() == "Merci pour la réunion de mardi."


def test_keyboard_alone_f7_then_arrows_and_return(qtbot, window):
    set_body(qtbot, window, "First teh line.\nSecond lnie here.")
    put_cursor(window, "line.")  # after the first mistake: F7 finds the next one

    def pick_with_keys(menu: QMenu) -> None:
        # The best correction is active at once: Return takes it.
        qtbot.waitUntil(lambda: menu.activeAction() is menu.actions()[0], timeout=WAIT_MS)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    window.body.setFocus()
    entries = open_menu_and(
        qtbot, lambda: qtbot.keyClick(window.body, Qt.Key.Key_F7), pick_with_keys
    )
    assert entries[0] == "line"
    assert "Second line here." in window.body.toPlainText()
    # Once more from there: round to the top.
    open_menu_and(qtbot, lambda: qtbot.keyClick(window.body, Qt.Key.Key_F7), pick_with_keys)
    assert window.body.toPlainText() == "First the line.\nSecond line here."
    # Nothing left: a sentence, no menu.
    qtbot.keyClick(window.body, Qt.Key.Key_F7)
    assert window.statusBar().currentMessage() == "No misspelt words."


def another_window(qtbot, window):
    """A second window of the same app (the services are shared, as the WindowManager does)."""
    from composer.gui.compose_window import ComposeWindow

    other = ComposeWindow(
        window.settings, window.paths, engine=window.engine, services=window.services
    )
    qtbot.addWidget(other)
    other.show()
    return other


def test_add_to_dictionary_is_kept_private_and_reaches_every_window(qtbot, window, app_paths_tmp):
    other = another_window(qtbot, window)
    for win in (window, other):
        set_body(qtbot, win, "Ask Zorblax about the Glimmerstone plan.\nglimmerstone is ours.")
        assert underlined(win) == ["glimmerstone"]
    put_cursor(window, "glimmerstone is")
    open_menu_and(
        qtbot, window.spelling.next_misspelling, trigger("Add “glimmerstone” to the dictionary")
    )
    for win in (window, other):
        qtbot.waitUntil(lambda win=win: underlined(win) == [], timeout=WAIT_MS)
    path = app_paths_tmp.personal_words
    assert path.read_text(encoding="utf-8") == "glimmerstone\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_ignore_in_this_message_only(qtbot, window):
    other = another_window(qtbot, window)
    for win in (window, other):
        set_body(qtbot, win, "The frobnicator is ready.")
    put_cursor(window, "frobnicator")
    open_menu_and(
        qtbot, window.spelling.next_misspelling, trigger("Ignore “frobnicator” in this message")
    )
    qtbot.waitUntil(lambda: underlined(window) == [], timeout=WAIT_MS)
    assert underlined(other) == ["frobnicator"]
    # Kept with the draft: the message reopened still ignores it.
    draft = window.current_draft()
    assert draft.ignored_words == "frobnicator"
    reopened = another_window(qtbot, window)
    reopened.fill(draft)
    ready(qtbot, reopened)
    assert underlined(reopened) == []


def test_proofread_this_paragraph_runs_the_assistant_on_it(qtbot, window):
    set_body(qtbot, window, "Hi Tom,\n\nthe report is late becuase of friday.\n\nBest,\nAnna")
    put_cursor(window, "becuase")
    open_menu_and(qtbot, window.spelling.next_misspelling, trigger("Proofread this paragraph"))
    qtbot.waitUntil(
        lambda: window.assistant.job is not None or window.assistant.review is not None,
        timeout=WAIT_MS,
    )
    cursor = window.body.textCursor()
    assert cursor.selectedText() == "the report is late becuase of friday."


def test_subject_misspellings_are_found_and_corrected(qtbot, window):
    window.subject_field.setText("Meeitng about the budgte")
    assert [w.text for w in window.spelling.subject_result.misspelt] == ["Meeitng", "budgte"]
    window.subject_field.setCursorPosition(3)
    rect = window.subject_field.cursorRect()
    open_menu_and(
        qtbot,
        lambda: window.subject_field.customContextMenuRequested.emit(rect.center()),
        trigger("Meeting"),
    )
    assert window.subject_field.text() == "Meeting about the budgte"


def test_spelling_off_and_languages_in_settings(qtbot, window):
    set_body(
        qtbot,
        window,
        "Merci beaucoup pour la reunion de mardi, elle était très utile à toute l'équipe."
        "\n\nThank you for the meeitng.",
    )
    assert underlined(window) == ["reunion", "meeitng"]
    window.show_settings()
    dialog = window.services.settings_link.dialog
    page = dialog.general.spelling
    items = {
        page.languages.item(i).data(Qt.ItemDataRole.UserRole): page.languages.item(i)
        for i in range(page.languages.count())
    }
    assert {"en", "fr"} <= set(items)
    items["fr"].setCheckState(Qt.CheckState.Unchecked)  # English only now
    qtbot.waitUntil(lambda: window.settings.spelling_languages == "en", timeout=WAIT_MS)
    ready(qtbot, window)
    # The French paragraph is not English: left alone rather than underlined throughout.
    assert underlined(window) == ["meeitng"]
    page.on.setChecked(False)
    qtbot.waitUntil(lambda: underlined(window) == [], timeout=WAIT_MS)
    assert window.settings.spelling is False
    window.spelling.next_misspelling()
    assert window.statusBar().currentMessage() == "Spelling is off (Settings > General)."


def test_a_long_email_is_checked_in_the_background(qtbot, window):
    # 300,000 characters in 4,000 lines: the GUI thread checks only what fits its
    # small budget per turn; the rest is checked by a job and drawn in slices.
    line = "Thank you for the meeting on Friday, I will send the minutes and the slides soon."
    text = "\n".join([line] * 3000 + [f"{line} {i}" for i in range(1000)] + ["The lsat line."])
    assert len(text) > 300_000
    highlighter = window.spelling.highlighter
    before = highlighter.gui_thread_checks
    window.body.setPlainText(text)
    on_gui_thread = highlighter.gui_thread_checks - before
    assert on_gui_thread < 200, on_gui_thread  # of 1,002 different paragraphs
    ready(qtbot, window)
    assert underlined(window) == ["lsat"]


def test_french_interface_menu_and_sentences(qtbot, fake_window, qapp):
    from PySide6.QtCore import QLocale

    from composer import i18n

    default = QLocale()
    assert i18n.install_translators("fr") == "fr"
    try:
        win = fake_window()
        set_body(qtbot, win, "Merci pour la reunion de mardi, elle était très utile.")
        put_cursor(win, "reunion")
        entries = open_menu_and(qtbot, win.spelling.next_misspelling, close)
        assert entries[0] == "réunion"
        assert "&Ajouter « reunion » au dictionnaire" in entries
        assert "&Ignorer « reunion » dans ce message" in entries
        assert "&Relire ce paragraphe" in entries
        win.body.setPlainText("Tout est juste.")
        ready(qtbot, win)
        win.spelling.next_misspelling()
        assert win.statusBar().currentMessage() == "Aucune faute d’orthographe."
    finally:
        i18n.remove_translators()
        QLocale.setDefault(default)


def test_the_menu_key_opens_the_menu_of_the_word_at_the_text_cursor(qtbot, window):
    from PySide6.QtGui import QContextMenuEvent

    set_body(qtbot, window, "Thank you, I recieved it.\n\nSee you tomorow.")
    put_cursor(window, "tomorow", 3)
    # What Qt sends for the menu key or Shift+F10: a keyboard context menu at the
    # text cursor, in the editor's coordinates (not its viewport's).
    center = window.body.cursorRect().center() + window.body.viewport().pos()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, center, window.body.mapToGlobal(center)
    )
    entries = open_menu_and(
        qtbot, lambda: QApplication.sendEvent(window.body, event), trigger("tomorrow")
    )
    assert entries[0] == "tomorrow"
    assert window.body.toPlainText().endswith("See you tomorrow.")
