"""What went wrong with the user's IMAP mailbox, in plain words: ImapError and its sentences.

imap_client raises ImapError only; translate() turns whatever imaplib, ssl
or the socket raised into one, with a *kind* the GUI can act on and a
sentence for the user. The server's own words are quoted short and
printable (smtp_send.quoted): a server may send pages, or terminal escapes.
"""

from __future__ import annotations

import imaplib
import re
import socket
import ssl

from composer.mail.accounts import Account
from composer.mail.smtp_send import certificate_for_another_name, quoted, timed_out
from composer.messages import UserFacingError, UserMessage, user_message

KINDS = (
    "auth",  # the user name or password was refused
    "auth_unavailable",  # the server could not check them now ([UNAVAILABLE]): maybe right
    "no_auth_offered",  # LOGINDISABLED without another way in
    "no_tls_offered",  # STARTTLS asked for, not offered: nothing more is said to the server
    "tls_untrusted",
    "tls_hostname",
    "tls_failed",
    "unreachable",
    "timeout",
    "cancelled",
    "dropped",  # the connection closed mid-way (during APPEND: the copy may be stored)
    "reply_too_long",  # a literal, a line or a list past the limits: the connection is closed
    "unreadable_answer",  # not IMAP as RFC 3501 writes it
    "folder_missing",
    "message_gone",  # the UID is no longer there (moved, deleted, UIDVALIDITY changed)
    "quota",
    "too_large",
    "server_said",  # any other refusal: the server's words are quoted
)

_CODE = re.compile(rb"^\[([A-Za-z-]+)(?: ([^\]]*))?\]\s*")


class ImapError(UserFacingError):
    """An IMAP step failed; *kind*: one of KINDS."""

    def __init__(self, kind: str, message: UserMessage) -> None:
        super().__init__(message)
        self.kind = kind


class AnswerTooLong(Exception):
    """One literal, one line, or one command's answers went past the limits.

    Not an imaplib error: imaplib rewraps its own errors into new ones of
    the same base class, and this must stay recognisable.
    """


class ServerRefused(Exception):
    """A tagged NO (or a BAD) to a command; *code* is its response code ("OVERQUOTA")."""

    def __init__(self, status: str, text: bytes, folder: str = "") -> None:
        match = _CODE.match(text)
        self.code = match.group(1).decode("ascii").upper() if match else ""
        self.status = status
        self.text = quoted(text.decode("utf-8", "replace"))
        self.folder = folder
        super().__init__(self.code or status)


def _refusal(exc: ServerRefused, host: str) -> ImapError:
    code = exc.code
    if code in ("AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED", "EXPIRED"):
        return _auth(exc, host)
    if code == "UNAVAILABLE":
        return ImapError(
            "auth_unavailable",
            user_message(
                "Imap",
                "%1 cannot open your mailbox right now (%2). Your password is kept; try again "
                "later.",
            ).arg(host, exc.text),
        )
    if code == "OVERQUOTA":
        return ImapError(
            "quota",
            user_message(
                "Imap",
                "Your mailbox on %1 is full (%2). Delete or archive some mail there, then try "
                "again.",
            ).arg(host, exc.text),
        )
    if code in ("TOOBIG", "LIMIT"):
        return ImapError(
            "too_large",
            user_message("Imap", "%1 refused the message as too large (%2).").arg(host, exc.text),
        )
    if code in ("TRYCREATE", "NONEXISTENT") and exc.folder:
        return folder_missing_error(exc.folder, host, exc.text)
    return ImapError(
        "server_said", user_message("Imap", "The server %1 refused: %2").arg(host, exc.text)
    )


def folder_missing_error(folder: str, host: str, why: str) -> ImapError:
    return ImapError(
        "folder_missing",
        user_message("Imap", "The folder %1 does not exist on %2 (%3).").arg(
            quoted(folder), host, why
        ),
    )


def login_refused(exc: ServerRefused, host: str) -> ImapError:
    """A NO to LOGIN or AUTHENTICATE: the password, unless the server says it is something else."""
    if exc.code in ("UNAVAILABLE", "OVERQUOTA", "TOOBIG", "LIMIT"):
        return _refusal(exc, host)
    return _auth(exc, host)


