"""A draft and an account made into the message that leaves: headers, body, attachments.

build_message() gives an email.message.EmailMessage (policy default: non-ASCII
names and subjects become RFC 2047 encoded words, attachment file names are
RFC 2231 parameters). Bcc never appears in the headers: envelope_recipients()
gives every address the server must deliver to, domains in IDNA form.
"""

from __future__ import annotations

import email.errors
import mimetypes
import os
import re
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
from composer.mail.header_guard import (
    GUARDED_POLICY,
    header_text,
    refused,
    unsafe_characters,
)
from composer.messages import UserFacingError, user_message

SIGNATURE_SEPARATOR = "-- "
PLACEHOLDER_FROM = Address("", "me", "localhost")  # Save as .eml before any account exists


def _mailbox(name: str, address: str, header: str) -> Address:
    """An address for a header, through the header guard (names decoded as they will be sent)."""
    local, _, domain = address.rpartition("@")
    if unsafe_characters(local) or unsafe_characters(domain):
        raise refused(header)
    return Address(header_text(name, header), local, domain)


def _header_addresses(field: str, header: str) -> list[Address]:
    """The field's valid addresses as headers need them (the window refuses invalid ones)."""
    return [
        _mailbox(address.name, idna_address(address), header)
        for address in parse_address_list(field)[0]
    ]


class _NotRaised(Exception):
    """Stands in for an error this Python does not have."""


# Python 3.13 (and later patch releases of 3.11 and 3.12) check generated
# headers themselves; older ones have no such error.
_PYTHONS_OWN_CHECK: type[Exception] = getattr(email.errors, "HeaderWriteError", _NotRaised)

# A message id as RFC 5322 writes it; anything else in In-Reply-To or
# References (text a crafted message or link put there) is left out, and so
# is an id holding an encoded word, which the email package would decode.
_MESSAGE_ID = re.compile(r"<[^<>\s\x00-\x1f\x7f]+>")  # UTF-8 allowed (RFC 6532)


def message_ids(text: str) -> str:
    """The well-formed message ids in *text*, space-separated, each once."""
    found = (found for found in _MESSAGE_ID.findall(text) if "=?" not in found)
    return " ".join(dict.fromkeys(found))


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
    return _mailbox(account.name, idna_address(account.address), "From")


def signature_block(signature: str) -> str:
    """The signature as it stands in a message: one "-- " line, then the signature.

    A signature typed with its own separator ("-- ", or "--" without the
    space) keeps one separator, not two; "" when there is no signature.
    """
    lines = signature.replace("\r\n", "\n").strip("\n").split("\n")
    if lines and lines[0].rstrip() == SIGNATURE_SEPARATOR.rstrip():
        lines = lines[1:]
    text = "\n".join(lines).strip("\n")
    return f"{SIGNATURE_SEPARATOR}\n{text}" if text.strip() else ""


def with_signature(body: str, block: str) -> str:
    """*body* of a new message with the signature *block* where the user's text ends.

    Above what a reply quotes or a forward carries (which start after the
    empty lines left for the user's text), else at the end.
    """
    if not block:
        return body
    if not body.strip():
        return f"\n\n{block}\n"
    if body.startswith("\n\n"):  # a reply's or forward's room for the user's text
        return f"\n\n{block}\n\n{body.lstrip(chr(10))}"
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
        # A file name is the user's, but a forwarded one came from a message.
        filename = header_text(path.name, "Content-Disposition")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)


def build_message(
    draft: Draft, account: Account | None, *, now: datetime | None = None
) -> EmailMessage:
    """The message as it will be sent (and kept in Sent).

    Every header value passes the header guard (mail/header_guard.py):
    UnsafeHeader when one cannot be made safe, UserFacingError for a
    missing attachment.
    """
    message = EmailMessage(policy=GUARDED_POLICY)
    sender = sender_address(account)
    message["From"] = sender
    if to := _header_addresses(draft.to, "To"):
        message["To"] = to
    if cc := _header_addresses(draft.cc, "Cc"):
        message["Cc"] = cc
    message["Subject"] = header_text(draft.subject, "Subject")
    moment = now if now is not None else datetime.now().astimezone()
    message["Date"] = format_datetime(moment)
    message["Message-ID"] = make_msgid(domain=sender.domain or "localhost")
    if in_reply_to := message_ids(draft.in_reply_to).partition(" ")[0]:
        message["In-Reply-To"] = in_reply_to
    if references := message_ids(draft.references):
        message["References"] = references
    message["MIME-Version"] = "1.0"
    # The signature is in the body already, where the user could see and edit it
    # (the compose window puts it there): sent as written.
    body = draft.body
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
    wire = GUARDED_POLICY.clone(linesep="\r\n", max_line_length=998)
    if international_addresses(message):
        wire = wire.clone(utf8=True)
    try:
        return message.as_bytes(policy=wire)
    except _PYTHONS_OWN_CHECK:  # 3.13's verify_generated_headers, behind ours
        raise refused() from None


def save_eml(message: EmailMessage, path: Path) -> None:
    """Write *message* to *path* atomically, readable by this user only."""
    write_bytes_atomic(path, message_bytes(message))
    if os.name == "posix":
        os.chmod(path, 0o600)
