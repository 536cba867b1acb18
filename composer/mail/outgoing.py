"""A draft and an account made into the message that leaves: headers, body, attachments.

build_message() gives an email.message.EmailMessage (policy default: non-ASCII
names and subjects become RFC 2047 encoded words, attachment file names are
RFC 2231 parameters). Bcc never appears in the headers: envelope_recipients()
gives every address the server must deliver to, domains in IDNA form.
"""

from __future__ import annotations

import email.policy
import mimetypes
import os
from collections.abc import Iterable
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from composer.fileio import read_regular, write_bytes_atomic
from composer.mail.accounts import Account
from composer.mail.addresses import idna_address, parse_address_list, unique_addresses
from composer.mail.drafts import Draft
from composer.messages import UserFacingError, user_message

SIGNATURE_SEPARATOR = "-- "
PLACEHOLDER_FROM = Address("", "me", "localhost")  # Save as .eml before any account exists


def _header_addresses(field: str) -> list[Address]:
    """The field's valid addresses as headers need them (the window refuses invalid ones)."""
    found = []
    for address in parse_address_list(field)[0]:
        local, _, domain = idna_address(address).rpartition("@")
        found.append(Address(address.name, local, domain))
    return found


def envelope_recipients(draft: Draft) -> list[str]:
    """Every To, Cc and Bcc address once (case-insensitively), domains in IDNA form."""
    everyone = [
        a for field in (draft.to, draft.cc, draft.bcc) for a in parse_address_list(field)[0]
    ]
    return [idna_address(a) for a in unique_addresses(everyone)]


def invalid_addresses(draft: Draft) -> dict[str, list[str]]:
    """{"to"/"cc"/"bcc": the pieces, as typed, that are not addresses}; empty fields left out."""
    found = {}
    for name in ("to", "cc", "bcc"):
        invalid = parse_address_list(getattr(draft, name))[1]
        if invalid:
            found[name] = invalid
    return found


def sender_address(account: Account | None) -> Address:
    if account is None:
        return PLACEHOLDER_FROM
    local, _, domain = idna_address(account.address).rpartition("@")
    return Address(account.name, local, domain)


def with_signature(body: str, signature: str) -> str:
    """*body* with the signature after a "-- " line, unless it already ends with it."""
    signature = signature.strip("\n")
    if not signature.strip():
        return body
    block = f"{SIGNATURE_SEPARATOR}\n{signature}"
    if block in body:
        return body
    return f"{body.rstrip()}\n\n{block}\n"


def _attach(message: EmailMessage, paths: Iterable[str]) -> None:
    for name in paths:
        path = Path(name)
        try:
            data = read_regular(path)
        except (OSError, ValueError):
            raise UserFacingError(
                user_message(
                    "Sending",
                    "The attachment %1 cannot be read (it was moved, deleted or is not a file). "
                    "Remove it or attach it again.",
                ).arg(path)
            ) from None
        kind, encoding = mimetypes.guess_type(path.name)
        if kind is None or encoding is not None or "/" not in kind:
            kind = "application/octet-stream"  # a .tar.gz is sent as it is, not as a tar
        maintype, subtype = kind.split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)


def build_message(
    draft: Draft, account: Account | None, *, now: datetime | None = None
) -> EmailMessage:
    """The message as it will be sent (and kept in Sent); UserFacingError for a missing file."""
    message = EmailMessage(policy=email.policy.default)
    sender = sender_address(account)
    message["From"] = sender
    if to := _header_addresses(draft.to):
        message["To"] = to
    if cc := _header_addresses(draft.cc):
        message["Cc"] = cc
    message["Subject"] = draft.subject
    moment = now if now is not None else datetime.now().astimezone()
    message["Date"] = format_datetime(moment)
    message["Message-ID"] = make_msgid(domain=sender.domain or "localhost")
    if draft.in_reply_to.strip():
        message["In-Reply-To"] = draft.in_reply_to.strip()
    if draft.references.strip():
        message["References"] = " ".join(draft.references.split())
    message["MIME-Version"] = "1.0"
    body = with_signature(draft.body, account.signature if account else "")
    # Quoted-printable: readable, and safe through servers without 8BITMIME.
    message.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    _attach(message, draft.attachments)
    return message


# The headers whose addresses a server and the recipients' clients read.
_ADDRESS_HEADERS = ("From", "Sender", "Reply-To", "To", "Cc")


def international_addresses(message: EmailMessage) -> list[str]:
    """The header addresses whose mailbox name (before the @) is not ASCII: "josé@…".

    A domain has an ASCII form (IDNA), a mailbox name has none: such a
    message can only travel as RFC 6531 mail (SMTPUTF8), its headers in UTF-8.
    """
    found = []
    for name in _ADDRESS_HEADERS:
        for header in message.get_all(name, []):
            for address in getattr(header, "addresses", ()):
                if not address.username.isascii():
                    found.append(address.addr_spec)
    return found


def message_bytes(message: EmailMessage) -> bytes:
    """The message as sent on the wire and kept on disk (CRLF line ends).

    Lines may be as long as RFC 5322 allows (998): with the default 78 the
    email package turns a Message-ID longer than a line (Outlook writes such)
    into RFC 2047 encoded words in In-Reply-To/References, and other clients
    then lose the thread. A message to or from an international mailbox has
    its headers in UTF-8 (RFC 6532): the email package would otherwise write
    the mailbox name as an encoded word, which no server delivers.
    """
    wire = message.policy.clone(linesep="\r\n", max_line_length=998)
    if isinstance(wire, email.policy.EmailPolicy) and international_addresses(message):
        wire = wire.clone(utf8=True)
    return message.as_bytes(policy=wire)


def save_eml(message: EmailMessage, path: Path) -> None:
    """Write *message* to *path* atomically, readable by this user only."""
    write_bytes_atomic(path, message_bytes(message))
    if os.name == "posix":
        os.chmod(path, 0o600)
