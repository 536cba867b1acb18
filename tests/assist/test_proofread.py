"""Proofreader-API shaped results: ranges, labels by rule, explanations, exact application."""

from __future__ import annotations

import pytest

from composer.assist.proofread import (
    CorrectionType as T,
)
from composer.assist.proofread import (
    apply_corrections,
    classify,
    edit_distance,
    explain,
    proofread_result,
)

INPUT = "i seen him yesterday at teh store,and he bought two loafs of bread  . thatd a good amt of time!!!"
FIXED = "I saw him yesterday at the store, and he bought two loaves of bread. That's a good amount of time!"


def test_result_has_the_w3c_shape_and_exact_ranges():
    result = proofread_result(INPUT, FIXED)
    assert result.corrected_input == FIXED
    rows = [(c.start_index, c.end_index, c.correction, c.types) for c in result.corrections]
    assert rows == [
        (0, 1, "I", (T.CAPITALIZATION,)),
        (2, 6, "saw", (T.GRAMMAR,)),
        (24, 27, "the", (T.SPELLING,)),
        (34, 34, " ", (T.PUNCTUATION,)),
        (52, 57, "loaves", (T.SPELLING,)),
        (66, 68, "", (T.PUNCTUATION,)),
        (70, 75, "That's", (T.SPELLING, T.CAPITALIZATION, T.PUNCTUATION)),
        (83, 86, "amount", (T.GRAMMAR,)),
        (95, 97, "", (T.PUNCTUATION,)),
    ]
    for c in result.corrections:
        assert INPUT[c.start_index : c.end_index] == c.original
        assert c.explanation


def test_applying_all_or_some_corrections_is_exact():
    result = proofread_result(INPUT, FIXED)
    assert apply_corrections(INPUT, result.corrections) == FIXED
    kept = [c for c in result.corrections if T.SPELLING in c.types]
    assert apply_corrections(INPUT, kept) == INPUT.replace("teh", "the").replace(
        "loafs", "loaves"
    ).replace("thatd", "That's")
    assert apply_corrections(INPUT, []) == INPUT


def test_no_change_means_no_corrections():
    result = proofread_result("All good here.", "All good here.")
    assert result.corrections == ()


@pytest.mark.parametrize(
    "old, new, types",
    [
        ("paris", "Paris", (T.CAPITALIZATION,)),
        ("HELLO", "Hello", (T.CAPITALIZATION,)),
        ("", ",", (T.PUNCTUATION,)),
        ("!!!", "!", (T.PUNCTUATION,)),
        ("hello", "Hello,", (T.CAPITALIZATION, T.PUNCTUATION)),
        ("recieve", "receive", (T.SPELLING,)),
        ("teh", "the", (T.SPELLING,)),
        ("alle", "allé", (T.SPELLING,)),
        ("a", "an", (T.GRAMMAR,)),  # function words: agreement, not a typo
        ("is", "are", (T.GRAMMAR,)),
        ("a", "à", (T.GRAMMAR,)),
        ("go", "went", (T.GRAMMAR,)),
        ("", "the", (T.GRAMMAR,)),  # a missing word
        ("cat", "dog", (T.GRAMMAR,)),  # short words need a 1-letter edit to be a typo
        ("  ", " ", (T.PUNCTUATION,)),
    ],
)
def test_classification_rules(old, new, types):
    assert classify(old, new) == types


def test_edit_distance_counts_a_swap_as_one():
    assert edit_distance("teh", "the") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3


def test_explanations_follow_the_input_language():
    assert (
        explain("teh", "the", (T.SPELLING,))
        == "Spelling: “teh” looks mistyped; the usual spelling is “the”."
    )
    assert explain("", ",", (T.PUNCTUATION,)) == "Punctuation: added “,”."
    assert explain("!!", "", (T.PUNCTUATION,)) == "Punctuation: removed “!!”."
    assert explain("  ", " ", (T.PUNCTUATION,)) == "Spacing: removed extra space."
    assert (
        explain("paris", "Paris", (T.CAPITALIZATION,), "fr")
        == "Majuscules : « Paris » au lieu de « paris »."
    )
    # An unknown language falls back to English rather than failing.
    assert explain("a", "an", (T.GRAMMAR,), "ja") == "Grammar: “an” instead of “a”."


def test_french_sentence():
    result = proofread_result("je suis alle a paris", "Je suis allé à Paris", "fr")
    assert [(c.original, c.correction, c.types[0]) for c in result.corrections] == [
        ("je", "Je", T.CAPITALIZATION),
        ("alle", "allé", T.SPELLING),
        ("a", "à", T.GRAMMAR),
        ("paris", "Paris", T.CAPITALIZATION),
    ]
    assert (
        result.corrections[1].explanation
        == "Orthographe : « alle » semble mal tapé ; on écrit « allé »."
    )
