"""Help > Keyboard shortcuts: every command with its keys, grouped and searchable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.gui.window_placement import keep_on_screen

# (group title, [(command, keys), ...]) as ComposeWindow.shortcut_groups() gives them.
ShortcutGroups = Sequence[tuple[str, Sequence[tuple[str, str]]]]


class ShortcutsDialog(QDialog):
    def __init__(self, groups: ShortcutGroups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))

        search_label = QLabel(self.tr("&Search:"))
        search_label.setObjectName("shortcutSearchLabel")
        self.search = QLineEdit()
        self.search.setObjectName("shortcutSearch")
        self.search.setAccessibleName(self.tr("Search shortcuts"))
        self.search.setAccessibleDescription(
            self.tr("Shows only the commands or keys that contain the words typed")
        )
        self.search.setPlaceholderText(self.tr("e.g. undo, accept, Ctrl+Shift"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)

        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        for title, rows in groups:
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(0, Qt.ItemDataRole.AccessibleTextRole, title)
            for command, keys in rows:
                item = QTreeWidgetItem(group, [command, keys])
                # Read as one sentence: "Undo: Ctrl+Z".
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{command}: {keys}")
        self.tree.expandAll()
        # The keys are what a person looks for: their column is never cut; the
        # commands take the rest (and wrap to "…" only on a very narrow screen).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        wanted = self.tree.sizeHintForColumn(0) + self.tree.sizeHintForColumn(1) + 80

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("shortcutsButtons")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.filter)
        keep_on_screen(self, QSize(max(560, wanted), 520))  # all of it on the screen

    @Slot(str)
    def filter(self, text: str) -> None:
        """Show the rows whose command or keys contain every word of *text*."""
        words = text.casefold().split()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            assert group is not None  # g < topLevelItemCount()
            shown = 0
            for r in range(group.childCount()):
                item = group.child(r)
                assert item is not None  # r < childCount()
                haystack = f"{item.text(0)} {item.text(1)} {group.text(0)}".casefold()
                hidden = not all(word in haystack for word in words)
                item.setHidden(hidden)
                shown += not hidden
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) of every row shown now."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            assert group is not None  # g < topLevelItemCount()
            if group.isHidden():
                continue
            for r in range(group.childCount()):
                item = group.child(r)
                assert item is not None  # r < childCount()
                if not item.isHidden():
                    rows.append((group.text(0), item.text(0), item.text(1)))
        return rows
