"""The compose window's side of sending: From, checks, password, progress, outcome.

Send checks the addresses first (the invalid ones named, their field marked
and focused), needs an account (none yet: Settings > Accounts opens with a
word of explanation), asks for a password the keychain does not have (at
most once per run when there is no keychain), then hands the built message
to the SendController. While it runs the window shows "Sending…" with a
Cancel button and the message cannot be edited. Sent: the copy is in the
Sent folder, the draft is deleted and the window closes. Not sent: the reason
in the user's language, and the message stays as it was. Perhaps sent (the
server took the whole message but never confirmed it): said so, and the
message stays too, with no Sent copy, as Thunderbird does: the user checks
before sending again, and nothing is lost either way.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from composer import secrets
from composer.gui.send_controller import SendController
from composer.i18n import filled, translated
from composer.mail import accounts as mail_accounts
from composer.mail.accounts import Account, AccountStore, AccountsUnreadable, find_account
from composer.mail.addresses import MAX_RECIPIENTS
from composer.mail.drafts import Draft
from composer.mail.outgoing import (
    build_message,
    envelope_recipients,
    invalid_addresses,
    save_eml,
)
from composer.mail.smtp_send import SendError
from composer.messages import UserFacingError

if TYPE_CHECKING:
    from composer.gui.widgets.attachments_bar import AttachmentsBar
    from composer.paths import AppPaths


class SendView(Protocol):
    """What sending asks of the window it sends from (a compose window is one).

    The whole of it: the address fields (checked and marked), the draft, the
    attachments, the actions disabled while sending, the status bar, and what
    becomes of the window once the message is sent.
    """

    paths: AppPaths
    to_field: QLineEdit
    cc_field: QLineEdit
    bcc_field: QLineEdit
    subject_field: QLineEdit
    attachments: AttachmentsBar
    commands: dict[str, QAction]

    def current_draft(self) -> Draft: ...
    def show_accounts_settings(self, why: str = "") -> None: ...
    def discard_message(self, confirm: bool = True) -> None: ...
    def message_sent(self, note: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name
    def centralWidget(self) -> QWidget | None: ...  # noqa: N802 - Qt's name


log = logging.getLogger(__name__)

SENT_NOTE_RECIPIENTS = 80  # characters of the addresses the "Sent to …" note repeats

INVALID_STYLE = 'QLineEdit[invalid="true"] { border: 2px solid #c62828; }'


class PasswordDialog(QDialog):
    """The account's password, with "remember it in the system keychain" where one exists."""

    def __init__(self, account: Account, keychain: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(filled(self.tr("Password for %1"), account.address))
        text = QLabel(
            filled(
                self.tr("The password of %1 on %2:"),
                account.username or account.address,
                account.host,
            )
        )
        text.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("passwordField")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        text.setBuddy(self.password)
        self.remember = QCheckBox(self.tr("&Remember it in the system keychain"))
        self.remember.setObjectName("rememberPassword")
        self.remember.setAccessibleName(self.tr("Remember the password in the system keychain"))
        self.remember.setChecked(keychain)
        self.remember.setVisible(keychain)
        note = QLabel(
            self.tr("It is kept in the system keychain, never in a file.")
            if keychain
            else self.tr(
                "No system keychain is available: the password is kept in memory until "
                "Composer closes, never in a file."
            )
        )
        note.setObjectName("passwordNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, self.password, self.remember, note, buttons):
            layout.addWidget(widget)


class SendFlow(QObject):
    """Sending from *view*; dialogs open over *parent* (the window itself). See the module."""

    def __init__(self, view: SendView, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self._parent = parent
        window = view
        self.store = AccountStore(window.paths.config)
        self.accounts: list[Account] = []
        self.controller = SendController(window.paths.data, self)
        self.controller.sig_busy.connect(self._on_busy)
        self.controller.sig_sent.connect(self._on_sent)
        self.controller.sig_failed.connect(self._on_failed)
        self._error_box: QMessageBox | None = None

        self.from_selector = QComboBox()
        self.from_selector.setObjectName("fromSelector")
        self.from_selector.setAccessibleName(self.tr("From"))
        # No mnemonic: every free letter is taken in this window; Tab reaches it.
        self.from_label = QLabel(self.tr("From:"))
        self.from_label.setObjectName("fromSelectorLabel")
        self.from_label.setBuddy(self.from_selector)

        self.progress = QProgressBar()
        self.progress.setObjectName("sendProgress")
        self.progress.setAccessibleName(self.tr("Sending"))
        self.progress.setRange(0, 0)  # busy: no percentage to show
        self.progress.setMaximumWidth(120)
        self.progress_label = QLabel(self.tr("Sending…"))
        self.progress_label.setObjectName("sendStatus")
        self.cancel_button = QPushButton(self.tr("Cancel sending"))
        self.cancel_button.setObjectName("cancelSendButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel sending"))
        self.cancel_button.clicked.connect(self.controller.cancel)
        for widget in (self.progress_label, self.progress, self.cancel_button):
            window.statusBar().addWidget(widget)
            widget.hide()
        for edit in (window.to_field, window.cc_field, window.bcc_field):
            edit.textChanged.connect(lambda _text, e=edit: self._mark(e, False))
            # On the address fields only: a window-wide style sheet would restyle everything.
            edit.setStyleSheet(INVALID_STYLE)
        self.reload_accounts()

    # -- accounts -------------------------------------------------------------------
    def reload_accounts(self, selected: str | None = None) -> None:
        """Read accounts.json again (after Settings > Accounts); keep the choice when possible."""
        keep = self.account_id() if selected is None else selected
        try:
            self.accounts = self.store.load()
        except AccountsUnreadable as exc:
            self.accounts = []
            self.view.statusBar().showMessage(translated(exc.message), 20000)
        self.from_selector.blockSignals(True)
        self.from_selector.clear()
        for account in self.accounts:
            self.from_selector.addItem(f"{account.name} <{account.address}>", account.id)
        self.from_selector.setCurrentIndex(max(0, self.from_selector.findData(keep)))
        self.from_selector.blockSignals(False)
        several = len(self.accounts) > 1
        self.from_selector.setVisible(several)
        self.from_label.setVisible(several)

    def account_id(self) -> str:
        """The chosen account's id; "" = the default one."""
        value = self.from_selector.currentData()
        if not isinstance(value, str) or (self.accounts and value == self.accounts[0].id):
            return ""
        return value

    def select_account(self, account_id: str) -> None:
        self.from_selector.setCurrentIndex(max(0, self.from_selector.findData(account_id)))

    def account(self) -> Account | None:
        return find_account(self.accounts, self.account_id())

    # -- sending --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.controller.busy

    @Slot()
    def send(self) -> None:
        if self.busy:
            return
        draft = self.view.current_draft()
        if not self._addresses_ok(draft):
            return
        self.reload_accounts()
        account = self.account()
        if account is None:
            self.view.show_accounts_settings(
                self.tr(
                    "To send, add the account you send from: your address and its outgoing "
                    "(SMTP) server, as your mail provider gives them."
                )
            )
            return
        if self.view.attachments.over_limit() and not self._confirm_large():
            return
        try:
            message = build_message(draft, account)
        except UserFacingError as error:
            self._show_error(error)
            return
        password = None
        if account.username:
            password = self._password(account)
            if password is None:
                return
        self.controller.send(message, account, password, envelope_recipients(draft))

    def _addresses_ok(self, draft: Draft) -> bool:
        w = self.view
        fields = {"to": w.to_field, "cc": w.cc_field, "bcc": w.bcc_field}
        invalid = invalid_addresses(draft)
        for name, edit in fields.items():
            self._mark(edit, name in invalid)
        if invalid:
            name, pieces = next(iter(invalid.items()))
            edit = fields[name]
            edit.setFocus()
            start = edit.text().find(pieces[0])
            if start >= 0:
                edit.setSelection(start, len(pieces[0]))
            every = [piece for found in invalid.values() for piece in found]
            self._show_error(
                filled(
                    self.tr(
                        "These are not valid email addresses: %1. Correct them (for example "
                        "name@example.com or Name <name@example.com>) and send again."
                    ),
                    "; ".join(every),
                )
            )
            return False
        recipients = envelope_recipients(draft)
        if not recipients:
            self._mark(w.to_field, True)
            w.to_field.setFocus()
            self._show_error(self.tr("The message has no recipient. Add one in To, Cc or Bcc."))
            return False
        if len(recipients) > MAX_RECIPIENTS:
            locale = QLocale()
            self._show_error(
                filled(
                    self.tr(
                        "This message has %1 recipients; Composer sends to at most %2 at once "
                        "(many servers refuse more). Remove some or split the message."
                    ),
                    locale.toString(len(recipients)),
                    locale.toString(MAX_RECIPIENTS),
                )
            )
            return False
        return True

    def _mark(self, edit: QLineEdit, invalid: bool) -> None:
        if bool(edit.property("invalid")) == invalid:
            return
        edit.setProperty("invalid", invalid)
        edit.setAccessibleDescription(self.tr("Holds an invalid address") if invalid else "")
        edit.style().unpolish(edit)
        edit.style().polish(edit)

    def _confirm_large(self) -> bool:
        answer = QMessageBox.question(
            self._parent,
            self.tr("Send a large message?"),
            self.view.attachments.warning.text() + "\n\n" + self.tr("Send it anyway?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _password(self, account: Account) -> str | None:
        """The stored password, else the one the user types now (None: they cancelled)."""
        known = mail_accounts.stored_password(account.id)
        if known is not None:
            return known
        try:
            keychain = secrets.keychain_available()
        except Exception:  # a broken keyring setup is no keychain
            keychain = False
        dialog = PasswordDialog(account, keychain, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
            return None
        password = dialog.password.text()
        try:
            mail_accounts.remember_password(
                account.id, password, in_keychain=keychain and dialog.remember.isChecked()
            )
        except secrets.SecretStoreError as exc:
            self.view.statusBar().showMessage(str(exc), 15000)
        return password

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        w = self.view
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.setVisible(busy)
        central = w.centralWidget()
        assert central is not None  # the compose window sets one before SendFlow exists
        central.setEnabled(not busy)
        for act in (w.commands[key] for key in ("send", "save_eml", "attach")):
            act.setEnabled(not busy)
        if busy:
            self.cancel_button.setFocus()

    @Slot(object)
    def _on_sent(self, kept: Path | None) -> None:
        w = self.view
        recipients = ", ".join(
            text for text in (w.to_field.text().strip(), w.cc_field.text().strip()) if text
        )
        if len(recipients) > SENT_NOTE_RECIPIENTS:
            recipients = recipients[: SENT_NOTE_RECIPIENTS - 1].rstrip(", ") + "…"
        w.discard_message(confirm=False)
        if kept is None:
            QMessageBox.information(
                self._parent,
                self.tr("Sent"),
                self.tr("The message was sent, but its copy could not be kept in Sent."),
            )
            note = filled(self.tr("Sent to %1."), recipients)
        else:
            note = filled(self.tr("Sent to %1. A copy is in File > Sent."), recipients)
        w.message_sent(note)

    @Slot(object)
    def _on_failed(self, error: UserFacingError) -> None:
        kind = error.kind if isinstance(error, SendError) else ""
        if kind == "auth":
            # A typed password the server refused (5xx) must not be tried again this
            # run. Not on "auth_unavailable" (454: it could not check it now) nor
            # "no_auth_offered": the password may well be right.
            account = self.account()
            if account is not None:
                mail_accounts.SESSION_PASSWORDS.forget(account.id)
        if kind == "cancelled":
            self.view.statusBar().showMessage(translated(error), 8000)
            return
        if kind == "delivery_unknown":
            # Even after Cancel: the user must know the message may have gone.
            self._show_error(error, self.tr("Perhaps sent"))
            return
        self._show_error(error)

    def _show_error(self, error: UserFacingError | str, title: str | None = None) -> None:
        box = QMessageBox(self._parent)
        box.setObjectName("sendErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title or self.tr("Not sent"))
        box.setText(translated(error) if isinstance(error, UserFacingError) else error)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._error_box = box
        box.open()  # window-modal; the message stays as it was

    @property
    def error_box(self) -> QMessageBox | None:
        """The last "Not sent" message shown (tests read it)."""
        return self._error_box

    # -- Save as .eml -----------------------------------------------------------------
    def message_for_saving(self) -> EmailMessage:
        """The message as it would be sent; From is a placeholder when there is no account."""
        self.reload_accounts()
        return build_message(self.view.current_draft(), self.account())

    @Slot()
    def save_as_eml(self, path: Path | None = None) -> Path | None:
        w = self.view
        try:
            message = self.message_for_saving()
        except UserFacingError as error:
            self._show_error(error)
            return None
        if path is None:
            subject = w.subject_field.text().strip() or self.tr("message")
            name, _ = QFileDialog.getSaveFileName(
                self._parent,
                self.tr("Save the message as .eml"),
                str(Path.home() / f"{subject}.eml"),
                self.tr("Email messages (*.eml)"),
            )
            if not name:
                return None
            path = Path(name)
        try:
            save_eml(message, path)
        except OSError as exc:
            self._show_error(
                filled(
                    self.tr("Could not save %1: %2"), str(path), exc.strerror or type(exc).__name__
                )
            )
            return None
        w.statusBar().showMessage(filled(self.tr("Saved as %1"), str(path)), 8000)
        return path

    def shutdown(self) -> None:
        self.controller.shutdown()
