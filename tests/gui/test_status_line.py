"""The status bar's right side: short, current, and the details in its tooltips."""

from __future__ import annotations

from helpers.fake_engine import Reply

from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantState
from composer.gui.assistant_side import STATE_WIDTH, WHERE_WIDTH, _short_model_name

WAIT_MS = 5000


def test_the_status_says_what_the_assistant_does_now(qtbot, fake_window, fake_engine):
    fake_engine.script(Reply.text("Hello Anna, see you on Tuesday.", hold_after=2))
    window = fake_window()
    assert window.model_status.text() == "Ready"
    assert "Fake model" in window.model_status.toolTip()  # the whole sentence, on demand

    window.body.setPlainText("hello anna")
    window.assistant_panel.request(Action.PROOFREAD)
    qtbot.waitUntil(fake_engine.holding.is_set, timeout=WAIT_MS)
    assert window.model_status.text() == "Writing…"  # not "Ready" while it writes

    fake_engine.release()
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=WAIT_MS)
    assert window.model_status.text() == "Suggestion to review"
    window.assistant_panel.discard_button.click()
    assert window.model_status.text() == "Ready"


def test_the_right_side_never_takes_the_messages_room(qtbot, fake_window):
    window = fake_window()
    window.resize(800, 600)
    for label, most in ((window.model_status, STATE_WIDTH), (window.where_text_goes, WHERE_WIDTH)):
        assert label.fontMetrics().horizontalAdvance(label.text()) <= most
    # A long message on the left and the two lines on the right share the bar.
    window.statusBar().showMessage("Sent to anna@example.com and 3 others.")
    qtbot.wait(10)
    bar = window.statusBar()
    right = min(w.geometry().left() for w in (window.model_status, window.where_text_goes))
    assert right > bar.width() // 3


def test_a_server_model_reported_as_a_path_is_shown_by_its_file_name():
    assert _short_model_name("/srv/models/llama-3.2-3b-q4_k_m.gguf") == "llama-3.2-3b-q4_k_m.gguf"
    assert _short_model_name("C:\\models\\phi.gguf") == "phi.gguf"
    assert _short_model_name("gpt-4o-mini") == "gpt-4o-mini"
