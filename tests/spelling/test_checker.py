"""SpellChecker.check_line: the paragraph's language, names, accepted and personal words, suggestions.

The real Debian en_US and fr_FR Hunspell dictionaries through pyenchant; no
German dictionary is installed, which the tests rely on.
"""

from __future__ import annotations

import threading

import pytest

from composer.spelling.checker import MAX_SUGGESTIONS, SpellChecker, accepted_words
from composer.spelling.dictionaries import Dictionaries
from composer.spelling.personal_words import PersonalWords


@pytest.fixture(scope="module")
def dictionaries() -> Dictionaries:
    return Dictionaries()


@pytest.fixture
def checker(dictionaries, tmp_path) -> SpellChecker:
    return SpellChecker(dictionaries, ["en", "fr"], PersonalWords(tmp_path / "words.txt"))


def flagged(checker, line, **kwargs) -> list[str]:
    return [w.text for w in checker.check_line(line, **kwargs).misspelt]


def test_an_english_paragraph_is_checked_in_english(checker):
    result = checker.check_line("We will have a reunion with the whole family next week.")
    assert result.language == "en"
    assert result.misspelt == ()


def test_a_french_paragraph_is_checked_in_french_where_reunion_is_wrong(checker):
    line = "Nous aurons une reunion avec toute l'équipe demain matin."
    result = checker.check_line(line)
    assert result.language == "fr"
    assert [(w.text, w.start, w.end) for w in result.misspelt] == [("reunion", 16, 23)]


def test_a_correct_french_paragraph_has_no_mistake(checker):
    result = checker.check_line(
        "J’ai parlé à l’équipe aujourd’hui, peut-être demain, c'est très bien."
    )
    assert result.language == "fr"
    assert result.misspelt == ()


def test_paragraphs_of_one_email_each_get_their_language(checker):
    assert checker.check_line("Thanks for the update, see you soon.").language == "en"
    assert checker.check_line("Merci pour la mise à jour, à bientôt.").language == "fr"
    assert checker.check_line("Thanks again for everything you did.").language == "en"


def test_a_paragraph_in_a_language_without_a_dictionary_is_left_alone(checker):
    result = checker.check_line("Ich habe morgen leider keine Zeit, weil ich arbeiten muss.")
    assert result.language is None
    assert result.misspelt == ()


def test_a_short_paragraph_is_always_checked(checker):
    result = checker.check_line("Thnaks a lot")
    assert result.language is not None
    assert [w.text for w in result.misspelt] == ["Thnaks"]


def test_a_lowercase_misspelling_is_flagged_where_it_is(checker):
    line = "Yesterday I talked to Kowalczyk about the budjet."
    (word,) = checker.check_line(line).misspelt
    assert word.text == "budjet" and line[word.start : word.end] == "budjet"


def test_a_capitalised_unknown_word_inside_a_sentence_is_a_name(checker):
    assert flagged(checker, "Yesterday I talked to Kowalczyk and Oluwaseun about it.") == []


def test_the_same_name_in_lowercase_is_flagged(checker):
    assert flagged(checker, "Yesterday I talked to kowalczyk about it.") == ["kowalczyk"]


def test_an_unknown_capitalised_word_starting_a_sentence_is_flagged(checker):
    assert flagged(checker, "Kowalczyk said hello. Oluwaseun agreed.") == [
        "Kowalczyk",
        "Oluwaseun",
    ]


@pytest.mark.parametrize(
    "line", ["Anna", "Anna Kowalczyk", "Jean-Pierre Dupont", "Best, Anna", "Oluwaseun Adeyemi"]
)
def test_a_sign_off_line_of_names_is_not_checked(checker, line):
    result = checker.check_line(line)
    assert result.language is None and result.misspelt == ()


def test_a_sign_off_phrase_with_lowercase_words_is_checked(checker):
    result = checker.check_line("Best regards, Anna")
    assert result.language == "en" and result.misspelt == ()
    assert flagged(checker, "Best regrads, Anna") == ["regrads"]


def test_a_capitalised_line_with_a_full_stop_is_not_a_sign_off(checker):
    assert flagged(checker, "Thnaks.") == ["Thnaks"]


def test_words_the_message_accepts_are_not_flagged(checker):
    accepted = accepted_words(["Anna Kowalczyk <anna.kowalczyk@example.org>"])
    assert accepted == {"anna", "kowalczyk"}
    assert flagged(checker, "Kowalczyk said hello.", accepted=accepted) == []


def test_accepted_words_are_case_insensitive(checker):
    accepted = accepted_words(["Oluwaseun Adeyemi"])
    assert flagged(checker, "Oluwaseun said hello.", accepted=accepted) == []
    assert flagged(checker, "I asked oluwaseun again.", accepted=accepted) == []


