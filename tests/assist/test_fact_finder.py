"""The facts of a text as whole entities, with keys that ignore how they are written."""

from __future__ import annotations

import pytest

from composer.assist.fact_finder import find_facts, number_value, same_fact
from composer.assist.fact_names import name_candidates, names_in


def facts(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_facts(text, tuple(name_candidates(text)))]


def keys(text: str) -> list[str]:
    return [f.key for f in find_facts(text) if f.kind != "negation"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Call +33 6 12 34 56 78 or (555) 123-4567.",
            [("phone", "+33 6 12 34 56 78"), ("phone", "(555) 123-4567")],
        ),
        (
            "IBAN FR76 3000 6000 0112 3456 7890 189.",
            [("iban", "FR76 3000 6000 0112 3456 7890 189")],
        ),
        ("Order 88213, ticket #A-4471.", [("reference", "88213"), ("reference", "#A-4471")]),
        (
            "Ship to 12 rue de la Paix, or 221B Baker Street.",
            [("address", "12 rue de la Paix"), ("address", "221B Baker Street")],
        ),
        (
            "Mail events@x.org, see site.co.uk/a.",
            [("email", "events@x.org"), ("link", "site.co.uk/a")],
        ),
        ("le mardi 3 mars à 10 h 30", [("day", "mardi"), ("date", "3 mars"), ("time", "10 h 30")]),
        ("on March 3rd, 2026 at 3pm", [("date", "March 3rd, 2026"), ("time", "3pm")]),
        ("We have 13 employees", [("number", "13")]),
        ("Je ne pourrai pas venir.", [("negation", "ne pourrai pas")]),
        ("We won't, and we can not.", [("negation", "won't"), ("negation", "not")]),
        ("as agreed with Marc.", [("name", "Marc")]),
    ],
)
def test_kinds_in_english_and_french(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "a, b",
    [
        ("450 EUR", "€450"),
        ("450 €", "450 euros"),
        ("$1,200.50", "1200.5 USD"),
        ("1 200,50 €", "€1,200.50"),
        ("10:00", "10 h"),
        ("10h00", "10am"),
        ("3pm", "15:00"),
        ("3 March 2026", "March 3rd, 2026"),
        ("le 3 mars", "3 March"),
        ("Tuesday", "mardi"),
        ("thirteen", "13"),
        ("+44 (0)20 7946 0958", "+44 20 7946 0958"),
        ("https://www.site.com/a/", "site.com/a"),
        ("12 Downing St.", "12 Downing Street"),
    ],
)
def test_one_fact_written_two_ways_has_one_key(a, b):
    assert keys(a) == keys(b) and keys(a)


def one(text: str):
    (fact,) = find_facts(text)
    return fact


def test_an_ambiguous_date_or_time_matches_either_reading_written_out():
    assert same_fact(one("12/03/2026"), one("12 March 2026"))
    assert same_fact(one("12/03/2026"), one("December 3, 2026"))
    assert not same_fact(one("12/03/2026"), one("03/12/2026"))  # day and month swapped
    assert same_fact(one("3:00"), one("3pm")) and same_fact(one("3:00"), one("3am"))
    assert not same_fact(one("3pm"), one("3am"))
    assert not same_fact(one("10:00"), one("22:00"))


@pytest.mark.parametrize(
    "text, value",
    [
        ("1 200,50", "1200.5"),
        ("1,200.50", "1200.5"),
        ("1,5", "1.5"),
        ("1.200.000", "1200000"),
        ("0,250", "0.25"),
    ],
)
def test_numbers_in_english_and_french_writing(text, value):
    assert number_value(text) == value


def test_names_are_capitalised_words_no_sentence_starts_with():
    text = "Thanks. Please tell Marc that Anna agreed: The rest waits. I'll call Mr. Okafor."
    assert name_candidates(text) == {"marc", "anna", "okafor"}


def test_a_name_counts_in_any_case_but_a_common_word_only_capitalised():
    found = find_facts("anna will call Will and Anna.", ("Anna", "Will"))
    assert [f.text for f in found if f.kind == "name"] == ["anna", "Will", "Anna"]


def test_names_from_headers_greeting_and_signature():
    body = "Hi Tom,\n\nthe slides are ready.\n\nBest,\nAnna"
    assert set(names_in(body, "Tom Berg <tom@example.com>")) == {"Tom", "Berg", "Anna"}


def test_list_numbers_and_length_are_not_facts():
    assert keys("1. Budget\n2. Staff") == []
