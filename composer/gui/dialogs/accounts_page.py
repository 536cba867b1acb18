"""Settings > Accounts: the accounts mail is sent from, and the attachment size warning.

Add, edit and remove accounts (name, address, server, port, security, user
name, password, signature); Test connection connects, secures and logs in
as a send would, on a thread of its own. The password goes to the system keychain, never
to a file; without a keychain it is kept in memory for this run only.
"None" security is chosen only after a warning that the password and the
mail would travel unencrypted. Removing an account removes its password.
"""

from __future__ import annotations

import logging
from typing import TypeVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer import secrets
from composer.i18n import filled, translated
from composer.mail import accounts as mail_accounts
from composer.mail.accounts import (
    Account,
    AccountStore,
    AccountsUnreadable,
    default_port,
    new_account_id,
)
from composer.mail.addresses import is_valid_addr
from composer.mail.smtp_send import check_connection
from composer.settings import Settings
from composer.workers.jobs import Job

log = logging.getLogger(__name__)

W = TypeVar("W", bound=QWidget)
TEST_TIMEOUT_S = 15.0


class AccountsPage(QWidget):
    sig_accounts_changed = Signal(str)  # the id of the account saved ("" after a removal)
    sig_changed = Signal()  # the attachment warning limit changed

    def __init__(
        self, store: AccountStore, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPage")
        self.store = store
        self.accounts: list[Account] = []
        self._editing: str | None = None  # the id shown in the form; None = a new account

        self.note = QLabel()
        self.note.setObjectName("accountsNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.list = QListWidget()
        self._named(self.list, "accountList", self.tr("Accounts"))
        self.list.setMaximumHeight(110)  # a few accounts; the form matters more
        self.add_button = QPushButton(self.tr("A&dd"))
        self._named(self.add_button, "addAccount", self.tr("Add an account"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self._named(self.remove_button, "removeAccount", self.tr("Remove the account"))

        self.name = self._named(QLineEdit(), "accountName", self.tr("Your name"))
        self.address = self._named(QLineEdit(), "accountAddress", self.tr("Email address"))
        self.host = self._named(QLineEdit(), "accountServer", self.tr("Outgoing (SMTP) server"))
        self.host.setPlaceholderText(self.tr("smtp.example.org"))
        self.port = self._named(QSpinBox(), "accountPort", self.tr("Port"))
        self.port.setRange(1, 65535)
        self.port.setValue(default_port("starttls"))
        self.security = self._named(QComboBox(), "accountSecurity", self.tr("Security"))
        for label, value in (
            (self.tr("STARTTLS (port 587)"), "starttls"),
            (self.tr("TLS (port 465)"), "tls"),
            (self.tr("None (unencrypted)"), "none"),
        ):
            self.security.addItem(label, value)
        self._security = "starttls"
        self.username = self._named(QLineEdit(), "accountUser", self.tr("User name"))
        self.password = self._named(QLineEdit(), "accountPassword", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.signature = self._named(QPlainTextEdit(), "accountSignature", self.tr("Signature"))
        self.signature.setTabChangesFocus(True)
        self.signature.setMaximumHeight(80)
        self.save_button = QPushButton(self.tr("Sav&e account"))
        self._named(self.save_button, "saveAccount", self.tr("Save the account"))
        self.test_button = QPushButton(self.tr("Test connect&ion"))
        self._tested_login = False  # whether the running test logs in (a user name is set)
        self._named(
            self.test_button, "testConnection", self.tr("Test the connection and the login")
        )
        self.status = QLabel()
        self.status.setObjectName("accountStatus")
        self.status.setWordWrap(True)
        self.warning_mb = self._named(
            QSpinBox(), "attachmentWarning", self.tr("Warn about attachments above, in MB")
        )
        self.warning_mb.setRange(1, 10_000)
        self.warning_mb.setSuffix(self.tr(" MB"))
        self.warning_mb.setValue(settings.attachment_warning_mb)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout()
        for text, field in (
            (self.tr("&Name:"), self.name),
            (self.tr("Addre&ss:"), self.address),
            (self.tr("Ser&ver:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("Securit&y:"), self.security),
            (self.tr("&User name:"), self.username),
            (self.tr("Pass&word:"), self.password),
            (self.tr("Signa&ture:"), self.signature),
        ):
            field_label = QLabel(text)
            field_label.setBuddy(field)
            form.addRow(field_label, field)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        form.addRow(actions)
        form.addRow(self.status)
        limit_label = QLabel(self.tr("Warn about attachments a&bove:"))
        limit_label.setBuddy(self.warning_mb)
        limit = QHBoxLayout()
        limit.addWidget(limit_label)
        limit.addWidget(self.warning_mb)
        limit.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addLayout(limit)

        self.list.currentRowChanged.connect(self._show_row)
        self.add_button.clicked.connect(self.new_account)
        self.remove_button.clicked.connect(self.remove_current)
        self.save_button.clicked.connect(self.save_current)
        self.test_button.clicked.connect(self.test_connection)
        self.security.currentIndexChanged.connect(self._on_security)
        self.warning_mb.valueChanged.connect(self.sig_changed)
        self.reload()

    @staticmethod
    def _named(widget: W, name: str, accessible: str) -> W:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def apply_to(self, settings: Settings) -> None:
        settings.attachment_warning_mb = self.warning_mb.value()

    def explain(self, text: str) -> None:
        """Say why the page was opened (Send with no account yet)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- the list --------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        try:
            self.accounts = self.store.load()
        except AccountsUnreadable as exc:
            self.accounts = []
            self.status.setText(translated(exc.message))
        self.list.blockSignals(True)
        self.list.clear()
        for account in self.accounts:
            item = QListWidgetItem(f"{account.name} <{account.address}>")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [a.id for a in self.accounts]
        if select in ids:
            self.list.setCurrentRow(ids.index(select))
        elif self.accounts:
            self.list.setCurrentRow(0)
        else:
            self.new_account()
        self.remove_button.setEnabled(bool(self.accounts))

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.accounts):
            self._fill(self.accounts[row])

    def _fill(self, account: Account | None) -> None:
        self._editing = account.id if account else None
        self.name.setText(account.name if account else "")
        self.address.setText(account.address if account else "")
        self.host.setText(account.host if account else "")
        security = account.security if account else "starttls"
        self._security = security
        self.security.blockSignals(True)
        self.security.setCurrentIndex(max(0, self.security.findData(security)))
        self.security.blockSignals(False)
        self.port.setValue(account.port if account else default_port(security))
        self.username.setText(account.username if account else "")
        self.password.clear()
        stored = account is not None and mail_accounts.stored_password(account.id) is not None
        self.password.setPlaceholderText(
            self.tr("Stored — type to replace it") if stored else self.tr("Asked when sending")
        )
        self.signature.setPlainText(account.signature if account else "")

    @Slot()
    def new_account(self) -> None:
        self.list.clearSelection()
        self._fill(None)
        self.status.clear()
        self.name.setFocus()

    # -- security ------------------------------------------------------------------
    @Slot(int)
    def _on_security(self, _index: int) -> None:
        chosen = self.security.currentData()
        if chosen == "none" and not self._confirm_unencrypted():
            self.security.blockSignals(True)
            self.security.setCurrentIndex(self.security.findData(self._security))
            self.security.blockSignals(False)
            return
        if self.port.value() == default_port(self._security):
            self.port.setValue(default_port(chosen))
        self._security = chosen

    def _confirm_unencrypted(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Send without encryption?"),
            self.tr(
                "Without encryption, your password and every message you send travel in the "
                "clear: anyone on the network between you and the server can read them. Use "
                "this only for a server on your own computer or network."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unencryptedWarning")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.last_warning = box
        return box.exec() == QMessageBox.StandardButton.Yes

    # -- save and remove -------------------------------------------------------------
    def _form_account(self) -> Account | None:
        """The account the form describes; None (and why, in the status) when it is not one."""
        address = self.address.text().strip()
        host = self.host.text().strip()
        if not is_valid_addr(address):
            self.status.setText(filled(self.tr("%1 is not a valid email address."), address or "—"))
            self.address.setFocus()
            return None
        if not host or any(c.isspace() for c in host):
            self.status.setText(self.tr("Enter the outgoing (SMTP) server, e.g. smtp.example.org."))
            self.host.setFocus()
            return None
        return Account(
            id=self._editing or new_account_id(),
            name=self.name.text().strip(),
            address=address,
            host=host,
            port=self.port.value(),
            security=self.security.currentData(),
            username=self.username.text().strip(),
            signature=self.signature.toPlainText().rstrip(),
        )

    @Slot()
    def save_current(self) -> Account | None:
        account = self._form_account()
        if account is None:
            return None
        ids = [a.id for a in self.accounts]
        kept = list(self.accounts)
        if account.id in ids:
            kept[ids.index(account.id)] = account
        else:
            kept.append(account)
        try:
            self.store.save(kept)
        except OSError as exc:
            self.status.setText(
                filled(self.tr("Could not save the accounts: %1"), exc.strerror or "")
            )
            return None
        text = self.tr("Saved.")
        if self.password.text():
            text = self._store_password(account, self.password.text())
        self.reload(select=account.id)
        self.status.setText(text)
        self.sig_accounts_changed.emit(account.id)
        return account

    def _store_password(self, account: Account, password: str) -> str:
        try:
            if secrets.keychain_available():
                mail_accounts.remember_password(account.id, password, in_keychain=True)
                return self.tr("Saved; the password is in the system keychain.")
        except secrets.SecretStoreError as exc:
            log.info("Keychain refused the SMTP password")
            mail_accounts.remember_password(account.id, password, in_keychain=False)
            return filled(
                self.tr("Saved; the password is kept until Composer closes: %1"), str(exc)
            )
        mail_accounts.remember_password(account.id, password, in_keychain=False)
        return self.tr(
            "Saved. No system keychain is available: the password is kept in memory until "
            "Composer closes, never in a file."
        )

    # -- test connection ---------------------------------------------------------------
    @Slot()
    def test_connection(self) -> None:
        """Connect, secure and log in with what the form says, on a thread of its own."""
        account = self._form_account()
        if account is None:
            return
        password = self.password.text() or mail_accounts.stored_password(account.id)
        self._tested_login = bool(account.username)
        self.test_button.setEnabled(False)
        self.status.setText(filled(self.tr("Testing the connection to %1…"), account.host))
        job = Job(
            lambda _cancel: check_connection(account, password, timeout=TEST_TIMEOUT_S),
            name="smtp-test",
        )
        # This page's slots: a page closed meanwhile is simply not told.
        job.sig_done.connect(self._on_tested)
        job.sig_failed.connect(self._on_tested)
        job.start()

    @property
    def testing(self) -> bool:
        return not self.test_button.isEnabled()

    @Slot(object)
    def _on_tested(self, error: BaseException | None) -> None:
        """None: it works; else why not (a SendError's sentence, or what went wrong)."""
        self.test_button.setEnabled(True)
        if error is None and self._tested_login:
            self.status.setText(self.tr("The connection and the login work."))
        elif error is None:
            # Said as it is: a "login works" here would be believed at the first send.
            self.status.setText(
                self.tr(
                    "The connection works. No user name is set, so no login was tried; "
                    "most servers want one before they send mail."
                )
            )
        else:
            self.status.setText(translated(error))

    @Slot()
    def remove_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.accounts):
            return
        account = self.accounts[row]
        answer = QMessageBox.question(
            self,
            self.tr("Remove this account?"),
            filled(
                self.tr("%1 and its stored password will be removed."),
                f"{account.name} <{account.address}>",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove_account(account.id)

    def remove_account(self, account_id: str) -> None:
        """Remove without asking (after the question, or from tests)."""
        try:
            self.store.remove(self.accounts, account_id)
        except (OSError, secrets.SecretStoreError) as exc:
            self.status.setText(str(exc))
            return
        self.reload()
        self.status.setText(self.tr("Removed."))
        self.sig_accounts_changed.emit("")
