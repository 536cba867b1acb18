"""No fact slips past the user, through the window: the fake engine writes what a bad model would.

A rewrite that changes an amount and fixes a typo; a draft that drops a time
from the request and invents a number; a reply in the wrong language. The
window is the real one, so these are the buttons a person presses.
"""

from __future__ import annotations

from helpers.fake_engine import Reply
from PySide6.QtWidgets import QMessageBox

from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantState

WAIT_MS = 5000  # the fake answers in milliseconds; this only bounds a failure

BODY = "Hi Tom,\n\nthe budget stays at 450 EUR, as agreed with Marc. Teh venue is booked.\n\nAnna"
# More formal, and two facts changed: the amount and the name.
FORMAL = (
    "Hi Tom,\n\nThe budget remains at 540 EUR, as agreed with Paul. The venue is booked.\n\nAnna"
)


def wait_done(qtbot, window) -> None:
    qtbot.waitUntil(
        lambda: window.assistant.state is not AssistantState.GENERATING, timeout=WAIT_MS
    )


def run_and_wait(qtbot, window, action: Action) -> None:
    window.assistant_panel.request(action)
    wait_done(qtbot, window)


def check_box(window) -> QMessageBox | None:
    return window.assistant_panel.review.findChild(QMessageBox, "requestCheckBox")


def test_accept_all_on_a_rewrite_keeps_the_changed_facts_out_and_says_so(
    qtbot, fake_window, fake_engine
):
    fake_engine.script(Reply.text(FORMAL))
    window = fake_window()
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.FORMAL)
    review = window.assistant_panel.review
    held = review.session.held_facts()
    # Both facts are flagged, described by their facts alone, and unticked.
    assert sorted(fact.new for change in held for fact in change.facts) == ["540 EUR", "Paul"]
    assert all(
        c.description.startswith("Changes a fact") and "Spelling" not in c.description for c in held
    )
    assert review.facts_note.isVisibleTo(window)
    assert "Accept all keeps your facts: 2 changed" in review.facts_note.text()

    window.assistant_panel.accept_button.click()  # Accept all
    body = window.body.toPlainText()
    assert "450 EUR" in body and "Marc" in body  # the user's facts
    assert "540" not in body and "Paul" not in body
    assert "The venue is booked." in body and "remains" in body  # the rest of the rewrite
    status = window.assistant_panel.phase.text()
    assert status.startswith("Accepted. Your facts stayed as you wrote them")
    assert "“540 EUR” instead of “450 EUR”" in status
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == BODY


def test_a_fact_the_user_ticks_goes_in_with_accept_all(qtbot, fake_window, fake_engine):
    fake_engine.script(Reply.text(FORMAL))
    window = fake_window()
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.FORMAL)
    session = window.assistant_panel.review.session
    [amount] = [c for c in session.held_facts() if c.facts[0].new == "540 EUR"]
    session.set_ticked(amount.change.index, True)
    window.assistant_panel.review.refresh()
    assert "1 changed" in window.assistant_panel.review.facts_note.text()
    window.assistant_panel.accept_button.click()
    body = window.body.toPlainText()
    assert "540 EUR" in body and "Marc" in body and "Paul" not in body


DRAFT = (
    "Hi Lena,\n\nCould we move our meeting to Tuesday? The budget stays at 450 EUR. "
    "We now have 13 employees, 12 of which are women.\n\nBest,\nAnna"
)


def draft_in(qtbot, window) -> None:
    window.to_field.setText("Lena Vogt <lena@example.org>")
    window.assistant_panel.prompt.setText(
        "propose Tuesday 10:00 instead; the budget stays at 450 EUR"
    )
    window.assistant_panel.draft_button.click()
    wait_done(qtbot, window)


def test_a_draft_is_checked_against_the_request_and_accept_all_asks_first(
    qtbot, fake_window, fake_engine
):
    fake_engine.script(Reply.text(DRAFT))
    window = fake_window()
    draft_in(qtbot, window)
    review = window.assistant_panel.review
    shown = review.findings.text()
    assert review.findings.isVisibleTo(window)
    assert "10:00 from your request is missing" in shown
    assert "13 employees: not in your request or the thread" in shown
    assert "Tuesday" not in shown and "450" not in shown and "Lena" not in shown

    window.assistant_panel.accept_button.click()  # Accept all: asks, listing them
    box = check_box(window)
    assert box is not None and box.isVisible()
    assert "10:00 from your request is missing" in box.informativeText()
    assert box.defaultButton().text() == "&Back to the review"
    box.defaultButton().click()  # Enter: back, nothing changed
    qtbot.waitUntil(lambda: check_box(window) is None, timeout=WAIT_MS)
    assert window.body.toPlainText() == ""
    assert window.assistant.state is AssistantState.REVIEW

    window.assistant_panel.accept_button.click()
    box = check_box(window)
    [use] = [b for b in box.buttons() if b.text() == "&Use it anyway"]
    use.click()
    assert window.body.toPlainText() == DRAFT


def test_a_draft_that_says_what_was_asked_goes_in_without_a_question(
    qtbot, fake_window, fake_engine
):
    fake_engine.script(
        Reply.text("Hi Lena,\n\nCould we meet Tuesday at 10:00? The budget stays at 450 EUR.")
    )
    window = fake_window()
    draft_in(qtbot, window)
    assert not window.assistant_panel.review.findings.isVisibleTo(window)
    window.assistant_panel.accept_button.click()
    assert check_box(window) is None
    assert "Tuesday at 10:00" in window.body.toPlainText()


FRENCH_THREAD = (
    "\n\nLe lun. 3 mars 2025, Camille Martin <camille@example.fr> a écrit :\n"
    "> Bonjour Anna,\n> Pouvez-vous m'envoyer le rapport avant vendredi ? "
    "Nous avons besoin des chiffres pour la réunion avec le client.\n> Merci,\n> Camille"
)
ENGLISH_REPLY = (
    "Hi Camille,\n\nThank you for your message. I will send you the report before Friday, "
    "with all the figures you need for the meeting with the client.\n\nBest regards,\nAnna"
)
FRENCH_REPLY = (
    "Bonjour Camille,\n\nJe vous envoie le rapport avant vendredi, avec les chiffres "
    "pour la réunion avec le client.\n\nBien à vous,\nAnna"
)


def test_a_reply_to_a_french_message_is_asked_in_french_and_offered_again_in_french(
    qtbot, fake_window, fake_engine
):
    fake_engine.script(Reply.text(ENGLISH_REPLY), Reply.text(FRENCH_REPLY))
    window = fake_window()  # the English UI
    window.body.setPlainText(FRENCH_THREAD)
    run_and_wait(qtbot, window, Action.REPLY)
    prompt = fake_engine.requests[-1].messages[-1].content
    assert "Write the result in French, the language of the message being answered." in prompt
    review = window.assistant_panel.review
    assert review.notice.isVisibleTo(window)
    assert review.notice.text() == "The answer is in English, not in Français as asked."
    again = review.again_button
    assert again.isVisibleTo(window) and again.text() == "Again in Français"

    again.click()
    wait_done(qtbot, window)
    prompt = fake_engine.requests[-1].messages[-1].content
    assert "Write the result in French." in prompt
    assert review.session.version_count == 2 and review.current_text() == FRENCH_REPLY
    assert not review.notice.isVisibleTo(window)
