"""A mailto: link (RFC 6068) made into the draft it asks for.

Addresses come from the link's path and its "to" fields; "cc", "bcc",
"subject", "body" and "in-reply-to" are read, with any letter case, and a
field given twice is joined (addresses with ", ", subject parts with a space,
body parts with a line break). Every other field is ignored, as section 3
asks of From, Date, MIME and routing fields: a link on a web page must not be
able to set the sender, attach files or add headers. Values are
percent-decoded as UTF-8; "+" stays "+" (it is not a space in mailto:, and
real addresses hold it); "%0D%0A" in the body is a line break, and a line
break anywhere else becomes a space, so no value can smuggle in a header.
Subjects written as RFC 2047 encoded words (section 6.3) are decoded.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from composer.mail.addresses import MAX_RECIPIENTS
from composer.mail.drafts import Draft
from composer.mail.header_guard import shown_header_text
from composer.mail.long_lines import break_long_lines
from composer.messages import UserFacingError, user_message

__all__ = ["MAX_MAILTO_LENGTH", "MailtoError", "parse_mailto"]

MAX_MAILTO_LENGTH = 2 * 1024 * 1024  # longer than any browser passes on
# What a link may ask of the window (see _check_bounds): far above any real
# link, far below what takes the window more than a few milliseconds to lay out.
MAX_FIELDS = 10_000
MAX_SUBJECT_CHARS = 4_000
MAX_BODY_LINES = 20_000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_MSG_ID = re.compile(r"<[^<>\s]+>")


class MailtoError(UserFacingError):
    """The text is not a mailto: link that could be used."""


def _decoded(text: str) -> str:
    return unquote(text, encoding="utf-8", errors="replace")


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _subject(text: str) -> str:
    # Decoded as the email package will when it is sent, however deep the
    # encoded words nest: the field shows what the recipient will get.
    return _one_line(shown_header_text(_one_line(text)))


def _addresses(values: list[str]) -> str:
    """Raw (still percent-encoded) address fields as one list: an encoded comma is no separator."""
    found = [_one_line(_decoded(part)) for value in values for part in value.split(",")]
    return ", ".join(part for part in found if part)


def parse_mailto(url: str) -> Draft:
    """The draft a mailto: link describes; MailtoError when *url* is not one."""
    url = url.strip()
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.lower() != "mailto":
        raise MailtoError(user_message("Mailto", "This is not a mail link (mailto:)."))
    if len(url) > MAX_MAILTO_LENGTH:
        raise MailtoError(user_message("Mailto", "This mail link is too long to be used."))
    rest = rest.split("#", 1)[0]  # fragments mean nothing in mailto: (section 2)
    path, _, query = rest.partition("?")
    fields: dict[str, list[str]] = {"to": [path]}  # values still percent-encoded
    if query.count("&") >= MAX_FIELDS:
        raise MailtoError(
            user_message("Mailto", "This mail link has more than %1 fields, too many to use.").arg(
                str(MAX_FIELDS)
            )
        )
    for pair in query.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        name = _decoded(name).strip().lower()
        # "&amp;" copied from a web page's source instead of the link itself
        name = name.removeprefix("amp;")
        fields.setdefault(name, []).append(value)
    # Counted before decoding: a hundred thousand lines cost the decoding itself.
    raw_lines = sum(value.upper().count("%0A") for value in fields.get("body", []))
    if raw_lines >= MAX_BODY_LINES:
        raise _too_many_lines(raw_lines + 1)
    body = "\n".join(_decoded(value) for value in fields.get("body", []))
    in_reply_to = ""
    for value in fields.get("in-reply-to", []):
        match = _MSG_ID.search(_decoded(value))
        if match:
            in_reply_to = match.group(0)
            break
    draft = Draft(
        to=_addresses(fields["to"]),
        cc=_addresses(fields.get("cc", [])),
        bcc=_addresses(fields.get("bcc", [])),
        subject=_subject(" ".join(_decoded(value) for value in fields.get("subject", []))),
        # A link decides its own line lengths: a 2 MB line would freeze the window.
        body=break_long_lines(body.replace("\r\n", "\n").replace("\r", "\n")),
        in_reply_to=in_reply_to,
        references=in_reply_to,
    )
    _check_bounds(draft)
    return draft


def _check_bounds(draft: Draft) -> None:
    """MailtoError when the link asks for more than a message can be (said with the numbers).

    A field holding tens of thousands of addresses, a subject of a megabyte or a
    body of a hundred thousand lines takes the window seconds to lay out, and
    could never be sent: refused with a sentence rather than cut without one.
    """
    # One "@" per address: a count in one pass (parsing 50,000 takes seconds).
    recipients = sum(field.count("@") for field in (draft.to, draft.cc, draft.bcc))
    if recipients > MAX_RECIPIENTS:
        raise MailtoError(
            user_message(
                "Mailto",
                "This mail link names %1 recipients, more than Composer writes to at once (%2).",
            ).arg(str(recipients), str(MAX_RECIPIENTS))
        )
    if len(draft.subject) > MAX_SUBJECT_CHARS:
        raise MailtoError(
            user_message(
                "Mailto",
                "This mail link's subject is %1 characters long, more than Composer takes (%2).",
            ).arg(str(len(draft.subject)), str(MAX_SUBJECT_CHARS))
        )
    lines = draft.body.count("\n") + 1
    if lines > MAX_BODY_LINES:
        raise _too_many_lines(lines)


def _too_many_lines(lines: int) -> MailtoError:
    return MailtoError(
        user_message(
            "Mailto", "This mail link's text has %1 lines, more than Composer takes (%2)."
        ).arg(str(lines), str(MAX_BODY_LINES))
    )
