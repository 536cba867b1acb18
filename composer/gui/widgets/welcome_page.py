"""The first run: the user chooses what writes with them, before anything happens.

Shown in the assistant's place until a choice is made (the message can be
written meanwhile). Four choices, one click each: download the recommended
model (its name, size, whether it fits this computer, where it will be
stored and how open it is), use the small starter model now (offline, and
honest about its quality), no assistant at all, or a model file the user
already has. Nothing is downloaded or loaded before a click.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.gui.openness_text import OpennessText
from composer.gui.speed_text import speed_text
from composer.gui.verdict_job import default_probe, languages_here, verdict_job
from composer.i18n import data_size, filled, translated
from composer.models.catalog import CatalogEntry, CatalogError, Verdict, load_catalog
from composer.models.starter import starter_installed


class WelcomePage(QWidget):
    sig_download = Signal(object)  # the CatalogEntry to download and then use
    sig_starter = Signal()
    sig_no_assistant = Signal()
    sig_import = Signal()
    sig_server = Signal()  # set up a server the user chooses (Settings > Assistant)

    def __init__(
        self,
        models_dir: Path,
        *,
        probe_fn: Callable[[], object] = default_probe,
        answer_languages: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        # answer_languages: the user's (Settings' answer language); with the
        # interface's, the recommended model must write them all.
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self._models_dir = models_dir
        self._recommended: CatalogEntry | None = None

        title = QLabel(self.tr("<h2>Welcome to Composer</h2>"))
        title.setObjectName("welcomeTitle")
        intro = QLabel(
            self.tr(
                "Choose what helps you write. A model on this computer keeps what you "
                "write on it; a server gets your text only if you choose one and agree."
            )
        )
        intro.setWordWrap(True)

        self.download_button = self._choice_button(
            self.tr("&Download the recommended model"),
            "downloadRecommended",
            self.tr("Download the recommended model"),
        )
        self.recommendation = QLabel(self.tr("Checking which model suits this computer…"))
        self.recommendation.setObjectName("recommendationDetails")
        self.recommendation.setWordWrap(True)
        self.recommendation.setTextFormat(Qt.TextFormat.PlainText)
        self.download_button.setEnabled(False)
        self.recommendation.installEventFilter(self)
        # Where the openness points are explained: a link the user may follow.
        self.openness_link = QLabel()
        self.openness_link.setObjectName("opennessLink")
        self.openness_link.setOpenExternalLinks(True)
        self.openness_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.openness_link.hide()
        self._openness = OpennessText(self)

        self.starter_button = self._choice_button(
            self.tr("Use the starter &model"), "useStarter", self.tr("Use the starter model")
        )
        starter_note = QLabel(
            self.tr(
                "Works right now, offline. It is tiny (270 million parameters, 253 MB) and "
                "its drafts are poor: good for trying Composer, not for real mail."
            )
        )
        starter_note.setWordWrap(True)

        self.none_button = self._choice_button(
            self.tr("&No assistant"), "noAssistant", self.tr("No assistant")
        )
        none_note = QLabel(
            self.tr(
                "Just write. No model is loaded, so no memory is used. You can turn the "
                "assistant on later in Edit > Settings > Assistant."
            )
        )
        none_note.setWordWrap(True)

        self.import_button = self._choice_button(
            self.tr("&Use a model file I have…"),
            "useModelFile",
            self.tr("Use a model file I have…"),
        )
        import_note = QLabel(
            self.tr("A GGUF file on this computer; it is used where it lies, never copied.")
        )
        import_note.setWordWrap(True)
        self.server_button = self._choice_button(
            self.tr("Use a ser&ver…"), "useServer", self.tr("Use a server")
        )
        server_note = QLabel(
            self.tr(
                "A bigger model on a server you or your organisation run (llama.cpp, vLLM, "
                "Ollama…). Your text is then sent to that server, and only after you agree."
            )
        )
        server_note.setWordWrap(True)
        self.server_button.setAccessibleDescription(server_note.text())
        self.download_button.setAccessibleDescription(self.recommendation.text())
        self.starter_button.setAccessibleDescription(starter_note.text())
        self.none_button.setAccessibleDescription(none_note.text())
        self.import_button.setAccessibleDescription(import_note.text())

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(title)
        layout.addWidget(intro)
        # The two ways to start writing with a model, each over its explanation;
        # the other choices, less common, beside theirs: every choice shows in
        # the usual window without scrolling, in French too.
        for button, note in (
            (self.download_button, self.recommendation),
            (self.starter_button, starter_note),
        ):
            layout.addSpacing(10)
            layout.addWidget(button)
            layout.addWidget(note)
            if note is self.recommendation:
                layout.addWidget(self.openness_link)
        others = QGridLayout()
        others.setColumnStretch(1, 1)
        for row, (button, note) in enumerate(
            (
                (self.none_button, none_note),
                (self.import_button, import_note),
                (self.server_button, server_note),
            )
        ):
            others.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            others.addWidget(note, row, 1, Qt.AlignmentFlag.AlignTop)
        layout.addSpacing(10)
        layout.addLayout(others)
        if not starter_installed():  # an installer without the starter's package
            self.starter_button.hide()
            starter_note.hide()
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.download_button.clicked.connect(self._on_download)
        self.starter_button.clicked.connect(self.sig_starter)
        self.none_button.clicked.connect(self.sig_no_assistant)
        self.import_button.clicked.connect(self.sig_import)
        self.server_button.clicked.connect(self.sig_server)

        try:
            entries = load_catalog()
        except CatalogError as exc:
            self.recommendation.setText(str(exc))
            return
        job = verdict_job(entries, probe_fn, languages_here(answer_languages))
        job.sig_done.connect(self._on_verdicts)
        job.sig_failed.connect(self._on_verdicts)
        job.start()

    def _choice_button(self, text: str, name: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(36)
        return button

    @property
    def recommended(self) -> CatalogEntry | None:
        return self._recommended

    @Slot(object)
    def _on_verdicts(self, result: object) -> None:
        if isinstance(result, Exception) or not result:
            self.recommendation.setText(
                self.tr(
                    "This computer could not be checked, so no model is recommended. "
                    "File > Models lists them all."
                )
            )
            return
        assert isinstance(result, list)
        best: Verdict | None = next((v for v in result if v.recommended), None)
        if best is None and any(v.fit != "none" for v in result):
            # Models fit, but none writes the interface's or the answers' language.
            self.recommendation.setText(
                self.tr(
                    "None of the catalog's models that fit this computer writes your "
                    "language well, so none is recommended. File > Models lists them all."
                )
            )
            return
        if best is None:
            self.recommendation.setText(
                self.tr(
                    "None of the catalog's models fits this computer's memory. The starter "
                    "model still works, or use a smaller model file you have."
                )
            )
            return
        self._recommended = best.entry
        self.recommendation.setText(self.describe(best))
        self._show_openness_link(best.entry)
        self._fit_recommendation()
        details = self.download_details()
        self.download_button.setToolTip(details)
        self.download_button.setAccessibleDescription(f"{self.recommendation.text()}\n{details}")
        self.download_button.setEnabled(True)

    def _fit_recommendation(self, width: int | None = None) -> None:
        # A word-wrapped label whose text changed after the page was shown:
        # give it the height its lines need at its width, or they overlap the
        # next choice (a scroll area does not ask a label's height for width).
        label = self.recommendation
        needed = label.heightForWidth(max(200, width if width is not None else label.width()))
        if needed != label.minimumHeight():
            label.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_recommendation()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The label's own width settles after the page's: follow it.
        if watched is self.recommendation and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            self._fit_recommendation(event.size().width())
        return super().eventFilter(watched, event)

    def describe(self, verdict: Verdict) -> str:
        """The lines under the download choice: model, size, fit, place, openness."""
        entry = verdict.entry
        lines = [
            filled(self.tr("%1 (%2, about %3)"), entry.name, entry.params, data_size(entry.size)),
            filled(
                self.tr("On this computer: %1 — %2"),
                self._fit_text(verdict.fit),
                translated(verdict.reason),
            ),
            *self._speed_lines(verdict),
            filled(self.tr("Licence: %1"), entry.licence),
        ]
        openness = entry.openness
        if openness is not None:
            lines.append(filled(self.tr("How open it is: %1"), self._openness.in_words(openness)))
        return "\n".join(lines)

    def download_details(self) -> str:
        """Said on the download button (tooltip, screen readers): where it goes, how it runs."""
        return "\n".join(
            (
                filled(self.tr("Stored in %1"), str(self._models_dir)),
                self.tr("Pause and resume at any time; File > Models shows the download."),
            )
        )

    def _show_openness_link(self, entry: CatalogEntry) -> None:
        openness = entry.openness
        if openness is None:
            self.openness_link.hide()
            return
        url = html.escape(openness.source_url, quote=True)
        text = html.escape(self.tr("What each point means"))
        self.openness_link.setText(f'<a href="{url}">{text}</a>')
        self.openness_link.setToolTip(openness.source_url)
        self.openness_link.show()

    def _speed_lines(self, verdict: Verdict) -> list[str]:
        speed = speed_text(verdict.tokens_per_s)
        if not speed:
            return []
        return [filled(self.tr("Writes %1 on this computer (an estimate)"), speed)]

    def _fit_text(self, fit: str) -> str:
        return {
            "gpu": self.tr("fits on the graphics card"),
            "partial": self.tr("partly on the graphics card, slower"),
            "cpu": self.tr("runs on the processor, slower"),
            "none": self.tr("does not fit"),
        }.get(fit, fit)

    @Slot()
    def _on_download(self) -> None:
        if self._recommended is not None:
            self.sig_download.emit(self._recommended)
