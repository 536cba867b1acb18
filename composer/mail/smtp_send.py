"""Hand a built message to the account's SMTP server, and say in plain words what went wrong.

send_message() connects (STARTTLS, implicit TLS or plain), logs in when the
account has a user name, checks the server's advertised SIZE, offers every
recipient and sends the data only when all were accepted: a partly refused
message is not sent at all. Every failure is a SendError with a *kind* and a
sentence for the user. A cancel Event closes the connection from another
thread; nothing is sent unless the server had already accepted the data.
"""

from __future__ import annotations

import base64
import logging
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from email.message import EmailMessage

from composer.mail.accounts import Account
from composer.mail.addresses import readable_address
from composer.mail.outgoing import international_addresses, message_bytes, sender_address
from composer.messages import UserFacingError, UserMessage, user_message

log = logging.getLogger(__name__)

KINDS = (
    "auth",
    "tls_untrusted",
    "tls_hostname",
    "tls_failed",
    "unreachable",
    "timeout",
    "recipient_rejected",
    "too_large",
    "server_rejected",
    "cancelled",
    "no_tls_offered",
    "no_smtputf8",
)
_CANCEL_POLL_S = 0.05
EHLO_NAME = "[127.0.0.1]"


class SendError(UserFacingError):
    """The message was not sent; *kind* says why (one of KINDS)."""

    def __init__(self, kind: str, message: UserMessage) -> None:
        super().__init__(message)
        self.kind = kind


class _Cancelled(Exception):
    pass


def _server_text(exc: smtplib.SMTPResponseException) -> str:
    raw = exc.smtp_error
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return f"{exc.smtp_code} {text}".strip()


