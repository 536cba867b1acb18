"""Review a suggestion as a word-level diff; accept all, some changes, or none.

The diff is drawn twice: in colour with strike-through / underline for the
eye, and as a list of sentences ("Replaced “teh” with “the”") that a screen
reader reads and the keyboard walks, one checkbox per change. The list is
the control: checked changes are the ones accepted.

Regenerating adds a version; earlier versions stay browsable, each with its
own choice of changes. The widget never edits the message itself: it emits
the chosen text, and apply_to_editor() puts it in as exactly one undo step.
"""

from __future__ import annotations

import html
import time
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.assist.review import Phrases, segments
from composer.assist.review_session import ReviewSession
from composer.assist.target import Target
from composer.gui.apply_text import apply_to_document
from composer.i18n import filled, native_name
from composer.workers.batching import FLUSH_INTERVAL_S

# The strike and underline carry the meaning for anyone who cannot tell the
# colours apart; the colours come from the view's palette (diff_colours).
_FOCUS_STYLE = "font-weight:bold;"  # the change picked in the list
# What a review needs to stay usable in a short window (800×600): the panel
# gives the review at least this, and the controls above it scroll.
MIN_DIFF_LINES = 6
MIN_CHANGE_ROWS = 4
MIN_CONTRAST = 4.5  # WCAG AA for normal text

# While an answer streams in, redrawing takes at most this share of the
# time: a redraw waits 20x its own cost (one per token batch, every 30 ms,
# only when it costs under 1.5 ms). Every moment the GUI thread works, it
# takes a core from llama.cpp's threads, and when they have every core each
# token waits for the one that lost its core: at 16 threads on 16 cores the
# window wrote 18% slower than the engine alone while redrawing up to a fifth
# of the time (measured on the lent 16-core host; git log -p docs/PERFORMANCE.md).
_STREAM_REDRAW_SHARE = 0.05


