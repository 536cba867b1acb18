"""The model manager: installed models, the catalog, downloads.

The dialog only shows and asks; the work happens elsewhere: downloads on the
DownloadWorker's thread (which outlives the dialog, so closing it does not
stop a download), the hardware check on the global thread pool, and loading
a chosen model in the engine worker (the owner connects sig_model_chosen).
Everything that touches the disk (listing the installed models, importing a
file and checking a chosen one, which read GGUF headers, removing) runs on
the library thread: one thread, so those jobs happen in the order asked and
never on the GUI thread. A busy bar says what it is doing meanwhile.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.gui.openness_text import OpennessText
from composer.gui.speed_text import speed_text
from composer.gui.verdict_job import default_probe, languages_here, verdict_job
from composer.gui.window_placement import keep_on_screen
from composer.i18n import data_size, filled, translated
from composer.messages import UserMessage
from composer.models.catalog import CatalogEntry, Openness, Verdict, load_catalog
from composer.models.catalog_texts import catalog_text
from composer.models.download import (
    PartialInfo,
    Progress,
    find_partials,
    human_duration,
)
from composer.models.library import InstalledModel, LibraryError, ModelLibrary, checked_model_path
from composer.models.pull import PullRequest
from composer.workers.download_worker import DownloadWorker
from composer.workers.jobs import Job

log = logging.getLogger(__name__)

INSTALLED_COLUMNS = 4  # name, size, source, location
CATALOG_COLUMNS = 7  # model, size, fit, licence, openness, status, languages
OPENNESS_COLUMN = 4
STATUS_COLUMN = 5


@dataclass(frozen=True)
class _Outcome:
    """What a library job returned, or the exception it raised."""

    value: object = None
    error: Exception | None = None


_POOL: QThreadPool | None = None


def library_pool() -> QThreadPool:
    """The one thread the Models window's disk work runs on, in order."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setObjectName("composer-model-library")
        _POOL.setMaxThreadCount(1)
    return _POOL


def _list_library(library: ModelLibrary) -> tuple[list[InstalledModel], list[PartialInfo]]:
    return library.installed(), find_partials(library.folder)


def _check_model(path: Path) -> None:
    from composer.modelfile.gguf import read_gguf

    read_gguf(checked_model_path(path))  # a FIFO or device is refused before it is opened


CATALOG_ROWS_SHOWN = 5  # at least, whatever the details under the table say


