"""Closing a window (or crashing) never loses the message being written."""

from __future__ import annotations

from composer.mail.drafts import saved_drafts


def test_message_is_autosaved_and_restored_after_close(qtbot, app_paths_tmp, make_manager):
    manager = make_manager()
    manager.start([])
    first = manager.windows[0]
    first.to_field.setText("anna@example.com")
    first.subject_field.setText("Friday")
    qtbot.keyClicks(first.body, "Thanks for Friday!")
    store = first.autosave.store
    qtbot.waitUntil(
        lambda: store.load() is not None and store.load().body == "Thanks for Friday!", timeout=5000
    )
    first.close()

    again = make_manager()
    again.start([])
    (second,) = again.compose_windows()
    assert second.to_field.text() == "anna@example.com"
    assert second.subject_field.text() == "Friday"
    assert second.body.toPlainText() == "Thanks for Friday!"
    assert second.autosave.store.path == store.path  # the same draft, taken up again


def test_typing_just_before_close_is_saved(qtbot, no_model_window):
    window = no_model_window()
    store = window.autosave.store
    qtbot.keyClicks(window.body, "last words")
    window.close()  # before the autosave timer fired
    assert store.load().body == "last words"


def test_discard_message_clears_fields_and_draft_and_can_be_undone(qtbot, no_model_window):
    window = no_model_window()
    window.body.setPlainText("to be discarded")
    window.save_draft()
    assert window.autosave.store.path.exists()
    window.discard_message(confirm=False)
    assert window.body.toPlainText() == ""
    assert not window.autosave.store.path.exists()
    window.body.undo()
    assert window.body.toPlainText() == "to be discarded"


def test_a_second_window_at_the_same_time_never_overwrites_the_first_ones_draft(
    qtbot, app_paths_tmp, no_model_window
):
    first = no_model_window()
    first.body.setPlainText("first message")
    first.save_draft()
    second = no_model_window()
    assert second.body.toPlainText() == ""  # a new window starts a new message
    second.body.setPlainText("second message")
    second.save_draft()
    second.discard_message(confirm=False)
    assert [s.draft.body for s in saved_drafts(app_paths_tmp.drafts)] == ["first message"]
