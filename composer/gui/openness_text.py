"""How open a model is, in the interface's words: one wording for every window.

The catalog rates each model on the openness tracker's seven points (see
composer/models/catalog.py); a person reads them as a sentence ("Open: the
weights. Partly open: …"), with a link to what each point means.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from composer.i18n import filled, translated
from composer.models.catalog import Openness


class OpennessText(QObject):
    """Translated labels and sentences for an Openness (a QObject for its tr() context)."""

    def rating_label(self, rating: str) -> str:
        labels = {
            "open": self.tr("Open"),
            "partial": self.tr("Partial"),
            "closed": self.tr("Closed"),
        }
        return labels.get(rating, rating)

    def field_label(self, name: str) -> str:
        labels = {
            "code": self.tr("Code"),
            "training_data": self.tr("Training data"),
            "weights": self.tr("Weights"),
            "instruction_data": self.tr("Instruction-tuning data"),
            "licence": self.tr("Licence"),
            "paper": self.tr("Paper"),
            "model_card": self.tr("Model card"),
        }
        return labels.get(name, name)

    def summary(self, openness: Openness | None) -> str:
        """The short form for a table column: "Open: 5 of 7, partial: 1" (the catalog's own)."""
        if openness is None:
            return self.tr("not rated")
        return translated(openness.summary())

    def in_words(self, openness: Openness) -> str:
        """Each point named under its rating: "Open: weights, licence. Partly open: code. …"."""
        sentences = []
        for rating, sentence in (
            ("open", self.tr("Open: %1.")),
            ("partial", self.tr("Partly open: %1.")),
            ("closed", self.tr("Not published: %1.")),
        ):
            names = [
                self.field_label(name).lower()
                for name, value in openness.ratings()
                if value == rating
            ]
            if names:
                sentences.append(filled(sentence, self._listed(names)))
        if openness.fully_open:
            sentences.insert(0, self.tr("Fully open: anyone can study and rebuild it."))
        return " ".join(sentences)

    def _listed(self, names: list[str]) -> str:
        if len(names) == 1:
            return names[0]
        return filled(self.tr("%1 and %2"), ", ".join(names[:-1]), names[-1])

    def lines(self, openness: Openness) -> list[tuple[str, str]]:
        """(point, rating) for every point, translated, in display order."""
        return [
            (self.field_label(name), self.rating_label(rating))
            for name, rating in openness.ratings()
        ]