def _auth(exc: ServerRefused, host: str) -> ImapError:
    return ImapError(
        "auth",
        user_message(
            "Imap",
            "%1 did not accept the user name or password for your mailbox (%2). Check them "
            "in Settings > Accounts.",
        ).arg(host, exc.text),
    )


def append_unconfirmed(host: str, folder: str) -> ImapError:
    """The whole message went out in an APPEND and no clear answer came back."""
    return ImapError(
        "dropped",
        user_message(
            "Imap",
            "The message went to %1, but the connection ended before the server confirmed the "
            "copy in %2. It may or may not be there: look in that folder before saving it "
            "again.",
        ).arg(host, quoted(folder)),
    )


def translate(exc: Exception, account: Account, timeout: float) -> ImapError:
    """*exc*, raised by imaplib, ssl or the socket, as an ImapError."""
    host, port = account.imap_host, account.imap_port_or_default
    if isinstance(exc, ssl.SSLCertVerificationError):
        if certificate_for_another_name(exc):
            return ImapError(
                "tls_hostname",
                user_message(
                    "Imap",
                    "The certificate of the mail server was issued for another name than %1, "
                    "so the connection could be intercepted. Check the IMAP server name in "
                    "Settings > Accounts.",
                ).arg(host),
            )
        return ImapError(
            "tls_untrusted",
            user_message(
                "Imap",
                "The certificate of %1 is not trusted (%2), so the connection could be "
                "intercepted. Your password was not sent.",
            ).arg(host, exc.verify_message or "unknown issuer"),
        )
    if isinstance(exc, ssl.SSLError):
        return ImapError(
            "tls_failed",
            user_message(
                "Imap",
                "A secure connection with %1 could not be set up (%2). Check the IMAP security "
                "choice and port in Settings > Accounts.",
            ).arg(host, exc.reason or type(exc).__name__),
        )
    if isinstance(exc, AnswerTooLong):
        return ImapError(
            "reply_too_long",
            user_message(
                "Imap",
                "The server %1:%2 sent an answer far longer than any mail server's, so the "
                "connection was closed. Check the IMAP server and port in Settings > Accounts.",
            ).arg(host, port),
        )
    if isinstance(exc, ServerRefused):
        return _refusal(exc, host)
    if _timed_out(exc):
        return ImapError(
            "timeout",
            user_message("Imap", "The server %1:%2 did not answer within %3 seconds.").arg(
                host, port, f"{timeout:g}"
            ),
        )
    if isinstance(exc, socket.gaierror):
        return ImapError(
            "unreachable",
            user_message(
                "Imap",
                "The server name %1 was not found. Check the IMAP server in Settings > "
                "Accounts, and your connection.",
            ).arg(host),
        )
    if isinstance(exc, (imaplib.IMAP4.abort, EOFError, ConnectionResetError, BrokenPipeError)):
        return ImapError(
            "dropped",
            user_message(
                "Imap",
                "The server %1:%2 closed the connection unexpectedly. Try again later; if it "
                "goes on, check the IMAP port and security choice in Settings > Accounts.",
            ).arg(host, port),
        )
    if isinstance(exc, OSError):
        return ImapError(
            "unreachable",
            user_message(
                "Imap",
                "Cannot reach %1:%2 (%3). Check the IMAP server and port in Settings > "
                "Accounts, and your connection.",
            ).arg(host, port, exc.strerror or type(exc).__name__),
        )
    if isinstance(exc, imaplib.IMAP4.error):
        # A BAD, a refused greeting ("* BYE"), a command in the wrong state: its text,
        # made of the server's words, is quoted.
        return ImapError(
            "server_said",
            user_message("Imap", "The server %1 refused: %2").arg(host, quoted(str(exc))),
        )
    return ImapError(
        "unreadable_answer",
        user_message(
            "Imap", "The server %1 sent an answer that is not IMAP as mail servers speak it (%2)."
        ).arg(host, type(exc).__name__),
    )


def _timed_out(exc: BaseException) -> bool:
    # imaplib rewraps a socket's timeout, once or twice, into its abort.
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return False
        if timed_out(seen):
            return True
        seen = seen.__context__
    return False


def cancelled(host: str) -> ImapError:
    return ImapError(
        "cancelled",
        user_message("Imap", "Cancelled: the connection to %1 was closed.").arg(host),
    )
