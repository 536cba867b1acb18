"""Which words of a line the spell checker looks at, where they are, and which start a sentence."""

from __future__ import annotations

import pytest

from composer.spelling.words import MAX_WORD_CHARS, Word, words_of


def texts(line: str) -> list[str]:
    return [w.text for w in words_of(line)]


def test_plain_words_in_order():
    assert texts("We meet on Monday") == ["We", "meet", "on", "Monday"]


def test_empty_and_blank_lines_have_no_words():
    assert words_of("") == []
    assert words_of("   \t ") == []


@pytest.mark.parametrize(
    "line",
    [
        "see https://example.com/budjet now",
        "see http://www.example.com/budjet now",
        "see www.example.com/budjet now",
        "see mailto:anna@example.org now",
        "see anna.kowalczyk@example.org now",
        "see <anna@example.org> now",
    ],
)
def test_links_and_addresses_are_left_out_whole(line):
    assert texts(line) == ["see", "now"]


@pytest.mark.parametrize("token", ["3pm", "14h30", "INV-2024-0193", "v2", "foo_bar", "(3pm)"])
def test_anything_with_a_digit_or_underscore_is_left_out(token):
    assert texts(f"meet {token} today") == ["meet", "today"]


@pytest.mark.parametrize("token", ["e.g.", "e.g.,", "i.e.", "report.pdf", "example.com", "U.S."])
def test_dotted_forms_are_left_out(token):
    assert texts(f"see {token} here") == ["see", "here"]


def test_a_full_stop_at_the_end_of_a_word_is_not_a_dotted_form():
    assert texts("It ends here. Wait...") == ["It", "ends", "here", "Wait"]


@pytest.mark.parametrize("token", ["PDF", "RSVP", "ASAP", "FYI"])
def test_acronyms_in_capitals_are_left_out(token):
    assert texts(f"send the {token} now") == ["send", "the", "now"]


@pytest.mark.parametrize("token", ["iPhone", "PowerPoint", "McDonald", "eBay", "JavaScript"])
def test_words_with_an_inner_capital_are_left_out(token):
    assert texts(f"the {token} works") == ["the", "works"]


def test_single_letters_and_very_long_strings_are_left_out():
    long = "a" * (MAX_WORD_CHARS + 1)
    assert texts(f"I saw a {long} x") == ["saw"]
    assert texts("b" * MAX_WORD_CHARS) == ["b" * MAX_WORD_CHARS]


def test_non_latin_scripts_are_left_out_but_accented_latin_is_kept():
    assert texts("佐藤 Иван café Łódź señor") == ["café", "Łódź", "señor"]


def test_typographic_apostrophe_is_made_plain_in_the_text_only():
    line = "I don’t know"
    (word,) = [w for w in words_of(line) if w.text.startswith("don")]
    assert word.text == "don't"
    assert line[word.start : word.end] == "don’t"


@pytest.mark.parametrize("word", ["l'équipe", "aujourd'hui", "l’équipe", "qu'il"])
def test_french_elisions_stay_one_word(word):
    assert texts(f"avec {word} demain") == ["avec", word.replace("’", "'"), "demain"]


@pytest.mark.parametrize("word", ["peut-être", "Jean-Pierre", "well-known", "Wi-Fi"])
def test_hyphenated_words_stay_one_word(word):
    assert texts(f"so {word} then") == ["so", word, "then"]


def test_quotes_brackets_and_punctuation_around_a_word_are_not_part_of_it():
    line = "«Bonjour», (hello) \"there\"; 'quoted' *bold* James' car"
    assert texts(line) == ["Bonjour", "hello", "there", "quoted", "bold", "James", "car"]


def test_offsets_are_python_indices_into_the_line():
    line = "Hé, «l’équipe» va https://x.org/y peut-être réussir… 3pm Zoë!"
    words = words_of(line)
    assert [w.text for w in words] == ["Hé", "l'équipe", "va", "peut-être", "réussir", "Zoë"]
    for w in words:
        assert line[w.start : w.end].replace("’", "'") == w.text
    assert words[1].start == line.index("l’équipe")


def test_offsets_of_a_repeated_word_are_each_its_own():
    line = "the cat and the dog"
    starts = [w.start for w in words_of(line) if w.text == "the"]
    assert starts == [0, 12]


def test_the_first_word_of_a_line_starts_a_sentence():
    assert words_of("hello there")[0].starts_sentence
    assert words_of("  «Bonjour», dit-il")[0].starts_sentence


def test_words_after_a_full_stop_question_or_exclamation_mark_start_sentences():
    flags = [
        (w.text, w.starts_sentence) for w in words_of("Hello there. Anna said hi! Ok? Yes… Go")
    ]
    assert flags == [
        ("Hello", True),
        ("there", False),
        ("Anna", True),
        ("said", False),
        ("hi", False),
        ("Ok", True),
        ("Yes", True),
        ("Go", True),
    ]


def test_a_closing_quote_after_the_full_stop_still_ends_the_sentence():
    assert [w.starts_sentence for w in words_of('He said "no." Then left')] == [
        True,
        False,
        False,
        True,
        False,
    ]


def test_a_capitalised_word_inside_a_sentence_does_not_start_one():
    (_, _, anna) = words_of("Hi to Anna")
    assert anna.text == "Anna" and not anna.starts_sentence


def test_a_dash_between_sentences_does_not_reset_the_sentence_state():
    assert words_of("Thanks. — Anna")[1].starts_sentence
    assert not words_of("Thanks — Anna")[1].starts_sentence


def test_a_left_out_token_still_ends_a_sentence():
    words = words_of("see https://example.com. Then go")
    assert [(w.text, w.starts_sentence) for w in words] == [
        ("see", True),
        ("Then", True),
        ("go", False),
    ]


def test_only_the_first_word_of_a_run_can_start_a_sentence():
    assert [w.starts_sentence for w in words_of("Yes/No")] == [True, False]


def test_an_abbreviation_like_e_g_does_not_end_the_sentence():
    words = words_of("Invite people, e.g. Kowalczyk")
    assert words[-1].text == "Kowalczyk"
    assert not words[-1].starts_sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna", True),
        ("Jean-Pierre", True),
        ("Wi-Fi", True),
        ("Kowalczyk's", True),
        ("anna", False),
        ("Jean-pierre", False),
        ("jean-Pierre", False),
    ],
)
def test_looks_like_name_means_each_part_capitalised(text, expected):
    assert Word(0, len(text), text, False).looks_like_name is expected
