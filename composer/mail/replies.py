"""Reply, Reply all and Forward: the draft that answers or passes on an opened message.

Qt-free: the window passes the translated attribution, prefixes and labels.

Subjects. A reply's subject has one reply marker: every reply marker at
its start ("Re:", "RE:", "re :", "Re[2]:", "Re(3):", and the German,
Scandinavian, Dutch, Finnish, Portuguese, Polish and Turkish "AW:", "SV:",
"Antw:", "VS:", "RES:", "Odp:", "YNT:", and the *prefix* given) is replaced by
*prefix* once. A forward marker at the start stays after it ("Re: Fwd: x"),
as Thunderbird and Gmail do: it is part of what is being answered. A forward
works the same way the other way round: forward markers ("Fwd:", "FW:",
"WG:", "TR:", "RV:", "ENC:", "Doorst:", "VB:", "PD:") at the start become one
"Fwd: ", a reply marker stays after it ("Fwd: Re: x").

Conversation. In-Reply-To is the message's Message-ID; References is the
message's References (or its In-Reply-To when it has none) followed by its
Message-ID, each id once, at most MAX_REFERENCES of them: the first (the
thread's root) and the latest, as RFC 5322 section 3.6.4 suggests.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from composer.fileio import make_private_dir, read_regular, write_bytes_atomic
from composer.mail.addresses import (
    MAX_RECIPIENTS,
    Address,
    format_address_list,
    parse_address_list,
    same_mailbox,
    unique_addresses,
)
from composer.mail.drafts import Draft
from composer.mail.header_guard import shown_header_text
from composer.mail.long_lines import bounded, break_long_lines
from composer.mail.message import MAX_MESSAGE_BYTES, OpenedMessage, safe_filename
from composer.messages import UserFacingError, fill, user_message

__all__ = [
    "MAX_FORWARDED_ATTACHMENTS",
    "MAX_QUOTED_CHARS",
    "MAX_REFERENCES",
    "ForwardError",
    "ForwardLabels",
    "TooManyRecipients",
    "check_recipient_count",
    "forward_draft",
    "forward_subject",
    "format_date",
    "quote_body",
    "reply_draft",
    "reply_references",
    "reply_subject",
]

MAX_REFERENCES = 20
# A reply quotes at most this much; a forward carrying more text (or more
# attachments than MAX_FORWARDED_ATTACHMENTS) takes the original message along
# whole, as an attached .eml, so nothing is lost and the window stays light.
MAX_QUOTED_CHARS = 256 * 1024
MAX_FORWARDED_ATTACHMENTS = 100
_REPLY_WORDS = ("re", "aw", "sv", "antw", "vs", "res", "odp", "ynt")
_FORWARD_WORDS = ("fwd", "fw", "wg", "tr", "rv", "enc", "doorst", "vb", "pd")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ForwardError(UserFacingError):
    """The forwarded message's attachments could not be copied for the new draft."""


@dataclass(frozen=True)
class ForwardLabels:
    """The words of a forward's header block, translated by the window.

    A label without a final colon gets one ("From" -> "From:").
    """

    heading: str = "---------- Forwarded message ----------"
    sender: str = "From"
    date: str = "Date"
    subject: str = "Subject"
    to: str = "To"
    cc: str = "Cc"


def format_date(when: datetime) -> str:
    """*when* as "Mon 3 Mar 2025, 10:02", in its own timezone (the sender's)."""
    return (
        f"{_DAYS[when.weekday()]} {when.day} {_MONTHS[when.month - 1]} {when.year}, "
        f"{when.hour:02d}:{when.minute:02d}"
    )


def _markers(words: Iterable[str], prefix: str) -> re.Pattern[str]:
    alternatives = sorted({*words, prefix.strip().rstrip(":").strip().lower()} - {""}, key=len)
    names = "|".join(re.escape(word) for word in reversed(alternatives))
    return re.compile(rf"^\s*(?:(?:{names})\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)+", re.IGNORECASE)


def _prefixed(subject: str, prefix: str, words: Iterable[str]) -> str:
    # As it will be sent: a subject hiding an encoded word is shown decoded.
    subject = " ".join(shown_header_text(subject).split())
    return (prefix + _markers(words, prefix).sub("", subject)).strip()


def reply_subject(subject: str, prefix: str = "Re: ") -> str:
    """*subject* with its leading reply markers made one *prefix* (see the module)."""
    return _prefixed(subject, prefix, _REPLY_WORDS)


def forward_subject(subject: str, prefix: str = "Fwd: ") -> str:
    """*subject* with its leading forward markers made one *prefix* (see the module)."""
    return _prefixed(subject, prefix, _FORWARD_WORDS)


