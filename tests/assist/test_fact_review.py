"""The review flags and unticks each change that alters a fact, whatever the action (issue 24)."""

from __future__ import annotations

import pytest

from composer.assist.review import Phrases
from composer.assist.review_session import ReviewedChange, ReviewSession


def review(original: str, suggestion: str, *, proofreading: bool = False) -> list[ReviewedChange]:
    session = ReviewSession(original, proofreading=proofreading, language="en")
    session.add_version()
    for i in range(0, len(suggestion), 7):  # streamed, as the model writes it
        session.append(suggestion[i : i + 7])
    session.finish()
    return session.reviewed_changes()


def flagged(rows: list[ReviewedChange]) -> list[ReviewedChange]:
    return [r for r in rows if r.facts]


def test_a_name_in_the_body_replaced_by_words_is_a_dropped_fact_not_grammar():
    rows = review(
        "The invoice is ready, as agreed with Marc.",
        "The invoice is ready, as agreed with the email.",
        proofreading=True,
    )
    (row,) = rows
    assert row.facts and not row.ticked
    assert row.description == "Changes a fact (“Marc” removed)."
    assert "Grammar" not in row.description


def test_a_name_in_the_body_swapped_for_another_is_flagged():
    (row,) = review("Please send it to Marc today.", "Please send it to Tom today.")
    assert not row.ticked and "“Tom” instead of “Marc”" in row.description


def test_a_fact_row_says_the_fact_and_not_a_spelling_label():
    (row,) = review("The budget is 450 EUR.", "The budget is 540 EUR.", proofreading=True)
    assert row.description == "Changes a fact (“540 EUR” instead of “450 EUR”)."
    assert "Spelling" not in row.description and "mistyped" not in row.description


@pytest.mark.parametrize("action", ["More formal", "Shorten", "Friendlier", "Expand", "custom"])
def test_rewrites_untick_a_fact_change_like_proofread(action):
    # Every rewriting action reviews its text the same way (follows_original).
    rows = review("We meet on Tuesday at 10:00.", "We will meet on Thursday at 10:00.")
    (row,) = flagged(rows)
    assert not row.ticked and "“Thursday” instead of “Tuesday”" in row.description
    assert all(r.ticked for r in rows if not r.facts)


def test_a_draft_into_an_empty_email_has_no_fact_to_keep():
    (row,) = review("", "Hi Anna, see you on Tuesday at 10:00.")
    assert row.ticked and not row.facts


@pytest.mark.parametrize("proofreading", [True, False])
@pytest.mark.parametrize(
    "old, new, sentence",
    [
        (
            "events@x.org",
            "event@x.org",
            "a link or address changed: “event@x.org” instead of “events@x.org”",
        ),
        ("site.co.uk", "site.com", "a link or address changed: “site.com” instead of “site.co.uk”"),
    ],
)
def test_an_address_edited_inside_is_one_changed_fact(proofreading, old, new, sentence):
    rows = review(
        f"Write to {old} before Friday.",
        f"Write to {new} before Friday.",
        proofreading=proofreading,
    )
    (row,) = rows
    assert row.description == f"Changes a fact ({sentence})."
    assert not row.ticked and len(row.facts) == 1


@pytest.mark.parametrize(
    "old, new",
    [
        ("We can come on Tuesday.", "We cannot come on Tuesday."),
        ("We will pay the invoice.", "We won't pay the invoice."),
        ("We do not agree.", "We do agree."),
        ("Il peut venir mardi.", "Il ne peut pas venir mardi."),
    ],
)
def test_a_negation_added_or_removed_reverses_the_meaning(old, new):
    for proofreading in (True, False):
        rows = review(old, new, proofreading=proofreading)
        (row,) = flagged(rows)
        assert "meaning reversed" in row.description and not row.ticked
        assert "Grammar" not in row.description


def test_ne_and_pas_inserted_apart_are_one_change():
    (row,) = review("Il peut venir.", "Il ne peut pas venir.", proofreading=True)
    assert (row.change.old_text, row.change.new_text) == ("peut ", "ne peut pas ")


def test_capitalising_a_name_is_not_a_fact_change():
    (row,) = review("I will call anna tomorrow.", "I will call Anna tomorrow.", proofreading=True)
    assert row.ticked and not row.facts and row.description.startswith("Capitalisation")


@pytest.mark.parametrize("proofreading", [True, False])
def test_a_weekday_moved_within_its_sentence_is_not_a_fact_change(proofreading):
    rows = review(
        "We meet at 10:00 on Tuesday with the team.",
        "We meet on Tuesday at 10:00 with the team.",
        proofreading=proofreading,
    )
    assert rows and not flagged(rows)


def test_reordering_that_keeps_every_fact_is_not_flagged():
    rows = review(
        "The budget stays at 450 EUR and we expect 13 guests.",
        "We expect 13 guests and the budget stays at €450.",
    )
    assert rows and not flagged(rows)


def test_the_fact_sentences_come_from_the_phrases_the_gui_passes():
    phrases = Phrases(fact="Modifie un fait (%1).", fact_replaced="« %1 » au lieu de « %2 »")
    session = ReviewSession("Total : 450 €.", phrases=phrases)
    session.add_version("Total : 540 €.")
    session.finish()
    (row,) = session.reviewed_changes()
    assert row.description == "Modifie un fait (« 540 € » au lieu de « 450 € »)."


def test_a_translation_from_before_with_its_second_placeholder_still_reads():
    session = ReviewSession("Total: 450 €.", phrases=Phrases(fact="Changes a fact (%1). %2"))
    session.add_version("Total: 540 €.")
    session.finish()
    assert session.descriptions() == ["Changes a fact (“540 €” instead of “450 €”)."]
