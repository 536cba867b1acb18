"""A connection to the account's IMAP server, for a worker thread: secured, logged in, bounded.

connect() opens an ImapSession (a context manager): implicit TLS (993),
STARTTLS (143; refused when the server does not offer it, before the
password is sent) or plain when the user accepted that. The certificate is
checked with ssl.create_default_context() unless a test passes its own.

imaplib reads a literal of any announced size into memory, and keeps every
untagged response of a command; here one literal may not exceed the
command's Limits, nor the bytes of one command's answers, nor one line
MAX_LINE (imaplib's own), nor its untagged responses MAX_UNTAGGED: past
them the connection is closed and the error is "reply_too_long". A cancel
Event shuts the socket down from another thread, so a blocked read ends.
Every failure is an ImapError (composer.mail.imap_errors).
"""

from __future__ import annotations

import base64
import imaplib
import logging
import re
import socket
import ssl
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from composer.mail import imap_utf7
from composer.mail.accounts import Account
from composer.mail.imap_errors import (
    AnswerTooLong,
    ImapError,
    ServerRefused,
    append_unconfirmed,
    cancelled,
    folder_missing_error,
    login_refused,
    translate,
)
from composer.mail.imap_parse import Piece
from composer.mail.smtp_send import cancel_watch
from composer.messages import UserMessage, user_message

log = logging.getLogger(__name__)

MAX_LINE = 1_000_000  # imaplib's _MAXLINE: one response line
MAX_UNTAGGED = 50_000  # untagged responses to one command (a LIST of a huge account: ~10,000)
MAX_MESSAGE = 32 * 1024 * 1024  # one message opened or saved: a large mail with attachments


@dataclass(frozen=True)
class Limits:
    """What one command may receive: *literal*, the largest literal; *answer*, all bytes."""

    literal: int
    answer: int


DEFAULT_LIMITS = Limits(literal=1024 * 1024, answer=16 * 1024 * 1024)


def quote(text: str) -> str:
    """*text* as an IMAP quoted string; ValueError for what one cannot carry (CR, LF, 8-bit)."""
    if not text.isascii() or any(c in text for c in "\r\n\0"):
        raise ValueError("not a quotable IMAP string")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Bounded(imaplib.IMAP4):
    """imaplib.IMAP4 whose answers a hostile server cannot stretch without end."""

    limits = DEFAULT_LIMITS
    _spent = 0
    _untagged = 0
    _outgoing: object = None  # the literal of the command under way
    literal_sent = False  # that literal went out whole: the server may have acted on it

    def _setup(self, holder: list[_Bounded]) -> None:
        # Before imaplib's __init__ opens the connection: the cancel watch finds the
        # socket here as soon as it exists.
        holder.append(self)

    def __init__(self, host: str, port: int, timeout: float, holder: list[_Bounded]) -> None:
        self._setup(holder)
        super().__init__(host, port, timeout)

    def _command(self, name: str, *args: Any) -> Any:
        self._spent = self._untagged = 0
        self.untagged_responses = {}  # this command's answers only: none pile up
        self._outgoing, self.literal_sent = self.literal, False
        return super()._command(name, *args)  # type: ignore[misc]  # private: not in the stub

    def _get_tagged_response(self, tag: Any, expect_bye: bool = False) -> Any:
        typ, data = super()._get_tagged_response(tag, expect_bye)  # type: ignore[misc]
        if typ == "BAD":  # imaplib turns it into an error carrying a Python repr
            raise ServerRefused("BAD", data[-1] if data and isinstance(data[-1], bytes) else b"")
        return typ, data

    def _charge(self, size: int) -> None:
        self._spent += size
        if self._spent > self.limits.answer:
            raise AnswerTooLong

    def read(self, size: int) -> bytes:
        if size > self.limits.literal:
            raise AnswerTooLong  # before a byte of it is read
        self._charge(size)
        return super().read(size)

    def readline(self) -> bytes:
        try:
            line = super().readline()
        except self.error:  # its only error: a line over MAX_LINE
            raise AnswerTooLong from None
        self._charge(len(line))
        return line

    def send(self, data: Any) -> None:  # the stub's Buffer is not in 3.10's typing
        super().send(data)
        if data is self._outgoing:
            self.literal_sent = True

    def _append_untagged(self, typ: str, dat: Any) -> None:
        self._untagged += 1
        if self._untagged > MAX_UNTAGGED:
            raise AnswerTooLong
        super()._append_untagged(typ, dat)  # type: ignore[misc]


