"""Light, dark or the system's colour scheme, and high contrast left alone.

`apply_theme(app, setting)` is called at start and when the setting changes:
"system" follows the OS (and its later switches), "light" and "dark" force
one. When the OS asks for high contrast, its palette is never replaced: the
platform's high-contrast colours are what the user needs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

log = logging.getLogger(__name__)

THEMES = ("system", "light", "dark")


def high_contrast() -> bool:
    """Whether the platform asks for high contrast (Qt 6.10+ knows on most platforms)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = getattr(accessibility(), "contrastPreference", None)
    if preference is None:
        return False
    # Found with getattr (older Qt has no such method): Any to mypy.
    contrast: object = preference()
    return contrast == Qt.ContrastPreference.HighContrast


def system_scheme() -> Qt.ColorScheme:
    return QGuiApplication.styleHints().colorScheme()


def is_dark(palette: QPalette) -> bool:
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def light_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#efefef",
        QPalette.ColorRole.WindowText: "#000000",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f5f5f5",
        QPalette.ColorRole.ToolTipBase: "#ffffdc",
        QPalette.ColorRole.ToolTipText: "#000000",
        QPalette.ColorRole.PlaceholderText: "#6b6b6b",
        QPalette.ColorRole.Text: "#000000",
        QPalette.ColorRole.Button: "#efefef",
        QPalette.ColorRole.ButtonText: "#000000",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#cacaca",
        QPalette.ColorRole.Mid: "#b8b8b8",
        QPalette.ColorRole.Dark: "#9f9f9f",
        QPalette.ColorRole.Shadow: "#767676",
        QPalette.ColorRole.Highlight: "#308cc6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#0b57d0",
        QPalette.ColorRole.LinkVisited: "#7b1fa2",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    _disabled(p, "#8a8a8a")
    return p


def dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#ececec",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#ececec",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Text: "#ececec",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#ececec",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3e3e3e",
        QPalette.ColorRole.Mid: "#2f2f2f",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#2f6db5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.LinkVisited: "#c58af9",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    _disabled(p, "#7f7f7f")
    return p


def _disabled(palette: QPalette, colour: str) -> None:
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))


def apply_theme(app: QGuiApplication, setting: str) -> None:
    """Use the light, dark or system ("system") colours; never over high contrast."""
    if setting not in THEMES:
        log.info("unknown theme %r, following the system", setting)
        setting = "system"
    hints = QGuiApplication.styleHints()
    if high_contrast():
        # The platform's high-contrast palette is the user's choice: keep it.
        hints.unsetColorScheme()
        app.setPalette(QPalette())
        return
    if setting == "system":
        hints.unsetColorScheme()  # follow the OS, including later switches
        app.setPalette(QPalette())  # back to the platform/style palette
        return
    wanted = Qt.ColorScheme.Dark if setting == "dark" else Qt.ColorScheme.Light
    app.setPalette(QPalette())  # drop a palette set by an earlier call
    hints.setColorScheme(wanted)
    # Where the platform cannot switch (offscreen, some Linux desktops, older
    # Windows styles), set the palette ourselves.
    palette = app.palette()
    if hints.colorScheme() != wanted or is_dark(palette) != (setting == "dark"):
        app.setPalette(dark_palette() if setting == "dark" else light_palette())