class ModelManagerDialog(QDialog):
    sig_model_chosen = Signal(str)  # path of the GGUF the user chose
    sig_library_idle = Signal()  # every listing, import, check and removal has answered

    def __init__(
        self,
        parent: QWidget | None,
        library: ModelLibrary,
        downloads: DownloadWorker,
        *,
        active_path: str | None = None,
        entries: list[CatalogEntry] | None = None,
        probe_fn: Callable[[], object] | None = default_probe,
        answer_languages: Sequence[str] = (),
    ) -> None:
        # answer_languages: the user's (Settings' answer language); with the
        # interface's, the recommended model must write them all.
        super().__init__(parent)
        self._openness = OpennessText(self)
        self.setWindowTitle(self.tr("Models"))
        self.setObjectName("modelManager")
        self._library = library
        self._downloads = downloads
        self._active_path = active_path
        self._entries = entries if entries is not None else load_catalog()
        self._verdicts: dict[str, Verdict] = {}
        self._verdicts_failed = probe_fn is None
        self._status: dict[str, str] = {}  # catalog id -> status text
        self._installed: list[InstalledModel] = []
        self._listing = 0  # serial of the newest listing asked for; older answers are dropped
        self._jobs_pending = 0
        self._waiting: dict[QObject, Callable[[_Outcome], None]] = {}  # job -> its answer
        self._build()
        self._connect_worker()
        self._fill_catalog()  # the catalog needs no disk; installed models follow
        self._update_buttons()
        self.refresh()
        if probe_fn is not None:
            job = verdict_job(self._entries, probe_fn, languages_here(answer_languages))
            job.sig_done.connect(self._on_verdicts)
            job.sig_failed.connect(self._on_verdicts)
            job.start()

    # ---- layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        installed_label = QLabel(self.tr("&Installed models"))
        self.installed_table = self._table(
            [self.tr("Name"), self.tr("Size"), self.tr("Source"), self.tr("Location")],
            self.tr("Installed models"),
        )
        installed_label.setBuddy(self.installed_table)
        self.use_button = self._button(self.tr("&Use this model"), self._on_use)
        self.import_button = self._button(self.tr("I&mport file…"), self._on_import)
        self.remove_button = self._button(self.tr("&Remove"), self._on_remove)
        layout.addWidget(installed_label)
        layout.addWidget(self.installed_table)
        layout.addLayout(self._row(self.use_button, self.import_button, self.remove_button))

        catalog_label = QLabel(self.tr("&Available to download"))
        self.catalog_table = self._table(
            [
                self.tr("Model"),
                self.tr("Size"),
                self.tr("Fit on this computer"),
                self.tr("Licence"),
                self.tr("Openness"),
                self.tr("Status"),
                self.tr("Languages"),
            ],
            self.tr("Models available to download"),
        )
        catalog_label.setBuddy(self.catalog_table)
        # Only models whose weights, training data, code and instruction data are all public.
        self.fully_open_only = QCheckBox(self.tr("Fully &open only"))
        self.fully_open_only.setObjectName("fullyOpenOnly")
        self.fully_open_only.setAccessibleName(self.tr("Fully open models only"))
        self.fully_open_only.setAccessibleDescription(
            self.tr(
                "Lists only the models whose weights, training data, training code and "
                "instruction-tuning data are all public."
            )
        )
        self.fully_open_only.toggled.connect(self._apply_filter)
        self.download_button = self._button(self.tr("&Download"), self._on_download)
        self.pause_button = self._button(self.tr("&Pause"), self._on_pause)
        self.resume_button = self._button(self.tr("Res&ume"), self._on_download)
        self.cancel_button = self._button(self.tr("&Cancel download"), self._on_cancel)
        # The selected model's summary and the planner's reason, in words
        # (the table only has room for the verdict).
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("About the selected model"))
        # How open the selected model is, dimension by dimension, and who says so.
        self.openness_details = QLabel()
        self.openness_details.setObjectName("opennessDetails")
        self.openness_details.setWordWrap(True)
        self.openness_details.setTextFormat(Qt.TextFormat.RichText)
        self.openness_details.setOpenExternalLinks(True)  # opens only when the user clicks
        self.openness_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.openness_details.setAccessibleName(self.tr("Openness of the selected model"))
        catalog_header = QHBoxLayout()
        catalog_header.addWidget(catalog_label)
        catalog_header.addStretch(1)
        catalog_header.addWidget(self.fully_open_only)
        layout.addLayout(catalog_header)
        # The catalog keeps room for five models when the details below it grow.
        rows = self.catalog_table.verticalHeader().defaultSectionSize()
        header = self.catalog_table.horizontalHeader().sizeHint().height()
        self.catalog_table.setMinimumHeight(header + CATALOG_ROWS_SHOWN * rows + 4)
        layout.addWidget(self.catalog_table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.openness_details)
        layout.addLayout(
            self._row(
                self.download_button, self.pause_button, self.resume_button, self.cancel_button
            )
        )

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.token_button = self._button(self.tr("Save Hugging Face &token…"), self._on_token)
        self.token_button.setVisible(False)
        # Library work (listing, import, checks) in progress: a busy bar and what it does.
        self.activity_bar = QProgressBar()
        self.activity_bar.setRange(0, 0)
        self.activity_bar.setAccessibleName(self.tr("Working"))
        self.activity_bar.setVisible(False)
        self.activity_label = QLabel()
        layout.addLayout(self._row(self.activity_bar, self.activity_label))
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.message)
        layout.addLayout(self._row(self.token_button))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.installed_table.itemSelectionChanged.connect(self._update_buttons)
        self.catalog_table.itemSelectionChanged.connect(self._update_buttons)
        self.installed_table.itemDoubleClicked.connect(self._on_use)
        keep_on_screen(self, QSize(860, 620))  # all of it on the screen, frame included

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _connect_worker(self) -> None:
        worker = self._downloads
        worker.sig_queued.connect(self._on_queued)
        worker.sig_started.connect(self._on_started)
        worker.sig_progress.connect(self._on_progress)
        worker.sig_finished.connect(self._on_finished)
        worker.sig_paused.connect(self._on_paused)
        worker.sig_cancelled.connect(self._on_cancelled)
        worker.sig_failed.connect(self._on_failed)

    # ---- library jobs (the work on the library thread, the answer on the GUI thread)

    def _run_job(
        self, what: str, work: Callable[[], object], done: Callable[[_Outcome], None]
    ) -> None:
        """*work* on the library thread, in order; *done* gets its outcome on this one.

        Connected to this dialog's slots: a closed dialog simply gets nothing.
        """
        job = Job(lambda _cancel: work(), name="library")
        self._waiting[job] = done
        job.sig_done.connect(self._on_job_value)
        job.sig_failed.connect(self._on_job_error)
        self._jobs_pending += 1
        self.activity_label.setText(what)
        self.activity_bar.setVisible(True)
        job.start(library_pool())

    @Slot(object)
    def _on_job_value(self, value: object) -> None:
        self._job_done(self.sender(), _Outcome(value=value))

    @Slot(object)
    def _on_job_error(self, error: BaseException) -> None:
        if not isinstance(error, Exception):
            raise error
        self._job_done(self.sender(), _Outcome(error=error))

    def _job_done(self, job: QObject, outcome: _Outcome) -> None:
        self._jobs_pending -= 1
        done = self._waiting.pop(job)
        try:
            done(outcome)
        finally:
            if self._jobs_pending == 0:
                self.activity_bar.setVisible(False)
                self.activity_label.clear()
                self.sig_library_idle.emit()

    def is_working(self) -> bool:
        """True while a listing, import, check or removal has not answered yet."""
        return self._jobs_pending > 0

    # ---- content

    def refresh(self) -> None:
        """List the installed models again, on the library thread."""
        self._listing += 1
        serial = self._listing
        library = self._library
        self._run_job(
            self.tr("Looking for models on this computer…"),
            lambda: _list_library(library),
            lambda outcome: self._on_listed(serial, outcome),
        )

    def _on_listed(self, serial: int, outcome: _Outcome) -> None:
        if serial != self._listing:
            return  # a newer listing is on its way
        if outcome.error is not None:
            log.info("Listing the models failed: %s", outcome.error)
            self._say(filled(self.tr("Could not list the installed models: %1"), outcome.error))
            return
        installed, partials = cast(
            "tuple[list[InstalledModel], list[PartialInfo]]", outcome.value
        )  # what _list_library returns
        self._installed = list(installed)
        self._render_installed()
        for partial in partials:
            entry = self._entry_for(partial.repo_id, partial.filename)
            if entry is not None and self._status.get(entry.id) in (None, self.tr("Paused")):
                self._status[entry.id] = filled(
                    self.tr("Paused at %1"),
                    f"{partial.done / partial.size:.0%}" if partial.size else "0%",
                )
        self._fill_catalog()
        self._update_buttons()

    def _render_installed(self) -> None:
        table = self.installed_table
        table.setRowCount(len(self._installed))
        for row, model in enumerate(self._installed):
            name = model.name
            if self._active_path and str(model.path) == self._active_path:
                name = filled(self.tr("%1 (in use)"), name)
            cells = [name, data_size(model.size, places=1), model.source_label, str(model.path)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(model.path))
                table.setItem(row, column, item)

    def _fill_catalog(self) -> None:
        table = self.catalog_table
        table.setRowCount(len(self._entries))
        have = {m.path.name for m in self._installed}
        for row, entry in enumerate(self._entries):
            verdict = self._verdicts.get(entry.id)
            if verdict is None:
                fit = self.tr("unknown") if self._verdicts_failed else self.tr("checking…")
            else:
                fit = self._fit_label(verdict.fit)
                speed = speed_text(verdict.tokens_per_s)
                if speed:
                    fit = filled(self.tr("%1, %2"), fit, speed)
                if verdict.recommended:
                    fit = filled(self.tr("%1 — recommended"), fit)
                elif verdict.language_reason is not None:
                    fit = filled(self.tr("%1 — %2"), fit, translated(verdict.language_reason))
            status = self._status.get(entry.id, "")
            if not status and entry.basename in have:
                status = self.tr("Installed")
            cells = [
                entry.name,
                data_size(entry.size, places=1),
                fit,
                entry.licence,
                self._openness.summary(entry.openness),
                status,
                ", ".join(entry.languages),
            ]
            tip = translated(catalog_text(entry.summary))
            tip += f"\n{translated(verdict.reason)}" if verdict else ""
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    self._openness_tooltip(entry.openness) if column == OPENNESS_COLUMN else tip
                )
                table.setItem(row, column, item)
        self._apply_filter()

    # ---- openness

    def _openness_tooltip(self, openness: Openness | None) -> str:
        if openness is None:
            return self.tr("No openness rating for this model.")
        lines = [f"{field}: {rating}" for field, rating in self._openness.lines(openness)]
        lines.append(filled(self.tr("Source: %1"), translated(catalog_text(openness.source_name))))
        lines.append(openness.source_url)
        return "\n".join(lines)

    def _update_openness_details(self, entry: CatalogEntry | None) -> None:
        openness = entry.openness if entry is not None else None
        if entry is None:
            self.openness_details.clear()
            return
        if openness is None:
            self.openness_details.setText(
                html.escape(self.tr("No openness rating for this model."))
            )
            return
        ratings = " · ".join(
            f"{html.escape(field)}: <b>{html.escape(rating)}</b>"
            for field, rating in self._openness.lines(openness)
        )
        url = html.escape(openness.source_url, quote=True)
        source_name = translated(catalog_text(openness.source_name))
        source = f'<a href="{url}">{html.escape(source_name)}</a>'
        text = html.escape(filled(self.tr("How open: %1"), self._openness.summary(openness)))
        text += "<br>" + ratings
        text += "<br>" + filled(html.escape(self.tr("Source: %1")), source)
        if openness.note:
            text += "<br><i>" + html.escape(translated(catalog_text(openness.note))) + "</i>"
        self.openness_details.setText(text)

    @Slot()
    def _apply_filter(self) -> None:
        """Hide the catalog rows that are not fully open while the box is ticked."""
        only_open = self.fully_open_only.isChecked()
        table = self.catalog_table
        for row, entry in enumerate(self._entries):
            fully_open = entry.openness is not None and entry.openness.fully_open
            table.setRowHidden(row, only_open and not fully_open)
        current = table.currentRow()
        if current >= 0 and table.isRowHidden(current):
            table.clearSelection()
            table.setCurrentCell(-1, -1)
            self._update_buttons()

    def visible_entries(self) -> list[CatalogEntry]:
        """The catalog entries the list shows now (the filter applied)."""
        table = self.catalog_table
        return [e for row, e in enumerate(self._entries) if not table.isRowHidden(row)]

    def _fit_label(self, fit: str) -> str:
        labels = {
            "gpu": self.tr("Fits on the GPU"),
            "partial": self.tr("Partly on the GPU, slower"),
            "cpu": self.tr("Fits on the CPU, slower"),
            "none": self.tr("Does not fit"),
        }
        return labels.get(fit, fit)

    def _entry_for(self, repo_id: str, filename: str) -> CatalogEntry | None:
        return next((e for e in self._entries if e.repo == repo_id and e.file == filename), None)

    def _entry_for_key(self, key: str) -> CatalogEntry | None:
        return next((e for e in self._entries if _request(e).key == key), None)

    def selected_installed(self) -> InstalledModel | None:
        row = self.installed_table.currentRow()
        return self._installed[row] if 0 <= row < len(self._installed) else None

    def selected_entry(self) -> CatalogEntry | None:
        row = self.catalog_table.currentRow()
        if not 0 <= row < len(self._entries) or self.catalog_table.isRowHidden(row):
            return None
        return self._entries[row]

    def _update_details(self) -> None:
        entry = self.selected_entry()
        self._update_openness_details(entry)
        if entry is None:
            self.details.clear()
            return
        verdict = self._verdicts.get(entry.id)
        text = filled(
            self.tr("%1 (%2, %3): %4"),
            entry.name,
            entry.params,
            entry.quant,
            translated(catalog_text(entry.summary)),
        )
        if verdict is not None:
            text += "\n" + filled(self.tr("On this computer: %1."), translated(verdict.reason))
            speed = speed_text(verdict.tokens_per_s)
            if speed:
                text += "\n" + filled(
                    self.tr("Writes %1 here (estimated from the speed measured on this computer)."),
                    speed,
                )
            if verdict.language_reason is not None:
                text += "\n" + filled(
                    self.tr("Not recommended for you: it %1."), translated(verdict.language_reason)
                )
        self.details.setText(text)

    def _update_buttons(self) -> None:
        self._update_details()
        model = self.selected_installed()
        self.use_button.setEnabled(model is not None)
        self.remove_button.setEnabled(
            model is not None and model.source in ("composer", "imported")
        )
        entry = self.selected_entry()
        busy = entry is not None and self._downloads.is_busy(_request(entry).key)
        paused = entry is not None and self._status.get(entry.id, "").startswith(self.tr("Paused"))
        installed = entry is not None and entry.basename in {m.path.name for m in self._installed}
        self.download_button.setEnabled(
            entry is not None and not busy and not paused and not installed
        )
        self.pause_button.setEnabled(busy)
        self.resume_button.setEnabled(paused and not busy)
        self.cancel_button.setEnabled(busy or paused)

    def _say(self, text: str, token_hint: bool = False) -> None:
        self.message.setText(text)
        self.token_button.setVisible(token_hint)

    # ---- actions

    @Slot()
    def _on_use(self) -> None:
        model = self.selected_installed()
        if model is None:
            return
        path = model.path
        self._run_job(
            filled(self.tr("Checking %1…"), model.name),
            lambda: _check_model(path),
            lambda outcome: self._on_checked(model, outcome),
        )

    def _on_checked(self, model: InstalledModel, outcome: _Outcome) -> None:
        if outcome.error is not None:
            self._say(self._error_text(outcome.error))
            return
        self._active_path = str(model.path)
        self._render_installed()  # "(in use)" moves to this one
        self._say(
            filled(self.tr("Loading %1 in the background; you can keep writing."), model.name)
        )
        self.sig_model_chosen.emit(str(model.path))

    def _error_text(self, error: Exception) -> str:
        from composer.modelfile.gguf import GGUFError

        if isinstance(error, (GGUFError, LibraryError)):
            return translated(error)  # already a sentence for the user
        log.warning("Model library job failed: %s: %s", type(error).__name__, error)
        return filled(self.tr("That did not work: %1"), error)

    @Slot()
    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a GGUF model"), "", self.tr("GGUF models (*.gguf);;All files (*)")
        )
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> None:
        """Check and import *path* on the library thread; the answer shows in the message."""
        library = self._library
        name = Path(path).name.encode("unicode_escape").decode("ascii")
        self._run_job(
            filled(self.tr("Checking %1…"), name),
            lambda: library.import_file(path),
            self._on_imported,
        )

    def _on_imported(self, outcome: _Outcome) -> None:
        if outcome.error is not None:
            self._say(self._error_text(outcome.error))
            return
        model = outcome.value
        assert isinstance(model, InstalledModel)
        self._say(filled(self.tr("%1 is now available; the file stays where it is."), model.name))
        self.refresh()

    @Slot()
    def _on_remove(self) -> None:
        model = self.selected_installed()
        if model is None:
            return
        if model.source == "composer":
            question = filled(
                self.tr("Delete %1 (%2) from this computer?"),
                model.name,
                data_size(model.size, places=1),
            )
            answer = QMessageBox.question(self, self.tr("Remove model"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        library = self._library
        self._run_job(
            filled(self.tr("Removing %1…"), model.name),
            lambda: library.remove(model),
            self._on_removed,
        )

    def _on_removed(self, outcome: _Outcome) -> None:
        if outcome.error is not None:
            self._say(self._error_text(outcome.error))
        else:
            done = outcome.value
            assert isinstance(done, UserMessage)  # what ModelLibrary.remove returns
            self._say(translated(done))
        self.refresh()

    @Slot()
    def _on_download(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._downloads.enqueue(_request(entry))

    @Slot()
    def _on_pause(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._downloads.pause(_request(entry).key)

    @Slot()
    def _on_cancel(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._downloads.cancel(_request(entry).key, _request(entry))

    @Slot()
    def _on_token(self) -> None:
        token, ok = QInputDialog.getText(
            self,
            self.tr("Hugging Face token"),
            self.tr(
                "Paste a read token from huggingface.co/settings/tokens.\n"
                "Composer keeps it only in your system keychain."
            ),
            QLineEdit.EchoMode.Password,
        )
        if ok and token.strip():
            self.save_token(token.strip())

    def save_token(self, token: str) -> bool:
        from composer import secrets

        try:
            secrets.set_secret(secrets.HF_TOKEN, token)
        except secrets.SecretStoreError as exc:
            self._say(str(exc), token_hint=True)
            return False
        self._say(self.tr("Token saved in the system keychain. Start the download again."))
        return True

    # ---- worker signals

    def _set_status(self, key: str, text: str) -> None:
        entry = self._entry_for_key(key)
        if entry is not None:
            self._status[entry.id] = text
        self._fill_catalog()
        self._update_buttons()

    @Slot(str)
    def _on_queued(self, key: str) -> None:
        self._set_status(key, self.tr("Queued"))

    @Slot(str)
    def _on_started(self, key: str) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._say("")
        self._set_status(key, self.tr("Starting…"))

    @Slot(str, object)
    def _on_progress(self, key: str, progress: Progress) -> None:
        self.progress.setVisible(True)
        self.progress.setValue(int(progress.fraction * 1000))
        eta = ""
        if progress.eta is not None:
            eta = filled(self.tr(", %1 left"), human_duration(progress.eta))
        self.progress_label.setText(
            filled(
                self.tr("%1 of %2 at %3/s%4"),
                data_size(progress.done, places=1),
                data_size(progress.total, places=1),
                data_size(progress.speed, places=1),
                eta,
            )
        )
        state = (
            self.tr("Verifying")
            if progress.state == "verifying"
            else filled(self.tr("Downloading %1"), f"{progress.fraction:.0%}")
        )
        entry = self._entry_for_key(key)
        if entry is not None and self._status.get(entry.id) != state:
            self._set_status(key, state)

    def _download_ended(self, key: str) -> None:
        """Hide the progress of *key* and forget its transient status."""
        self.progress.setVisible(False)
        self.progress_label.clear()
        entry = self._entry_for_key(key)
        if entry is not None:
            self._status.pop(entry.id, None)

    @Slot(str, str, bool)
    def _on_finished(self, key: str, path: str, reused: bool) -> None:
        self._download_ended(key)
        if reused:
            self._say(filled(self.tr("Already on this computer: %1"), path))
        else:
            self._say(filled(self.tr("Downloaded and verified: %1"), path))
        self.refresh()

    @Slot(str)
    def _on_paused(self, key: str) -> None:
        self._download_ended(key)
        self._set_status(key, self.tr("Paused"))
        self.refresh()  # the partial file on disk then gives the "Paused at …" text

    @Slot(str)
    def _on_cancelled(self, key: str) -> None:
        self._download_ended(key)
        self.refresh()

    @Slot(str, str, bool)
    def _on_failed(self, key: str, message: str, needs_token: bool) -> None:
        self._download_ended(key)
        self._say(message, token_hint=needs_token)
        self.refresh()
        self._set_status(key, self.tr("Failed"))

    @Slot(object)
    def _on_verdicts(self, result: object) -> None:
        if isinstance(result, Exception):
            self._verdicts = {}
            self._verdicts_failed = True
            self._say(filled(self.tr("Could not check this computer's hardware: %1"), result))
        else:
            verdicts = cast("list[Verdict]", result)  # what the verdict job returns: assess()'s
            self._verdicts = {v.entry.id: v for v in verdicts}
        self._fill_catalog()
        self._update_details()

    def verdict(self, entry_id: str) -> Verdict | None:
        return self._verdicts.get(entry_id)


def _request(entry: CatalogEntry) -> PullRequest:
    return PullRequest(entry.repo, entry.file)
