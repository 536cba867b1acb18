"""Sent messages kept as private .eml files with readable, unique names."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timezone

from composer.mail.drafts import Draft
from composer.mail.outgoing import build_message
from composer.mail.sent import keep_sent, slug


def test_kept_private_and_unique(tmp_path):
    now = datetime(2026, 11, 28, 7, 5, 9, tzinfo=timezone.utc)
    message = build_message(Draft(to="a@b.example", subject="Réunion: lundi?"), None, now=now)
    first = keep_sent(message, tmp_path)
    second = keep_sent(message, tmp_path)
    assert first.name == "2026-11-28-070509-reunion-lundi.eml"
    assert second.name == "2026-11-28-070509-reunion-lundi-2.eml"
    assert stat.S_IMODE(os.stat(tmp_path / "sent").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600
    assert first.read_bytes() == second.read_bytes()


def test_slug():
    assert slug("") == "no-subject"
    assert slug("日本語") == "no-subject"
    assert slug("  Hello, World!  ") == "hello-world"
    assert len(slug("x" * 200)) == 40
