"""The compose window end to end: real engine thread, real model, offscreen Qt."""

from __future__ import annotations

import pytest
from helpers.compose import GEN_TIMEOUT_MS, LOAD_TIMEOUT_MS
from helpers.review import use_it_anyway
from PySide6.QtCore import Qt

from composer.assist.actions import prepare_suggestion
from composer.gui.assistant_controller import AssistantState


@pytest.fixture
def window(open_window, starter_model_path):
    return open_window(starter_model_path, ready=True, max_tokens=48, context_size=2048)


def by_id(window, cls, object_name):
    widget = window.findChild(cls, object_name)
    assert widget is not None, f"no {cls.__name__} {object_name!r}"
    return widget


def ask_for_draft(qtbot, window, prompt="thank Anna for Friday, propose Tuesday instead"):
    from PySide6.QtWidgets import QLineEdit

    field = by_id(window, QLineEdit, "prompt")
    field.setFocus()
    qtbot.keyClicks(field, prompt)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.assistant.state is AssistantState.GENERATING


def test_accessible_names_exist(window):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QTextEdit

    # The names assistive technology relies on, on the controls tests find by id.
    for object_name, name in (("toField", "To"), ("subjectField", "Subject"), ("prompt", "Prompt")):
        assert by_id(window, QLineEdit, object_name).accessibleName() == name
    assert by_id(window, QPlainTextEdit, "messageBody").accessibleName() == "Message body"
    assert by_id(window, QTextEdit, "diffView").accessibleName() == "Suggestion"
    for object_name, name in (
        ("draftButton", "Draft"),
        ("stopButton", "Stop"),
        ("acceptAllButton", "Accept"),
        ("discardButton", "Discard"),
    ):
        assert by_id(window, QPushButton, object_name).accessibleName() == name


def test_draft_streams_real_tokens_and_leaves_body_alone(qtbot, window):
    window.body.setPlainText("My own words.")
    batches = []
    window.engine.worker.sig_tokens.connect(lambda rid, text: batches.append(text))
    ask_for_draft(qtbot, window)
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=GEN_TIMEOUT_MS)
    suggestion = window.assistant_panel.suggestion_text()
    assert suggestion.strip()
    # What streamed in is what is offered (minus wrapping the model may add).
    assert suggestion == prepare_suggestion(window.assistant.job.target, "".join(batches))
    assert len(batches) >= 2  # it streamed in pieces
    assert window.body.toPlainText() == "My own words."
    assert "tokens/s" in window.assistant_panel.phase.text()


def test_stop_ends_generation_and_leaves_body_untouched(qtbot, open_window, starter_model_path):
    w = open_window(starter_model_path, ready=True, max_tokens=2000, context_size=4096)
    w.body.setPlainText("Keep me.")
    stopped = []
    w.engine.worker.sig_stopped.connect(lambda rid, stats: stopped.append(stats))
    ask_for_draft(qtbot, w, "write a long report about every meeting this year")
    qtbot.waitUntil(lambda: len(w.assistant_panel.suggestion_text()) > 0, timeout=GEN_TIMEOUT_MS)
    qtbot.mouseClick(w.assistant_panel.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(stopped), timeout=30_000)
    assert stopped[0].stop_reason == "cancelled"
    assert stopped[0].generated_tokens < 2000
    assert w.assistant.state is AssistantState.REVIEW  # the partial text can still be reviewed
    assert w.body.toPlainText() == "Keep me."


def test_accept_is_one_undo_step(qtbot, window):
    original = "Hello Anna,\n\nfirst line\nsecond line"
    window.body.setPlainText(original)
    ask_for_draft(qtbot, window)
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=GEN_TIMEOUT_MS)
    suggestion = window.assistant_panel.review.session.ticked_text()
    assert suggestion.strip()
    qtbot.mouseClick(window.assistant_panel.accept_button, Qt.MouseButton.LeftButton)
    use_it_anyway(window.assistant_panel.review)
    assert window.body.toPlainText() == suggestion
    assert window.body.toPlainText() != original
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == original
    window.commands["redo"].trigger()
    assert window.body.toPlainText() == suggestion


