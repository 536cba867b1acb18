"""An email message file (.eml) read into what a person sees: headers, text, attachments.

The standard library's email package (policy default) does the parsing:
RFC 2047 headers, RFC 2231 file names, MIME trees. What real mail adds on
top, this module survives: unknown or wrong charsets, broken base64,
malformed or repeated headers, invalid dates, a missing closing boundary,
an mbox "From " line. Each part is read on its own, so a broken part loses
only itself; what could not be read is said in OpenedMessage.problems.

parse_message() and read_message() raise MessageUnreadable, and nothing
else, when there is no message at all to show.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import mimetypes
import os
import quopri
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email import errors, policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import collapse_rfc2231_value, getaddresses
from pathlib import Path

from composer.fileio import NotRegularFileError, open_regular
from composer.mail.addresses import Address
from composer.mail.html_text import html_to_text
from composer.messages import UserFacingError, UserMessage, user_message

__all__ = [
    "MAX_MESSAGE_BYTES",
    "MAX_PARTS",
    "Attachment",
    "MessageUnreadable",
    "OpenedMessage",
    "parse_message",
    "read_message",
    "safe_filename",
]

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
MAX_PARTS = 20_000
_MAX_DEPTH = 30  # MIME nesting deeper than any client writes: a crafted message
_MAX_FILENAME = 150
# A file starting with none of these is not an email message (a text note
# whose first line has a colon would otherwise pass as one header).
_MAIL_HEADERS = {
    "from", "to", "cc", "bcc", "subject", "date", "message-id", "sender", "reply-to",
    "received", "return-path", "mime-version", "content-type", "in-reply-to", "references",
    "delivered-to", "newsgroups", "x-mailer", "user-agent", "dkim-signature",
}  # fmt: skip
_MSG_ID = re.compile(r"<[^<>\s]+>")
# Headers longer than this are not given to the email package's header
# parser, whose parse tree costs hundreds of times the text (20,000 encoded
# words in a Subject: 4.1 GB) and seconds per thousand addresses: the text
# is cut (Subject) or read by the lenient address reader (To, Cc).
MAX_PARSED_HEADER = 32 * 1024
_WINDOWS_RESERVED = re.compile(r'[<>:"/\\|?*]')
# Device names Windows will not create a file under, whatever the extension
# ("aux.pdf" too): such a name is saved with an underscore before it.
_WINDOWS_DEVICES = re.compile(r"(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)")
# Charsets whose label lies often enough that browsers read them as another.
_CHARSET_STAND_IN = {"iso-8859-1": "windows-1252", "latin1": "windows-1252",
                     "latin-1": "windows-1252", "us-ascii": "windows-1252",
                     "ascii": "windows-1252", "iso-8859-9": "windows-1254",
                     "ks_c_5601-1987": "cp949", "gb2312": "gb18030", "gbk": "gb18030"}  # fmt: skip
_GENERATOR_POLICY = policy.default.clone(refold_source="none", max_line_length=0)


class MessageUnreadable(UserFacingError):
    """The file holds no email message that could be shown."""


@dataclass(frozen=True)
class Attachment:
    """A file carried by a message; *filename* is safe to save under (see safe_filename)."""

    filename: str
    content_type: str
    data: bytes
    content_id: str = ""  # "<...>" of an inline part (an image shown in the HTML), else ""

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class OpenedMessage:
    """What a message shows its reader; every field is always there, empty when absent."""

    subject: str = ""
    sender: Address | None = None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    date: datetime | None = None  # timezone-aware, in the sender's offset
    message_id: str = ""  # "<...>", "" when absent
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    body: str = ""
    body_from_html: bool = False
    attachments: tuple[Attachment, ...] = ()
    problems: tuple[UserMessage, ...] = ()
    date_text: str = ""  # the Date header as written (for a date that could not be read)


# --- Text ------------------------------------------------------------------


def _codec(charset: str) -> str | None:
    """The Python codec for a MIME charset label, None when there is none."""
    label = charset.strip().strip('"').lower()
    label = _CHARSET_STAND_IN.get(label, label)
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def _decode_text(raw: bytes, charset: str, problems: list[UserMessage]) -> str:
    """*raw* as text; a wrong or unknown charset costs a problem note, never the text."""
    codec = _codec(charset) if charset else None
    if charset and codec is None:
        problems.append(
            user_message(
                "Message",
                "Part of the message uses a character set this application does not "
                "know (%1); some characters may show wrongly.",
            ).arg(charset[:40])
        )
    candidates = [codec] if codec else []
    candidates += [c for c in ("utf-8", "windows-1252") if c not in candidates]
    for candidate in candidates:
        try:
            text = raw.decode(candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        text = raw.decode(codec or "utf-8", errors="replace")
        problems.append(
            user_message(
                "Message",
                "Some characters of the message could not be read; they show as \ufffd.",
            )
        )
    return _fix_c1(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))


def _unflow(text: str, delsp: bool) -> str:
    """RFC 3676 format=flowed text as paragraphs: soft line breaks joined, quotes kept."""
    out: list[str] = []
    joining: tuple[int, str] | None = None
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing
        flowed = content.endswith(" ") and content != "-- "
        if flowed and delsp:
            content = content[:-1]
        if joining is not None and joining[0] == depth:
            content = joining[1] + content
        elif joining is not None:
            out.append(_quoted(*joining))
        joining = (depth, content) if flowed else None
        if not flowed:
            out.append(_quoted(depth, content))
    if joining is not None:
        out.append(_quoted(*joining))
    return "\n".join(out)


def _quoted(depth: int, content: str) -> str:
    return (">" * depth + " " + content) if depth and content else ">" * depth + content


# --- Headers ---------------------------------------------------------------


def _clean(text: str) -> str:
    """Header text as a person reads it, whatever the sender's client did to it.

    Raw 8-bit bytes in a header (RFC 6532 UTF-8, or a client that never
    encoded them) reach us as surrogate escapes; C1 control characters come
    from "iso-8859-1" labels on windows-1252 text, as in bodies.
    """
    if any("\udc80" <= c <= "\udcff" for c in text):
        raw = text.encode("utf-8", "surrogateescape")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("windows-1252", errors="replace")
    return _fix_c1(text).replace("\x00", "")


def _fix_c1(text: str) -> str:
    """C1 control characters read as the windows-1252 characters they almost always are."""
    if not any("\x80" <= c <= "\x9f" for c in text):
        return text
    return "".join(
        bytes([ord(c)]).decode("windows-1252", errors="ignore") if "\x80" <= c <= "\x9f" else c
        for c in text
    )


def _raw_header(msg: Message, name: str) -> str:
    """The first *name* header as written (folding undone), "" when absent."""
    for key, value in msg.raw_items():
        if key.lower() == name:
            return _clean(re.sub(r"\r?\n[ \t]", " ", str(value)).strip())
    return ""


def _decoded_words(raw: str) -> str:
    try:
        return str(make_header(decode_header(raw)))
    except Exception:  # any RFC 2047 garbage: the raw text is still readable
        return raw


def _header_text(msg: Message, name: str, problems: list[UserMessage] | None = None) -> str:
    """An unstructured header (Subject) decoded; the raw text if decoding fails.

    A header longer than MAX_PARSED_HEADER is cut there (said in *problems*).
    """
    raw = _raw_header(msg, name)
    if len(raw) > MAX_PARSED_HEADER:
        if problems is not None:
            problems.append(
                user_message(
                    "Message", "The subject is too long to show whole; its beginning is shown."
                )
            )
        text = _decoded_words(raw[:MAX_PARSED_HEADER])
    else:
        try:
            value = msg[name]
            text = "" if value is None else str(value)
        except Exception:
            text = _decoded_words(raw)
    return " ".join(_clean(text).split())


def _usable(addr: str) -> bool:
    """An address, or a bare mailbox name without a domain ("From: foo", old local mail).

    A name without a domain stays visible (a reply to it is then refused by
    the address check, which names it): a sender never silently disappears.
    """
    local, at, domain = addr.rpartition("@")
    if not at:
        local = domain
    return bool(local and "<" not in addr and " " not in addr and (not at or domain))


def _legacy_pairs(msg: Message, name: str) -> list[tuple[str, str]]:
    """The lenient email.utils reading of an address header: (name, address) pairs."""
    try:
        return getaddresses([_decoded_words(_raw_header(msg, name))])
    except Exception:
        return []


def _addresses(msg: Message, name: str, problems: list[UserMessage]) -> tuple[Address, ...]:
    raw = _raw_header(msg, name)
    if not raw and msg.get(name) is None:
        return ()
    legacy_pairs = _legacy_pairs(msg, name)
    pairs: list[tuple[str, str]] = []
    if len(raw) > MAX_PARSED_HEADER:
        pairs, complete = legacy_pairs, True  # thousands of addresses: the linear reader
    else:
        try:
            header = msg[name]
            for item in getattr(header, "addresses", ()):
                pairs.append((str(item.display_name), str(item.addr_spec)))
            complete = True
        except Exception:
            pairs, complete = legacy_pairs, False
    # "addr (Name)", as old servers write it: the name sits in a comment the
    # modern parser does not read.
    legacy = {addr.lower(): display for display, addr in legacy_pairs if display}
    found: list[Address] = []
    for display, addr in pairs:
        display, addr = _clean(display), _clean(addr)
        if _usable(addr):
            found.append(Address(" ".join((display or legacy.get(addr.lower(), "")).split()), addr))
        else:
            complete = False
    # The lenient reading finding more addresses means the strict one lost some.
    complete = complete and len(found) >= sum(1 for _, addr in legacy_pairs if _usable(addr))
    if not complete and not _only_groups(msg, name):
        problems.append(_LOST_ADDRESSES[name])
    return tuple(found)


# One sentence per field: a translation cannot build "the %1 field" from a header name.
_LOST_ADDRESSES = {
    "from": user_message("Message", "The sender's address could not be read."),
    "sender": user_message("Message", "The sender's address could not be read."),
    "to": user_message("Message", "Some addresses in the To field could not be read."),
    "cc": user_message("Message", "Some addresses in the Cc field could not be read."),
    "reply-to": user_message("Message", "The reply address (Reply-To) could not be read."),
}


def _only_groups(msg: Message, name: str) -> bool:
    """Whether the header is an empty group such as "undisclosed-recipients:;"."""
    return bool(re.fullmatch(r"[^:<>@]*:\s*;?", _raw_header(msg, name)))


def _date(msg: Message, problems: list[UserMessage]) -> tuple[datetime | None, str]:
    raw = _raw_header(msg, "date")
    if not raw:
        return None, ""
    try:
        header = msg["date"]
        value = getattr(header, "datetime", None)
        if isinstance(value, datetime):
            if value.tzinfo is None:  # "-0000": the time is UTC, its place unknown
                value = value.replace(tzinfo=timezone.utc)
            value.astimezone(timezone.utc)  # out-of-range dates fail here, not later
            return value, raw
    except Exception:
        pass
    problems.append(
        user_message("Message", "The message's date could not be read; it is shown as written.")
    )
    return None, raw


def _unencoded(raw: str) -> str:
    """Message ids a sender's library wrongly wrapped in RFC 2047 encoded words, unwrapped."""
    return _decoded_words(raw) if "=?" in raw else raw


