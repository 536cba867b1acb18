"""Misspelt words of the message body underlined, as the user types.

Qt asks for the formats of each paragraph (block) that changed. A paragraph
already checked comes from a cache; a new one is checked at once while this
turn of the event loop has spent less than SYNC_BUDGET_S on spelling (a
keystroke costs one paragraph, well under a millisecond), else it waits for
a background Job that checks the waiting paragraphs in batches, after which
they are drawn again a slice at a time. So a 300,000-character email pasted
or opened never holds the window for long, and typing is never slowed.

The word being typed is not underlined until the user leaves it or pauses
(TYPING_PAUSE_MS): "recei" is not a mistake yet. Only the user's own lines
are checked (regions.py): quotes, a forwarded message and the signature not.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from composer.assist.target import py_to_qt, qt_to_py
from composer.spelling.checker import LineCheck, SpellChecker
from composer.spelling.regions import Region, region_of
from composer.workers.jobs import Job

SYNC_BUDGET_S = 0.004  # spelling work allowed on the GUI thread per event-loop turn
SYNC_MAX_CHARS = 4000  # a longer paragraph always goes to the background
BATCH_LINES = 400  # paragraphs per background job
REDRAW_BUDGET_S = 0.008  # redrawing checked paragraphs, per event-loop turn
TYPING_PAUSE_MS = 300
MAX_CACHED = 50_000


def misspelling_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    # The platform's spell-check underline (a red wave with most styles).
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor(220, 0, 0))
    return fmt


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(
        self,
        document: QTextDocument,
        checker: Callable[[], SpellChecker | None],
        accepted: Callable[[], frozenset[str]],
        default_language: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        # Typing is noted before Qt asks for formats: connected before the highlighter.
        document.contentsChange.connect(self._note_typing)
        super().__init__(parent or document)
        self._checker = checker
        self._accepted = accepted
        self._default_language = default_language
        self._results: OrderedDict[str, LineCheck] = OrderedDict()
        self._waiting: dict[str, set[int]] = {}  # paragraph text -> block numbers
        self._job: Job | None = None
        self._to_redraw: list[tuple[int, str]] = []
        self._turn_spent = 0.0
        self._turn_open = False
        self._typing_at: int | None = None  # document position just typed at
        self._format = misspelling_format()
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._typing_paused)
        self._redraw_timer = QTimer(self, singleShot=True, interval=0)
        self._redraw_timer.timeout.connect(self._redraw_some)
        self._batch_timer = QTimer(self, singleShot=True, interval=0)
        self._batch_timer.timeout.connect(self._start_batch)
        self.gui_thread_checks = 0  # paragraphs checked on the GUI thread (tests read it)
        self.setDocument(document)

    # -- what Qt calls ------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        above = self.previousBlockState()
        region = region_of(text, Region(above) if above >= 0 else Region.OWN)
        self.setCurrentBlockState(int(region))
        if region is not Region.OWN or self._checker() is None:
            return
        result = self._results.get(text)
        if result is None:
            result = self._check_now(text)
        if result is None:
            self._wait_for(text, self.currentBlock().blockNumber())
            return
        typing = self._typing_in_block(self.currentBlock())
        for word in result.misspelt:
            if typing is not None and word.start <= typing <= word.end:
                continue
            start = py_to_qt(text, word.start)
            self.setFormat(start, py_to_qt(text, word.end) - start, self._format)

    def _check_now(self, text: str) -> LineCheck | None:
        checker = self._checker()
        if checker is None or len(text) > SYNC_MAX_CHARS or self._turn_spent >= SYNC_BUDGET_S:
            return None
        if not self._turn_open:  # the budget is per turn of the event loop
            self._turn_open = True
            QTimer.singleShot(0, self._end_turn)
        began = time.perf_counter()
        result = checker.check_line(text, self._accepted(), self._default_language())
        self._turn_spent += time.perf_counter() - began
        self.gui_thread_checks += 1
        self._remember(text, result)
        return result

    @Slot()
    def _end_turn(self) -> None:
        self._turn_open = False
        self._turn_spent = 0.0

    def _remember(self, text: str, result: LineCheck) -> None:
        self._results[text] = result
        if len(self._results) > MAX_CACHED:
            self._results.popitem(last=False)

    # -- the word being typed ----------------------------------------------------------
    @Slot(int, int, int)
    def _note_typing(self, position: int, removed: int, added: int) -> None:
        if removed <= 1 and added <= 1:  # a keystroke, not a paste or a whole draft
            self._typing_at = position + added
            self._pause.start()
        else:
            self._typing_at = None

    def _typing_in_block(self, block: QTextBlock) -> int | None:
        """Where in *block*'s text (Python index) the user is typing, if there."""
        if self._typing_at is None:
            return None
        offset = self._typing_at - block.position()
        if not 0 <= offset <= block.length() - 1:
            return None
        return qt_to_py(block.text(), offset)

    @Slot()
    def _typing_paused(self) -> None:
        at, self._typing_at = self._typing_at, None
        document = self.document()
        if at is not None and document is not None:
            block = document.findBlock(at)
            if block.isValid():
                self.rehighlightBlock(block)

    # -- the background ----------------------------------------------------------------
    def _wait_for(self, text: str, number: int) -> None:
        self._waiting.setdefault(text, set()).add(number)
        if self._job is None and not self._batch_timer.isActive():
            self._batch_timer.start()

    @Slot()
    def _start_batch(self) -> None:
        checker = self._checker()
        if self._job is not None or not self._waiting or checker is None:
            return
        texts = list(self._waiting)[:BATCH_LINES]
        accepted, default = self._accepted(), self._default_language()

        def check(cancel: object) -> dict[str, LineCheck]:
            return {t: checker.check_line(t, accepted, default) for t in texts}

        job = self._job = Job(check)
        job.sig_done.connect(self._on_checked)
        job.sig_finished.connect(lambda: self._on_batch_ended(job))
        job.start()

    @Slot(object)
    def _on_checked(self, results: dict[str, LineCheck]) -> None:
        for text, result in results.items():
            self._remember(text, result)
            for number in self._waiting.pop(text, ()):
                self._to_redraw.append((number, text))
        self._redraw_timer.start()

    def _on_batch_ended(self, job: Job) -> None:
        if job is not self._job:  # cancelled by recheck(): a newer batch may be running
            return
        self._job = None
        if self._waiting:
            self._start_batch()

    @Slot()
    def _redraw_some(self) -> None:
        document = self.document()
        began = time.perf_counter()
        while self._to_redraw and document is not None:
            number, text = self._to_redraw.pop()
            block = document.findBlockByNumber(number)
            # A paragraph edited meanwhile was already drawn again, or waits anew.
            if block.isValid() and block.text() == text:
                self.rehighlightBlock(block)
            if time.perf_counter() - began > REDRAW_BUDGET_S:
                self._redraw_timer.start()
                return

    # -- asked by the window -----------------------------------------------------------
    def recheck(self) -> None:
        """The words allowed or the languages changed: check every paragraph again."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._results.clear()
        self._waiting.clear()
        self._to_redraw.clear()
        self.rehighlight()

    def checked(self, block: QTextBlock) -> LineCheck | None:
        """What the check of *block* found; None for another's lines or with spelling off.

        A paragraph not checked yet is checked now (the user asked about it).
        """
        checker = self._checker()
        if block.userState() != int(Region.OWN) or checker is None:
            return None
        text = block.text()
        result = self._results.get(text)
        if result is None:
            result = checker.check_line(text, self._accepted(), self._default_language())
            self._remember(text, result)
        return result

    @property
    def busy(self) -> bool:
        """Paragraphs are still waiting for their check or to be drawn."""
        return bool(self._waiting or self._job is not None or self._to_redraw)
