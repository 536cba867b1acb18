"""Loops and the wrong language, caught on the streaming text's tail."""

from __future__ import annotations

import pytest

from composer.assist.degenerate import find_loop, language_mismatch

ENGLISH = (
    "Hello team, the report is attached and I would like you to look at the numbers "
    "before the meeting on Friday. Thank you for your help with this, it matters a lot."
)
FRENCH = (
    "Bonjour à toute l'équipe, le rapport est en pièce jointe et je voudrais que vous "
    "regardiez les chiffres avant la réunion de vendredi. Merci pour votre aide, c'est important."
)


@pytest.mark.parametrize(
    "text, loop",
    [
        ("Hi Tom. " + "I will send it tomorrow morning. " * 3, "i will send it tomorrow morning"),
        ("Thanks!\nThanks!\nThanks!\n", "Thanks!"),
        ("Best regards,\n" * 4, "Best regards,"),
    ],
)
def test_a_repeating_ending_is_a_loop(text, loop):
    assert find_loop(text) == loop


@pytest.mark.parametrize(
    "text",
    [ENGLISH, "very very very good", "Yes. Yes. No.", "I will send it. I will call. I will go."],
)
def test_ordinary_text_is_not(text):
    assert find_loop(text) is None


def test_only_the_tail_is_scanned():
    assert find_loop("word " * 200_000 + ENGLISH) is None


def test_a_french_text_proofread_into_english_is_caught():
    assert language_mismatch(ENGLISH, "fr") == "en"
    assert language_mismatch(FRENCH, "fr") is None
    assert language_mismatch(ENGLISH[:80], "fr") is None  # too early to tell
    assert language_mismatch(ENGLISH, None) is None
