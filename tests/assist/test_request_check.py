"""A draft checked against the request: facts it misses, facts nobody gave it."""

from __future__ import annotations

from composer.assist.request_check import Phrases, Status, check_request

PROMPT = "propose Tuesday 10:00 instead; the budget stays at 450 EUR"
THREAD = "Can we meet on Monday at 9:00?\n\nBest,\nAnna"
DRAFT = (
    "Hi Anna,\n\nMonday does not suit me. The budget stays at €450. We have 13 employees, "
    "12 of which are women.\n\nBest,\nTom"
)


def test_facts_of_the_request_missing_from_the_draft():
    findings = check_request(PROMPT, THREAD, "", DRAFT, names=("Anna", "Tom"))
    missing = [f for f in findings if f.status is Status.MISSING]
    assert [(f.kind, f.text) for f in missing] == [("day", "Tuesday"), ("time", "10:00")]
    assert missing[1].sentence() == "10:00 from your request is missing"


def test_facts_of_the_draft_in_neither_request_thread_nor_email_are_new():
    findings = check_request(PROMPT, THREAD, "", DRAFT, names=("Anna", "Tom"))
    new = [f for f in findings if f.status is Status.NEW]
    assert [f.text for f in new] == ["13", "12"]
    assert new[0].sentence() == "13 employees: not in your request or the thread"


def test_a_draft_that_keeps_everything_has_no_finding():
    draft = "Hi Anna,\n\nCould we meet on Tuesday at 10am instead? The budget stays at 450 €."
    assert check_request(PROMPT, THREAD, "", draft) == []


def test_the_greeting_name_and_dates_of_the_thread_are_not_new():
    thread = "On 3 March, Olivia Stone <olivia@example.org> wrote:\n> See you on 3 March."
    draft = "Dear Olivia,\n\nthank you, see you on March 3rd."
    assert check_request("confirm", thread, "", draft, names=("Olivia", "Stone")) == []


def test_numbers_in_words_and_length_instructions():
    findings = check_request("say we are 4, in 2 sentences", "", "", "We will be four.")
    assert findings == []


def test_sentences_follow_the_phrases_the_gui_passes():
    phrases = Phrases(
        missing="%1 de votre demande manque", new="%1 : ni dans la demande ni dans le fil"
    )
    (finding,) = check_request("rendez-vous à 14 h", "", "", "Rendez-vous à 15 h.")[:1]
    assert finding.sentence(phrases) == "14 h de votre demande manque"
