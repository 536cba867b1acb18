"""The one guard every header value passes before it leaves in a message.

Whoever wrote the message a user answers controls its bytes. A Subject that
is an RFC 2047 encoded word whose decoded text is itself an encoded word
holding CR/LF is shown decoded once; assigned to an outgoing header, the
email package decodes it a second time, and Pythons without the
CVE-2024-6923 fix (3.11.7, 3.12.1) write the CR/LF through: a hidden
Reply-To, Bcc or a whole HTML body in what the recipient gets. The same goes
for a mailto: link's subject and for display names. So this module never
relies on the standard library's patch level:

- header_text() gives the text a header will really carry: control
  characters and line separators become spaces, and encoded words are decoded
  here, again and again, until the text is what the email package keeps
  (a fixed point). What the user sees in a field is then what is sent.
- GUARDED_POLICY is the email policy every outgoing message is generated
  with: it checks each folded header line on any Python (as 3.13's
  verify_generated_headers does) and raises UnsafeHeader instead of writing
  a line break that starts a new header.
"""

from __future__ import annotations

import re
from email.policy import EmailPolicy, default
from typing import Any

from composer.messages import UserFacingError, user_message

__all__ = [
    "GUARDED_POLICY",
    "UnsafeHeader",
    "header_text",
    "refused",
    "shown_header_text",
    "unsafe_characters",
]

# C0 controls (CR, LF and TAB included), DEL, C1 NEL and the Unicode line and
# paragraph separators: every character str.splitlines() or a mail parser
# could take for the end of a header line.
_BREAKING = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")
# Each round of decoding makes the text shorter; real text needs one round.
_MAX_ROUNDS = 8
# A header the email package decodes runs through its header parser, whose
# parse tree costs far more than the text: longer values are not decoded.
MAX_DECODED_CHARS = 64 * 1024
# A folded line ending that does not continue the header (RFC 5322 folding
# is a line break followed by a space or tab).
_NEW_LINE_IN_HEADER = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?![ \t])")


class UnsafeHeader(UserFacingError):
    """A header of the message would carry a line break or a control character."""


def refused(name: str = "") -> UnsafeHeader:
    """The refusal, naming the header when it is known."""
    if not name:
        return UnsafeHeader(
            user_message(
                "Sending",
                "A header of the message holds characters that could change its other "
                "headers, so the message was not made.",
            )
        )
    return UnsafeHeader(
        user_message(
            "Sending",
            "The %1 header holds characters that could change the message's other headers, "
            "so the message was not made. Retype that field.",
        ).arg(name[:40])
    )


def unsafe_characters(text: str) -> bool:
    """Whether *text* holds a character that could end a header line."""
    return _BREAKING.search(text) is not None


def _may_hold_encoded_word(text: str) -> bool:
    """Whether the email package could find an encoded word in *text* (a linear look).

    Only a "=?" with a "?=" after it can start one; whether it really is one
    is the email package's own decision, asked in header_text().
    """
    start = text.find("=?")
    return start >= 0 and text.find("?=", start + 2) >= 0


def _neutral(text: str) -> str:
    return _BREAKING.sub(" ", text)


def _decoded_once(text: str) -> str:
    """*text* as the email package reads it when it is assigned to a header."""
    return str(default.header_factory("subject", text))


def header_text(text: str, name: str = "Subject") -> str:
    """*text* as the header *name* will carry it: one line, no encoded word left to decode.

    Control characters become spaces; encoded words are decoded until
    decoding changes nothing, with control characters made spaces after
    each round. UnsafeHeader when it does not settle (a crafted nesting
    deeper than any real client writes) or the text is too long to decode.
    """
    value = _neutral(text)
    for _ in range(_MAX_ROUNDS):
        if not _may_hold_encoded_word(value):
            return value
        if len(value) > MAX_DECODED_CHARS:
            raise refused(name)
        try:
            decoded = _neutral(_decoded_once(value))
        except Exception:  # the email package's own parser failing on crafted text
            raise refused(name) from None
        if decoded == value:
            return value
        value = decoded
    raise refused(name)


def shown_header_text(text: str) -> str:
    """header_text() for a field the user will see and may edit: never refuses.

    Text the guard would refuse is shown with its control characters made
    spaces; sending it is refused then, with the sentence.
    """
    try:
        return header_text(text)
    except UnsafeHeader:
        return _neutral(text)


class _GuardedPolicy(EmailPolicy):
    """The default policy, refusing any generated header line that starts a new header."""

    def fold(self, name: str, value: Any) -> str:
        return self._checked(name, super().fold(name, value))

    def fold_binary(self, name: str, value: Any) -> bytes:
        folded = super().fold_binary(name, value)
        self._checked(name, folded.decode("ascii", "surrogateescape"))
        return folded

    @staticmethod
    def _checked(name: str, folded: str) -> str:
        body = folded.rstrip("\r\n")
        if _NEW_LINE_IN_HEADER.search(body) or "\x00" in body:
            raise refused(name)
        return folded


GUARDED_POLICY = _GuardedPolicy()
