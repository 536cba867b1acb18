"""The French interface shows no English: every screen, every user-visible text.

Each screen is built twice, in English and then with the French translators
installed; a text found on both (labels, buttons, menus and actions, tooltips,
placeholders, accessible names and descriptions, window titles, list and
header texts, combo box items) is English the translation missed — unless it
is also a French translation (``Code``, ``Suggestion``), a product or model
name, a number, a size, a path or a key. Comparing the two runs catches
strings that never went through tr() as well as translations that do not load
(a tr() context that lupdate saw differently from Qt at run time).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import pytest
from helpers.compose import LOAD_TIMEOUT_MS
from helpers.review import finish, start_review
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from composer import i18n
from composer.assist.language import NATIVE_NAMES
from composer.gui.assistant_controller import AssistantState
from composer.gui.dialogs.about import AboutDialog
from composer.models.catalog import load_catalog

PRODUCT_NAMES = {"Composer", "llama.cpp", "GGUF", "Vulkan", "Metal", "Hugging Face", "OK"}
# Technical values shown as they are in any language.
NEUTRAL = [
    re.compile(r"^[\W\d_]*$"),  # numbers, punctuation, symbols
    re.compile(r"^[\d.,\s]+\s*(B|KB|MB|GB|TB|kB|Ko|Mo|Go|To|%|tokens/s)?$"),  # sizes
    re.compile(r"^(Ctrl|Alt|Shift|Meta|Maj)\+|^F\d+$|^(Esc|Tab|Space|Return|Enter)$"),  # keys
    re.compile(r"^(/|~/|[A-Za-z]:\\)\S*$"),  # a path
    re.compile(r"^Q\d_K(_[SML])?$|^Q\d_\d$|^F16$|^BF16$"),  # quantisations
    re.compile(r"^https?://\S+$"),  # a link
    re.compile(r"^[a-z]{2}(, [a-z]{2})*$"),  # language codes: "en, fr, de"
]
# Known English that is not a UI string of ours yet, each with the follow-up it needs.
# Keep this list short: a new entry is a translation bug, not a fix.
KNOWN_ENGLISH: list[re.Pattern[str]] = []


def _normalise(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text: the words, not the tags
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")  # mnemonics
    return " ".join(text.split())


def _french_translations() -> set[str]:
    root = ET.parse(i18n.translations_dir() / "composer_fr.ts").getroot()
    return {_normalise(t.text or "") for t in root.iter("translation")} | {
        _normalise(t.text or "") for t in root.iter("numerusform")
    }


def _data_names() -> set[str]:
    """Names that are the same in every language: models, licences, languages in themselves."""
    names = {_normalise(name) for _code, name in i18n.available_languages()}
    names |= {_normalise(name) for name in NATIVE_NAMES.values()}
    for entry in load_catalog():
        # Summaries and openness notes are translated (composer.models.catalog_texts).
        for attribute in ("name", "licence", "repo", "file", "quant", "params"):
            value = getattr(entry, attribute, None)
            if isinstance(value, str) and value:
                names.add(_normalise(value))
    return names


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible text of *widget* and its children."""
    widgets = [widget, *widget.findChildren(QWidget)]
    for w in widgets:
        kind = type(w).__name__ + (f"#{w.objectName()}" if w.objectName() else "")
        if w.isWindow():
            yield kind + ".windowTitle", w.windowTitle()
        yield kind + ".toolTip", w.toolTip()
        yield kind + ".statusTip", w.statusTip()
        yield kind + ".whatsThis", w.whatsThis()
        yield kind + ".accessibleName", w.accessibleName()
        yield kind + ".accessibleDescription", w.accessibleDescription()
        if isinstance(w, QLabel):
            yield kind + ".text", w.text()
        if isinstance(w, QAbstractButton):
            yield kind + ".text", w.text()
        if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            yield kind + ".placeholderText", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield kind + f".item[{i}]", w.itemText(i)
        if isinstance(w, QGroupBox):
            yield kind + ".title", w.title()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield kind + f".tab[{i}]", w.tabText(i)
                yield kind + f".tabToolTip[{i}]", w.tabToolTip(i)
        if isinstance(w, QAbstractSpinBox):
            yield kind + ".specialValueText", w.specialValueText()
        if isinstance(w, QSpinBox):
            yield kind + ".suffix", w.suffix()
            yield kind + ".prefix", w.prefix()
        if isinstance(w, QMenu):
            yield kind + ".title", w.title()
        if isinstance(w, QMainWindow) and w.statusBar() is not None:
            yield kind + ".statusMessage", w.statusBar().currentMessage()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            top = QModelIndex()
            rows = model.rowCount(top)
            try:
                columns = model.columnCount(top)
            except TypeError:  # a list model: one column, its columnCount private
                columns = 1
            for column in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    header = model.headerData(column, Qt.Orientation.Horizontal, role)
                    if isinstance(header, str):
                        yield kind + f".header[{column}]", header
            for row in range(rows):
                for column in range(columns):
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = index.data(role)
                        if isinstance(value, str):
                            yield kind + f".cell[{row},{column}]", value
        for action in w.actions():
            name = f"{kind}/QAction#{action.objectName()}"
            yield name + ".text", action.text()
            yield name + ".toolTip", action.toolTip()
            yield name + ".statusTip", action.statusTip()


