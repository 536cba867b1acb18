"""Settings > Assistant's servers: add, edit and remove them, test them, agree or withdraw.

A server's address, model and certificate authority file go to servers.json;
its API key only to the system keychain. Listing the models and testing the
connection talk to the server on a pool thread, so the window never freezes
on a slow network. "Use this server" asks for consent first (once per server
and origin: a changed scheme, host or port asks again).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer import secrets
from composer.engine.remote import ConnectionReport, RemoteEngine, ServerConfig, address_problem
from composer.engine.servers import (
    Server,
    ServerStore,
    ServersUnreadable,
    find_server,
    new_server_id,
    save_api_key,
    stored_api_key,
)
from composer.gui.dialogs.server_consent import ask_consent
from composer.i18n import filled, number, translated
from composer.workers.jobs import Job


def _list_models(config: ServerConfig, cancel: threading.Event) -> list[str]:
    engine = RemoteEngine(config)
    try:
        return [m["id"] for m in engine.list_models(cancel=cancel)]
    finally:
        engine.close()


def _test(config: ServerConfig, cancel: threading.Event) -> ConnectionReport:
    engine = RemoteEngine(config)
    try:
        return engine.test_connection(cancel=cancel)
    finally:
        engine.close()


def _when(iso: str) -> str:
    """An ISO 8601 time as the user's language writes a date and time."""
    found = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not found.isValid():
        return iso
    return QLocale().toString(found.toLocalTime(), QLocale.FormatType.ShortFormat)


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class ServersPage(QWidget):
    sig_servers_changed = Signal()  # saved, removed, or consent given or withdrawn
    sig_use_server = Signal(str)  # the user chose this server and agreed to send it text

    def __init__(self, config_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serversPage")
        self.store = ServerStore(config_folder)
        self.servers: list[Server] = []
        self._editing = ""  # the id of the server in the form ("" = a new one)
        self._jobs: list[Job] = []
        # Closing the page ends the requests still waiting for a server, at once.
        jobs = self._jobs

        def cancel_jobs(_obj: object = None) -> None:
            for job in jobs:
                job.cancel()

        self.destroyed.connect(cancel_jobs)

        self.list = QListWidget()
        _named(self.list, "serverList", self.tr("Servers"))
        self.name = QLineEdit()
        _named(self.name, "serverName", self.tr("Server name"))
        self.name.setPlaceholderText(self.tr("Optional, e.g. Team server"))
        self.address = QLineEdit()
        _named(self.address, "serverAddress", self.tr("Server address"))
        self.address.setPlaceholderText("https://llm.example.org/v1")
        self.model = QComboBox()
        _named(self.model, "serverModel", self.tr("Model on the server"))
        self.model.setEditable(True)
        model_edit = self.model.lineEdit()
        assert model_edit is not None  # editable: it has one
        model_edit.setPlaceholderText(self.tr("The first one the server lists"))
        self.fetch = QPushButton(self.tr("Fetch models"))
        _named(self.fetch, "fetchModels", self.tr("Fetch the server's models"))
        self.api_key = QLineEdit()
        _named(self.api_key, "serverApiKey", self.tr("API key"))
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_bundle = QLineEdit()
        _named(self.ca_bundle, "serverCaBundle", self.tr("Certificate authority file"))
        self.ca_bundle.setPlaceholderText(self.tr("Only if your organisation uses its own"))
        self.choose_ca = QPushButton(self.tr("Browse…"))
        _named(self.choose_ca, "chooseCaBundle", self.tr("Choose a certificate authority file"))

        self.new = QPushButton(self.tr("New"))
        _named(self.new, "newServer", self.tr("Add a new server"))
        self.save = QPushButton(self.tr("Save server"))
        _named(self.save, "saveServer", self.tr("Save the server"))
        self.remove = QPushButton(self.tr("Remove"))
        _named(self.remove, "removeServer", self.tr("Remove the server"))
        self.test = QPushButton(self.tr("Test connection"))
        _named(self.test, "testConnection", self.tr("Test the connection"))
        self.use = QPushButton(self.tr("Use this server…"))
        _named(self.use, "useServer", self.tr("Use this server"))
        self.withdraw = QPushButton(self.tr("Withdraw consent"))
        _named(self.withdraw, "withdrawConsent", self.tr("Withdraw consent to send text"))
        self.consent = QLabel()
        self.consent.setObjectName("serverConsentState")
        self.consent.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("serverResult")
        self.result.setWordWrap(True)

        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(self.fetch)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.choose_ca)
        form = QFormLayout()
        for text, field, row in (
            (self.tr("Name:"), self.name, None),
            (self.tr("Address:"), self.address, None),
            (self.tr("Model:"), self.model, model_row),
            (self.tr("API key:"), self.api_key, None),
            (self.tr("Certificate authority:"), self.ca_bundle, ca_row),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, row if row is not None else field)
        buttons = QHBoxLayout()
        for button in (self.new, self.save, self.remove, self.test):
            buttons.addWidget(button)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.use)
        consent_row.addWidget(self.withdraw)
        box = QGroupBox(self.tr("Servers"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)
        layout = QVBoxLayout(box)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(consent_row)
        layout.addWidget(self.consent)
        layout.addWidget(self.result)

        self.list.currentRowChanged.connect(self._show_selected)
        self.new.clicked.connect(self.start_new)
        self.save.clicked.connect(self.save_form)
        self.remove.clicked.connect(self.remove_selected)
        self.fetch.clicked.connect(self.fetch_models)
        self.test.clicked.connect(self.test_connection)
        self.choose_ca.clicked.connect(self._choose_ca)
        self.use.clicked.connect(self.use_selected)
        self.withdraw.clicked.connect(self.withdraw_consent)
        self.reload()

    # -- the list --------------------------------------------------------------
    def reload(self, select: str = "") -> None:
        try:
            self.servers = self.store.load()
        except ServersUnreadable as exc:
            self.servers = []
            self.result.setText(translated(exc))
        self.list.clear()
        for server in self.servers:
            item = QListWidgetItem(f"{server.label} — {server.base_url}")
            self.list.addItem(item)
        index = next((i for i, s in enumerate(self.servers) if s.id == select), 0)
        if self.servers:
            self.list.setCurrentRow(index)  # shows it in the form
        else:
            self.start_new()

    def selected(self) -> Server | None:
        return find_server(self.servers, self._editing)

    @Slot(int)
    def _show_selected(self, row: int) -> None:
        if not 0 <= row < len(self.servers):
            return
        server = self.servers[row]
        self._editing = server.id
        self.name.setText(server.name)
        self.address.setText(server.base_url)
        self.model.clear()
        self.model.setEditText(server.model)
        self.ca_bundle.setText(server.ca_bundle)
        self.api_key.clear()
        self.api_key.setPlaceholderText(
            self.tr("Saved in the system keychain")
            if stored_api_key(server.id)
            else self.tr("None (stored only in the system keychain)")
        )
        self._show_consent(server)

    def _show_consent(self, server: Server | None) -> None:
        if server is not None and server.consented:
            self.consent.setText(
                filled(
                    self.tr("You agreed on %1 that your text is sent to %2."),
                    _when(server.consented_at),
                    server.origin,
                )
            )
        else:
            self.consent.setText(self.tr("No text is sent to this server."))
        self.withdraw.setEnabled(server is not None and server.consented)
        self.remove.setEnabled(server is not None)
        self.use.setEnabled(server is not None)

    @Slot()
    def start_new(self) -> None:
        self.list.clearSelection()
        self._editing = ""
        for field in (self.name, self.address, self.ca_bundle, self.api_key):
            field.clear()
        self.model.clear()
        self.api_key.setPlaceholderText(self.tr("None (stored only in the system keychain)"))
        self._show_consent(None)

    # -- the form --------------------------------------------------------------
    def _form_config(self) -> ServerConfig | None:
        address = self.address.text().strip()
        if not address.startswith(("http://", "https://")):
            self.result.setText(
                self.tr("Enter the server's address, starting with https:// (or http://).")
            )
            self.address.setFocus()
            return None
        problem = address_problem(address)
        if problem is not None:  # e.g. a password in the address: never saved nor sent
            self.result.setText(translated(problem))
            self.address.setFocus()
            return None
        key = self.api_key.text() or (stored_api_key(self._editing) if self._editing else None)
        return ServerConfig(
            address,
            model=self.model.currentText().strip(),
            api_key=key or None,
            ca_bundle=self.ca_bundle.text().strip() or None,
        )

    @Slot()
    def save_form(self) -> Server | None:
        """Save the form as a server (its key in the keychain); None when it is incomplete."""
        config = self._form_config()
        if config is None:
            return None
        old = self.selected()
        server = Server(
            id=old.id if old else new_server_id(),
            name=self.name.text().strip(),
            base_url=config.base_url,
            model=config.model,
            ca_bundle=config.ca_bundle or "",
        )
        if old is not None and old.origin == server.origin:
            # Consent was given for an origin; another scheme, host or port needs it again.
            server = replace(
                server,
                consented=old.consented,
                consented_at=old.consented_at,
                consented_origin=old.consented_origin,
            )
        message = self.tr("Saved.")
        if self.api_key.text():
            try:
                save_api_key(server.id, self.api_key.text())
            except secrets.SecretStoreError as exc:
                message = filled(self.tr("Saved, but the API key was not: %1"), str(exc))
        servers = [s for s in self.servers if s.id != server.id]
        position = next((i for i, s in enumerate(self.servers) if s.id == server.id), len(servers))
        servers.insert(position, server)
        self.store.save(servers)
        self.reload(select=server.id)
        self.result.setText(message)
        self.sig_servers_changed.emit()
        return server

    @Slot()
    def remove_selected(self) -> None:
        server = self.selected()
        if server is None:
            return
        self.store.remove(self.servers, server.id)
        self.reload()
        self.result.setText(filled(self.tr("Removed %1 and its API key."), server.label))
        self.sig_servers_changed.emit()

    @Slot()
    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificate authority file"),
            str(Path.home()),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    # -- talking to the server (off the GUI thread) ----------------------------
    def _start(
        self, work: Callable[[threading.Event], object], done: Callable[[object], None]
    ) -> None:
        """*work* on a job; *done* gets its result or the exception it raised."""
        job = Job(work, name="server")
        self._jobs.append(job)
        job.sig_done.connect(done)
        job.sig_failed.connect(done)
        job.sig_finished.connect(lambda j=job: self._jobs.remove(j))
        job.start()

    @Slot()
    def fetch_models(self) -> None:
        config = self._form_config()
        if config is None:
            return
        self.fetch.setEnabled(False)
        self.result.setText(filled(self.tr("Asking %1 for its models…"), config.host))
        self._start(lambda cancel: _list_models(config, cancel), self._on_models)

    def _on_models(self, result: object) -> None:
        self.fetch.setEnabled(True)
        if isinstance(result, Exception):
            self.result.setText(translated(result))
            return
        assert isinstance(result, list)
        wanted = self.model.currentText()
        self.model.clear()
        self.model.addItems(result)
        self.model.setCurrentIndex(max(0, self.model.findText(wanted)))
        self.result.setText(self.tr("The server offers %n models.", "", len(result)))

    @Slot()
    def test_connection(self) -> None:
        config = self._form_config()
        if config is None:
            return
        self.test.setEnabled(False)
        self.result.setText(filled(self.tr("Testing %1…"), config.host))
        self._start(lambda cancel: _test(config, cancel), self._on_tested)

    def _on_tested(self, result: object) -> None:
        self.test.setEnabled(True)
        if isinstance(result, Exception):
            self.result.setText(translated(result))
            return
        assert isinstance(result, ConnectionReport)
        reply = result.reply.strip()
        self.result.setText(
            filled(
                self.tr("Reachable. Model %1 found. A one-token reply (“%2”) came in %3 seconds."),
                result.model,
                reply or self.tr("empty"),
                number(result.latency_s, 2),
            )
        )

    # -- consent ---------------------------------------------------------------
    @Slot()
    def use_selected(self) -> bool:
        """Ask for consent if needed, then choose the server; False when refused."""
        server = self.selected()
        if server is None:
            self.result.setText(self.tr("Add a server first: its address, then Save server."))
            self.address.setFocus()
            return False
        if not server.consented:
            if not ask_consent(self, server):
                self.result.setText(filled(self.tr("Nothing was sent to %1."), server.host))
                return False
            self._replace(server.with_consent(True))
        self.sig_use_server.emit(server.id)
        return True

    @Slot()
    def withdraw_consent(self) -> None:
        server = self.selected()
        if server is None:
            return
        self._replace(server.with_consent(False))
        self.result.setText(filled(self.tr("Your text will no longer be sent to %1."), server.host))

    def _replace(self, server: Server) -> None:
        self.store.save([server if s.id == server.id else s for s in self.servers])
        self.reload(select=server.id)
        self.sig_servers_changed.emit()
