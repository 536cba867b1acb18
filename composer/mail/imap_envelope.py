"""One line of the inbox list (sender, subject, date, flags, size) from a server's FETCH answer.

The ENVELOPE (RFC 3501 7.4.2) is the server's reading of the headers; it
is untrusted text like the message itself: names and subjects are decoded
(RFC 2047) as the message window does, control characters made spaces,
and anything malformed gives an empty field rather than an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from composer.mail.header_guard import shown_header_text
from composer.mail.imap_parse import number, text

MAX_SHOWN = 500  # characters of a subject or name kept for the list: a line on screen
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_INTERNALDATE = re.compile(
    r"^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$"
)


@dataclass(frozen=True)
class MessageRef:
    """Where a message is: a UID means nothing without its folder's UIDVALIDITY (RFC 3501)."""

    folder: str  # as the server names it
    uidvalidity: int
    uid: int


@dataclass(frozen=True)
class MessageSummary:
    ref: MessageRef
    sender: str  # the display name, else the address
    sender_address: str
    subject: str
    date: datetime | None  # aware; None when the message's own date is unreadable
    flags: frozenset[str]  # as the server writes them: "\\Seen", "\\Answered", "$Forwarded"
    size: int
    message_id: str

    @property
    def seen(self) -> bool:
        return "\\seen" in {f.lower() for f in self.flags}

    @property
    def answered(self) -> bool:
        return "\\answered" in {f.lower() for f in self.flags}


def _shown(value: object) -> str:
    raw = text(value)[: MAX_SHOWN * 4]
    return " ".join(shown_header_text(raw).split())[:MAX_SHOWN]


def _first_mailbox(value: object) -> tuple[str, str]:
    """(display name, address) of the first real address in an ENVELOPE address list."""
    if not isinstance(value, list):
        return "", ""
    for item in value:
        # (name adl mailbox host); a NIL host marks the start or end of a group.
        if isinstance(item, list) and len(item) == 4 and item[3] is not None:
            mailbox, host = text(item[2]), text(item[3])
            address = " ".join(f"{mailbox}@{host}".split())[:MAX_SHOWN]
            return _shown(item[0]), address
    return "", ""


def _date(value: object) -> datetime | None:
    raw = text(value).strip()
    if not raw or len(raw) > 200:
        return None
    try:
        parsed = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    # "-0000": the writer did not know its offset (RFC 5322 3.3); UTC is as good a guess.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def internal_date(value: object) -> datetime | None:
    """An INTERNALDATE ("17-Jul-1996 02:44:25 -0700"); its month names are English in any locale."""
    match = _INTERNALDATE.match(text(value))
    if match is None or match.group(2).lower() not in _MONTHS:
        return None
    day, _, year, hour, minute, second, sign, off_h, off_m = match.groups()
    try:
        offset = (int(off_h) * 60 + int(off_m)) * (-1 if sign == "-" else 1)
        zone = timezone(timedelta(minutes=offset))
        month = _MONTHS.index(match.group(2).lower()) + 1
        return datetime(int(year), month, int(day), int(hour), int(minute), int(second), 0, zone)
    except ValueError:
        return None


def summary(folder: str, uidvalidity: int, items: dict[str, object]) -> MessageSummary | None:
    """The list line for one FETCH of UID FLAGS ENVELOPE RFC822.SIZE INTERNALDATE (None: no UID)."""
    uid = number(items.get("UID"))
    if uid is None:
        return None
    envelope = items.get("ENVELOPE")
    fields = envelope if isinstance(envelope, list) and len(envelope) >= 10 else [None] * 10
    name, address = _first_mailbox(fields[2])
    flags = items.get("FLAGS")
    return MessageSummary(
        ref=MessageRef(folder, uidvalidity, uid),
        sender=name or address,
        sender_address=address,
        subject=_shown(fields[1]),
        date=_date(fields[0]) or internal_date(items.get("INTERNALDATE")),
        flags=frozenset(f for f in flags if isinstance(f, str))
        if isinstance(flags, list)
        else frozenset(),
        size=number(items.get("RFC822.SIZE")) or 0,
        message_id=" ".join(text(fields[9]).split())[:MAX_SHOWN],
    )
