"""Help > Keyboard shortcuts: every key sequence shown whole, in English and in French."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTreeWidgetItemIterator

from composer import i18n
from composer.gui.dialogs.shortcuts_dialog import ShortcutsDialog


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_keys_column_shows_every_sequence_whole(qtbot, no_model_window, language):
    default = QLocale()
    i18n.install_translators(language)
    try:
        window = no_model_window()
        dialog = ShortcutsDialog(window.shortcut_groups(), window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        tree = dialog.tree
        metrics = tree.fontMetrics()
        widest = 0
        iterator = QTreeWidgetItemIterator(tree)
        while (item := iterator.value()) is not None:
            widest = max(widest, metrics.horizontalAdvance(item.text(1)))
            iterator += 1
        assert widest > 0
        assert tree.columnWidth(1) >= widest  # no key sequence cut
        assert tree.columnWidth(0) + tree.columnWidth(1) <= tree.viewport().width() + 1
    finally:
        i18n.remove_translators()
        QLocale.setDefault(default)