def _first_id(raw: str) -> str:
    raw = _unencoded(raw)
    match = _MSG_ID.search(raw)
    if match:
        return match.group(0)
    bare = raw.strip()
    return f"<{bare}>" if bare and not any(c.isspace() for c in bare) else ""


def _ids(raw: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_MSG_ID.findall(_unencoded(raw))))


# --- File names ------------------------------------------------------------


def safe_filename(name: str, content_type: str = "application/octet-stream") -> str:
    """*name* made safe to save: one path component, no control or reserved characters.

    Path separators, "..", control and format characters (a right-to-left
    override can make "gpj.exe" read as an image), characters Windows
    forbids and leading dots all go; a Windows device name (CON, aux.pdf,
    LPT9.doc) gets an underscore before it; an empty result becomes
    "attachment" with an extension guessed from *content_type*.
    """
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(
        c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")
    )
    name = _WINDOWS_RESERVED.sub("_", name)
    name = " ".join(name.split()).lstrip(".").rstrip(". ")
    if not name:
        extension = mimetypes.guess_extension(content_type, strict=False) or ".bin"
        name = "attachment" + extension
    if _WINDOWS_DEVICES.fullmatch(name.split(".", 1)[0].rstrip(" ")):
        name = "_" + name
    if len(name) > _MAX_FILENAME:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            name = stem[: _MAX_FILENAME - len(extension) - 1] + "." + extension
        else:
            name = name[:_MAX_FILENAME]
    return name


