"""A message opened from a file: read it, save its attachments, reply or forward.

A read-only view of an OpenedMessage (mail/message.py): From, To, Cc, Date,
Subject, the text, the attachments, and a note on whatever could not be
read. Reply, Reply all and Forward build the new message's draft
(mail/replies.py) and hand it to the WindowManager, which opens a compose
window for it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, QSize, Qt, QTime, QTimeZone, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer import APP_NAME
from composer.fileio import write_bytes_atomic
from composer.gui.widgets.read_only_text import ReadOnlyText
from composer.gui.window_placement import keep_on_screen
from composer.i18n import filled, translated
from composer.mail.addresses import Address, format_address_list
from composer.mail.drafts import FORWARDED_FOLDER, Draft
from composer.mail.long_lines import bounded, break_long_lines
from composer.mail.message import OpenedMessage
from composer.mail.replies import ForwardLabels
from composer.paths import AppPaths
from composer.settings import Settings
from composer.workers.jobs import Job

log = logging.getLogger(__name__)

# A message window shows at most this much text (lines broken, mail/long_lines.py),
# set piece by piece (widgets/read_only_text.py). Reply, Forward and Save use all of it.
MAX_SHOWN_CHARS = 1024 * 1024
MAX_LISTED_ATTACHMENTS = 1000
MAX_LISTED_ADDRESSES = 200


def _local_date(when: datetime) -> str:
    """*when* in the sender's time, with the day and month in the user's language."""
    offset = when.utcoffset()
    moment = QDateTime(
        QDate(when.year, when.month, when.day),
        QTime(when.hour, when.minute),
        QTimeZone(int(offset.total_seconds()) if offset is not None else 0),
    )
    return QLocale().toString(moment, "ddd d MMM yyyy, HH:mm")


class MessageWindow(QMainWindow):
    sig_compose = Signal(object)  # the Draft of a reply or a forward

    def __init__(
        self,
        message: OpenedMessage,
        path: Path,
        settings: Settings,
        paths: AppPaths,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("messageWindow")
        self.message = message
        self.path = path
        self.settings = settings
        self.paths = paths
        subject = message.subject.strip() or self.tr("(no subject)")
        self.setWindowTitle(f"{subject} — {APP_NAME}")
        keep_on_screen(self, QSize(900, 700))  # all of it on the screen, frame included

        form = QFormLayout()
        sender = [message.sender] if message.sender is not None else []
        self.from_field = self._add_field(form, self.tr("From:"), "fromField", sender)
        self.to_field = self._add_field(form, self.tr("To:"), "toField", list(message.to))
        self.cc_field = self._add_field(form, self.tr("Cc:"), "ccField", list(message.cc))
        self.date_field = self._add_line(form, self.tr("Date:"), "dateField", self._date_text())
        self.subject_field = self._add_line(
            form, self.tr("Subject:"), "subjectField", message.subject
        )
        self.cc_field.setVisible(bool(message.cc))
        form.labelForField(self.cc_field).setVisible(bool(message.cc))

        self.problems_note = QLabel()
        self.problems_note.setObjectName("problemsNote")
        self.problems_note.setWordWrap(True)
        self.problems_note.setTextFormat(Qt.TextFormat.PlainText)
        notes = [translated(problem) for problem in message.problems]
        if message.body_from_html:
            notes.append(self.tr("This message has no plain text: its HTML is shown as text."))
        self.problems_note.setText(" ".join(notes))
        self.problems_note.setAccessibleName(self.tr("About this message"))
        self.problems_note.setVisible(bool(notes))

        self.text = ReadOnlyText()
        self.text.setObjectName("messageText")
        self.text.setAccessibleName(self.tr("Message text"))
        shown = bounded(message.body, MAX_SHOWN_CHARS)
        self.text.set_text(break_long_lines(shown.text))
        if shown.left_out:
            notes.append(
                filled(
                    self.tr("The message is too long to show whole: its first %1 are shown."),
                    QLocale().formattedDataSize(len(shown.text.encode())),
                )
            )
            self.problems_note.setText(" ".join(notes))
            self.problems_note.setVisible(True)

        attachments_label = QLabel(self.tr("A&ttachments:"))
        attachments_label.setObjectName("attachmentsLabel")
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachmentsList")
        self.attachments.setAccessibleName(self.tr("Attachments"))
        attachments_label.setBuddy(self.attachments)
        # Listing tens of thousands of files would hold the window for seconds;
        # past MAX_LISTED_ATTACHMENTS a last row says how many more there are.
        for attachment in message.attachments[:MAX_LISTED_ATTACHMENTS]:
            item = QListWidgetItem(
                filled(
                    self.tr("%1 (%2)"),
                    attachment.filename,
                    QLocale().formattedDataSize(attachment.size),
                )
            )
            item.setToolTip(attachment.content_type)
            self.attachments.addItem(item)
        if len(message.attachments) > MAX_LISTED_ATTACHMENTS:
            more = QListWidgetItem(
                filled(
                    self.tr("… and %1 more (Forward sends the whole message)"),
                    QLocale().toString(len(message.attachments) - MAX_LISTED_ATTACHMENTS),
                )
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.attachments.addItem(more)
        if message.attachments:
            self.attachments.setCurrentRow(0)
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.setObjectName("saveAttachmentButton")
        self.save_button.setAccessibleName(self.tr("Save the attachment"))
        self.save_button.clicked.connect(self.choose_where_to_save)
        self.attachments.setMaximumHeight(110)
        for widget in (attachments_label, self.attachments, self.save_button):
            widget.setVisible(bool(message.attachments))

        self._create_actions()
        buttons = QHBoxLayout()
        for act, name in (
            (self.reply_action, "replyButton"),
            (self.reply_all_action, "replyAllButton"),
            (self.forward_action, "forwardButton"),
        ):
            button = QPushButton(act.text())
            button.setObjectName(name)
            button.setAccessibleName(act.text().replace("&", ""))
            button.clicked.connect(act.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.problems_note)
        layout.addWidget(self.text, 1)
        attachments_row = QHBoxLayout()
        attachments_row.addWidget(self.attachments, 1)
        attachments_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(attachments_label)
        layout.addLayout(attachments_row)
        self.setCentralWidget(central)
        self.text.setFocus()

    def _add_line(self, form: QFormLayout, label: str, name: str, text: str) -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        field.setReadOnly(True)
        field.setAccessibleName(label.rstrip(":").strip())
        field.setCursorPosition(0)
        caption = QLabel(label)
        caption.setObjectName(name + "Label")
        caption.setBuddy(field)
        form.addRow(caption, field)
        return field

    def _add_field(
        self, form: QFormLayout, label: str, name: str, addresses: list[Address]
    ) -> QLineEdit:
        # A line laid out whole: thousands of addresses would hold the window.
        text = format_address_list(addresses[:MAX_LISTED_ADDRESSES])
        if len(addresses) > MAX_LISTED_ADDRESSES:
            more = QLocale().toString(len(addresses) - MAX_LISTED_ADDRESSES)
            text += " " + filled(self.tr("… and %1 more"), more)
        return self._add_line(form, label, name, text)

    def _date_text(self) -> str:
        date = self.message.date
        if date is None:
            return self.message.date_text
        shown = QDateTime.fromSecsSinceEpoch(int(date.timestamp()))  # the reader's time
        return QLocale().toString(shown, QLocale.FormatType.LongFormat)

    def _create_actions(self) -> None:
        def action(
            name: str,
            text: str,
            slot: Callable[[], object],
            shortcut: str | QKeySequence.StandardKey,
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        # As in most mail programs (Thunderbird: Ctrl+R, Ctrl+Shift+R, Ctrl+L).
        self.reply_action = action("replyAction", self.tr("&Reply"), self.reply, "Ctrl+R")
        self.reply_all_action = action(
            "replyAllAction", self.tr("Reply &all"), self.reply_all, "Ctrl+Shift+R"
        )
        self.forward_action = action("forwardAction", self.tr("F&orward"), self.forward, "Ctrl+L")
        self.close_action = action(
            "closeAction", self.tr("&Close"), self.close, QKeySequence.StandardKey.Close
        )
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.close_action)
        message_menu = self.menuBar().addMenu(self.tr("&Message"))
        message_menu.setObjectName("messageMenu")
        for act in (self.reply_action, self.reply_all_action, self.forward_action):
            message_menu.addAction(act)

    # -- replies -----------------------------------------------------------------------
    # Reply and Forward quote, cut and copy on a thread (workers/jobs.py): a message
    # decides how much text and how many files that is. sig_compose follows.
    def _own_addresses(self) -> tuple[str, ...]:
        """The user's addresses (their accounts), left out of Reply all."""
        from composer.mail.accounts import AccountStore

        return tuple(account.address for account in AccountStore(self.paths.config).load())

    @Slot()
    def reply(self) -> Job:
        return self._reply(reply_all=False)

    @Slot()
    def reply_all(self) -> Job:
        return self._reply(reply_all=True)

    def _reply(self, reply_all: bool) -> Job:
        from composer.mail.replies import check_recipient_count, reply_draft

        # The quoted message's first line: %1 the date, %2 the sender.
        attribution = self.tr("On %1, %2 wrote:")
        undated = self.tr("%1 wrote:")
        message = self.message

        def make(_cancel: object) -> Draft:
            draft = reply_draft(
                message,
                own_addresses=self._own_addresses(),
                reply_all=reply_all,
                attribution=attribution,
                undated_attribution=undated,
                date_text=_local_date,
            )
            check_recipient_count(draft)
            return draft

        return self._start(make, "reply")

    @Slot()
    def forward(self) -> Job:
        """A compose window forwarding this message with its attachments (a note when refused)."""
        from composer.mail.replies import forward_draft

        labels = ForwardLabels(
            heading=self.tr("---------- Forwarded message ----------"),
            sender=self.tr("From"),
            date=self.tr("Date"),
            subject=self.tr("Subject"),
            to=self.tr("To"),
            cc=self.tr("Cc"),
        )
        message, folder, original = self.message, self.paths.drafts / FORWARDED_FOLDER, self.path

        def make(_cancel: object) -> Draft:
            return forward_draft(
                message,
                attachment_dir=folder,
                labels=labels,
                date_text=_local_date,
                original=original,
            )

        return self._start(make, "forward")

    def _start(self, make: Callable[[object], Draft], name: str) -> Job:
        job = Job(make, name=name)
        job.sig_done.connect(self.sig_compose.emit)
        job.sig_failed.connect(self._not_made)
        job.sig_finished.connect(QApplication.restoreOverrideCursor)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        return job.start()

    @Slot(object)
    def _not_made(self, error: BaseException) -> None:
        from composer.messages import UserFacingError

        if not isinstance(error, UserFacingError):
            log.error("A reply or forward failed: %s", type(error).__name__)
        job = self.sender()
        title = self.tr("Not forwarded") if job.objectName() == "forward" else self.tr("No reply")
        box = QMessageBox(QMessageBox.Icon.Warning, title, translated(error), parent=self)
        box.setObjectName("forwardProblemBox")
        box.open()

    # -- attachments -------------------------------------------------------------------
    @Slot()
    def choose_where_to_save(self) -> None:
        row = self.attachments.currentRow()
        if not 0 <= row < min(len(self.message.attachments), MAX_LISTED_ATTACHMENTS):
            return  # nothing chosen, or the "… and N more" row
        attachment = self.message.attachments[row]
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the attachment"), str(Path.home() / attachment.filename)
        )
        if target:
            self.save_attachment(row, Path(target))

    def save_attachment(self, row: int, target: Path) -> Job:
        """Write attachment *row* to *target* on a thread (up to 64 MB, synced).

        The status bar says when it is saved, or why not.
        """
        data = self.message.attachments[row].data
        job = Job(lambda _cancel: write_bytes_atomic(target, data), name="save-attachment")
        job.sig_done.connect(
            lambda _none: self.statusBar().showMessage(
                filled(self.tr("Saved %1."), target.name), 8000
            )
        )
        job.sig_failed.connect(lambda exc: self._not_saved(target, exc))
        return job.start()

    def _not_saved(self, target: Path, exc: BaseException) -> None:
        why = getattr(exc, "strerror", None) or type(exc).__name__
        self.statusBar().showMessage(
            filled(self.tr("Could not save %1: %2"), target.name, why), 15000
        )
