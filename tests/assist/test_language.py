"""Language detection heuristic and the prompt's language sentence."""

from __future__ import annotations

import pytest

from composer.assist.language import detect_language, language_instruction, language_name


@pytest.mark.parametrize(
    "text, code",
    [
        (
            "Hi Anna, thank you for the meeting on Friday. Could we talk about the budget next week?",
            "en",
        ),
        (
            "Bonjour Anna, merci pour la réunion de vendredi. Est-ce que nous pouvons parler du budget ?",
            "fr",
        ),
        ("Je n'ai pas reçu votre message, pouvez-vous le renvoyer ? Cordialement", "fr"),
        (
            "Hallo Anna, vielen Dank für das Treffen. Ich bin nicht sicher, ob wir das schaffen.",
            "de",
        ),
        (
            "Hola Ana, muchas gracias por la reunión. Los datos están listos y el informe también.",
            "es",
        ),
        ("Ciao Anna, grazie per la riunione. Sono molto contento che il progetto va bene.", "it"),
    ],
)
def test_detects_common_languages(text, code):
    assert detect_language(text).code == code


def test_short_or_empty_text_is_not_guessed():
    assert detect_language("").code is None
    assert detect_language("OK").code is None
    assert detect_language("Anna Smith 2025").code is None


def test_quoted_lines_do_not_decide_the_language():
    # The user writes in French under an English quote: the reply is French.
    body = (
        "Merci pour votre message, je vous réponds demain.\n\n"
        "> Thank you for the offer. We are interested and we would like to know the price\n"
        "> of the service, the delivery time and the terms of the contract.\n"
    )
    assert detect_language(body).code == "fr"


def test_accents_alone_are_weak_evidence():
    # An English sentence with a French name stays English.
    assert (
        detect_language("Thank you for the café with Chloé, it was great and we had fun.").code
        == "en"
    )


def test_language_instruction_keeps_input_language_unless_chosen():
    french = "Bonjour, merci pour votre aide et à bientôt pour la suite du projet."
    assert language_instruction(french) == "Write the result in French, the language of the text."
    assert language_instruction(french, "en") == "Write the result in English."
    assert language_instruction("ok", None) == "Write the result in the same language as the text."
    assert language_instruction("ok", "Japanese") == "Write the result in Japanese."


def test_language_name():
    assert language_name("fr") == "French"
    assert language_name("EN") == "English"
    assert language_name("Klingon") == "Klingon"
