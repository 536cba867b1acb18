"""Hand a built message to the account's SMTP server, and say in plain words what went wrong.

send_message() connects (STARTTLS, implicit TLS or plain), logs in when the
account has a user name, checks the server's advertised SIZE, offers every
recipient and sends the data only when all were accepted: a partly refused
message is not sent at all. Every failure is a SendError with a *kind* and a
sentence for the user. A cancel Event closes the connection from another
thread; nothing is sent unless the server had already accepted the data.

Once the whole message, up to its final ".", is on its way, silence is not
"nothing was sent": the server may have it and deliver it. A missing, cut or
unclear final answer (a timeout, a closed connection, Cancel) is the kind
"delivery_unknown", and its sentence says so. A hostile server is bounded:
one reply may not exceed MAX_REPLY_LINES / MAX_REPLY_BYTES nor the timeout,
and whatever it says is quoted short and printable.
"""

from __future__ import annotations

import base64
import logging
import re
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from email.message import EmailMessage

from composer.mail.accounts import Account
from composer.mail.addresses import readable_address
from composer.mail.outgoing import international_addresses, message_bytes, sender_address
from composer.messages import UserFacingError, UserMessage, user_message

log = logging.getLogger(__name__)

KINDS = (
    "auth",  # the server refused the user name or password (5xx): the password is wrong
    "auth_unavailable",  # it could not check them now (4xx): the password may be right
    "no_auth_offered",
    "tls_untrusted",
    "tls_hostname",
    "tls_failed",
    "unreachable",
    "greeting_refused",  # the server's first words were a refusal (421, 554)
    "timeout",
    "reply_too_long",
    "recipient_rejected",
    "too_large",
    "server_rejected",
    "cancelled",
    "delivery_unknown",  # the whole message went out, no clear answer came back
    "no_tls_offered",
    "no_smtputf8",
)
_CANCEL_POLL_S = 0.05
EHLO_NAME = "[127.0.0.1]"
# Real replies are a few lines (an EHLO answer: about 15, under 1 KB); smtplib
# bounds one line but not how many, so "250-" forever would fill the memory.
MAX_REPLY_LINES = 256
MAX_REPLY_BYTES = 64 * 1024
MAX_LINE_BYTES = 8192  # smtplib's own limit for one line
QUOTE_CHARS = 200  # the most of a server's text a sentence quotes


class SendError(UserFacingError):
    """The message was not sent (or, kind "delivery_unknown", perhaps was); *kind*: KINDS."""

    def __init__(self, kind: str, message: UserMessage) -> None:
        super().__init__(message)
        self.kind = kind


class _Cancelled(Exception):
    pass


class _ReplyTooLong(smtplib.SMTPException):
    """A reply went past MAX_REPLY_LINES, MAX_REPLY_BYTES or MAX_LINE_BYTES."""


class _UnclearReply(smtplib.SMTPResponseException):
    """An answer to the message's final "." that is neither yes (250) nor no (4xx, 5xx)."""


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """A server's *text* fit for a sentence: printable, on one line, at most *limit* characters.

    Control characters (terminal escapes, bidi overrides, line breaks) would
    change what the user reads around them; a server may also send pages.
    """
    shown = "".join(ch if ch.isprintable() else " " for ch in text)
    shown = " ".join(shown.split())
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"


