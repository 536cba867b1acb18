"""Sending a message on a worker thread, widget-free: busy, sent or failed, and Cancel.

The compose window builds the message and asks for the password; this object
runs composer.mail.smtp_send on a thread of its own (a send may take up to its
timeout), keeps the copy in the Sent folder there too, and reports back on the
GUI thread through queued signals. Cancel sets the send's Event: the
connection is closed from the GUI thread and the worker reports "cancelled".
"""

from __future__ import annotations

import logging
import ssl
import threading
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from composer.mail.accounts import Account
from composer.mail.sent import keep_sent
from composer.mail.smtp_send import SendError, send_message
from composer.messages import UserFacingError, UserMessage, user_message

log = logging.getLogger(__name__)

SEND_TIMEOUT_S = 30.0


class SendController(QObject):
    sig_busy = Signal(bool)
    # The server accepted the message; the Sent copy's path, or None when it could not be kept.
    sig_sent = Signal(object)
    # A SendError (or UserFacingError): nothing was sent, except for the kind
    # "delivery_unknown" (the server may have it): no Sent copy then, the draft stays.
    sig_failed = Signal(object)

    def __init__(self, data_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_folder = data_folder
        # None: the system's trusted authorities (SSL_CERT_FILE is honoured).
        self.ssl_context: ssl.SSLContext | None = None
        self.timeout = SEND_TIMEOUT_S
        self._thread: threading.Thread | None = None
        self._cancel: threading.Event | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def send(
        self, message: EmailMessage, account: Account, password: str | None, recipients: list[str]
    ) -> bool:
        """Start sending; False when a send is already running."""
        if self.busy:
            return False
        cancel = threading.Event()
        self._cancel = cancel
        self._thread = threading.Thread(
            target=self._run,
            args=(message, account, password, recipients, cancel),
            name="smtp-send",
            daemon=True,
        )
        self.sig_busy.emit(True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def shutdown(self, timeout_s: float = 3.0) -> None:
        """Cancel a running send and wait for its thread (the window is closing)."""
        self.cancel()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(
        self,
        message: EmailMessage,
        account: Account,
        password: str | None,
        recipients: list[str],
        cancel: threading.Event,
    ) -> None:
        try:
            send_message(
                message,
                account,
                password,
                recipients=recipients,
                ssl_context=self.ssl_context,
                timeout=self.timeout,
                cancel=cancel,
            )
        except UserFacingError as error:
            self._finish(self.sig_failed, error)
            return
        except Exception as exc:  # never leave the window busy forever
            log.exception("Unexpected failure while sending")
            self._finish(self.sig_failed, SendError("server_rejected", _unexpected(exc)))
            return
        try:
            kept: Path | None = keep_sent(message, self.data_folder)
        except OSError as exc:
            log.warning("Sent, but the copy could not be kept (%s)", type(exc).__name__)
            kept = None
        self._finish(self.sig_sent, kept)

    def _finish(self, signal: SignalInstance, value: object) -> None:
        # Emitted from the worker: Qt queues both to the GUI thread, in order.
        self.sig_busy.emit(False)
        signal.emit(value)


def _unexpected(exc: Exception) -> UserMessage:
    return user_message("Sending", "The message could not be sent: %1").arg(type(exc).__name__)
