"""Two compose windows, one model in memory: loads are shared, stops are not."""

from __future__ import annotations

from helpers.compose import GEN_TIMEOUT_MS, wait_ready

from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantState


def test_two_windows_share_one_model_and_a_stop_stops_only_its_own_window(
    qtbot, make_manager, starter_model_path
):
    manager = make_manager(starter_model_path, max_tokens=160, context_size=2048)
    loads = []
    manager.engine.worker.sig_loading.connect(loads.append)
    manager.start([])
    first = manager.windows[0]
    first.commands["new_message"].trigger()
    second = manager.compose_windows()[1]
    wait_ready(qtbot, first)
    wait_ready(qtbot, second)
    assert loads == [starter_model_path.name]  # one load, for both windows
    assert first.assistant.model_info is second.assistant.model_info

    finished = {first: [], second: []}
    for window in finished:
        window.assistant.sig_finished.connect(finished[window].append)
    writing = []
    first.assistant.sig_suggestion_grew.connect(lambda: writing.append(True))
    first.assistant.run_action(Action.DRAFT, "a long letter to Anna about the summer holidays")
    second.assistant.run_action(Action.DRAFT, "thank Tom for the report")
    # The second request waits for the first, and its panel says so.
    assert second.assistant.state is AssistantState.GENERATING
    assert "another window" in second.assistant_panel.phase.text()
    qtbot.waitUntil(lambda: bool(writing), timeout=GEN_TIMEOUT_MS)
    first.assistant.stop()
    qtbot.waitUntil(
        lambda: second.assistant.state is not AssistantState.GENERATING, timeout=GEN_TIMEOUT_MS
    )
    assert finished[first] == ["Stopped."]
    assert finished[second][0].startswith("Done.")  # the other window's stop left it alone
    assert second.assistant.review is not None and second.assistant.review.current_text()


def test_turning_the_assistant_off_in_one_window_frees_the_model_for_all(
    qtbot, make_manager, starter_model_path
):
    manager = make_manager(starter_model_path, context_size=2048)
    manager.start([])
    first = manager.windows[0]
    first.commands["new_message"].trigger()
    second = manager.compose_windows()[1]
    wait_ready(qtbot, second)
    first.assistant.unload_model()
    assert second.assistant.state is AssistantState.NO_MODEL
    assert manager.engine.model_info is None
    second.assistant.reload_model()
    wait_ready(qtbot, first)  # a load from either window serves both
    assert first.assistant.model_info is not None


def test_asking_again_right_after_a_discard_does_not_claim_another_window(
    qtbot, make_manager, starter_model_path
):
    manager = make_manager(starter_model_path, max_tokens=64, context_size=2048)
    manager.start([])
    (window,) = manager.compose_windows()
    wait_ready(qtbot, window)
    window.assistant.run_action(Action.DRAFT, "a letter to Anna")
    window.assistant.discard()  # its request may still be ending on the engine thread
    window.assistant.run_action(Action.DRAFT, "a letter to Tom")
    assert "another window" not in window.assistant_panel.phase.text()
    qtbot.waitUntil(
        lambda: window.assistant.state is not AssistantState.GENERATING, timeout=GEN_TIMEOUT_MS
    )
    assert "Tom" in window.assistant.job.instruction