def quote_body(body: str) -> str:
    """*body* quoted: "> " before each line, ">" alone before quoted and empty lines.

    At most MAX_QUOTED_CHARS of it ("> […]" says the rest was left out), its
    long lines broken (mail/long_lines.py): a sender decides how long they are.
    """
    shown = bounded(body.rstrip(), MAX_QUOTED_CHARS)
    body = break_long_lines(shown.text) + ("\n[…]" if shown.left_out else "")
    lines = body.split("\n")
    quoted = []
    for line in lines:
        line = line.rstrip()
        if not line or line.startswith(">"):
            quoted.append(">" + line)
        else:
            quoted.append("> " + line)
    return "\n".join(quoted)


def reply_references(message: OpenedMessage) -> str:
    """The References of a reply to *message*: space-separated ids, oldest first."""
    chain = list(message.references)
    if not chain and message.in_reply_to:
        chain = [message.in_reply_to]
    if message.message_id:
        chain.append(message.message_id)
    ids = list(dict.fromkeys(chain))
    if len(ids) > MAX_REFERENCES:
        ids = ids[:1] + ids[-(MAX_REFERENCES - 1) :]
    return " ".join(ids)


def _is_own(address: Address, own: tuple[str, ...]) -> bool:
    return any(same_mailbox(address, mine) for mine in own)


def _recipients(
    message: OpenedMessage, own: tuple[str, ...], reply_all: bool
) -> tuple[list[Address], list[Address]]:
    """(To, Cc) of the reply."""
    sent_by_me = message.sender is not None and _is_own(message.sender, own)
    if message.reply_to and not all(_is_own(a, own) for a in message.reply_to):
        to = list(message.reply_to)
    elif sent_by_me or message.sender is None:
        # Answering one's own message continues the conversation with its recipients.
        to = list(message.to)
    else:
        to = [message.sender]
    cc: list[Address] = []
    if reply_all:
        to += message.to
        cc = list(message.cc)
    kept_to = unique_addresses(to, exclude=own)
    if not kept_to and not reply_all:
        return unique_addresses(to), []  # only oneself: writing to oneself is meant
    kept_cc = unique_addresses(cc, exclude=(*own, *kept_to))
    if not kept_to:
        return kept_cc, []
    return kept_to, kept_cc


def _attribution(
    message: OpenedMessage,
    attribution: str,
    undated_attribution: str | None,
    date_text: Callable[[datetime], str],
) -> str:
    if message.sender is None:
        return ""
    who = message.sender.name or message.sender.addr
    when = _when(message, date_text)
    if when:
        return fill(attribution, (when, who))
    if undated_attribution is not None:
        return fill(undated_attribution, (who,))
    # No date at all: the placeholder goes with the comma or space after it.
    return fill(re.sub(r"%1[,;]?\s*", "", attribution), ("", who)).strip()


def _when(message: OpenedMessage, date_text: Callable[[datetime], str]) -> str:
    """The message's date for people: formatted, else as written, else ""."""
    return date_text(message.date) if message.date is not None else message.date_text


def reply_draft(
    msg: OpenedMessage,
    *,
    own_addresses: Iterable[str] = (),
    reply_all: bool = False,
    account: str = "",
    attribution: str = "On %1, %2 wrote:",
    prefix: str = "Re: ",
    undated_attribution: str | None = None,
    date_text: Callable[[datetime], str] = format_date,
) -> Draft:
    """The draft of a reply (or Reply all) to *msg*.

    To is the Reply-To, else the sender; for a message the user sent (its
    From is one of *own_addresses*), its To. Reply all adds the message's To
    and Cc; the user's own addresses and repeated mailboxes are left out.
    The body is two empty lines, the attribution (%1 the date as
    *date_text* writes it, else the Date header as written; %2 the sender's
    name, else address) and the quoted text. *undated_attribution* (%1 the
    sender) serves a message without a date; without it, %1 is left out of
    *attribution*.
    """
    own = tuple(own_addresses)
    to, cc = _recipients(msg, own, reply_all)
    line = _attribution(msg, attribution, undated_attribution, date_text)
    quoted = quote_body(msg.body) if msg.body.strip() else ""
    content = "\n".join(part for part in (line, quoted) if part)
    return Draft(
        to=format_address_list(to),
        cc=format_address_list(cc),
        subject=reply_subject(msg.subject, prefix),
        body="\n\n" + content if content else "",
        in_reply_to=msg.message_id,
        references=reply_references(msg),
        account=account,
    )


class TooManyRecipients(UserFacingError):
    """A reply would write to more people than a message can be sent to."""


