"""Spelling in one compose window: the body and the subject underlined, their menus.

The app's SpellingService checks; this window says which words its message
allows (the names in From, To, Cc and Bcc, the words ignored in it) and
offers, on a misspelt word, up to five corrections, "Add to dictionary" and
"Ignore in this message" — in the right-click menu, with the keyboard's menu
key, and through Edit > Next misspelling (F7), which selects the next
misspelt word and opens the same menu there. The body's menu also proofreads
the paragraph under the cursor with the assistant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QInputMethodEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit

from composer.assist.target import py_to_qt, qt_to_py
from composer.gui.spell_highlighter import TYPING_PAUSE_MS, SpellHighlighter, misspelling_format
from composer.gui.spelling_service import SpellingService
from composer.i18n import filled
from composer.spelling.checker import LineCheck, accepted_words
from composer.spelling.personal_words import plausible
from composer.spelling.words import Word

MAX_IGNORED = 1000  # words kept with a draft; a longer list in a draft file is cut
MAX_SUBJECT_CHARS = 2000  # a subject longer than this is checked in its beginning only


@dataclass(frozen=True)
class Misspelling:
    """A misspelt word and where it is (document positions, Qt units)."""

    word: Word
    language: str
    start: int
    end: int


def _in_block(block: QTextBlock, result: LineCheck, word: Word) -> Misspelling:
    text, at = block.text(), block.position()
    return Misspelling(
        word, result.language or "", at + py_to_qt(text, word.start), at + py_to_qt(text, word.end)
    )


def _at_text_cursor(rect: QRect, pos: QPoint) -> bool:
    """Whether a menu asked at *pos* came from the keyboard (menu key, Shift+F10).

    Qt puts a keyboard menu at the text cursor, in the editor's coordinates
    (a frame's width off its viewport's): a click lands elsewhere.
    """
    return rect.adjusted(-4, -4, 4, 4).contains(pos)


class MessageSpelling(QObject):
    sig_proofread_paragraph = Signal()  # the body's selection is the paragraph: proofread it
    sig_status = Signal(str)  # a sentence for the status bar
    sig_ignored = Signal()  # "Ignore in this message": the draft keeps the word

    def __init__(
        self,
        service: SpellingService,
        body: QPlainTextEdit,
        subject: QLineEdit,
        names: Callable[[], list[str]],
        can_proofread: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._body = body
        self._subject = subject
        self._names = names
        self._can_proofread = can_proofread
        self._ignored: set[str] = set()
        self._accepted = frozenset[str]()
        self.highlighter = SpellHighlighter(
            body.document(),
            self._service.active,
            lambda: self._accepted,
            self._service.primary_language,
            self,
        )
        for widget in (body, subject):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        body.customContextMenuRequested.connect(self._body_menu)
        subject.customContextMenuRequested.connect(self._subject_menu)
        # The subject: checked as it changes, the word being typed left alone for a moment.
        self.subject_result = LineCheck(None)
        self._subject_typing = False
        self._subject_pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._subject_pause.timeout.connect(self._subject_paused)
        subject.textEdited.connect(self._subject_typed)
        subject.textChanged.connect(self._check_subject)
        # The names in the address fields, once they stop changing.
        self._names_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._names_timer.timeout.connect(self._update_accepted)
        service.sig_changed.connect(self.recheck)
        self._update_accepted(recheck=False)
        service.start()

    # -- what the message allows -------------------------------------------------------
    def names_changed(self) -> None:
        """An address field changed: its names are fine words in this message (soon)."""
        self._names_timer.start()

    @Slot()
    def _update_accepted(self, recheck: bool = True) -> None:
        accepted = accepted_words(self._names()) | frozenset(self._ignored)
        if accepted != self._accepted:
            self._accepted = accepted
            if recheck:
                self.recheck()

    @Slot()
    def recheck(self) -> None:
        """Check everything again (settings, the user's words or the allowed words changed)."""
        self.highlighter.recheck()
        self._check_subject()

    @property
    def ignored(self) -> list[str]:
        """The words ignored in this message, sorted (kept with its draft)."""
        return sorted(self._ignored)

    def ignore(self, word: str) -> None:
        self._ignored.add(word.lower())
        self._update_accepted()
        self.sig_ignored.emit()

    def set_ignored(self, words: list[str]) -> None:
        """The ignored words of a reopened draft (read as untrusted: bounded, plausible)."""
        self._ignored = {w.lower() for w in words[:MAX_IGNORED] if plausible(w)}
        self._update_accepted()

    def add_to_dictionary(self, word: str) -> None:
        problem = self._service.add_word(word)
        if problem:
            self.sig_status.emit(problem)

    # -- the body --------------------------------------------------------------------
    def _misspelt_in(self, block: QTextBlock) -> list[Misspelling]:
        result = self.highlighter.checked(block) if block.isValid() else None
        if result is None:
            return []
        return [_in_block(block, result, word) for word in result.misspelt]

    def misspelling_at(self, position: int) -> Misspelling | None:
        """The misspelt word at document *position* (touching it counts), if any."""
        block = self._body.document().findBlock(position)
        return next((m for m in self._misspelt_in(block) if m.start <= position <= m.end), None)

    def _next_from(self, position: int, passed: bool) -> Misspelling | None:
        """The first misspelling from *position* on, going round to the top once.

        A word the position is in counts, unless *passed* (it was selected:
        the user is done with it).
        """
        document = self._body.document()
        start = document.findBlock(max(0, position))

        def ahead(m: Misspelling) -> bool:
            return m.start >= position if passed else m.end >= position

        found = [m for m in self._misspelt_in(start) if ahead(m)]
        block = start.next()
        while not found and block.isValid():
            found = self._misspelt_in(block)
            block = block.next()
        block = document.begin()
        while not found and block.isValid() and block.blockNumber() <= start.blockNumber():
            found = self._misspelt_in(block)
            block = block.next()
        return found[0] if found else None

    @Slot()
    def next_misspelling(self) -> None:
        """Edit > Next misspelling: select the next misspelt word and offer its corrections."""
        if self._service.active() is None:
            self.sig_status.emit(self._off_sentence())
            return
        cursor = self._body.textCursor()
        # From the cursor on: a word the cursor is in counts, a selected one is passed.
        found = self._next_from(cursor.selectionEnd(), passed=cursor.hasSelection())
        if found is None:
            self.sig_status.emit(self.tr("No misspelt words."))
            return
        cursor.setPosition(found.start)
        cursor.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
        self._body.setTextCursor(cursor)
        self._body.ensureCursorVisible()
        self._body.setFocus()
        rect = self._body.cursorRect(cursor)
        menu = self._body_menu_for(found, standard=False)
        # The best correction is the active entry: Return takes it, a screen reader says it.
        first = next((a for a in menu.actions() if a.isEnabled() and not a.isSeparator()), None)
        if first is not None:
            QTimer.singleShot(0, partial(menu.setActiveAction, first))
        menu.exec(self._body.viewport().mapToGlobal(rect.bottomLeft()))

    def _off_sentence(self) -> str:
        if self._service.unavailable:
            return self._service.unavailable
        if not self._service.enabled:
            return self.tr("Spelling is off (Settings > General).")
        return self.tr("The spelling dictionaries are still opening.")

    @Slot(QPoint)
    def _body_menu(self, pos: QPoint) -> None:
        body = self._body
        # The keyboard's menu key asks at the text cursor; a click where the pointer is.
        keyboard = _at_text_cursor(body.cursorRect(), pos)
        cursor = body.textCursor() if keyboard else body.cursorForPosition(pos)
        found = self.misspelling_at(cursor.position())
        menu = self._body_menu_for(found, standard=True, at=pos)
        menu.exec(body.viewport().mapToGlobal(pos))

    def _body_menu_for(
        self, found: Misspelling | None, standard: bool, at: QPoint | None = None
    ) -> QMenu:
        body = self._body
        menu = body.createStandardContextMenu(at) if standard and at is not None else QMenu(body)
        menu.setObjectName("spellingMenu" if not standard else "bodyMenu")
        proofread = QAction(self.tr("&Proofread this paragraph"), menu)
        proofread.setObjectName("proofreadParagraphAction")
        proofread.setEnabled(self._can_proofread())
        proofread.triggered.connect(lambda: self._proofread_paragraph(found, at))
        _put_first(menu, [proofread])
        if found is not None:
            replace = partial(self._replace_in_body, found)
            _put_first(menu, self._word_actions(menu, found.word, found.language, replace))
        return menu

    def _replace_in_body(self, found: Misspelling, text: str) -> None:
        cursor = QTextCursor(self._body.document())
        cursor.setPosition(found.start)
        cursor.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText().replace("’", "'") != found.word.text:
            return  # the text changed under the menu: nothing is replaced blindly
        cursor.insertText(text)  # one undo step
        self._body.setTextCursor(cursor)

    def _proofread_paragraph(self, found: Misspelling | None, at: QPoint | None) -> None:
        body = self._body
        if found is not None:
            position = found.start
        elif at is not None and not _at_text_cursor(body.cursorRect(), at):
            position = body.cursorForPosition(at).position()
        else:
            position = body.textCursor().position()
        block = body.document().findBlock(position)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(cursor)
        self.sig_proofread_paragraph.emit()

    # -- the menu items for one word ---------------------------------------------------
    def _word_actions(
        self, menu: QMenu, word: Word, language: str, replace: Callable[[str], None]
    ) -> list[QAction]:
        checker = self._service.active()
        suggestions = checker.suggestions(word.text, language) if checker is not None else []
        actions = []
        for suggestion in suggestions:
            act = QAction(suggestion.replace("&", "&&"), menu)
            act.setObjectName("spellingSuggestion")
            font = act.font()
            font.setBold(True)
            act.setFont(font)
            act.triggered.connect(lambda _=False, s=suggestion: replace(s))
            actions.append(act)
        if not suggestions:
            none = QAction(self.tr("(No spelling suggestions)"), menu)
            none.setEnabled(False)
            actions.append(none)
        shown = word.text.replace("&", "&&")
        add = QAction(filled(self.tr("&Add “%1” to the dictionary"), shown), menu)
        add.setObjectName("addToDictionaryAction")
        add.triggered.connect(lambda: self.add_to_dictionary(word.text))
        ignore = QAction(filled(self.tr("&Ignore “%1” in this message"), shown), menu)
        ignore.setObjectName("ignoreWordAction")
        ignore.triggered.connect(lambda: self.ignore(word.text))
        return [*actions, add, ignore]

    # -- the subject -----------------------------------------------------------------
    @Slot()
    def _subject_typed(self) -> None:
        self._subject_typing = True
        self._subject_pause.start()

    @Slot()
    def _subject_paused(self) -> None:
        self._subject_typing = False
        self._check_subject()

    @Slot()
    def _check_subject(self) -> None:
        checker = self._service.active()
        text = self._subject.text()[:MAX_SUBJECT_CHARS]
        result = (
            checker.check_line(text, self._accepted, self._service.primary_language())
            if checker is not None
            else LineCheck(None)
        )
        self.subject_result = result
        typing = qt_to_py(text, self._subject.cursorPosition()) if self._subject_typing else None
        shown = [w for w in result.misspelt if typing is None or not w.start <= typing <= w.end]
        self._underline_subject(text, shown)

    def _underline_subject(self, text: str, words: list[Word]) -> None:
        # QLineEdit draws formats only through an input method event, relative
        # to its cursor; an empty commit string leaves the text and undo alone.
        cursor = self._subject.cursorPosition()
        fmt = misspelling_format()
        attributes = []
        for w in words:
            start = py_to_qt(text, w.start)
            attributes.append(
                QInputMethodEvent.Attribute(
                    QInputMethodEvent.AttributeType.TextFormat,
                    start - cursor,
                    py_to_qt(text, w.end) - start,
                    fmt,
                )
            )
        QApplication.sendEvent(self._subject, QInputMethodEvent("", attributes))

    def subject_misspelling_at(self, index: int) -> Word | None:
        """The misspelt word of the subject at Python *index*, if any."""
        for w in self.subject_result.misspelt:
            if w.start <= index <= w.end:
                return w
        return None

    @Slot(QPoint)
    def _subject_menu(self, pos: QPoint) -> None:
        subject = self._subject
        menu = subject.createStandardContextMenu()
        text = subject.text()
        keyboard = _at_text_cursor(subject.cursorRect(), pos)
        at = subject.cursorPosition() if keyboard else subject.cursorPositionAt(pos)
        word = self.subject_misspelling_at(qt_to_py(text, at))
        language = self.subject_result.language or ""
        if word is not None:

            def replace(suggestion: str, word: Word = word) -> None:
                current = subject.text()
                if current[word.start : word.end].replace("’", "'") != word.text:
                    return
                subject.setSelection(
                    py_to_qt(current, word.start),
                    py_to_qt(current, word.end) - py_to_qt(current, word.start),
                )
                subject.insert(suggestion)  # the line edit's own undo step

            _put_first(menu, self._word_actions(menu, word, language, replace))
        menu.exec(subject.mapToGlobal(pos))


def _put_first(menu: QMenu, actions: list[QAction]) -> None:
    """*actions* at the top of *menu*, a separator under them when more follows."""
    top = menu.actions()[0] if menu.actions() else None
    if top is None:
        menu.addActions(actions)
        return
    menu.insertActions(top, actions)
    menu.insertSeparator(top)
