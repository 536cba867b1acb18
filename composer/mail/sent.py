"""Copies of sent messages: .eml files in the private Sent folder (data/sent, 0700, files 0600).

File > Sent lists them newest first from their headers alone; each file is
read as someone else's would be (a bounded head, a regular file only), since
anything with access to the folder may have put it there.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from composer.fileio import make_private_dir
from composer.mail.outgoing import save_eml

SLUG_LENGTH = 40
LIST_LIMIT = 500  # the newest copies File > Sent lists (older ones stay in the folder)
HEAD_BYTES = 64 * 1024  # of each file: the headers of a message we wrote fit many times over
FIELD_CHARS = 300  # a header shown in the list is cut there (the window shows it whole)


@dataclass(frozen=True)
class SentCopy:
    """One kept copy as File > Sent lists it."""

    path: Path
    subject: str
    to: str
    sent: datetime | None  # None: no readable Date header


def sent_folder(data_folder: Path) -> Path:
    return data_folder / "sent"


def slug(subject: str) -> str:
    """A short, file-name-safe form of *subject* ("no-subject" when nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", subject).encode("ascii", "ignore").decode()
    words = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return words[:SLUG_LENGTH].rstrip("-") or "no-subject"


def _moment(message: EmailMessage) -> datetime:
    try:
        return parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError):
        return datetime.now().astimezone()


def keep_sent(message: EmailMessage, data_folder: Path) -> Path:
    """Save *message* in the Sent folder under a new name (date, time, subject); its path."""
    folder = make_private_dir(sent_folder(data_folder))
    stem = f"{_moment(message):%Y-%m-%d-%H%M%S}-{slug(str(message['Subject'] or ''))}"
    path = folder / f"{stem}.eml"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.eml"
        number += 1
    save_eml(message, path)
    return path


def _field(headers: EmailMessage, name: str) -> str:
    try:
        value = str(headers.get(name, "") or "")
    except (TypeError, ValueError, IndexError):  # a malformed encoded word
        return ""
    value = " ".join(value.split())  # no line breaks or control runs in a list row
    return value[:FIELD_CHARS]


def _read_copy(path: Path) -> SentCopy | None:
    """The headers of one copy; None for what is not a readable regular file."""
    try:
        # Not followed if it became a link, not waited on if it became a pipe.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    end = head.find(b"\r\n\r\n")
    end = head.find(b"\n\n") if end < 0 else end
    headers = BytesHeaderParser(policy=policy.default).parsebytes(head[: end if end >= 0 else None])
    try:
        sent: datetime | None = parsedate_to_datetime(str(headers.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        sent = None
    return SentCopy(path, _field(headers, "Subject"), _field(headers, "To"), sent)


def sent_copies(data_folder: Path, limit: int = LIST_LIMIT) -> list[SentCopy]:
    """The newest *limit* copies in the Sent folder, newest first (by their file names' time)."""
    folder = sent_folder(data_folder)
    try:
        names = [
            entry.name
            for entry in os.scandir(folder)
            if entry.name.endswith(".eml") and entry.is_file(follow_symlinks=False)
        ]
    except OSError:
        return []
    names.sort(reverse=True)  # keep_sent names them "YYYY-MM-DD-HHMMSS-subject.eml"
    copies = (_read_copy(folder / name) for name in names[:limit])
    return [copy for copy in copies if copy is not None]