def test_accepted_words_leave_out_addresses_and_codes():
    assert accepted_words(["anna@example.org", "INV-2024-0193", "https://example.org"]) == set()
    assert accepted_words([]) == frozenset()


def test_a_surname_written_in_capitals_in_to_is_accepted(checker):
    accepted = accepted_words(["KOWALCZYK Anna <anna@example.org>"])
    assert flagged(checker, "Kowalczyk said hello.", accepted=accepted) == []


def test_a_personal_word_is_not_flagged(checker):
    assert flagged(checker, "We deploy with kubectl daily.") == ["kubectl"]
    checker.add_word("kubectl")
    assert flagged(checker, "We deploy with kubectl daily.") == []
    assert flagged(checker, "Kubectl is what we use.") == []


def test_a_personal_name_is_accepted_at_the_start_of_a_sentence(checker):
    checker.add_word("Oluwaseun")
    assert flagged(checker, "Oluwaseun said hello.") == []


def test_an_added_word_is_saved_to_the_users_list(checker):
    checker.add_word("kubectl")
    assert "kubectl" in PersonalWords(checker.personal.path)


def test_a_possessive_of_a_name_inside_a_sentence_is_not_flagged(checker):
    line = "Thanks for the report, I will send it to Kowalczyk's team tomorrow."
    assert flagged(checker, line) == []
    assert flagged(checker, line.replace("'", "’")) == []


def test_a_possessive_of_a_known_word_is_not_flagged(checker):
    assert flagged(checker, "Anna's report is great, thank you.") == []
    assert flagged(checker, "The company’s report is great.") == []


def test_a_possessive_of_a_misspelling_is_flagged(checker):
    assert flagged(checker, "I sent the budjet's figures to Anna.") == ["budjet's"]


def test_a_possessive_of_an_accepted_name_starting_a_sentence_is_not_flagged(checker):
    accepted = accepted_words(["Anna Kowalczyk <anna@example.org>"])
    assert flagged(checker, "Kowalczyk's report is attached.", accepted=accepted) == []


def test_links_codes_and_acronyms_are_never_flagged(checker):
    line = (
        "Send the PDF to anna@example.org by 3pm, see https://example.com/budjet and INV-2024-0193."
    )
    assert flagged(checker, line) == []


@pytest.mark.parametrize(
    ("word", "language", "right"),
    [("recieve", "en", "receive"), ("beaucop", "fr", "beaucoup"), ("tres", "fr", "très")],
)
def test_suggestions_hold_the_right_word_and_at_most_five(checker, word, language, right):
    found = checker.suggestions(word, language)
    assert right in found
    assert len(found) <= MAX_SUGGESTIONS
    assert word not in found
    assert len(set(found)) == len(found)


def test_no_suggestions_in_a_language_not_enabled(checker):
    assert checker.suggestions("recieve", "de") == []


def test_suggestions_are_a_fresh_list_each_time(checker):
    first = checker.suggestions("recieve", "en")
    first.clear()
    assert "receive" in checker.suggestions("recieve", "en")


def test_set_languages_leaves_out_a_language_without_a_dictionary(checker):
    checker.set_languages(["de", "fr", "en", "fr"])
    assert checker.languages == ("fr", "en")
    assert set(checker.available) >= {"en", "fr"}
    assert "de" not in checker.available


def test_only_the_enabled_languages_are_used(checker):
    checker.set_languages(["en"])
    result = checker.check_line("Nous aurons une réunion avec toute l'équipe demain matin.")
    assert result.language is None  # not read as English, not underlined end to end
    assert checker.suggestions("beaucop", "fr") == []


def test_with_no_language_nothing_is_checked(checker):
    checker.set_languages([])
    result = checker.check_line("I recieve the files every day.")
    assert result.language is None and result.misspelt == ()


def test_the_default_language_breaks_a_tie(checker):
    line = "Message important"  # English and French alike
    assert checker.check_line(line, default_language="fr").language == "fr"
    assert checker.check_line(line, default_language="en").language == "en"
    assert checker.check_line(line).language == "en"  # the first enabled language


def test_the_default_language_does_not_override_a_clear_language(checker):
    line = "Nous aurons une reunion avec toute l'équipe demain matin."
    assert checker.check_line(line, default_language="en").language == "fr"


def test_a_line_without_words_is_not_checked(checker):
    for line in ["", "   ", "3pm 14h30", "https://example.com", "-- ", "PDF"]:
        assert checker.check_line(line).language is None


def test_checks_from_several_threads_at_once(checker):
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(50):
                assert flagged(checker, "I recieve the budjet today.") == ["recieve", "budjet"]
                assert checker.suggestions("beaucop", "fr")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