def check_recipient_count(draft: Draft) -> None:
    """TooManyRecipients when *draft* writes to more than MAX_RECIPIENTS mailboxes.

    Reply all to a message sent to thousands would fill To and Cc with a list
    that can never be sent (and that takes seconds to lay out): it is said at once.
    """
    count = len(unique_addresses(parse_address_list(draft.to)[0] + parse_address_list(draft.cc)[0]))
    if count > MAX_RECIPIENTS:
        raise TooManyRecipients(
            user_message(
                "Message",
                "Reply all would write to %1 people, more than Composer sends a message to "
                "(%2). Use Reply, or copy the addresses you need.",
            ).arg(str(count), str(MAX_RECIPIENTS))
        )


def _label(text: str) -> str:
    text = text.strip()
    return text if text.endswith(":") else text + ":"


def _header_block(
    msg: OpenedMessage, labels: ForwardLabels, date_text: Callable[[datetime], str]
) -> str:
    when = _when(msg, date_text)
    rows = [
        (labels.sender, str(msg.sender) if msg.sender else ""),
        (labels.date, when),
        (labels.subject, msg.subject),
        (labels.to, format_address_list(msg.to)),
        (labels.cc, format_address_list(msg.cc)),
    ]
    lines = [labels.heading] + [f"{_label(label)} {value}" for label, value in rows if value]
    return "\n".join(lines)


def _unique_name(name: str, taken: set[str]) -> str:
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        stem, extension = name, ""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} ({number})" + (f".{extension}" if extension else "")
    taken.add(candidate.casefold())
    return candidate


def _copy_attachments(
    msg: OpenedMessage, attachment_dir: Path, original: tuple[str, bytes] | None = None
) -> tuple[str, ...]:
    """Every attachment of *msg*, or only *original* (name, bytes), written into a new folder.

    The folder is private (0700), each file 0600.
    """
    files = [original] if original else [(a.filename, a.data) for a in msg.attachments]
    if not files:
        return ()
    try:
        make_private_dir(attachment_dir)
        # A folder per forward: two forwards of one message never share files,
        # so deleting one draft's copies cannot take the other's.
        folder = make_private_dir(attachment_dir / f"forward-{secrets.token_hex(6)}")
        taken: set[str] = set()
        paths = []
        for name, data in files:
            path = folder / _unique_name(name, taken)
            write_bytes_atomic(path, data)
            paths.append(str(path.resolve()))
    except OSError as exc:
        raise ForwardError(
            user_message("Message", "The attachments could not be copied for forwarding (%1).").arg(
                exc.strerror or type(exc).__name__
            )
        ) from exc
    return tuple(paths)


def forward_draft(
    msg: OpenedMessage,
    *,
    attachment_dir: Path,
    account: str = "",
    labels: ForwardLabels = ForwardLabels(),  # noqa: B008 - frozen, so one default is safe
    prefix: str = "Fwd: ",
    date_text: Callable[[datetime], str] = format_date,
    original: Path | None = None,
) -> Draft:
    """The draft that forwards *msg*: its header block and text, and its attachments.

    Each attachment is written (0600) into a new private folder inside
    *attachment_dir* (0700), so the draft outlives the opened message;
    ForwardError says so when that fails. A forward starts no conversation:
    In-Reply-To and References stay empty. A message with more text than
    MAX_QUOTED_CHARS or more attachments than MAX_FORWARDED_ATTACHMENTS is
    forwarded with the beginning of its text and, given its file *original*,
    the whole message attached as an .eml instead of its attachments one by one.
    """
    block = _header_block(msg, labels, date_text)
    shown = bounded(msg.body, MAX_QUOTED_CHARS)
    text = break_long_lines(shown.text) + ("\n[…]" if shown.left_out else "")
    whole = None
    too_many = len(msg.attachments) > MAX_FORWARDED_ATTACHMENTS
    if original is not None and (shown.left_out or too_many):
        whole = (safe_filename((msg.subject[:80] or "message") + ".eml"), _read_original(original))
    return Draft(
        subject=forward_subject(msg.subject, prefix),
        # The header block holds the sender's To and Cc lists: their lines are broken too.
        body=break_long_lines(("\n\n" + block + "\n\n" + text).rstrip()),
        attachments=_copy_attachments(msg, attachment_dir, whole),
        account=account,
    )


def _read_original(path: Path) -> bytes:
    try:
        return read_regular(path, limit=MAX_MESSAGE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise ForwardError(
            user_message("Message", "The attachments could not be copied for forwarding (%1).").arg(
                getattr(exc, "strerror", None) or type(exc).__name__
            )
        ) from exc