def _collect(widget: QWidget) -> dict[str, str]:
    """Normalised text -> where it was first seen."""
    found: dict[str, str] = {}
    for where, text in _texts(widget):
        for part in (text or "").split("\n"):
            part = _normalise(part)
            if part:
                found.setdefault(part, where)
    return found


Screens = dict[str, dict[str, str]]


def _screens(qtbot, open_window) -> Screens:
    """Every screen a user meets, as (normalised text -> where) per screen."""
    screens: Screens = {}
    # First run: the compose window with the welcome page and its recommendation.
    window = open_window(assistant="")
    if window.welcome is not None:
        welcome_ready = [
            b
            for b in window.welcome.findChildren(QAbstractButton)
            if b.accessibleName()
            in {"Download the recommended model", "Télécharger le modèle recommandé"}
        ]
        if welcome_ready:
            qtbot.waitUntil(lambda: welcome_ready[0].isEnabled(), timeout=LOAD_TIMEOUT_MS)
    screens["compose window with the welcome page"] = _collect(window)

    # The compose window with the assistant (its model file missing: fast, no engine work),
    # once the load has failed, so that both languages see the same moment.
    settings_window = open_window(window.paths.models / "no-model.gguf", assistant="local")
    controller = settings_window.assistant
    qtbot.waitUntil(lambda: not getattr(controller, "loading", False), timeout=LOAD_TIMEOUT_MS)
    screens["compose window"] = _collect(settings_window)

    settings_window.show_settings()
    dialog = settings_window.settings_dialog
    screens["Settings"] = _collect(dialog)
    dialog.close()

    settings_window.show_models()
    models = settings_window.models_dialog
    qtbot.waitUntil(lambda: not models.is_working(), timeout=LOAD_TIMEOUT_MS)
    screens["Models"] = _collect(models)
    models.close()

    settings_window.show_shortcuts()
    shortcuts = settings_window.shortcuts_dialog
    screens["Keyboard shortcuts"] = _collect(shortcuts)
    shortcuts.close()

    about = AboutDialog(settings_window)
    qtbot.addWidget(about)
    screens["About"] = _collect(about)
    about.close()
    QApplication.processEvents()
    return screens


@pytest.fixture
def french(qapp) -> Iterator[Callable[[], None]]:
    """Call it to switch to French; English and the locale come back after the test."""
    default = QLocale()

    def switch() -> None:
        assert i18n.install_translators("fr") == "fr"

    yield switch
    i18n.remove_translators()
    QLocale.setDefault(default)