def test_discard_leaves_body_untouched(qtbot, window):
    window.body.setPlainText("Untouched.")
    ask_for_draft(qtbot, window)
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=GEN_TIMEOUT_MS)
    qtbot.mouseClick(window.assistant_panel.discard_button, Qt.MouseButton.LeftButton)
    assert window.assistant_panel.suggestion_text() == ""
    assert window.body.toPlainText() == "Untouched."
    assert window.assistant.state is AssistantState.READY


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "does not exist"),
        (b"PK\x03\x04 not a model" * 50, "not a GGUF"),
        (b"GGUF\x03\x00\x00\x00", "truncated"),
    ],
)
def test_bad_model_file_gives_message_and_composer_stays_usable(
    qtbot, open_window, tmp_path, content, expected
):
    path = tmp_path / "model.gguf"
    if content is not None:
        path.write_bytes(content)
    w = open_window(path)
    qtbot.waitUntil(
        lambda: expected in w.assistant_panel.model_note.text(), timeout=LOAD_TIMEOUT_MS
    )
    assert w.assistant.state is AssistantState.NO_MODEL
    assert not w.assistant_panel.draft_button.isEnabled()
    assert w.model_status.text() == "No model"
    assert "write by hand" in w.model_status.toolTip()
    w.body.setFocus()
    qtbot.keyClicks(w.body, "Still writing.")
    assert w.body.toPlainText() == "Still writing."


def test_close_during_generation_exits_cleanly(qtbot, open_window, starter_model_path):
    w = open_window(starter_model_path, ready=True, max_tokens=2000)
    ask_for_draft(qtbot, w, "write a long letter")
    qtbot.waitUntil(lambda: len(w.assistant_panel.suggestion_text()) > 0, timeout=GEN_TIMEOUT_MS)
    assert w.close()
    assert not w.engine.engine_thread.isRunning()
    # qt_log_level_fail turns any Qt warning during this into a failure.


def test_help_lists_shortcuts_and_about_shows_llama_info(window):
    names = dict(window.shortcut_lines())
    assert "Undo" in names and "Stop writing" in names and "Accept all changes" in names
    # Every assistant command is reachable from the keyboard and listed.
    from PySide6.QtWidgets import QMenu

    assistant_menu = window.findChild(QMenu, "assistantMenu")
    commands = [a for a in assistant_menu.actions() if not a.isSeparator()]
    assert len(commands) >= 15
    for command in commands:
        assert not command.shortcut().isEmpty(), command.text()
        assert command.text().replace("&", "") in names
    from composer.gui.dialogs.about import version_lines

    lines = "\n".join(version_lines())
    assert "llama-cpp-python" in lines and "system info" in lines


# -- no field cuts text silently (issue "Hostile mail": silent truncation) ---------------------


def test_fields_hold_more_than_any_mailto_link(no_model_window):
    from composer.mail.mailto import MAX_MAILTO_LENGTH

    w = no_model_window()
    for field in (w.to_field, w.cc_field, w.bcc_field, w.subject_field):
        assert field.maxLength() > MAX_MAILTO_LENGTH  # Qt's default, 32,767, cut silently
    text = "x" * (MAX_MAILTO_LENGTH + 1)
    w.subject_field.setText(text)
    assert w.subject_field.text() == text


def test_a_40000_character_mailto_is_kept_whole_in_the_fields_and_the_draft(make_manager):
    from urllib.parse import quote

    from composer.mail.mailto import MAX_SUBJECT_CHARS

    manager = make_manager()
    # Long addresses, fewer than the 1,000 recipients a link may name: more than
    # QLineEdit's default 32,767 characters all the same.
    to = [f"a.rather.long.mailbox.name.{i:04d}@departement.example.org" for i in range(599)]
    to.append("anna@example.org")
    cc = [f"Copy {i} <copy{i:04d}@example.net>" for i in range(300)] + ["last@example.org"]
    subject = "Minutes " * (MAX_SUBJECT_CHARS // 8)
    url = (
        "mailto:"
        + ",".join(to)
        + "?cc="
        + ",".join(quote(address) for address in cc)  # an encoded comma is no separator
        + "&subject="
        + quote(subject)
    )
    window = manager.open_mailto(url)
    assert window is not None
    expected_to = ", ".join(to)
    assert len(expected_to) > 32_767
    # The last address whole: a cut at 32,767 could leave a valid one on another domain.
    assert window.to_field.text() == expected_to and window.to_field.text().endswith(
        "anna@example.org"
    )
    assert window.cc_field.text() == ", ".join(cc)
    assert window.subject_field.text() == subject.strip()

    assert window.autosave.save()
    saved = window.autosave.store.load()
    assert saved is not None
    assert (saved.to, saved.cc, saved.subject) == (expected_to, ", ".join(cc), subject.strip())


def test_a_reply_subject_over_32767_characters_is_kept_whole(no_model_window):
    window = no_model_window()
    subject = "Re: " + "s" * 40_000  # a message's subject is read up to 32 KB, then Re:
    window.subject_field.setText(subject)
    assert window.subject_field.text() == subject
