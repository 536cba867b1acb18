"""How open a model is, said in words (the welcome page) and in short (the Models table)."""

from __future__ import annotations

from composer.gui.openness_text import OpennessText
from composer.models.catalog import Openness

SOURCE = {"source_name": "Acme release notes", "source_url": "https://example.org/acme/notes"}


def rated(**ratings) -> Openness:
    points = dict.fromkeys(
        ("code", "training_data", "weights", "instruction_data", "licence", "paper", "model_card"),
        "open",
    )
    return Openness(**{**points, **ratings}, **SOURCE)


def test_each_point_is_named_under_its_rating(qapp):
    text = OpennessText().in_words(
        rated(training_data="closed", instruction_data="closed", paper="closed", code="partial")
    )
    assert text == (
        "Open: weights, licence and model card. Partly open: code. "
        "Not published: training data, instruction-tuning data and paper."
    )
    assert "of 7" not in text  # no bare counts


def test_a_fully_open_model_says_what_that_means(qapp):
    text = OpennessText().in_words(rated(paper="partial"))
    assert text.startswith("Fully open: anyone can study and rebuild it. Open: code,")
    assert text.endswith("Partly open: paper.")


def test_the_short_form_for_the_table(qapp):
    words = OpennessText()
    assert (
        words.summary(rated(code="partial", training_data="closed")) == "Open: 5 of 7, partial: 1"
    )
    assert words.summary(None) == "not rated"
