"""Which lines of a body are the user's own (checked): not quotes, attributions, signatures, forwards."""

from __future__ import annotations

import pytest

from composer.spelling.regions import Region, region_of, regions_of

OWN, QUOTED, SIGNATURE, FORWARDED = Region.OWN, Region.QUOTED, Region.SIGNATURE, Region.FORWARDED


def test_plain_lines_and_blank_lines_are_the_users_own():
    assert regions_of(["Hello Anna,", "", "See you tomorrow."]) == [OWN, OWN, OWN]


def test_an_empty_body_has_no_regions():
    assert regions_of([]) == []


@pytest.mark.parametrize(
    "line", ["> hello", ">hello", ">> nested", "> > nested", "  > indented", ">"]
)
def test_quoted_lines_are_not_the_users(line):
    assert region_of(line, OWN) is QUOTED


@pytest.mark.parametrize(
    "line",
    [
        "On Mon, 3 Mar 2025 at 10:00, Anna Kowalczyk <anna@example.org> wrote:",
        "Anna Kowalczyk wrote:",
        "Le 3 mars 2025, Anna a écrit :",
        "Bob <bob@example.org> wrote:",
    ],
)
def test_the_attribution_line_above_a_quote_is_not_the_users(line):
    assert region_of(line, OWN) is QUOTED


def test_text_after_a_quote_is_the_users_again():
    body = ["Anna wrote:", "> Can you come?", "", "Yes, I will come."]
    assert regions_of(body) == [QUOTED, QUOTED, OWN, OWN]


def test_a_line_mentioning_wrote_without_the_colon_is_the_users():
    assert region_of("Anna wrote a long report", OWN) is OWN


def test_the_signature_runs_from_its_separator_to_the_end():
    body = ["Thanks,", "-- ", "Anna Kowalczyk", "Head of Sales", ""]
    assert regions_of(body) == [OWN, SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE]


def test_a_separator_without_its_trailing_space_still_starts_the_signature():
    assert region_of("--", OWN) is SIGNATURE


@pytest.mark.parametrize("line", ["-- Anna", "well -- maybe", "---", "- "])
def test_other_lines_with_dashes_are_the_users(line):
    assert region_of(line, OWN) is OWN


def test_the_signature_ends_at_a_quote_below_it():
    body = [
        "Yes, see you then.",
        "-- ",
        "Anna",
        "On Mon, 3 Mar 2025, Bob wrote:",
        "> Are you coming?",
        "Reply under the quote.",
    ]
    assert regions_of(body) == [OWN, SIGNATURE, SIGNATURE, QUOTED, QUOTED, OWN]


@pytest.mark.parametrize(
    "separator",
    [
        "---------- Forwarded message ----------",
        "-----Original Message-----",
        "-------- Message transféré --------",
        "  --- Ursprüngliche Nachricht ---  ",
    ],
)
def test_a_forwarded_message_runs_from_its_separator_to_the_end(separator):
    body = ["FYI, see below.", separator, "From: Bob", "Plain text", "> quoted", "-- ", "Bob"]
    assert regions_of(body) == [OWN] + [FORWARDED] * 6


def test_a_forward_inside_a_signature_still_starts_the_forwarded_part():
    body = ["-- ", "Anna", "---------- Forwarded message ----------", "text"]
    assert regions_of(body) == [SIGNATURE, SIGNATURE, FORWARDED, FORWARDED]


def test_nothing_ends_the_forwarded_part():
    for line in ["", "Hello", "> quote", "-- ", "Anna wrote:"]:
        assert region_of(line, FORWARDED) is FORWARDED


def test_a_line_below_the_signature_stays_in_it():
    assert region_of("Sent from my phone", SIGNATURE) is SIGNATURE


def test_region_values_are_stable_ints_for_the_highlighters_block_state():
    assert [int(r) for r in Region] == [0, 1, 2, 3]
    assert [Region(int(r)) for r in Region] == list(Region)
    assert Region.OWN == 0
