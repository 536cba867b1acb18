"""Sending a message on a worker thread, widget-free: busy, sent or failed, and Cancel.

The compose window builds the message and asks for the password; this object
runs composer.mail.smtp_send on a job (workers/jobs.py; a send may take up to
its timeout), keeps the copy in the Sent folder there too, and reports back on
the GUI thread. Cancel sets the send's Event: the
connection is closed from the GUI thread and the worker reports "cancelled".
"""

from __future__ import annotations

import logging
import ssl
import threading
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from composer.mail.accounts import Account
from composer.mail.sent import keep_sent
from composer.mail.smtp_send import SendError, send_message
from composer.messages import UserFacingError, UserMessage, user_message
from composer.workers.jobs import Job

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
        self._job: Job | None = None
        self._cancel: threading.Event | None = None
        self._ended = threading.Event()

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running

    def send(
        self, message: EmailMessage, account: Account, password: str | None, recipients: list[str]
    ) -> bool:
        """Start sending; False when a send is already running."""
        if self.busy:
            return False
        # The send's own Event, not the job's: a cancelled send still reports
        # what happened ("cancelled", or "delivery unknown" after the final ".").
        cancel = threading.Event()
        ended = threading.Event()
        self._cancel, self._ended = cancel, ended

        def work(_job_cancel: threading.Event) -> Path | None:
            try:
                return self._send(message, account, password, recipients, cancel)
            finally:
                ended.set()

        job = Job(work, name="smtp-send")
        job.sig_done.connect(self._on_sent)
        job.sig_failed.connect(self._on_failed)
        self._job = job
        self.sig_busy.emit(True)
        job.start()
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def shutdown(self, timeout_s: float = 3.0) -> None:
        """Cancel a running send and wait for it to end (the window is closing)."""
        self.cancel()
        if self._job is not None:
            self._ended.wait(timeout_s)

    def _send(
        self,
        message: EmailMessage,
        account: Account,
        password: str | None,
        recipients: list[str],
        cancel: threading.Event,
    ) -> Path | None:
        """On the job's thread: send, then keep the Sent copy; its path, or None."""
        send_message(
            message,
            account,
            password,
            recipients=recipients,
            ssl_context=self.ssl_context,
            timeout=self.timeout,
            cancel=cancel,
        )
        try:
            return keep_sent(message, self.data_folder)
        except OSError as exc:
            log.warning("Sent, but the copy could not be kept (%s)", type(exc).__name__)
            return None

    @Slot(object)
    def _on_sent(self, kept: Path | None) -> None:
        self.sig_busy.emit(False)
        self.sig_sent.emit(kept)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.sig_busy.emit(False)
        if not isinstance(error, UserFacingError):  # never leave the window busy forever
            log.error("Unexpected failure while sending: %s", type(error).__name__)
            error = SendError("server_rejected", _unexpected(error))
        self.sig_failed.emit(error)


def _unexpected(exc: BaseException) -> UserMessage:
    return user_message("Sending", "The message could not be sent: %1").arg(type(exc).__name__)