# --- Parts -----------------------------------------------------------------


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "application/octet-stream"


def _param(part: Message, name: str, header: str = "content-type") -> str:
    try:
        value = part.get_param(name, header=header)
    except Exception:
        return ""
    if isinstance(value, tuple):  # an RFC 2231 triple the policy left undecoded
        return str(collapse_rfc2231_value(value))
    return "" if value is None else str(value)


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    name = name or _param(part, "name")
    return _decoded_words(name) if "=?" in name else name


def _lenient_base64(text: str) -> bytes:
    """What can be saved of base64 that the standard decoder gave up on."""
    alphabet = re.sub(r"[^A-Za-z0-9+/]", "", text)
    if len(alphabet) % 4 == 1:  # one lone character cannot be decoded: drop it
        alphabet = alphabet[:-1]
    try:
        return base64.b64decode(alphabet + "=" * (-len(alphabet) % 4))
    except (binascii.Error, ValueError):
        return b""


_BROKEN_ENCODING = (
    errors.InvalidBase64CharactersDefect,
    errors.InvalidBase64PaddingDefect,
    errors.InvalidBase64LengthDefect,
)


def _payload(part: Message) -> tuple[bytes, bool]:
    """The decoded bytes of a leaf part, and whether its transfer encoding was damaged."""
    before = len(part.defects)
    data = part.get_payload(decode=True)
    new = part.defects[before:]
    if not isinstance(data, bytes):
        data = b""
    damaged = any(isinstance(defect, _BROKEN_ENCODING) for defect in new)
    if any(isinstance(defect, errors.InvalidBase64LengthDefect) for defect in new):
        raw = part.get_payload(decode=False)
        data = _lenient_base64(raw if isinstance(raw, str) else "")
    return data, damaged


