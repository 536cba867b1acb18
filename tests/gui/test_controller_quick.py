"""AssistantController on the fake engine: the real engine thread and signals, no model.

The same flows as test_assistant_controller.py (which proves them on the
real model, marked slow), scripted so every outcome is known: what streams
in, where Stop lands, which sentence an error carries.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers.fake_engine import FAKE_INFO, Load, Reply
from PySide6.QtGui import QTextDocument

from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantController, AssistantState, MessageFields
from composer.settings import Settings

BODY = "Hi Tom,\n\nthe report is late becuase the data came in on friday.\n\nBest,\nAnna"
SENTENCE = "the report is late becuase the data came in on friday."
FORMAL = "The report is delayed because the data arrived on Friday."
VERY_LATE = "The report is very late because the data came in on Friday."
WAIT_MS = 5000  # the fake answers in milliseconds; this only bounds a failure


class Signals:
    """What a controller said, signal by signal."""

    def __init__(self, c: AssistantController) -> None:
        self.states: list[AssistantState] = []
        self.grew = 0
        self.finished: list[str] = []
        self.messages: list[str] = []
        self.cleared: list[str] = []
        self.stale = 0
        self.status: list[tuple[str, str]] = []
        c.sig_state_changed.connect(self.states.append)
        c.sig_suggestion_grew.connect(self._grew)
        c.sig_finished.connect(self.finished.append)
        c.sig_message.connect(lambda text, _ms: self.messages.append(text))
        c.sig_cleared.connect(self.cleared.append)
        c.sig_stale.connect(self._stale)
        c.sig_model_status.connect(lambda status, note: self.status.append((status, note)))

    def _grew(self) -> None:
        self.grew += 1

    def _stale(self) -> None:
        self.stale += 1


@pytest.fixture
def make_controller(qtbot, app_paths_tmp, fake_service):
    """make_controller(body=BODY, ready=True) -> a controller on the shared fake service."""
    made: list[AssistantController] = []

    def make(body: str = BODY, ready: bool = True) -> AssistantController:
        document = QTextDocument()
        document.setPlainText(body)
        c = AssistantController(
            document, Settings(max_tokens=64), app_paths_tmp, engine=fake_service
        )
        c.signals = Signals(c)
        made.append(c)
        c.reload_model()
        if ready:
            qtbot.waitUntil(lambda: c.state is AssistantState.READY, timeout=WAIT_MS)
        return c

    yield make
    for c in made:
        assert c.shutdown()  # the service is the fixture's to end


@pytest.fixture
def controller(make_controller):
    return make_controller()


def wait_done(qtbot, c: AssistantController) -> None:
    qtbot.waitUntil(lambda: c.state is not AssistantState.GENERATING, timeout=WAIT_MS)


def selection(text: str = SENTENCE, body: str = BODY) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def test_a_draft_streams_into_the_review_and_nothing_changes_before_accept(
    qtbot, make_controller, fake_engine
):
    draft = "Hi Anna,\n\nthank you for Friday, it was a great help.\n\nBest,\nTom"
    # 40 ms before each token: the worker hands each one over on its own
    # (it batches every 30 ms); the reply holds after two until released.
    fake_engine.script(Reply.text(draft, delay=0.04, hold_after=2))
    c = make_controller(body="")
    assert c.run_action(
        Action.DRAFT,
        instruction="thank Anna for Friday",
        fields=MessageFields(subject="Friday", recipients="anna@example.com"),
    )
    assert c.state is AssistantState.GENERATING
    qtbot.waitUntil(fake_engine.holding.is_set, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: c.review.current_text() == "Hi Anna,", timeout=WAIT_MS)
    assert c.state is AssistantState.GENERATING and c.review.streaming
    assert c.signals.grew >= 2  # token by token, not all at the end
    fake_engine.release()
    wait_done(qtbot, c)
    assert c.state is AssistantState.REVIEW
    assert c.review.current_text() == draft
    assert c.document.toPlainText() == ""  # nothing applied before Accept
    prompt = fake_engine.requests[-1].messages[-1].content
    assert "thank Anna for Friday" in prompt and "anna@example.com" in prompt
    assert fake_engine.runs[-1].outcome == "finished"
    assert c.signals.finished[-1].startswith("Done.")


def test_accept_is_one_undo_step(qtbot, controller, fake_engine):
    fake_engine.script(Reply.text(FORMAL))
    assert controller.run_action(Action.FORMAL, selection=selection())
    wait_done(qtbot, controller)
    assert controller.review.original == SENTENCE
    assert controller.review.current_text() == FORMAL
    assert controller.accept(controller.review.ticked_text()) is not None
    assert controller.document.toPlainText() == BODY.replace(SENTENCE, FORMAL)
    assert controller.state is AssistantState.READY and controller.review is None
    controller.document.undo()  # one step takes the whole suggestion out
    assert controller.document.toPlainText() == BODY
    assert controller.signals.states[:3] == [
        AssistantState.READY,
        AssistantState.GENERATING,
        AssistantState.REVIEW,
    ]


def test_discard_forgets_the_suggestion(qtbot, controller, fake_engine):
    fake_engine.script(Reply.text(FORMAL))
    assert controller.run_action(Action.FORMAL, selection=selection())
    wait_done(qtbot, controller)
    controller.discard()
    assert controller.review is None and controller.job is None
    assert controller.signals.cleared == ["Discarded."]
    assert controller.state is AssistantState.READY
    assert controller.document.toPlainText() == BODY


def test_discard_while_writing_stops_the_engine_and_ignores_what_it_still_sends(
    qtbot, controller, fake_engine
):
    fake_engine.script(Reply.text(FORMAL, hold_after=3))
    assert controller.run_action(Action.FORMAL, selection=selection())
    qtbot.waitUntil(fake_engine.holding.is_set, timeout=WAIT_MS)
    controller.discard()
    assert controller.state is AssistantState.READY and controller.review is None
    qtbot.waitUntil(fake_engine.cancel_seen.is_set, timeout=WAIT_MS)
    assert fake_engine.runs[-1].outcome == "cancelled"
    qtbot.wait(50)  # the stopped request's tokens and its "stopped" arrive: ignored
    assert controller.state is AssistantState.READY and controller.review is None
    assert controller.signals.finished == []


def test_stop_while_writing_reaches_the_engine_and_keeps_the_text_so_far(
    qtbot, controller, fake_engine
):
    fake_engine.script(Reply.text(FORMAL, hold_after=3))
    assert controller.run_action(Action.FORMAL, selection=selection())
    qtbot.waitUntil(fake_engine.holding.is_set, timeout=WAIT_MS)
    controller.stop()
    wait_done(qtbot, controller)
    run = fake_engine.runs[-1]
    assert fake_engine.cancel_seen.is_set()
    assert run.outcome == "cancelled" and run.cancel_seen_at == 3
    assert controller.state is AssistantState.REVIEW
    assert controller.review.incomplete
    assert controller.review.current_text().startswith("The report is")
    assert controller.signals.finished == ["Stopped."]


def test_stop_is_seen_between_tokens_long_before_the_answer_ends(qtbot, controller, fake_engine):
    # 400 tokens 25 ms apart: 10 s unless the cancel is seen between tokens.
    fake_engine.script(Reply(tokens=tuple(f" word{i}" for i in range(400)), delay=0.025))
    controller.settings.max_tokens = 400
    controller.document.setPlainText("")
    assert controller.run_action(Action.DRAFT, instruction="write a long letter")
    qtbot.waitUntil(lambda: bool(controller.review.current_text()), timeout=WAIT_MS)
    controller.stop()
    wait_done(qtbot, controller)
    run = fake_engine.runs[-1]
    assert run.outcome == "cancelled"
    assert run.cancel_seen_at is not None and run.cancel_seen_at < 400
    assert controller.state is AssistantState.REVIEW
    assert controller.signals.finished == ["Stopped."]  # our Stop, not the loop guard's


def test_an_engine_error_is_shown_as_its_sentence(qtbot, controller, fake_engine):
    sentence = "The fake engine lost its connection. Try again."
    fake_engine.script(Reply.text(FORMAL, fail_at=0, error=sentence))
    assert controller.run_action(Action.FORMAL, selection=selection())
    wait_done(qtbot, controller)
    assert controller.signals.finished == [sentence]
    assert sentence in controller.signals.messages
    assert fake_engine.runs[-1].outcome == "failed"
    # Nothing was written: no suggestion to review, the assistant is ready again.
    assert controller.state is AssistantState.READY
    assert controller.document.toPlainText() == BODY


def test_an_engine_error_midway_keeps_what_was_written_to_review(qtbot, controller, fake_engine):
    sentence = "The fake engine ran out of memory."
    fake_engine.script(Reply.text(FORMAL, fail_at=4, error=sentence))
    assert controller.run_action(Action.FORMAL, selection=selection())
    wait_done(qtbot, controller)
    assert controller.signals.finished == [sentence]
    assert controller.state is AssistantState.REVIEW
    assert controller.review.incomplete
    assert controller.review.current_text().startswith("The report is delayed")


def test_accept_after_an_edit_inside_the_target_is_refused_then_runs_again_on_the_edit(
    qtbot, controller, fake_engine
):
    fake_engine.script(Reply.text(FORMAL), Reply.text(VERY_LATE))
    assert controller.run_action(Action.FORMAL, selection=selection())
    wait_done(qtbot, controller)
    edited = BODY.replace("late", "very late")
    controller.document.setPlainText(edited)  # the user edits the sentence after asking
    assert controller.accept(controller.review.ticked_text()) is None
    assert controller.signals.stale == 1
    assert "Not applied: the text changed after you asked." in controller.signals.messages
    assert controller.document.toPlainText() == edited
    assert controller.state is AssistantState.REVIEW  # the suggestion stays for another look
    # Run again: on what the sentence became, not blindly on the old text.
    assert controller.regenerate()
    wait_done(qtbot, controller)
    changed = SENTENCE.replace("late", "very late")
    assert controller.job.target.original == changed
    assert "The part to work on:\n<<<\n" + changed in fake_engine.requests[-1].messages[-1].content
    assert controller.accept(controller.review.ticked_text()) is not None
    assert controller.document.toPlainText() == edited.replace(changed, VERY_LATE)


def test_edits_elsewhere_do_not_block_accept(qtbot, controller, fake_engine):
    fake_engine.script(Reply.text(FORMAL))
    assert controller.run_action(Action.FORMAL, selection=selection())
    wait_done(qtbot, controller)
    controller.document.setPlainText(BODY + "\nP.S. see you soon")
    assert controller.accept(controller.review.ticked_text()) is not None
    assert controller.document.toPlainText() == BODY.replace(SENTENCE, FORMAL) + (
        "\nP.S. see you soon"
    )


def test_regenerate_asks_again_and_keeps_the_earlier_version(qtbot, controller, fake_engine):
    fake_engine.script(Reply.text("Tom, the report is late."), Reply.text("The report is late."))
    assert controller.run_action(Action.SHORTEN)
    wait_done(qtbot, controller)
    assert controller.regenerate()
    assert controller.state is AssistantState.GENERATING
    wait_done(qtbot, controller)
    review = controller.review
    assert review.version_count == 2
    assert review.current_text() == "The report is late."
    assert fake_engine.requests[0] == fake_engine.requests[1]  # the same request again
    assert review.show_version(0)
    assert review.current_text() == "Tom, the report is late."


def test_a_failed_load_says_why_and_nothing_runs(qtbot, make_controller, fake_engine):
    fake_engine.script_loads(Load(error="The fake model file is damaged."))
    c = make_controller(ready=False)
    qtbot.waitUntil(lambda: bool(c.signals.status), timeout=WAIT_MS)
    assert c.signals.status[-1] == (
        "No model: you can still write by hand",
        "The fake model file is damaged.",
    )
    assert c.state is AssistantState.NO_MODEL
    assert not c.run_action(Action.PROOFREAD)
    assert fake_engine.requests == []


def test_a_refused_model_keeps_the_working_one(qtbot, controller, fake_engine):
    fake_engine.script_loads(Load(error="The fake model file is damaged."))
    working = controller.model_info
    controller.load_model("/models/broken.gguf")
    assert controller.state is AssistantState.NO_MODEL  # while it loads
    qtbot.waitUntil(lambda: controller.state is AssistantState.READY, timeout=WAIT_MS)
    assert controller.model_info is working
    assert controller.signals.status[-1][1] == (
        "The fake model file is damaged. Still using Fake model."
    )
    assert fake_engine.loads[-1].path == "/models/broken.gguf"


def test_a_slow_load_keeps_the_assistant_waiting_then_ready(qtbot, make_controller, fake_engine):
    fake_engine.script_loads(Load(delay=0.3, info=replace(FAKE_INFO, name="Slow model")))
    c = make_controller(ready=False)
    assert c.loading and c.state is AssistantState.NO_MODEL
    assert not c.run_action(Action.FORMAL)
    qtbot.waitUntil(lambda: c.state is AssistantState.READY, timeout=WAIT_MS)
    assert c.model_info.name == "Slow model" and not c.loading