class _BoundedSSL(_Bounded, imaplib.IMAP4_SSL):
    def __init__(
        self,
        host: str,
        port: int,
        timeout: float,
        holder: list[_Bounded],
        context: ssl.SSLContext,
    ) -> None:
        self._setup(holder)
        imaplib.IMAP4_SSL.__init__(self, host, port, ssl_context=context, timeout=timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        raw = socket.create_connection((self.host or None, self.port), timeout)
        sock: ssl.SSLSocket = self.ssl_context.wrap_socket(
            raw, server_hostname=self.host, do_handshake_on_connect=False
        )
        self.sock = sock  # the cancel watch can end a handshake that hangs
        try:
            sock.do_handshake()
        except BaseException:
            sock.close()  # imaplib closes only what open() returned
            raise
        return sock


class _PlainAuth:
    """SASL PLAIN (RFC 4616): UTF-8 user name and password (imaplib's login is ASCII only)."""

    def __init__(self, user: str, password: str) -> None:
        self._answer: bytes | None = b"\0" + user.encode() + b"\0" + password.encode()

    def respond(self, _challenge: bytes) -> bytes:
        answer, self._answer = self._answer, None
        return base64.b64encode(answer) if answer is not None else b"*"  # "*": give up


@dataclass(frozen=True)
class Answer:
    """A command's tagged OK text and the untagged responses that came with it, by type."""

    text: bytes
    untagged: Mapping[str, Sequence[Piece]]

    def first(self, name: str) -> bytes | None:
        values = [v for v in self.untagged.get(name, []) if isinstance(v, bytes)]
        return values[0] if values else None


@dataclass(frozen=True)
class Selected:
    folder: str  # as the server names it (modified UTF-7)
    uidvalidity: int
    exists: int


_CODE_ARGS = re.compile(rb"^\[([A-Za-z-]+)(?: ([^\]]*))?\]")


def response_code(text: bytes) -> tuple[str, bytes]:
    """The response code at the start of a tagged text ("[APPENDUID 7 42] Done") and its data."""
    match = _CODE_ARGS.match(text)
    if match is None:
        return "", b""
    return match.group(1).decode("ascii").upper(), match.group(2) or b""


@dataclass(frozen=True)
class ImapAccess:
    """What a worker thread needs to reach one account's mailbox; *cancel* ends any wait."""

    account: Account
    password: str | None  # the account's own (composer.mail.accounts.stored_password)
    cancel: threading.Event | None = None
    timeout: float = 30
    ssl_context: ssl.SSLContext | None = None  # None: the system's trusted authorities

    def connect(self) -> ImapSession:
        """A logged-in session; ImapError when that fails."""
        if not self.account.has_imap:
            raise ImapError(
                "unreachable",
                user_message(
                    "Imap", "No IMAP server is set for %1. Add it in Settings > Accounts."
                ).arg(self.account.address),
            )
        session = ImapSession(self)
        try:
            session._open()
        except BaseException:
            session.close()
            raise
        return session


def connect(
    account: Account,
    password: str | None,
    *,
    cancel: threading.Event | None = None,
    timeout: float = 30,
    ssl_context: ssl.SSLContext | None = None,
) -> ImapSession:
    """A logged-in session with *account*'s IMAP server; ImapError when that fails."""
    return ImapAccess(account, password, cancel, timeout, ssl_context).connect()


class ImapSession:
    """One logged-in connection; close() (or the with block) logs out and stops the watch."""

    def __init__(self, access: ImapAccess) -> None:
        self.account, self.password = access.account, access.password
        self.timeout = access.timeout
        self.cancel = access.cancel or threading.Event()
        context = access.ssl_context
        self.context = context if context is not None else ssl.create_default_context()
        self.host = access.account.imap_host
        self.capabilities: frozenset[str] = frozenset()
        self._holder: list[_Bounded] = []
        self._watch = cancel_watch(self.cancel, self._holder, "imap-cancel")
        self._broken = False
        self._closed = False
        self.selected: Selected | None = None

    # -- lifetime ------------------------------------------------------------------------
    def __enter__(self) -> ImapSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _open(self) -> None:
        self._watch.__enter__()
        a = self.account
        with self.guard():
            port = a.imap_port_or_default
            imap: _Bounded
            if a.imap_security == "tls":
                imap = _BoundedSSL(a.imap_host, port, self.timeout, self._holder, self.context)
            else:
                imap = _Bounded(a.imap_host, port, self.timeout, self._holder)
            self.check_cancel()
            if a.imap_security == "starttls":
                if "STARTTLS" not in imap.capabilities:
                    raise ImapError("no_tls_offered", _no_starttls(a))
                imap.starttls(self.context)
            self.check_cancel()
            if imap.state == "NONAUTH":
                self._login(imap)
            imap._get_capabilities()  # after login they change (UIDPLUS, SPECIAL-USE…)
            self.capabilities = frozenset(imap.capabilities)

    def _login(self, imap: _Bounded) -> None:
        user, password = self.account.imap_login, self.password or ""
        offered = imap.capabilities
        try:
            if "AUTH=PLAIN" in offered:
                # imaplib takes bytes, or a bound method answering each "+" (its stub: str).
                imap.literal = _PlainAuth(user, password).respond  # type: ignore[assignment]
                typ, data = imap._simple_command("AUTHENTICATE", "PLAIN")
            elif "LOGINDISABLED" in offered:
                raise ImapError("no_auth_offered", _no_auth(self.account))
            else:
                # The password as a literal: any byte, no quoting to get wrong.
                imap.literal = password.encode()  # type: ignore[assignment]
                typ, data = imap._simple_command("LOGIN", quote(user))
        except ValueError:  # a user name LOGIN cannot carry, and no AUTH=PLAIN
            raise ImapError("no_auth_offered", _no_auth(self.account)) from None
        if typ != "OK":
            raise login_refused(ServerRefused(typ, _last(data)), self.host)
        imap.state = "AUTH"

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if self._holder and not self._broken and not self.cancel.is_set():
                try:
                    self._holder[0].logout()  # bounded like any command
                except Exception:
                    pass  # a rude goodbye changes nothing
            self._shut()
        finally:
            self._watch.__exit__(None, None, None)

    def _shut(self) -> None:
        if self._holder:
            try:
                self._holder[0].shutdown()
            except (OSError, AttributeError):
                pass  # already closed, or never opened

    # -- errors --------------------------------------------------------------------------
    def check_cancel(self) -> None:
        if self.cancel.is_set():
            raise cancelled(self.host)

    @contextmanager
    def guard(self, appending_to: str = "") -> Iterator[None]:
        """Every failure inside becomes an ImapError; the connection is then closed.

        *appending_to*: the folder of an APPEND under way. Once its message
        went out whole, no answer is not "not stored" (kind "dropped").
        """
        try:
            yield
        except ServerRefused as exc:  # a NO or BAD: the connection itself is fine
            raise translate(exc, self.account, self.timeout) from None
        except ImapError:
            self._broken = True
            self._shut()
            raise
        except BaseException as exc:
            self._broken = True
            self._shut()
            if not isinstance(exc, Exception):
                raise
            if appending_to and self._holder and self._holder[0].literal_sent:
                log.info("IMAP: no clear answer to APPEND (%s)", type(exc).__name__)
                raise append_unconfirmed(self.host, appending_to) from None
            if self.cancel.is_set():
                raise cancelled(self.host) from None
            error = translate(exc, self.account, self.timeout)
            log.info("IMAP failed: %s (%s)", error.kind, type(exc).__name__)
            raise error from None

    # -- commands ------------------------------------------------------------------------
    def run(
        self,
        name: str,
        *args: str,
        literal: bytes | None = None,
        limits: Limits = DEFAULT_LIMITS,
        folder: str = "",
    ) -> Answer:
        """*name* with *args* (already quoted); a NO is a ServerRefused turned ImapError.

        *folder*: named in the sentence when the server says it does not exist.
        """
        if self._broken or self._closed or not self._holder:
            raise cancelled(self.host) if self.cancel.is_set() else _closed_error(self)
        imap = self._holder[0]
        with self.guard(folder if name == "APPEND" else ""):
            self.check_cancel()
            imap.limits = limits
            imap.literal = literal  # type: ignore[assignment]
            try:
                typ, data = imap._simple_command(name, *args)
            finally:
                imap.limits = DEFAULT_LIMITS
            if typ != "OK":
                raise ServerRefused(typ, _last(data), folder)
            return Answer(_last(data), imap.untagged_responses)

    def select(self, folder: str, *, readonly: bool) -> Selected:
        """SELECT (or EXAMINE, which can change no flag) *folder*, as the server names it."""
        imap = self._holder[0] if self._holder else None
        try:
            answer = self.run(
                "EXAMINE" if readonly else "SELECT",
                quote(folder),
                folder=imap_utf7.readable(folder),
            )
        except ImapError:
            if imap is not None and not self._broken:
                imap.state = "AUTH"  # a failed SELECT leaves no folder selected (RFC 3501)
            raise
        except ValueError:
            raise folder_missing_error(imap_utf7.readable(folder), self.host, "?") from None
        assert imap is not None
        imap.state, imap.is_readonly = "SELECTED", readonly
        uidvalidity = _number(answer.first("UIDVALIDITY"))
        exists = _number(answer.first("EXISTS"))
        self.selected = Selected(folder, uidvalidity or 0, exists or 0)
        return self.selected


def _last(data: Any) -> bytes:
    last = data[-1] if isinstance(data, list) and data else b""
    return last if isinstance(last, bytes) else b""


def _number(raw: bytes | None) -> int | None:
    text = (raw or b"").split(b" ", 1)[0]
    return int(text) if text.isdigit() and len(text) <= 20 else None


def _closed_error(session: ImapSession) -> ImapError:
    return ImapError(
        "dropped",
        user_message("Imap", "The connection to %1 is already closed. Try again.").arg(
            session.host
        ),
    )


def _no_starttls(account: Account) -> UserMessage:
    return user_message(
        "Imap",
        "%1 does not offer STARTTLS, so your password and mail would travel unencrypted. "
        "Choose TLS (port 993) in Settings > Accounts, or ask your provider.",
    ).arg(account.imap_host)


def _no_auth(account: Account) -> UserMessage:
    return user_message(
        "Imap",
        "%1 does not accept a user name and password on this connection (often because it is "
        "not encrypted). Choose TLS or STARTTLS in Settings > Accounts.",
    ).arg(account.imap_host)
