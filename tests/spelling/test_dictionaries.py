"""The system's dictionaries through Enchant: one per language, the region's variant first.

Uses the real Debian en_US and fr_FR Hunspell dictionaries through pyenchant:
without Enchant or them these tests fail, they are never skipped.
"""

from __future__ import annotations

import sys

import enchant  # noqa: F401  (no Enchant here is a failure, not a skip)
import pytest

from composer.spelling import dictionaries
from composer.spelling.dictionaries import (
    INSTALL_HINT,
    Dictionaries,
    DictionaryInfo,
    SpellingUnavailable,
    choose_tags,
)


def chosen(tags: list[str], region: str = "") -> dict[str, str]:
    return {d.language: d.tag for d in choose_tags(tags, region)}


def test_one_dictionary_per_language():
    infos = choose_tags(["fr", "fr_BE", "fr_CA", "fr_FR", "en_GB", "en_US"])
    assert [d.language for d in infos] == ["en", "fr"]


def test_without_a_region_the_usual_variant_is_preferred():
    assert chosen(["en_AU", "en_GB", "en_US", "fr", "fr_BE", "fr_FR"]) == {
        "en": "en_US",
        "fr": "fr_FR",
    }


def test_the_regions_variant_is_preferred():
    tags = ["en_GB", "en_US", "fr", "fr_BE", "fr_FR"]
    assert chosen(tags, "BE") == {"en": "en_US", "fr": "fr_BE"}
    assert chosen(tags, "GB") == {"en": "en_GB", "fr": "fr_FR"}


def test_plain_language_before_another_regions_variant_when_no_region():
    assert chosen(["fr_BE", "fr"]) == {"fr": "fr"}
    assert chosen(["fr_CA", "fr", "fr_BE"], "US") == {"fr": "fr"}


def test_among_unusual_variants_the_first_by_name():
    assert chosen(["fr_CH", "fr_BE", "fr_CA"]) == {"fr": "fr_BE"}


def test_hyphenated_and_odd_case_tags_are_grouped_by_language():
    assert choose_tags(["EN-gb", "en_US"], "GB") == [DictionaryInfo("en", "EN-gb")]


def test_tags_that_are_not_a_language_are_left_out():
    assert choose_tags(["123", "", "_US", "en_US"]) == [DictionaryInfo("en", "en_US")]


def test_languages_come_in_a_stable_order():
    assert choose_tags(["fr_FR", "de_DE", "en_US"]) == choose_tags(["en_US", "fr_FR", "de_DE"])
    assert [d.language for d in choose_tags(["fr_FR", "de_DE", "en_US"])] == ["de", "en", "fr"]


def test_no_tags_no_dictionaries():
    assert choose_tags([]) == []


def test_the_real_english_and_french_dictionaries_are_found():
    found = {d.language: d.tag for d in Dictionaries().available}
    assert found["en"] == "en_US"
    assert found["fr"] in {"fr", "fr_FR", "fr_BE", "fr_CA", "fr_CH", "fr_LU", "fr_MC"}
    assert len(found) == len(Dictionaries().available)  # one per language


def test_opening_a_language_gives_its_real_dictionary():
    d = Dictionaries()
    assert d.open("en").check("receive") and not d.open("en").check("recieve")
    assert d.open("fr").check("réunion") and not d.open("fr").check("reunion")


def test_a_language_is_opened_once():
    d = Dictionaries()
    assert d.open("fr") is d.open("fr")


@pytest.mark.parametrize("language", ["de", "en_US", "", "xx"])
def test_opening_a_language_without_a_dictionary_is_a_keyerror(language):
    with pytest.raises(KeyError):
        Dictionaries().open(language)


def test_without_pyenchant_spelling_is_unavailable_and_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "enchant", None)  # "import enchant" raises ImportError
    with pytest.raises(SpellingUnavailable) as caught:
        Dictionaries()
    assert INSTALL_HINT in str(caught.value.message)
    assert "Enchant" in str(caught.value)


def test_the_region_comes_from_the_locale(monkeypatch):
    monkeypatch.setattr(dictionaries.locale, "getlocale", lambda *a: ("fr_BE", "UTF-8"))
    assert dictionaries._region() == "BE"
    monkeypatch.setattr(dictionaries.locale, "getlocale", lambda *a: (None, None))
    assert dictionaries._region() == ""