@contextmanager
def _cancel_watch(cancel: threading.Event, client: list[smtplib.SMTP]) -> Iterator[None]:
    """While the block runs, a set *cancel* shuts the client's socket down (a blocked read ends)."""
    done = threading.Event()

    def watch() -> None:
        while not cancel.wait(_CANCEL_POLL_S):
            if done.is_set():
                return
        # Until the send ends: a connection still being opened gets its socket later.
        while not done.is_set():
            sock = client[0].sock if client else None
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed: the sending thread sees it anyway
            done.wait(_CANCEL_POLL_S)

    watcher = threading.Thread(target=watch, name="smtp-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


class _Session:
    def __init__(
        self,
        account: Account,
        password: str | None,
        context: ssl.SSLContext,
        timeout: float,
        cancel: threading.Event,
    ) -> None:
        self.account = account
        self.password = password
        self.context = context
        self.timeout = timeout
        self.cancel = cancel
        self.client: list[smtplib.SMTP] = []
        self.data_accepted = False

    def check(self) -> None:
        if self.cancel.is_set():
            raise _Cancelled

    def run(
        self,
        data: bytes | None,
        sender: str = "",
        recipients: Sequence[str] = (),
        international: Sequence[str] = (),
    ) -> None:
        """Connect, secure, log in, then send *data* (None: only say goodbye).

        *international*: the message's mailboxes with a non-ASCII name, which
        only a server that offers SMTPUTF8 (RFC 6531) can take.
        """
        a = self.account
        # The EHLO name: a literal, not this computer's name (which smtplib would
        # look up and hand to the server).
        if a.security == "tls":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                local_hostname=EHLO_NAME, timeout=self.timeout, context=self.context
            )
        else:
            smtp = smtplib.SMTP(local_hostname=EHLO_NAME, timeout=self.timeout)
        # Set before connect() (which a host given to the constructor would start
        # before the cancel watch knows the client): TLS checks the certificate
        # against it.
        smtp._host = a.host  # type: ignore[attr-defined]
        self.client.append(smtp)
        try:
            smtp.connect(a.host, a.port)
            self.check()
            smtp.ehlo_or_helo_if_needed()
            if a.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise SendError("no_tls_offered", _no_starttls(a))
                smtp.starttls(context=self.context)
                smtp.ehlo()
            self.check()
            if a.username:
                if not smtp.has_extn("auth"):
                    raise SendError("auth", _no_auth(a))
                _login(smtp, a.username, self.password or "")
            self.check()
            if data is None:
                smtp.quit()
                return
            limit = smtp.esmtp_features.get("size", "").strip()
            if limit.isdigit() and int(limit) and len(data) > int(limit):
                raise SendError("too_large", _too_large(len(data), int(limit)))
            options = [f"SIZE={len(data)}"] if smtp.has_extn("size") else []
            if international:
                if not smtp.has_extn("smtputf8"):
                    raise SendError("no_smtputf8", _no_smtputf8(a, international))
                options.append("SMTPUTF8")  # smtplib then writes the commands in UTF-8
                if smtp.has_extn("8bitmime"):
                    options.append("BODY=8BITMIME")
            self._transfer(smtp, data, sender, recipients, options)
        finally:
            try:
                smtp.close()
            except OSError:
                pass

    def _transfer(
        self,
        smtp: smtplib.SMTP,
        data: bytes,
        sender: str,
        recipients: Sequence[str],
        options: list[str],
    ) -> None:
        code, reply = smtp.mail(sender, options)
        if code != 250:
            smtp.rset()
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        refused: list[str] = []
        for recipient in recipients:
            self.check()
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                text = reply.decode("utf-8", "replace")
                refused.append(f"{recipient} ({code} {text})")
        if refused:
            smtp.rset()
            raise SendError("recipient_rejected", _refused(refused))
        self.check()
        code, reply = smtp.data(data)
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)
        self.data_accepted = True
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass  # the server has the message: a rude goodbye changes nothing


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN or LOGIN with UTF-8 credentials (smtplib's own login takes ASCII only)."""
    offered = smtp.esmtp_features.get("auth", "").upper().split()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    user_b, password_b = user.encode("utf-8"), password.encode("utf-8")
    if "PLAIN" in offered:
        code, reply = smtp.docmd("AUTH", "PLAIN " + b64(b"\0" + user_b + b"\0" + password_b))
    elif "LOGIN" in offered:
        code, reply = smtp.docmd("AUTH", "LOGIN " + b64(user_b))
        if code == 334:
            code, reply = smtp.docmd(b64(password_b))
    else:
        smtp.login(user, password)  # CRAM-MD5 and friends: smtplib knows them
        return
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def send_message(
    message: EmailMessage,
    account: Account,
    password: str | None,
    *,
    recipients: Sequence[str],
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = 30,
    cancel: threading.Event | None = None,
) -> None:
    """Send *message* to *recipients* (the envelope: To, Cc and Bcc) through *account*.

    Returns once the server accepted the data; raises SendError otherwise.
    """
    if not recipients:
        raise SendError(
            "recipient_rejected",
            user_message("Sending", "The message has no recipient. Add one in To, Cc or Bcc."),
        )
    session = _session(account, password, ssl_context, timeout, cancel)
    data = message_bytes(message)
    sender = sender_address(account).addr_spec
    # The headers' international mailboxes, and the envelope's (Bcc is only there).
    envelope = [a for a in (sender, *recipients) if not a.isascii()]
    international = list(dict.fromkeys(international_addresses(message) + envelope))
    _guarded(session, lambda: session.run(data, sender, list(recipients), international))
    log.info("Message accepted by the server (%d bytes)", len(data))


def check_connection(
    account: Account,
    password: str | None,
    *,
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = 30,
    cancel: threading.Event | None = None,
) -> None:
    """Connect, secure and log in as a send would, then leave: SendError when that fails."""
    session = _session(account, password, ssl_context, timeout, cancel)
    _guarded(session, lambda: session.run(None))


def _session(
    account: Account,
    password: str | None,
    ssl_context: ssl.SSLContext | None,
    timeout: float,
    cancel: threading.Event | None,
) -> _Session:
    context = ssl_context if ssl_context is not None else ssl.create_default_context()
    return _Session(account, password, context, timeout, cancel or threading.Event())


def _guarded(session: _Session, action: Callable[[], None]) -> None:
    """Run *action* under the cancel watch; every failure becomes a SendError."""
    try:
        with _cancel_watch(session.cancel, session.client):
            action()
    except SendError:
        raise
    except BaseException as exc:
        if session.data_accepted:
            return  # sent: what failed afterwards does not matter
        if session.cancel.is_set():
            raise SendError(
                "cancelled", user_message("Sending", "Sending was cancelled. Nothing was sent.")
            ) from None
        if not isinstance(exc, Exception):
            raise
        error = _translate(exc, session.account, session.timeout)
        log.info("SMTP failed: %s (%s)", error.kind, type(exc).__name__)
        raise error from None


def _translate(exc: Exception, account: Account, timeout: float) -> SendError:
    host, port = account.host, account.port
    if isinstance(exc, ssl.SSLCertVerificationError):
        # 62: host name mismatch, 64: IP address mismatch (OpenSSL's X509_V_ERR_*).
        if exc.verify_code in (62, 64) or "mismatch" in str(exc.verify_message).lower():
            return SendError(
                "tls_hostname",
                user_message(
                    "Sending",
                    "The server's certificate was issued for another name than %1, so the "
                    "connection could be intercepted. Check the server name in Settings > "
                    "Accounts. Nothing was sent.",
                ).arg(host),
            )
        return SendError(
            "tls_untrusted",
            user_message(
                "Sending",
                "The certificate of %1 is not trusted (%2), so the connection could be "
                "intercepted. Nothing was sent.",
            ).arg(host, exc.verify_message or "unknown issuer"),
        )
    if isinstance(exc, ssl.SSLError):
        return SendError(
            "tls_failed",
            user_message(
                "Sending",
                "A secure connection with %1 could not be set up (%2). Check the security "
                "choice and port in Settings > Accounts. Nothing was sent.",
            ).arg(host, exc.reason or type(exc).__name__),
        )
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return SendError(
            "auth",
            user_message(
                "Sending",
                "%1 did not accept the user name or password (%2). Check them in "
                "Settings > Accounts. Nothing was sent.",
            ).arg(host, _server_text(exc)),
        )
    if isinstance(exc, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)) and (
        exc.smtp_code == 552
    ):
        return SendError(
            "too_large",
            user_message(
                "Sending",
                "The server refused the message as too large (%1). Remove or shrink "
                "attachments. Nothing was sent.",
            ).arg(_server_text(exc)),
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return SendError(
            "server_rejected",
            user_message("Sending", "The server %1 refused the message: %2").arg(
                host, _server_text(exc)
            ),
        )
    # smtplib reports a read that timed out as a disconnection; the cause says which.
    if isinstance(exc, (TimeoutError, socket.timeout)) or isinstance(
        exc.__context__, (TimeoutError, socket.timeout)
    ):
        return SendError(
            "timeout",
            user_message(
                "Sending", "The server %1:%2 did not answer within %3 seconds. Nothing was sent."
            ).arg(host, port, f"{timeout:g}"),
        )
    if isinstance(exc, socket.gaierror):
        return SendError(
            "unreachable",
            user_message(
                "Sending",
                "The server name %1 was not found. Check it in Settings > Accounts and your "
                "connection. Nothing was sent.",
            ).arg(host),
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return SendError(
            "unreachable",
            user_message(
                "Sending",
                "The server %1:%2 closed the connection before the message was sent. Check the "
                "port and security choice in Settings > Accounts.",
            ).arg(host, port),
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return SendError(
            "server_rejected",
            user_message("Sending", "The server %1 refused the message: %2").arg(host, str(exc)),
        )
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return SendError(
            "unreachable",
            user_message(
                "Sending",
                "Cannot reach %1:%2 (%3). Check the server and port in Settings > Accounts, and "
                "your connection. Nothing was sent.",
            ).arg(host, port, reason),
        )
    return SendError(
        "server_rejected",
        user_message("Sending", "The message could not be sent: %1").arg(type(exc).__name__),
    )


def _no_starttls(account: Account) -> UserMessage:
    return user_message(
        "Sending",
        "%1 does not offer STARTTLS, so the message and password would travel "
        "unencrypted. Choose TLS (port 465) in Settings > Accounts, or ask your provider. "
        "Nothing was sent.",
    ).arg(account.host)


def _no_auth(account: Account) -> UserMessage:
    return user_message(
        "Sending",
        "%1 does not accept a user name and password here (no AUTH offered, often because the "
        "connection is not encrypted). Nothing was sent.",
    ).arg(account.host)


def _too_large(size: int, limit: int) -> UserMessage:
    return user_message(
        "Sending",
        "The message is too large for the server: %1 MB, and it accepts at most %2 MB. "
        "Remove or shrink attachments. Nothing was sent.",
    ).arg(f"{size / 1e6:.1f}", f"{limit / 1e6:.1f}")


def _no_smtputf8(account: Account, addresses: Sequence[str]) -> UserMessage:
    return user_message(
        "Sending",
        "The server %1 cannot take addresses with accents or non-Latin letters before the @ "
        "(%2): it does not offer SMTPUTF8. Nothing was sent. Use a plain-letter address for "
        "them if they have one, or send from another account.",
    ).arg(account.host, ", ".join(readable_address(a) for a in addresses))


def _refused(refused: list[str]) -> UserMessage:
    return user_message(
        "Sending",
        "The server refused these recipients: %1. Nothing was sent: correct or remove them "
        "and send again.",
    ).arg("; ".join(refused))
