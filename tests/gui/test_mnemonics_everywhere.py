"""Alt+letter reaches one thing only, on every page of every dialog, in English and French.

A letter given twice makes the second press go to the other control: in
Settings > Accounts, Alt+O went to "Port" and then "Test connection", and the
second press of a person aiming at the port wiped what they had typed.
"""

from __future__ import annotations

from collections import Counter

import pytest
from gui.test_keyboard import mnemonic
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QTabWidget, QWidget

from composer import i18n


def mnemonics(top: QWidget, within: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of the labels and buttons of *within* that Alt reaches in *top* now."""
    found = []
    for cls in (QAbstractButton, QLabel):
        for widget in within.findChildren(cls):
            if widget.isVisibleTo(top) and (key := mnemonic(widget.text())):
                found.append((key, widget.text()))
    return found


def clashes(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(key for key, _text in pairs)
    return {k: [t for key, t in pairs if key == k] for k, n in counts.items() if n > 1}


def every_page_clash(dialog: QDialog) -> dict[str, dict[str, list[str]]]:
    """Per page of *dialog*'s tabs (or the dialog itself): the letters given twice."""
    dialog.show()
    tabs = dialog.findChild(QTabWidget)
    if tabs is None:
        return {k: v for k, v in {"": clashes(mnemonics(dialog, dialog))}.items() if v}
    titles = [
        (key, tabs.tabText(i)) for i in range(tabs.count()) if (key := mnemonic(tabs.tabText(i)))
    ]
    found = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        outside = [
            pair
            for pair in mnemonics(dialog, dialog)
            if pair not in mnemonics(dialog, tabs)  # the dialog's own buttons (Close…)
        ]
        both = clashes(titles + mnemonics(dialog, page) + outside)
        if both:
            found[tabs.tabText(index)] = both
    return found


@pytest.fixture(params=["en", "fr"])
def language(request, qapp):
    default = QLocale()  # install_translators sets the language's locale: put it back after
    assert i18n.install_translators(request.param) == request.param
    yield request.param
    i18n.remove_translators()
    QLocale.setDefault(default)


def test_settings_every_page(qtbot, no_model_window, language):
    window = no_model_window()
    window.show_settings()
    assert every_page_clash(window.settings_dialog) == {}


def test_the_other_dialogs(qtbot, no_model_window, language, app_paths_tmp):
    from composer.gui.dialogs.about import AboutDialog
    from composer.gui.dialogs.drafts_dialog import DraftsDialog
    from composer.gui.dialogs.sent_dialog import SentDialog
    from composer.gui.dialogs.shortcuts_dialog import ShortcutsDialog

    window = no_model_window()
    dialogs = [
        AboutDialog(window),
        DraftsDialog(app_paths_tmp.drafts, lambda: [window], window),
        ShortcutsDialog(window.shortcut_groups(), window),
        SentDialog(app_paths_tmp.data, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert every_page_clash(dialog) == {}, dialog.objectName()