def _transfer_decoded(data: bytes, encoding: str) -> bytes:
    if encoding == "base64":
        return _lenient_base64(data.decode("ascii", errors="ignore"))
    return quopri.decodestring(data)


def _serialized(message: Message) -> bytes:
    return message.as_bytes(policy=_GENERATOR_POLICY)


class _Reader:
    """Walks one message's MIME tree, gathering its text, attachments and problems."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.from_html = False
        self.attachments: list[Attachment] = []
        self.problems: list[UserMessage] = []

    def part(self, part: Message, depth: int, text_wanted: bool = True) -> None:
        if depth > _MAX_DEPTH:
            self.problems.append(
                user_message("Message", "Parts nested too deeply in the message were left out.")
            )
            return
        try:
            self._part(part, depth, text_wanted)
        except Exception:
            self.problems.append(
                user_message("Message", "A part of the message could not be read and is left out.")
            )

    def _part(self, part: Message, depth: int, text_wanted: bool) -> None:
        ctype = _content_type(part)
        self._structure_problems(part)
        if ctype.startswith("message/") or ctype == "text/rfc822-headers":
            self._attach_message(part, ctype)
        elif part.is_multipart():
            children = [c for c in part.get_payload() if isinstance(c, Message)]
            if ctype == "multipart/alternative":
                self._alternative(children, depth, text_wanted)
            else:
                for child in children:
                    self.part(child, depth + 1, text_wanted)
        elif self._is_text(part, ctype):
            if text_wanted:
                self._text(part, ctype)
        elif ctype.startswith("multipart/"):
            # Its boundary was never found: the parts run together as one text.
            if text_wanted:
                self._text(part, "text/plain")
        elif text_wanted or ctype not in ("text/plain", "text/html"):
            self._attach(part, ctype)

    def _structure_problems(self, part: Message) -> None:
        for defect in part.defects:
            if isinstance(defect, errors.CloseBoundaryNotFoundDefect):
                self.problems.append(
                    user_message(
                        "Message",
                        "The message ends before its last part is complete; it may have been "
                        "cut off.",
                    )
                )
            elif isinstance(
                defect, (errors.StartBoundaryNotFoundDefect, errors.NoBoundaryInMultipartDefect)
            ):
                self.problems.append(
                    user_message(
                        "Message",
                        "The parts of the message could not be told apart; it is shown as "
                        "one text.",
                    )
                )

    @staticmethod
    def _is_text(part: Message, ctype: str) -> bool:
        """Text to show: not marked as an attachment, and inline or without a file name.

        A part marked inline is shown even when it carries a file name (some
        clients name every part): it is the text the sender meant to be read.
        """
        if ctype not in ("text/plain", "text/html"):
            return False
        disposition = _disposition(part)
        return disposition == "inline" or (disposition != "attachment" and not _filename(part))

    def _alternative(self, children: list[Message], depth: int, text_wanted: bool) -> None:
        """The plain-text version when it says something, else the richest other one."""
        chosen: Message | None = None
        if text_wanted:
            order = sorted(
                range(len(children)),
                key=lambda i: (_content_type(children[i]) != "text/plain", -i),
            )
            for index in order:
                before = (len(self.texts), len(self.attachments), len(self.problems))
                from_html = self.from_html
                self.part(children[index], depth + 1)
                if any(t.strip() for t in self.texts[before[0] :]):
                    chosen = children[index]
                    break
                # Nothing readable there: forget what it gave, try the next.
                del self.texts[before[0] :]
                del self.attachments[before[1] :]
                del self.problems[before[2] :]
                self.from_html = from_html
        for child in children:
            if child is not chosen:
                # The other versions still carry files (the images of an HTML version).
                self.part(child, depth + 1, text_wanted=False)

    def _text(self, part: Message, ctype: str) -> None:
        data, damaged = _payload(part)
        if damaged:
            self.problems.append(
                user_message(
                    "Message",
                    "Part of the message text was damaged in transit; what could be read is shown.",
                )
            )
        text = _decode_text(data, _param(part, "charset"), self.problems)
        if ctype == "text/html":
            text = html_to_text(text)
            self.from_html = True
        elif _param(part, "format").lower() == "flowed":
            text = _unflow(text, _param(part, "delsp").lower() == "yes")
        self.texts.append(text.strip("\n"))

    def _attach(self, part: Message, ctype: str) -> None:
        data, damaged = _payload(part)
        name = safe_filename(_filename(part), ctype)
        if damaged:
            self.problems.append(
                user_message(
                    "Message",
                    "The attachment %1 was damaged in transit; it may not open.",
                ).arg(name)
            )
        content_id = _first_id(_raw_header(part, "content-id"))
        self.attachments.append(Attachment(name, ctype, data, content_id))

    def _attach_message(self, part: Message, ctype: str) -> None:
        payload = part.get_payload()
        if isinstance(payload, list):
            data = b"".join(_serialized(m) for m in payload if isinstance(m, Message))
            inner = payload[0] if payload and isinstance(payload[0], Message) else None
            encoding = _raw_header(part, "content-transfer-encoding").lower()
            if encoding in ("base64", "quoted-printable"):
                # RFC 2046 forbids it, yet clients (and Python's email) send it:
                # the parser took the encoded text for a message without headers.
                data = _transfer_decoded(data, encoding)
                inner = BytesParser(policy=policy.default).parsebytes(data, headersonly=True)
        else:  # sent base64-encoded, or a text the parser left as it was
            data, _ = _payload(part)
            inner = None
        name = _filename(part)
        if not name and ctype == "message/rfc822":
            subject = _header_text(inner, "subject") if inner is not None else ""
            name = (subject[:80] or "message") + ".eml"
        elif not name and ctype in ("message/delivery-status", "text/rfc822-headers"):
            name = "delivery-status.txt" if ctype.endswith("status") else "headers.txt"
        self.attachments.append(Attachment(safe_filename(name, ctype), ctype, data))


# --- Whole messages ---------------------------------------------------------


def _strip_envelope(data: bytes) -> bytes:
    """*data* without a byte-order mark, leading blank lines or an mbox "From " line."""
    data = data.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n")
    if data.startswith(b"From "):
        end = data.find(b"\n")
        data = b"" if end < 0 else data[end + 1 :]
    return data


def _looks_like_mail(msg: Message) -> bool:
    return any(key.lower() in _MAIL_HEADERS for key, _ in msg.raw_items())


def parse_message(data: bytes) -> OpenedMessage:
    """The message held in *data* (the bytes of an .eml file or one mbox entry)."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise MessageUnreadable(
            user_message("Message", "The message is larger than %1 MB, too large to open.").arg(
                MAX_MESSAGE_BYTES >> 20
            )
        )
    # Each part costs the email package about a third of a millisecond: 60,000
    # of them would take 20 s. A line starting with "--" is a boundary or rare.
    if data.count(b"\n--") > MAX_PARTS:
        raise MessageUnreadable(
            user_message("Message", "The message has more than %1 parts, too many to open.").arg(
                str(MAX_PARTS)
            )
        )
    try:
        msg = BytesParser(policy=policy.default).parsebytes(_strip_envelope(data))
        if not _looks_like_mail(msg):
            return _plain_text_file(data)
        return _opened(msg)
    except MessageUnreadable:
        raise
    except RecursionError:  # the email package parses nested parts recursively
        raise MessageUnreadable(
            user_message("Message", "The message's parts are nested too deeply to be read.")
        ) from None
    except Exception:  # a parser bug on a hostile message: still no crash
        raise MessageUnreadable(
            user_message("Message", "The file could not be read as an email message.")
        ) from None


