"""The fact guard: amounts, dates, names… that a suggestion changed or dropped are flagged."""

from __future__ import annotations

import pytest

from composer.assist.fact_guard import compare_facts, find_facts, names_in
from composer.assist.review_session import ReviewSession


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("The total is 300 €.", "The total is 250 €.", ["“250 €” instead of “300 €”"]),
        ("See you on Friday at 10:30.", "See you soon.", ["“Friday” removed", "“10:30” removed"]),
        ("Due 3 March 2025.", "Due 4 March 2025.", ["“4 March 2025” instead of “3 March 2025”"]),
        (
            "Mail anna@example.com",
            "Mail tom@example.com",
            ["a link or address changed: “tom@example.com” instead of “anna@example.com”"],
        ),
        ("Read https://example.org/a", "Read the page", ["“https://example.org/a” removed"]),
        ("Prices rise 5%.", "Prices rise 7%.", ["“7%” instead of “5%”"]),
        # Rewording, case and spacing are not fact changes.
        ("It costs 300 €, due friday.", "The price is 300 € and it is due Friday.", []),
        ("1 200,50 €", "1200.50 €", []),
    ],
)
def test_changed_and_dropped_facts(old, new, expected):
    assert [c.sentence() for c in compare_facts(old, new)] == expected


def test_names_come_from_the_headers_the_greeting_and_the_signature():
    body = "Hi Tom,\n\nthe slides are ready.\n\nBest,\nAnna"
    assert set(names_in(body, "Tom Berg <tom@example.com>")) == {"Tom", "Berg", "Anna"}
    facts = find_facts("Thanks Tom, Anna will call.", ("Tom", "Anna"))
    assert [(f.kind, f.text) for f in facts] == [("name", "Tom"), ("name", "Anna")]


ORIGINAL = "Hi Tom,\n\nthe invoice of 300 € is due on friday. Please pay it befor then.\n\nAnna"


def finished(session: ReviewSession, text: str, stopped: bool = False) -> ReviewSession:
    session.add_version()
    session.append(text)
    session.finish(stopped=stopped)
    return session


def test_proofread_unticks_changed_facts_and_rewrites_and_says_why():
    suggestion = (
        "Hi Anna,\n\nThe invoice of 250 € is due on Friday. Kindly pay it before then.\n\nAnna"
    )
    session = finished(ReviewSession(ORIGINAL, proofreading=True, language="en"), suggestion)
    by_old = {r.change.old_text.strip(): r for r in session.reviewed_changes()}
    assert not by_old["Tom"].ticked and "“Anna” instead of “Tom”" in by_old["Tom"].description
    assert not by_old["300"].ticked and "250" in by_old["300"].description
    assert by_old["friday"].ticked and not by_old["friday"].facts  # capitalisation: a real fix
    assert by_old["befor"].ticked  # spelling
    rewrite = next(r for r in session.reviewed_changes() if r.rewrite and not r.facts)
    assert not rewrite.ticked and rewrite.description.startswith("Rewrite")
    # Accepting the ticked changes keeps every fact of the original.
    kept = session.ticked_text()
    assert "300 €" in kept and "Hi Tom" in kept and "Friday" in kept and "before" in kept


def test_other_actions_untick_fact_changes_too():
    session = finished(ReviewSession("The total is 300 €."), "The total comes to 250 €.")
    (change,) = [r for r in session.reviewed_changes() if r.facts]
    assert not change.ticked and "Changes a fact" in change.description


def test_while_streaming_the_unreached_rest_of_the_original_is_not_removed():
    original = " ".join(f"Sentence number {i} says something about the plan." for i in range(30))
    session = ReviewSession(original)
    session.add_version()
    session.append(
        " ".join(f"Sentence number {i} says something about the plan." for i in range(5))
    )
    assert session.streaming
    assert 0 < session.reached < len(original) // 2
    assert not any("Sentence number 20" in c.old_text for c in session.changes())
    assert session.all_changes_text() == original  # nothing past the reached part changes


def test_a_stopped_version_changes_only_what_it_reached():
    original = "First paragraph is here.\n\nSecond paragraph stays untouched until reached."
    session = finished(ReviewSession(original), "First paragraph, shorter.", stopped=True)
    assert session.incomplete
    result = session.all_changes_text()
    assert result.startswith("First paragraph, shorter.")
    assert result.endswith("Second paragraph stays untouched until reached.")