def test_french_ui_shows_no_english(qtbot, open_window, french):
    english = _screens(qtbot, open_window)
    french()
    in_french = _screens(qtbot, open_window)

    allowed = _french_translations() | PRODUCT_NAMES | _data_names()
    problems = []
    for screen, texts in in_french.items():
        assert texts, f"{screen}: no text found at all"
        for text, where in sorted(texts.items()):
            if text not in english.get(screen, {}) or text in allowed:
                continue
            if any(pattern.search(text) for pattern in NEUTRAL + KNOWN_ENGLISH):
                continue
            problems.append(f"{screen}: {where}: {text!r}")
    if problems:
        pytest.fail(
            f"{len(problems)} texts still in English on the French screens "
            "(wrap them in tr(), then `python -m composer.i18n update`, translate, `release`):\n"
            + "\n".join(problems),
            pytrace=False,
        )


def _mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a literal ampersand)."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def _window_mnemonics(window) -> dict[str, list[str]]:
    """Letter -> texts, for the menu titles, buttons and labels Alt reaches now."""
    found: dict[str, list[str]] = {}
    texts = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    texts += [
        w.text()
        for cls in (QAbstractButton, QLabel)
        for w in window.findChildren(cls)
        if w.isVisibleTo(window)
    ]
    for text in texts:
        if key := _mnemonic(text):
            found.setdefault(key, []).append(text)
    return found


def test_french_mnemonics_are_unique_in_the_window_and_in_each_menu(no_model_window, french):
    french()
    window = no_model_window()
    review = window.assistant_panel.review  # everything the review can show, as in test_keyboard
    start_review(
        review,
        "I has teh report ready for our meeting.",
        "I have the report ready for the meeting.",
    )
    finish(review)
    window.assistant_panel.set_state(AssistantState.REVIEW)
    review.show_stale_notice()
    clashes = {k: v for k, v in _window_mnemonics(window).items() if len(v) > 1}
    assert clashes == {}
    for menu in window.menuBar().findChildren(QMenu):
        keys: dict[str, list[str]] = {}
        for action in menu.actions():
            if key := _mnemonic(action.text()):
                keys.setdefault(key, []).append(action.text())
        assert {k: v for k, v in keys.items() if len(v) > 1} == {}, menu.title()


def test_french_mnemonics_are_unique_with_the_welcome_page(open_window, french):
    french()
    window = open_window(assistant="")
    assert window.welcome is not None and window.welcome.isVisibleTo(window)
    clashes = {k: v for k, v in _window_mnemonics(window).items() if len(v) > 1}
    assert clashes == {}


def _dialog_mnemonics(dialog) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    texts = [tab.tabText(i) for tab in dialog.findChildren(QTabWidget) for i in range(tab.count())]
    texts += [
        w.text()
        for cls in (QAbstractButton, QLabel)
        for w in dialog.findChildren(cls)
        if w.isVisibleTo(dialog)
    ]
    for text in texts:
        if key := _mnemonic(text):
            found.setdefault(key, []).append(text)
    return found


def test_french_mnemonics_are_unique_in_settings_and_models(qtbot, no_model_window, french):
    french()
    window = no_model_window()
    window.show_settings()
    dialog = window.settings_dialog
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        clashes = {k: v for k, v in _dialog_mnemonics(dialog).items() if len(v) > 1}
        assert clashes == {}, dialog.tabs.tabText(index)
    dialog.close()
    window.show_models()
    models = window.models_dialog
    clashes = {k: v for k, v in _dialog_mnemonics(models).items() if len(v) > 1}
    qtbot.waitUntil(lambda: not models.is_working(), timeout=LOAD_TIMEOUT_MS)
    models.close()
    assert clashes == {}


def test_french_settings_fit_a_small_screen(qtbot, no_model_window, french):
    """Every page of Settings fits an 800-pixel-wide screen in French (the longer language)."""
    french()
    window = no_model_window()
    window.show_settings()
    dialog = window.settings_dialog
    widths = {
        dialog.tabs.tabText(i): dialog.tabs.widget(i).minimumSizeHint().width()
        for i in range(dialog.tabs.count())
    }
    dialog.close()
    assert max(widths.values()) <= 760, widths
