"""Settings > General: spelling on or off, and the languages it checks.

Every language with a dictionary on this computer is listed (Hunspell's
first); the ones ticked are the languages a paragraph may be in. Until the
user changes the list, the choice stays automatic (the interface language,
English and French), so a dictionary installed later is used without a visit
here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.gui.spelling_service import SpellingService
from composer.i18n import native_name
from composer.settings import Settings


class SpellingSettings(QWidget):
    sig_changed = Signal()

    def __init__(
        self, settings: Settings, service: SpellingService | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._touched = False  # the user changed the list: it is no longer automatic
        self.on = QCheckBox(self.tr("Check &spelling as I type"))
        self.on.setObjectName("spellingOn")
        self.on.setAccessibleName(self.tr("Check spelling as I type"))
        self.on.setChecked(settings.spelling)
        self.languages_label = QLabel(self.tr("Spelling la&nguages:"))
        self.languages = QListWidget()
        self.languages.setObjectName("spellingLanguages")
        self.languages.setAccessibleName(self.tr("Spelling languages"))
        self.languages_label.setBuddy(self.languages)
        self.note = QLabel()
        self.note.setObjectName("spellingNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.on)
        layout.addWidget(self.languages_label)
        layout.addWidget(self.languages)
        layout.addWidget(self.note)
        # As tall as its rows: the page's spare height stays below, not between them.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._settings = settings
        self.show_languages()
        self.on.toggled.connect(self._on_toggled)
        self.languages.itemChanged.connect(self._on_item_changed)
        if service is not None:
            service.sig_changed.connect(self.show_languages)
            service.start()

    @Slot()
    def show_languages(self) -> None:
        service = self._service
        available = service.available() if service is not None else []
        chosen = set(service.languages()) if service is not None else set()
        self.languages.blockSignals(True)
        if not self._touched:
            self.languages.clear()
            for code in available:
                item = QListWidgetItem(native_name(code))
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = code in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.languages.addItem(item)
        self.languages.blockSignals(False)
        # A few rows at most: the list scrolls, the page stays short.
        rows = max(2, min(4, self.languages.count()))
        self.languages.setFixedHeight(self.languages.sizeHintForRow(0) * rows + 6)
        if service is not None and service.unavailable:
            self.note.setText(service.unavailable)
        elif not available:
            self.note.setText(self.tr("Looking for the spelling dictionaries…"))
        else:
            self.note.setText(
                self.tr("Other languages are listed once their Hunspell dictionary is installed.")
            )
        enabled = self.on.isChecked() and bool(available)
        self.languages.setEnabled(enabled)
        self.languages_label.setEnabled(enabled)

    @Slot(bool)
    def _on_toggled(self, _on: bool) -> None:
        self.show_languages()
        self.sig_changed.emit()

    @Slot(QListWidgetItem)
    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._touched = True
        self.sig_changed.emit()

    def checked_languages(self) -> list[str]:
        return [
            self.languages.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.languages.count())
            if self.languages.item(i).checkState() == Qt.CheckState.Checked
        ]

    def apply_to(self, settings: Settings) -> None:
        settings.spelling = self.on.isChecked()
        if self._touched:  # "none": every language unticked ("" would be automatic)
            settings.spelling_languages = ",".join(self.checked_languages()) or "none"
