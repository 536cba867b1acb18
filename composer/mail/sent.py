"""Copies of sent messages: .eml files in the private Sent folder (data/sent, 0700, files 0600)."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

from composer.fileio import make_private_dir
from composer.mail.outgoing import save_eml

SLUG_LENGTH = 40


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