def _plain_text_file(data: bytes) -> OpenedMessage:
    """A file without mail headers shown as the text it is, with a note; refused if not text.

    A message saved by hand, or a forward pasted into a file, still reads;
    bytes that are no text at all (a picture, a program) are refused.
    """
    sample = data[:4096]
    printable = sum(1 for b in sample if b >= 0x20 or b in b"\t\r\n\f")
    if not data.strip() or b"\x00" in sample or printable < 0.95 * len(sample):
        raise MessageUnreadable(
            user_message("Message", "The file is not an email message: it has no mail headers.")
        )
    problems: list[UserMessage] = [
        user_message("Message", "This file has no mail headers: it is shown as plain text.")
    ]
    body = _decode_text(_strip_envelope(data), "", problems).strip("\n")
    return OpenedMessage(body=body, problems=tuple(problems))


def _opened(msg: Message) -> OpenedMessage:
    reader = _Reader()
    problems = reader.problems
    date, date_text = _date(msg, problems)
    senders = _addresses(msg, "from", problems) or _addresses(msg, "sender", problems)
    opened = OpenedMessage(
        subject=_header_text(msg, "subject", problems),
        sender=senders[0] if senders else None,
        to=_addresses(msg, "to", problems),
        cc=_addresses(msg, "cc", problems),
        reply_to=_addresses(msg, "reply-to", problems),
        date=date,
        date_text=date_text,
        message_id=_first_id(_raw_header(msg, "message-id")),
        in_reply_to=_first_id(_raw_header(msg, "in-reply-to")),
        references=_ids(_raw_header(msg, "references")),
    )
    reader.part(msg, 0)
    body = "\n\n".join(text for text in reader.texts if text.strip())
    return replace(
        opened,
        body=body,
        body_from_html=reader.from_html and bool(body),
        attachments=tuple(reader.attachments),
        problems=tuple(dict.fromkeys(problems)),
    )


