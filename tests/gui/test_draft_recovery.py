"""Closing the window (or crashing) never loses the message being written."""

from __future__ import annotations

from composer.mail.drafts import DraftStore


def test_message_is_autosaved_and_restored_after_close(qtbot, app_paths_tmp, no_model_window):
    first = no_model_window()
    first.to_field.setText("anna@example.com")
    first.subject_field.setText("Friday")
    qtbot.keyClicks(first.body, "Thanks for Friday!")
    store = DraftStore(app_paths_tmp.drafts)
    qtbot.waitUntil(
        lambda: store.load() is not None and store.load().body == "Thanks for Friday!", timeout=5000
    )
    first.close()

    second = no_model_window()
    assert second.to_field.text() == "anna@example.com"
    assert second.subject_field.text() == "Friday"
    assert second.body.toPlainText() == "Thanks for Friday!"


def test_typing_just_before_close_is_saved(qtbot, app_paths_tmp, no_model_window):
    window = no_model_window()
    qtbot.keyClicks(window.body, "last words")
    window.close()  # before the autosave timer fired
    assert DraftStore(app_paths_tmp.drafts).load().body == "last words"


def test_discard_message_clears_fields_and_draft_and_can_be_undone(
    qtbot, app_paths_tmp, no_model_window
):
    window = no_model_window()
    window.body.setPlainText("to be discarded")
    window.save_draft()
    window.discard_message(confirm=False)
    assert window.body.toPlainText() == ""
    assert DraftStore(app_paths_tmp.drafts).load() is None
    window.body.undo()
    assert window.body.toPlainText() == "to be discarded"


def test_a_second_window_at_the_same_time_never_overwrites_the_first_ones_draft(
    qtbot, app_paths_tmp, no_model_window
):
    first = no_model_window()
    first.body.setPlainText("first message")
    first.save_draft()
    second = no_model_window()
    assert second.body.toPlainText() == ""  # the draft belongs to the first window
    second.body.setPlainText("second message")
    second.save_draft()
    second.discard_message(confirm=False)
    assert DraftStore(app_paths_tmp.drafts).load().body == "first message"
