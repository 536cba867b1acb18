"""Word-level diff: exact ranges, exact application of any subset, spoken descriptions."""

from __future__ import annotations

import itertools

import pytest

from composer.assist.review import (
    ChangeKind,
    Phrases,
    apply_changes,
    describe_change,
    diff_words,
    fit_whitespace,
    segments,
    splice,
    tokenize,
)

ORIGINAL = "I has teh best idea for our meeting on Friday.\n\nSee you soon."
SUGGESTION = "I have the best plan for the meeting on Friday!\n\nSee you."


def test_tokens_keep_words_whole_and_cover_the_text():
    tokens = tokenize("Don't split l’équipe, ok?\n\n")
    assert tokens == ["Don't", " ", "split", " ", "l’équipe", ",", " ", "ok", "?", "\n\n"]
    assert "".join(tokens) == "Don't split l’équipe, ok?\n\n"


def test_changes_map_to_exact_ranges_of_both_texts():
    for merge in (True, False):
        for change in diff_words(ORIGINAL, SUGGESTION, merge=merge):
            assert ORIGINAL[change.start : change.end] == change.old_text
            assert SUGGESTION[change.new_start : change.new_end] == change.new_text


def test_unmerged_diff_is_one_change_per_word():
    changes = diff_words(ORIGINAL, SUGGESTION, merge=False)
    assert [(c.kind, c.old_text, c.new_text) for c in changes] == [
        (ChangeKind.REPLACE, "has", "have"),
        (ChangeKind.REPLACE, "teh", "the"),
        (ChangeKind.REPLACE, "idea", "plan"),
        (ChangeKind.REPLACE, "our", "the"),
        (ChangeKind.REPLACE, ".", "!"),
        (ChangeKind.DELETE, " soon", ""),
    ]


def test_merge_folds_words_separated_by_a_space_but_not_paragraphs():
    changes = diff_words(ORIGINAL, SUGGESTION)
    assert changes[0].old_text == "has teh" and changes[0].new_text == "have the"
    # The deletion in the second paragraph stays its own decision.
    assert changes[-1].kind is ChangeKind.DELETE and changes[-1].old_text == " soon"
    assert all("\n" not in c.old_text for c in changes)


@pytest.mark.parametrize("merge", [True, False])
def test_every_subset_of_changes_gives_the_exact_expected_text(merge):
    changes = diff_words(ORIGINAL, SUGGESTION, merge=merge)
    assert apply_changes(ORIGINAL, changes) == SUGGESTION
    assert apply_changes(ORIGINAL, changes, set()) == ORIGINAL
    for r in range(len(changes) + 1):
        for subset in itertools.combinations(range(len(changes)), r):
            expected = ORIGINAL
            # Apply right to left by hand so offsets stay valid.
            for change in sorted((changes[i] for i in subset), key=lambda c: -c.start):
                expected = expected[: change.start] + change.new_text + expected[change.end :]
            assert apply_changes(ORIGINAL, changes, set(subset)) == expected


def test_accepting_only_the_second_change():
    changes = diff_words("teh cat sat on teh mat", "the cat sat on the mat")
    assert len(changes) == 2
    assert apply_changes("teh cat sat on teh mat", changes, {1}) == "teh cat sat on the mat"


def test_insertion_into_empty_original_is_one_change():
    changes = diff_words("", "Hello Anna,\n\nThanks!")
    assert len(changes) == 1 and changes[0].kind is ChangeKind.INSERT
    assert apply_changes("", changes) == "Hello Anna,\n\nThanks!"


def test_identical_texts_have_no_changes():
    assert diff_words("Same text.", "Same text.") == []


def test_splice_refuses_overlapping_edits():
    with pytest.raises(ValueError):
        splice("abcdef", [(0, 3, "x"), (2, 4, "y")])


def test_segments_interleave_deletions_and_insertions():
    changes = diff_words("teh cat", "the cat")
    parts = [(s.kind, s.text, s.change) for s in segments("teh cat", changes)]
    assert parts == [("delete", "teh", 0), ("insert", "the", 0), ("equal", " cat", None)]


def test_descriptions_for_screen_readers():
    changes = diff_words("I has teh cat.\nBye", "I have the cat!\n\nBye now", merge=False)
    said = [describe_change(c) for c in changes]
    assert said == [
        "Replaced “has” with “have”",
        "Replaced “teh” with “the”",
        "Replaced “. (a line break)” with “! (2 line breaks)”",
        "Inserted “now”",
    ]


def test_descriptions_use_the_given_phrases_and_shorten_long_text():
    change = diff_words("", "word " * 40)[0]
    french = Phrases(inserted="Ajouté « %1 »")
    said = describe_change(change, french)
    assert said.startswith("Ajouté « word word") and said.endswith("… »")
    assert len(said) < 100


def test_fit_whitespace_keeps_the_edges_of_the_original():
    assert fit_whitespace("\nhello world  \n\n", "Hello, world.") == "\nHello, world.  \n\n"
    assert fit_whitespace("hello", "\n\nHello\n") == "Hello"
    assert fit_whitespace("hello", "   ") == "   "


def test_white_space_only_changes_are_named():
    changes = diff_words("Hi.\nBye", "Hi.\n\nBye")
    assert [describe_change(c) for c in changes] == ["Replaced a line break with 2 line breaks"]
    assert describe_change(diff_words("a  b", "a b")[0]) == "Replaced 2 spaces with a space"


def test_long_repetitive_text_stays_exact():
    # Without junking frequent words, difflib is quadratic on such input
    # (it ran for minutes); the result must stay exact either way.
    original = "a b c " * 2000
    suggestion = "a x c " * 2000
    changes = diff_words(original, suggestion)
    assert apply_changes(original, changes) == suggestion
    assert apply_changes(original, changes, set()) == original


def test_long_real_text_keeps_word_level_changes():
    sentence = "The quarterly report shows that sales in the northern region grew by {n} percent. "
    original = "".join(sentence.format(n=n) for n in range(60))
    suggestion = original.replace("grew by 7 ", "rose by 7 ").replace(
        "region grew by 42", "area grew by 42"
    )
    changes = diff_words(original, suggestion, merge=False)
    assert [(c.old_text, c.new_text) for c in changes] == [("grew", "rose"), ("region", "area")]
    assert apply_changes(original, changes) == suggestion


def test_white_space_is_named_without_quotes_in_any_language():
    (change,) = diff_words("a b", "a\nb")  # a space made a line break
    french = Phrases(
        replaced="«\xa0%1\xa0» remplacé par «\xa0%2\xa0»",
        line_break="un saut de ligne",
        space="une espace",
    )
    assert describe_change(change, french) == "une espace remplacé par un saut de ligne"
    assert describe_change(change) == "Replaced a space with a line break"
    (word,) = diff_words("a b", "a c")
    assert describe_change(word, french) == "«\xa0b\xa0» remplacé par «\xa0c\xa0»"