class ReviewView(QWidget):
    sig_accept = Signal(str)  # the text chosen to replace the target
    sig_insert = Signal(str)  # the suggestion, to put at the cursor instead (new text only)
    sig_discard = Signal()
    sig_regenerate = Signal()  # also "run again" after the text changed underneath
    sig_again_in = Signal(str)  # regenerate in this language (a code): "Again in French"
    sig_version_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        # Redrawing re-diffs the whole text; on long emails that costs more
        # than the interval between token batches, so redraws are then spaced
        # out (the text itself is always kept up to date).
        self._refresh_cost = 0.0
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.timeout.connect(self._on_redraw_timer)
        self.phrases = Phrases(
            replaced=self.tr("Replaced “%1” with “%2”"),
            inserted=self.tr("Inserted “%1”"),
            deleted=self.tr("Deleted “%1”"),
            line_break=self.tr("a line break"),
            line_breaks=self.tr("%1 line breaks"),
            space=self.tr("a space"),
            spaces=self.tr("%1 spaces"),
            fact=self.tr("Changes a fact (%1)."),
            rewrite=self.tr("Rewrite, not a proofreading fix: %1"),
            fact_replaced=self.tr("“%1” instead of “%2”"),
            fact_removed=self.tr("“%1” removed"),
            fact_added=self.tr("“%1” added"),
            link_changed=self.tr("a link or address changed: “%1” instead of “%2”"),
            negation_added=self.tr("meaning reversed: “%1” added"),
            negation_removed=self.tr("meaning reversed: “%1” removed"),
        )
        self._session = ReviewSession("", phrases=self.phrases)

        # Mnemonics are unique in the compose window (tests/gui/test_keyboard.py);
        # the version buttons and "Run again" have none left: their commands have
        # shortcuts (Assistant menu) and they are in the Tab order.
        self.previous_button = QToolButton()
        self.previous_button.setObjectName("previousVersionButton")
        self.previous_button.setText(self.tr("◀ Pre&vious"))
        self.previous_button.setAccessibleName(self.tr("Previous version"))
        self.previous_button.setToolTip(self.tr("Show the previous version (Alt+Shift+Left)"))
        self.next_button = QToolButton()
        self.next_button.setObjectName("nextVersionButton")
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next version"))
        self.next_button.setToolTip(self.tr("Show the next version (Alt+Shift+Right)"))
        self.version_label = QLabel()
        self.version_label.setObjectName("versionLabel")
        self.regenerate_button = QPushButton(self.tr("Re&generate"))
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setAccessibleName(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(
            self.tr("Write another version; this one stays browsable")
        )

        self.notice = QLabel()
        self.notice.setObjectName("reviewNotice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        # "Again in French": the answer came in another language than asked.
        self.again_button = QPushButton()
        self.again_button.setObjectName("againInLanguageButton")
        self.again_button.setAccessibleName(self.tr("Write it again in the language asked"))
        self.again_button.clicked.connect(self._again_in_language)
        self._again_language = ""
        self.rerun_button = QPushButton(self.tr("Run again"))
        self.rerun_button.setObjectName("rerunButton")
        self.rerun_button.setAccessibleName(self.tr("Run again on the current text"))

        # The names assistive technology (and users of earlier versions) know:
        # "Suggestion", "Accept", "Discard"; the descriptions say the rest.
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("diffView")
        self.diff_view.setAccessibleName(self.tr("Suggestion"))
        self.diff_view.setOpenLinks(False)
        self.diff_view.setTabChangesFocus(True)
        self.diff_view.setMinimumHeight(_lines_tall(self.diff_view, MIN_DIFF_LINES))
        self.diff_view.installEventFilter(self)

        self.changes_label = changes_label = QLabel(self.tr("Changes (tick the ones to keep):"))
        changes_label.setObjectName("changesLabel")
        # A small model rather than QListWidget: the rows are rebuilt on every
        # redraw while streaming, and a model does that without creating a
        # Python wrapper per row.
        self.change_model = _ChangeModel(self)
        self.change_list = QListView()
        self.change_list.setObjectName("changeList")
        self.change_list.setModel(self.change_model)
        # Long descriptions end in "…" (the tooltip has them whole): a sideways
        # scroll bar would take a row's room in a narrow panel.
        self.change_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.change_list.setItemDelegate(_FittingRowDelegate(self.change_list))
        self.change_list.setMinimumHeight(_rows_tall(self.change_list, MIN_CHANGE_ROWS))
        self.change_list.setAccessibleName(self.tr("Changes"))
        self.change_list.setAccessibleDescription(
            self.tr("Each change has a checkbox; Space keeps or rejects it.")
        )
        changes_label.setBuddy(self.change_list)
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        # Accept all keeps the user's facts: said before the click, not after.
        self.facts_note = QLabel()
        self.facts_note.setObjectName("factsNote")
        self.facts_note.setWordWrap(True)
        # What a check of a new text against the request found ("10:00 from
        # your request is missing"): shown, and asked about before it goes in.
        self.findings = QLabel()
        self.findings.setObjectName("requestFindings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.PlainText)

        self.accept_all_button = QPushButton(self.tr("Accept a&ll"))
        self.accept_all_button.setObjectName("acceptAllButton")
        self.accept_all_button.setAccessibleName(self.tr("Accept"))
        self.accept_all_button.setAccessibleDescription(
            self.tr("Accept every change but the facts you left unticked (Ctrl+Shift+Return)")
        )
        self.accept_selected_button = QPushButton(self.tr("Accept tic&ked"))
        self.accept_selected_button.setObjectName("acceptTickedButton")
        self.accept_selected_button.setAccessibleName(self.tr("Accept the ticked changes"))
        # Scribe's "Insert" beside "Replace": a new text (draft, reply) can go
        # where the cursor was, keeping everything already written.
        self.insert_button = QPushButton(self.tr("Insert at cursor"))
        self.insert_button.setObjectName("insertAtCursorButton")
        self.insert_button.setAccessibleName(self.tr("Insert at the cursor"))
        self.insert_button.setAccessibleDescription(
            self.tr("Keep the message as it is and put the suggestion where the cursor was")
        )
        self._insert_offered = False
        self.discard_button = QPushButton(self.tr("D&iscard"))
        self.discard_button.setObjectName("discardButton")
        self.discard_button.setAccessibleName(self.tr("Discard"))
        self.discard_button.setAccessibleDescription(
            self.tr("Discard the suggestion; the message stays as it is")
        )

        version_row = QHBoxLayout()
        version_row.addWidget(self.previous_button)
        version_row.addWidget(self.version_label)
        version_row.addWidget(self.next_button)
        version_row.addStretch(1)
        version_row.addWidget(self.regenerate_button)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.again_button)
        notice_row.addWidget(self.rerun_button)
        button_row = QHBoxLayout()
        button_row.addWidget(self.accept_all_button)
        button_row.addWidget(self.accept_selected_button)
        button_row.addWidget(self.insert_button)
        button_row.addWidget(self.discard_button)
        button_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(version_row)
        layout.addLayout(notice_row)
        layout.addWidget(self.diff_view, 3)
        # The count beside the list's label: one line less in a short window.
        changes_row = QHBoxLayout()
        changes_row.addWidget(changes_label)
        changes_row.addStretch(1)
        changes_row.addWidget(self.summary)
        layout.addLayout(changes_row)
        layout.addWidget(self.change_list, 2)
        layout.addWidget(self.facts_note)
        layout.addWidget(self.findings)
        layout.addLayout(button_row)

        self.previous_button.clicked.connect(self.previous_version)
        self.next_button.clicked.connect(self.next_version)
        self.regenerate_button.clicked.connect(self.sig_regenerate)
        self.rerun_button.clicked.connect(self.sig_regenerate)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.accept_selected_button.clicked.connect(self.accept_selected)
        self.insert_button.clicked.connect(self.insert)
        self.discard_button.clicked.connect(self.discard)
        self.change_model.sig_toggled.connect(self._on_change_toggled)
        self.change_list.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        tab_chain(
            [
                self.previous_button,
                self.next_button,
                self.regenerate_button,
                self.again_button,
                self.rerun_button,
                self.diff_view,
                self.change_list,
                self.accept_all_button,
                self.accept_selected_button,
                self.discard_button,
            ]
        )
        self.hide_notice()
        self._refresh()

    def least_height(self, width: int) -> int:
        """The height the review needs at *width*: its minimum diff and list, every line of text.

        Qt's own minimum would lay the wrapped notes out at their narrowest
        (many lines each) and ask for far more than a usable review needs.
        """
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        heights = []
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None or item.isEmpty():
                continue  # hidden: no room
            if item.hasHeightForWidth():
                heights.append(item.heightForWidth(inner))
            else:
                heights.append(item.minimumSize().height())
        spacing = max(0, layout.spacing()) * max(0, len(heights) - 1)
        return sum(heights) + spacing + margins.top() + margins.bottom()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Light/dark switch: the diff's colours follow the view's new palette.
        if watched is self.diff_view and event.type() == QEvent.Type.PaletteChange:
            self._render()
        return super().eventFilter(watched, event)

    # -- content (the session holds it; its owner changes it, then tells the view)
    @property
    def session(self) -> ReviewSession:
        """The review shown; set_session() shows another."""
        return self._session

    def set_session(self, session: ReviewSession) -> None:
        """Show *session* (a new review)."""
        self._session = session
        self.hide_notice()
        self._refresh()
        self.show()

    def close_review(self) -> None:
        """No suggestion any more: the review empties and gives its room back."""
        self._session = ReviewSession("")
        self.hide_notice()
        self._refresh()
        self.hide()

    def version_added(self) -> None:
        """The session began a new version: show it."""
        self.hide_notice()
        self._refresh()
        self.sig_version_changed.emit(self._session.current)

    def session_grew(self) -> None:
        """The streaming version got longer: redraw now, or soon when redrawing is costly."""
        wait = self._refresh_cost / _STREAM_REDRAW_SHARE
        if wait <= FLUSH_INTERVAL_S:  # no more often than tokens arrive
            self._refresh(follow_end=True)
        elif not self._redraw_timer.isActive():
            self._redraw_timer.start(int(1000 * min(0.5, wait)))

    def refresh(self) -> None:
        """Redraw after the session changed outside the widget."""
        self._refresh()

    def drop_empty_current(self) -> None:
        """Forget a version that ended with no text (stopped, failed); back to the last real one."""
        if self._session.drop_empty_current():
            self._refresh()
            self.sig_version_changed.emit(self._session.current)

    def current_version(self) -> int:
        return self._session.current

    def current_text(self) -> str:
        return self._session.current_text()

    # -- notices -----------------------------------------------------------
    def show_notice(self, text: str, offer_rerun: bool = False) -> None:
        self.notice.setText(text)
        self.notice.show()
        self.rerun_button.setVisible(offer_rerun)
        self.again_button.hide()
        self.notice.setAccessibleDescription(text)

    @Slot(str, str)
    def show_language_notice(self, text: str, language: str) -> None:
        """The answer is not in *language* (a code): say so and offer it again in that one."""
        self.show_notice(text)
        self._again_language = language
        name = native_name(language)
        self.again_button.setText(filled(self.tr("Again in %1"), name))
        self.again_button.setAccessibleName(filled(self.tr("Write it again in %1"), name))
        self.again_button.show()

    @Slot()
    def _again_in_language(self) -> None:
        if self._again_language:
            self.sig_again_in.emit(self._again_language)

    def show_stale_notice(self) -> None:
        self.show_notice(
            self.tr(
                "You edited this text after asking, so the suggestion no longer fits it. "
                "Nothing was changed. Run the assistant again on the current text?"
            ),
            offer_rerun=True,
        )

    def hide_notice(self) -> None:
        self.notice.hide()
        self.rerun_button.hide()
        self.again_button.hide()

    # -- commands (public so the window can bind shortcuts to them) ---------
    @Slot()
    def accept_all(self) -> None:
        """Every change but the facts left unticked (facts_note says so beforehand)."""
        if self._session.can_accept:
            self._after_findings(self.sig_accept, self._session.accept_all_text())

    @Slot()
    def accept_selected(self) -> None:
        if self._session.can_accept:
            self._after_findings(self.sig_accept, self._session.ticked_text())

    @Slot()
    def insert(self) -> None:
        if self._insert_offered and self._session.can_accept and self._session.current_text():
            self._after_findings(self.sig_insert, self._session.current_text())

    def _after_findings(self, signal: SignalInstance, text: str) -> None:
        """Emit *text*, after asking when the check found something (Back is the default)."""
        findings = self._session.findings()
        if not findings:
            signal.emit(text)
            return
        box = QMessageBox(self)
        box.setObjectName("requestCheckBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Check the suggestion"))
        box.setText(self.tr("The suggestion does not match your request:"))
        box.setInformativeText("\n".join("• " + line for line in findings))
        box.setTextFormat(Qt.TextFormat.PlainText)
        use = box.addButton(self.tr("&Use it anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("&Back to the review"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            if box.clickedButton() is use:
                signal.emit(text)
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def set_insert_offered(self, offered: bool) -> None:
        """Offer "Insert at cursor" (for a new text, not for a rewrite of existing text)."""
        self._insert_offered = offered
        self._update_controls()

    @Slot()
    def discard(self) -> None:
        self.sig_discard.emit()

    @Slot()
    def previous_version(self) -> None:
        self._show_version(self._session.current - 1)

    @Slot()
    def next_version(self) -> None:
        self._show_version(self._session.current + 1)

    def _show_version(self, index: int) -> None:
        if self._session.show_version(index):
            self._refresh()
            self.sig_version_changed.emit(index)

    # -- drawing -----------------------------------------------------------
    @Slot()
    def _on_redraw_timer(self) -> None:
        self._refresh(follow_end=self._session.streaming)

    def _refresh(self, follow_end: bool = False) -> None:
        self._redraw_timer.stop()
        # A new text (nothing to compare with) is one insertion: a list of
        # changes would only take room from the text itself.
        has_original = bool(self._session.original)
        self.changes_label.setVisible(has_original)
        self.change_list.setVisible(has_original)
        self.accept_selected_button.setVisible(has_original)
        started = time.perf_counter()
        self._fill_list()
        self._render(follow_end=follow_end)
        self._update_controls()
        self._refresh_cost = time.perf_counter() - started

    def _fill_list(self) -> None:
        session = self._session
        row = self.change_list.currentIndex().row()
        self.change_model.reset(session)
        if 0 <= row < self.change_model.rowCount():
            self.change_list.selectionModel().blockSignals(True)
            self.change_list.setCurrentIndex(self.change_model.index(row))
            self.change_list.selectionModel().blockSignals(False)

    def _render(self, follow_end: bool = False, focus: int | None = None) -> None:
        session = self._session
        if session.current < 0:
            self.diff_view.setHtml("")
            self.diff_view.setAccessibleDescription("")
            return
        ticked = session.ticked()
        colours = diff_colours(self.diff_view.palette())
        styles = {
            "delete": f"color:{colours.delete_fg.name()}; "
            f"background-color:{colours.delete_bg.name()}; text-decoration:line-through;",
            "insert": f"color:{colours.insert_fg.name()}; "
            f"background-color:{colours.insert_bg.name()}; text-decoration:underline;",
        }
        parts: list[str] = []
        anchored: set[int] = set()
        for segment in segments(session.original, session.changes()):
            text = html.escape(segment.text).replace("\n", "<br/>")
            if segment.kind == "equal":
                parts.append(text)
                continue
            style = styles[segment.kind]
            if segment.change not in ticked:
                # A rejected change shows what stays: the original, unmarked.
                parts.append(text if segment.kind == "delete" else "")
                continue
            if segment.change == focus:
                style += _FOCUS_STYLE
            anchor = ""
            if segment.change is not None and segment.change not in anchored:
                # The scrollToAnchor() target when the change is picked in the list.
                anchored.add(segment.change)
                anchor = f'<a name="change-{segment.change}"></a>'
            parts.append(f'{anchor}<span style="{style}">{text}</span>')
        self.diff_view.setHtml("<div style='white-space:pre-wrap'>" + "".join(parts) + "</div>")
        if follow_end:
            self.diff_view.moveCursor(QTextCursor.MoveOperation.End)
        elif focus is not None:
            self.diff_view.scrollToAnchor(f"change-{focus}")
        self.diff_view.setAccessibleDescription(self._spoken_summary())

    def _spoken_summary(self) -> str:
        descriptions = self._session.descriptions()
        count = len(descriptions)
        kept = len(self._session.ticked())
        if count == 0:
            return self.tr("No changes.")
        head = filled(self.tr("%n changes, %1 ticked.", "", count), kept)
        # The first twenty are enough to hear what kind of edit this is; the
        # list below has them all.
        spoken = " ".join(text.rstrip(".") + "." for text in descriptions[:20])
        return head + " " + spoken

    def _update_controls(self) -> None:
        session = self._session
        current = session.current
        has_version = current >= 0
        count = session.version_count
        changes = len(session.changes())
        self.version_label.setText(
            filled(self.tr("Version %1 of %2"), current + 1, count) if has_version else ""
        )
        browsing = has_version and not session.streaming
        self.previous_button.setEnabled(browsing and current > 0)
        self.next_button.setEnabled(browsing and current < count - 1)
        self.regenerate_button.setEnabled(browsing)
        can_accept = session.can_accept
        self.accept_all_button.setEnabled(can_accept)
        kept = len(session.ticked())
        self.accept_selected_button.setEnabled(can_accept and kept > 0)
        self.discard_button.setEnabled(has_version)
        self.insert_button.setVisible(self._insert_offered)
        self.insert_button.setEnabled(can_accept and bool(session.current_text()))
        if not has_version:
            self.summary.setText("")
        elif not session.original:
            # A new text has nothing to compare with: no count of "changes".
            self.summary.setText(self.tr("Writing…") if session.streaming else "")
        elif session.streaming:
            self.summary.setText(
                self.tr("Writing… %n changes so far", "", changes)
                if session.current_text()
                else ""  # still reading the email
            )
        else:
            summary = filled(self.tr("%1 of %n changes ticked", "", changes), kept)
            why = ""
            if session.incomplete:
                summary = filled(self.tr("Stopped early · %1"), summary)
                why = self.tr(
                    "It stopped before the end: your text after the point it reached stays "
                    "as it was."
                )
            self.summary.setText(summary)
            self.summary.setToolTip(why)
            self.summary.setAccessibleDescription(why)
        held = len(session.held_facts()) if can_accept else 0
        self.facts_note.setText(
            self.tr(
                "Accept all keeps your facts: %n changed names, numbers, dates or links stay "
                "as you wrote them unless you tick them.",
                "",
                held,
            )
        )
        self.facts_note.setVisible(held > 0)
        findings = session.findings() if can_accept else ()
        self.findings.setText("\n".join("⚠ " + line for line in findings))
        self.findings.setVisible(bool(findings))

    @Slot(int, bool)
    def _on_change_toggled(self, index: int, _accepted: bool) -> None:
        # The model already recorded the choice in the session.
        self._render(focus=index)
        self._update_controls()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.row() >= 0 and not self._session.streaming:
            self._render(focus=current.row())


def tab_chain(widgets: list[QWidget]) -> None:
    """Tab visits *widgets* in this order."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


class DiffColours(NamedTuple):
    insert_fg: QColor
    insert_bg: QColor
    delete_fg: QColor
    delete_bg: QColor


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """*a* with *amount* (0..1) of *b* laid over it, opaque."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def _readable(hue: QColor, background: QColor, minimum: float) -> QColor:
    """*hue* made darker (light background) or lighter (dark one) until it reads."""
    towards = QColor("black") if relative_luminance(background) > 0.18 else QColor("white")
    colour = hue
    for step in range(21):
        colour = _mix(hue, towards, step / 20)
        if contrast_ratio(colour, background) >= minimum:
            return colour
    return colour


def diff_colours(palette: QPalette, minimum: float = MIN_CONTRAST + 0.1) -> DiffColours:
    """Insert/delete colours for text on *palette*'s Base, each at least *minimum*:1.

    The backgrounds are opaque tints of the palette's own Base (never a
    translucent colour over a background we do not know), and the text
    colour is pushed away from its background until the contrast holds.
    """
    base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
    green, red = QColor("#2e7d32"), QColor("#c62828")
    dark = relative_luminance(base) <= 0.18
    if dark:  # the same hues, lighter, read better on a dark base
        green, red = QColor("#81c784"), QColor("#ef9a9a")
    insert_bg = _mix(base, green, 0.16)
    delete_bg = _mix(base, red, 0.16)
    return DiffColours(
        insert_fg=_readable(green, insert_bg, minimum),
        insert_bg=insert_bg,
        delete_fg=_readable(red, delete_bg, minimum),
        delete_bg=delete_bg,
    )


def _lines_tall(view: QTextBrowser, lines: int) -> int:
    """The height that shows *lines* lines of the view's text, frame and margins included."""
    margin = int(view.document().documentMargin())
    return lines * view.fontMetrics().lineSpacing() + 2 * (margin + view.frameWidth())


def _rows_tall(view: QListView, rows: int) -> int:
    """The height that shows *rows* rows of checkable changes, frame included."""
    check = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, view)
    row = max(view.fontMetrics().height(), check) + 4  # the style's padding around a row
    return rows * row + 2 * view.frameWidth()


class _FittingRowDelegate(QStyledItemDelegate):
    """Rows as wide as the list, so a long description ends in "…" instead of running off."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QListView):
            hint.setWidth(min(hint.width(), view.viewport().width()))
        return hint


class _ChangeModel(QAbstractListModel):
    """One checkable row per change of the session's current version."""

    sig_toggled = Signal(int, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._rows: list[str] = []

    def reset(self, session: ReviewSession) -> None:
        self.beginResetModel()
        self._session = session
        self._rows = session.descriptions()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._rows[row]
        if role == Qt.ItemDataRole.CheckStateRole and self._session is not None:
            ticked = self._session.is_ticked(row)
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

    def _checkable(self) -> bool:
        return self._session is not None and self._session.can_accept

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._checkable():
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self._checkable():
            return False
        # Views pass the state as an int, Python callers as the enum.
        accepted = Qt.CheckState(getattr(value, "value", value)) == Qt.CheckState.Checked
        row = index.row()
        assert self._session is not None  # _checkable()
        if not self._session.set_ticked(row, accepted):
            return False
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_toggled.emit(row, accepted)
        return True


def apply_to_editor(editor: QPlainTextEdit | QTextEdit, target: Target, text: str) -> bool:
    """Replace *target* in *editor* with *text* as exactly one undo step.

    Returns False and changes nothing when the target's text was edited since
    the request (the caller then offers to run again).
    """
    cursor = apply_to_document(editor.document(), target, text)
    if cursor is None:
        return False
    editor.setTextCursor(cursor)
    return True
