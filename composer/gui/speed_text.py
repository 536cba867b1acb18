"""A writing speed in words a user can picture: "about 12 words per second"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.hardware.speed import words_per_s
from composer.i18n import filled


def speed_text(tokens_per_s: float | None) -> str:
    """The rate as "about N words per second"; empty when unknown."""
    if tokens_per_s is None or tokens_per_s <= 0:
        return ""
    words = words_per_s(tokens_per_s)
    if words < 1:
        return QCoreApplication.translate("SpeedText", "less than one word per second")
    if words < 1.5:
        return QCoreApplication.translate("SpeedText", "about one word per second")
    # Never 1 from here on, so one plural form is enough in every language we ship.
    count = round(words) if words < 20 else 5 * round(words / 5)
    return filled(QCoreApplication.translate("SpeedText", "about %1 words per second"), str(count))