def read_message(path: Path) -> OpenedMessage:
    """The message in the file at *path*; MessageUnreadable says why there is none."""
    shown = str(path)
    try:
        fd = open_regular(path)
    except FileNotFoundError:
        raise MessageUnreadable(
            user_message("Message", "There is no file %1.").arg(shown)
        ) from None
    except (IsADirectoryError, NotRegularFileError):
        if os.path.isdir(path):
            raise MessageUnreadable(
                user_message("Message", "%1 is a folder, not an email message.").arg(shown)
            ) from None
        raise MessageUnreadable(
            user_message("Message", "%1 is not a regular file, so it cannot be opened.").arg(shown)
        ) from None
    except PermissionError:
        raise MessageUnreadable(
            user_message("Message", "You are not allowed to read %1.").arg(shown)
        ) from None
    except (OSError, ValueError) as exc:
        raise MessageUnreadable(
            user_message("Message", "%1 could not be read (%2).").arg(
                shown, getattr(exc, "strerror", None) or type(exc).__name__
            )
        ) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_MESSAGE_BYTES + 1)
    except OSError as exc:
        raise MessageUnreadable(
            user_message("Message", "%1 could not be read (%2).").arg(
                shown, exc.strerror or type(exc).__name__
            )
        ) from None
    if not data.strip():
        raise MessageUnreadable(user_message("Message", "%1 is empty.").arg(shown))
    return parse_message(data)
