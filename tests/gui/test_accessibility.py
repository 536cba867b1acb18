"""Every window and dialog: named controls, label buddies; the diff's colours; the theme."""

from __future__ import annotations

import pytest
from helpers.review import finish, start_review
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from composer.gui import theme
from composer.gui.dialogs.about import AboutDialog
from composer.gui.widgets.review_view import (
    MIN_CONTRAST,
    ReviewView,
    contrast_ratio,
    diff_colours,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
)
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (and names itself)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, (QScrollBar, QHeaderView)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabBar, QAbstractItemView)):
            return True
        if isinstance(parent, QLineEdit):  # the clear button
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    return [
        w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and not _qt_internal(w)
    ]


def unnamed(root: QWidget) -> list[str]:
    """Controls without an accessible name of their own (Qt's standard dialog buttons aside)."""
    missing = []
    for widget in controls(root):
        if widget.accessibleName().strip():
            continue
        if isinstance(widget.parentWidget(), QDialogButtonBox):
            continue  # Close, OK…: Qt names and translates them (qtbase)
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} {_text(widget)!r}")
    return missing


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return text() if callable(text) and isinstance(text(), str) else ""


def without_buddy(root: QWidget, exempt: tuple[str, ...] = ()) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in controls(root)
        if isinstance(w, INPUTS) and id(w) not in buddies and w.objectName() not in exempt
    ]


def check(root: QWidget, object_names: bool = True) -> None:
    assert unnamed(root) == []
    if object_names:  # what tests find controls by
        assert [
            f"{type(w).__name__} {w.accessibleName()!r}"
            for w in controls(root)
            if not w.objectName() and not isinstance(w.parentWidget(), QDialogButtonBox)
        ] == []


@pytest.fixture
def plain_window(no_model_window):
    return no_model_window()


def test_compose_window_controls_are_named(plain_window):
    window = plain_window
    check(window)
    # The body's name and placeholder say what it is; everything else has a caption.
    assert without_buddy(window) == []
    assert window.body.accessibleName() == "Message body"


def test_review_controls_are_named_by_the_review_itself(qtbot):
    view = ReviewView()
    qtbot.addWidget(view)
    check(view)
    assert view.diff_view.accessibleName() == "Suggestion"
    assert view.accept_all_button.accessibleName() == "Accept"
    assert view.discard_button.accessibleName() == "Discard"


def test_settings_dialog_is_named(plain_window):
    plain_window.commands["settings"].trigger()
    dialog = plain_window.settings_dialog
    check(dialog)
    assert without_buddy(dialog) == []
    dialog.close()


def test_models_dialog_is_named(plain_window):
    plain_window.commands["models"].trigger()
    dialog = plain_window.models_dialog
    check(dialog, object_names=False)  # its tests find controls by attribute
    dialog.close()
    QApplication.processEvents()


def test_shortcuts_dialog_is_named(plain_window):
    plain_window.commands["shortcuts"].trigger()
    dialog = plain_window.shortcuts_dialog
    check(dialog)
    assert without_buddy(dialog) == []
    dialog.close()


def test_about_dialog_is_named(plain_window, qtbot):
    dialog = AboutDialog(plain_window)
    check(dialog)


def test_welcome_page_is_named(open_window):
    pytest.importorskip("composer.gui.widgets.welcome_page")
    window = open_window(assistant="")  # no choice yet: the welcome page shows
    welcome = getattr(window, "welcome", None)
    if welcome is None:
        pytest.skip("this window has no welcome page")
    assert welcome.isVisibleTo(window)
    check(welcome)
    check(window)


# -- colours ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "palette", [theme.light_palette(), theme.dark_palette()], ids=["light", "dark"]
)
def test_diff_colours_keep_contrast(palette):
    colours = diff_colours(palette)
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast_ratio(colours.insert_fg, colours.insert_bg) >= MIN_CONTRAST
    assert contrast_ratio(colours.delete_fg, colours.delete_bg) >= MIN_CONTRAST
    # The tints are the palette's own background, only tinted: text around stays readable.
    text = palette.color(QPalette.ColorRole.Text)
    assert contrast_ratio(text, colours.insert_bg) >= MIN_CONTRAST
    assert contrast_ratio(text, colours.delete_bg) >= MIN_CONTRAST
    assert contrast_ratio(base, colours.insert_bg) < 1.5


def test_contrast_ratio_is_wcag():
    from PySide6.QtGui import QColor

    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    "palette", [theme.light_palette(), theme.dark_palette()], ids=["light", "dark"]
)
def test_review_draws_with_its_palette_and_marks_without_colour(qtbot, palette):
    view = ReviewView()
    qtbot.addWidget(view)
    view.setPalette(palette)
    start_review(view, "I has teh report.", "I have the report.")
    finish(view)
    html = view.diff_view.toHtml()
    colours = diff_colours(view.diff_view.palette())
    for colour in colours:
        assert colour.name() in html
    assert "line-through" in html and "underline" in html


def test_review_redraws_when_the_palette_changes(qtbot):
    view = ReviewView()
    qtbot.addWidget(view)
    start_review(view, "I has teh report.", "I have the report.")
    finish(view)
    view.setPalette(theme.dark_palette())
    assert diff_colours(theme.dark_palette()).insert_fg.name() in view.diff_view.toHtml()


# -- theme -----------------------------------------------------------------------
@pytest.fixture
def restore_theme():
    app = QApplication.instance()
    yield app
    theme.apply_theme(app, "system")


def test_theme_setting_forces_light_or_dark(restore_theme):
    app = restore_theme
    theme.apply_theme(app, "dark")
    assert theme.is_dark(app.palette())
    theme.apply_theme(app, "light")
    assert not theme.is_dark(app.palette())
    theme.apply_theme(app, "system")
    assert (
        app.palette() == QApplication.style().standardPalette() or not app.palette().resolveMask()
    )


def test_high_contrast_palette_is_left_alone(restore_theme, monkeypatch):
    app = restore_theme
    platform = QPalette(app.palette())
    monkeypatch.setattr(theme, "high_contrast", lambda: True)
    theme.apply_theme(app, "dark")
    assert app.palette().color(QPalette.ColorRole.Base) == platform.color(QPalette.ColorRole.Base)


@pytest.mark.allow_log("composer.gui.theme")
def test_unknown_theme_follows_the_system(restore_theme):
    theme.apply_theme(restore_theme, "purple")
    assert not theme.is_dark(restore_theme.palette())