def _reply_text(code: int, raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return quoted(f"{code} {text}".strip())


def _server_text(exc: smtplib.SMTPResponseException) -> str:
    return _reply_text(exc.smtp_code, exc.smtp_error)


class _BoundedSMTP(smtplib.SMTP):
    """smtplib.SMTP whose replies a hostile server cannot stretch without end.

    smtplib's getreply() bounds a line, not the number of lines, and its
    timeout is per read, so a server that drips a byte now and then is never
    cut off. Here one reply must end within the limits above and within the
    timeout, counted from the moment it is awaited.
    """

    _pending = b""  # bytes read past the last line, from _pending_sock only
    _pending_sock: socket.socket | None = None

    def getreply(self) -> tuple[int, bytes]:
        deadline = time.monotonic() + self.timeout
        lines: list[bytes] = []
        size = 0
        while True:
            line = self._reply_line(deadline)
            size += len(line)
            if len(lines) >= MAX_REPLY_LINES or size > MAX_REPLY_BYTES:
                self._give_up()
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                return -1, b"\n".join(lines)  # as smtplib: no continuation after a broken code
            if line[3:4] != b"-":
                return code, b"\n".join(lines)

    def _reply_line(self, deadline: float) -> bytes:
        sock = self.sock
        if sock is None:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        if self._pending_sock is not sock:
            # A new socket (TLS after STARTTLS): bytes that came in plain text after
            # the "220" may not pass for the encrypted server's words (a STARTTLS
            # response injection); smtplib drops its buffer there too.
            self._pending, self._pending_sock = b"", sock
        while b"\n" not in self._pending[: MAX_LINE_BYTES + 1]:
            if len(self._pending) > MAX_LINE_BYTES:
                self._give_up()
            self._pending += self._receive(sock, deadline)
        line, _, self._pending = self._pending.partition(b"\n")
        return line + b"\n"

    def _receive(self, sock: socket.socket, deadline: float) -> bytes:
        try:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("timed out")
            sock.settimeout(remaining)
            chunk = sock.recv(4096)
            sock.settimeout(self.timeout)  # what sendall() uses
        except OSError as exc:
            self.close()
            # _translate() tells a timeout by this exception's context, as with smtplib's.
            raise smtplib.SMTPServerDisconnected(f"Connection unexpectedly closed: {exc}") from exc
        if not chunk:
            self.close()
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return chunk

    def _give_up(self) -> None:
        self.close()
        raise _ReplyTooLong("The server's reply is too long")


class _BoundedSMTPSSL(smtplib.SMTP_SSL, _BoundedSMTP):
    """Implicit TLS with the bounded replies."""


@contextmanager
def cancel_watch(
    cancel: threading.Event, client: Sequence[object], name: str = "smtp-cancel"
) -> Iterator[None]:
    """While the block runs, a set *cancel* shuts the client's socket down (a blocked read ends).

    *client*: empty until the connection object exists; its ``sock`` attribute
    (smtplib's and imaplib's) may appear later, once the connection is open.
    """
    done = threading.Event()

    def watch() -> None:
        while not cancel.wait(_CANCEL_POLL_S):
            if done.is_set():
                return
        # Until the send ends: a connection still being opened gets its socket later.
        while not done.is_set():
            sock = getattr(client[0], "sock", None) if client else None
            if isinstance(sock, socket.socket):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed: the sending thread sees it anyway
            done.wait(_CANCEL_POLL_S)

    watcher = threading.Thread(target=watch, name=name, daemon=True)
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
        # The whole message, final "." included, was written and no clear answer
        # has come yet: from here a failure cannot say "nothing was sent".
        self.awaiting_final_reply = False
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
            smtp: smtplib.SMTP = _BoundedSMTPSSL(
                local_hostname=EHLO_NAME, timeout=self.timeout, context=self.context
            )
        else:
            smtp = _BoundedSMTP(local_hostname=EHLO_NAME, timeout=self.timeout)
        # Set before connect() (which a host given to the constructor would start
        # before the cancel watch knows the client): TLS checks the certificate
        # against it.
        smtp._host = a.host  # type: ignore[attr-defined]
        self.client.append(smtp)
        try:
            _check_greeting(a, *smtp.connect(a.host, a.port))
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
                    raise SendError("no_auth_offered", _no_auth(a))
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
                refused.append(f"{recipient} ({_reply_text(code, reply)})")
        if refused:
            smtp.rset()
            raise SendError("recipient_rejected", _refused(refused))
        self.check()
        self._data(smtp, data)
        self.data_accepted = True
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass  # the server has the message: a rude goodbye changes nothing

    def _data(self, smtp: smtplib.SMTP, data: bytes) -> None:
        """DATA as smtplib.data() does it, marking the moment the final "." is written."""
        code, reply = smtp.docmd("DATA")
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        payload = re.sub(rb"(?m)^\.", b"..", data)  # dot-stuffing (RFC 5321 4.5.2)
        if not payload.endswith(b"\r\n"):
            payload += b"\r\n"
        smtp.send(payload + b".\r\n")
        self.awaiting_final_reply = True
        code, reply = smtp.getreply()
        if 400 <= code < 600:
            self.awaiting_final_reply = False  # a clear no: the server will not deliver it
            raise smtplib.SMTPDataError(code, reply)
        if code != 250:
            raise _UnclearReply(code, reply)


def _check_greeting(account: Account, code: int, text: bytes) -> None:
    """A 4xx or 5xx greeting (421, 554) is the server refusing this connection.

    smtplib returns the greeting without judging it; going on would end in a
    misleading sentence (no STARTTLS, no AUTH). No QUIT: a refusing server may
    never answer it, and RFC 5321 lets the client simply close.
    """
    if 400 <= code < 600:
        raise SendError("greeting_refused", _greeting_refused(account, _reply_text(code, text)))


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
        with cancel_watch(session.cancel, session.client):
            action()
    except SendError:
        raise
    except BaseException as exc:
        if session.data_accepted:
            return  # sent: what failed afterwards does not matter
        if session.awaiting_final_reply and isinstance(exc, Exception):
            log.info("SMTP: no clear answer after the data (%s)", type(exc).__name__)
            raise SendError("delivery_unknown", _delivery_unknown(session, exc)) from None
        if session.cancel.is_set():
            raise SendError(
                "cancelled", user_message("Sending", "Sending was cancelled. Nothing was sent.")
            ) from None
        if not isinstance(exc, Exception):
            raise
        error = _translate(exc, session.account, session.timeout)
        log.info("SMTP failed: %s (%s)", error.kind, type(exc).__name__)
        raise error from None


def timed_out(exc: BaseException) -> bool:
    # smtplib (and _BoundedSMTP) report a read that timed out as a disconnection;
    # the exception's context says which.
    timeouts = (TimeoutError, socket.timeout)
    return isinstance(exc, timeouts) or isinstance(exc.__context__, timeouts)


def certificate_for_another_name(exc: ssl.SSLCertVerificationError) -> bool:
    """The certificate is trusted but names another host (else: not trusted at all)."""
    # 62: host name mismatch, 64: IP address mismatch (OpenSSL's X509_V_ERR_*).
    return exc.verify_code in (62, 64) or "mismatch" in str(exc.verify_message).lower()


def _translate(exc: Exception, account: Account, timeout: float) -> SendError:
    host, port = account.host, account.port
    if isinstance(exc, ssl.SSLCertVerificationError):
        if certificate_for_another_name(exc):
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
        return _auth_failed(exc, host)
    if isinstance(exc, _ReplyTooLong):
        return SendError(
            "reply_too_long",
            user_message(
                "Sending",
                "The server %1:%2 sent an answer far longer than any mail server's, so the "
                "connection was closed. Check the server and port in Settings > Accounts. "
                "Nothing was sent.",
            ).arg(host, port),
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
    if timed_out(exc):
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


def _auth_failed(exc: smtplib.SMTPAuthenticationError, host: str) -> SendError:
    """The wrong password (5xx, such as 535), or a server that could not check it now.

    A 4xx (454, 432) says nothing about the password: the flow keeps it.
    """
    if 500 <= exc.smtp_code < 600:
        return SendError(
            "auth",
            user_message(
                "Sending",
                "%1 did not accept the user name or password (%2). Check them in "
                "Settings > Accounts. Nothing was sent.",
            ).arg(host, _server_text(exc)),
        )
    return SendError(
        "auth_unavailable",
        user_message(
            "Sending",
            "%1 could not check the user name and password right now (%2). Your password is "
            "kept; try again later. Nothing was sent.",
        ).arg(host, _server_text(exc)),
    )


def _delivery_unknown(session: _Session, exc: Exception) -> UserMessage:
    return user_message(
        "Sending",
        "The whole message went to %1, but the server did not confirm it (%2). It may or may "
        "not have been delivered: before sending it again, look for it in the Sent folder of "
        "your webmail, if your provider keeps one, or ask a recipient. The message is kept "
        "here.",
    ).arg(session.account.host, _why_unconfirmed(session, exc))


def _why_unconfirmed(session: _Session, exc: Exception) -> UserMessage:
    if session.cancel.is_set():
        return user_message("Sending", "sending was cancelled while waiting for its answer")
    if timed_out(exc):
        return user_message("Sending", "no answer within %1 seconds").arg(f"{session.timeout:g}")
    if isinstance(exc, _UnclearReply):
        return user_message("Sending", "an answer that is neither yes nor no: %1").arg(
            _server_text(exc)
        )
    if isinstance(exc, _ReplyTooLong):
        return user_message("Sending", "an answer far too long to be a mail server's")
    return user_message("Sending", "the connection closed without an answer")


def _greeting_refused(account: Account, text: str) -> UserMessage:
    return user_message(
        "Sending",
        "The server %1 refused the connection (%2). Nothing was sent. Try again later; if it "
        "goes on, ask your provider.",
    ).arg(account.host, text)


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
        "The message is too large for the server: %1, and it accepts at most %2. "
        "Remove or shrink attachments. Nothing was sent.",
    ).arg(*_sizes_that_differ(size, limit))


def readable_size(size: int, extra_digits: int = 0) -> UserMessage:
    """*size* as a person reads it: 850 bytes, 40 KB, 1.2 MB, 25 MB.

    Decimal units, as servers state their SIZE limit; one decimal below 10.
    The decimal mark is the translation's ("1,2 Mo" in French).
    """
    if size < 1000:
        return user_message("Sending", "%1 bytes").arg(size)
    mega = size >= 999_500  # would round to "1000 KB"
    value = size / 1e6 if mega else size / 1e3
    digits = (1 if value < 9.95 else 0) + extra_digits
    whole, _, fraction = f"{value:.{digits}f}".partition(".")
    if mega:
        if fraction:
            return user_message("Sending", "%1.%2 MB").arg(whole, fraction)
        return user_message("Sending", "%1 MB").arg(whole)
    if fraction:
        return user_message("Sending", "%1.%2 KB").arg(whole, fraction)
    return user_message("Sending", "%1 KB").arg(whole)


def _sizes_that_differ(size: int, limit: int) -> tuple[UserMessage, UserMessage]:
    """Both sizes, precise enough to read differently (20.4 KB over 20 KB: not "20 KB" twice)."""
    for extra in range(4):
        shown = readable_size(size, extra), readable_size(limit, extra)
        if str(shown[0]) != str(shown[1]):
            return shown
    exact = user_message("Sending", "%1 bytes")
    return exact.arg(size), exact.arg(limit)


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
