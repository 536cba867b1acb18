"""Sent messages kept as private .eml files with readable, unique names."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timezone

from composer.mail.drafts import Draft
from composer.mail.outgoing import build_message
from composer.mail.sent import FIELD_CHARS, keep_sent, sent_copies, slug


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


def test_the_list_is_newest_first_with_decoded_headers(tmp_path):
    for day, subject in ((1, "First"), (3, "Third: café"), (2, "Second")):
        when = datetime(2026, 11, day, 9, 0, 0, tzinfo=timezone.utc)
        draft = Draft(to="Zoë <zoe@b.example>", subject=subject)
        keep_sent(build_message(draft, None, now=when), tmp_path)
    copies = sent_copies(tmp_path)
    assert [c.subject for c in copies] == ["Third: café", "Second", "First"]
    assert copies[0].to == "Zoë <zoe@b.example>"
    assert copies[0].sent == datetime(2026, 11, 3, 9, 0, 0, tzinfo=timezone.utc)


def test_the_list_is_bounded_and_reads_only_the_head_of_each_file(tmp_path):
    folder = tmp_path / "sent"
    folder.mkdir()
    for n in range(30):
        (folder / f"2026-11-01-0000{n:02d}-x.eml").write_bytes(b"Subject: n\r\n\r\nbody")
    assert len(sent_copies(tmp_path, limit=10)) == 10
    # A huge "copy": only its head is read; a header without an end is cut for the list.
    (folder / "2026-12-31-235959-huge.eml").write_bytes(b"Subject: " + b"A" * (8 << 20))
    newest = sent_copies(tmp_path, limit=1)[0]
    assert len(newest.subject) <= FIELD_CHARS


def test_what_is_not_a_message_file_is_left_out(tmp_path):
    folder = tmp_path / "sent"
    folder.mkdir()
    (folder / "2026-11-02-000000-dir.eml").mkdir()
    (folder / "2026-11-03-000000-link.eml").symlink_to("/etc/passwd")
    os.mkfifo(folder / "2026-11-04-000000-fifo.eml")  # opening it would wait for ever
    (folder / "notes.txt").write_text("not a copy")
    (folder / "2026-11-01-000000-ok.eml").write_bytes(
        b"Subject: =?utf-8?q?broken\r\nTo: \x00\x01x@y\r\nDate: not a date\r\n\r\n"
    )
    [only] = sent_copies(tmp_path)
    assert only.path.name == "2026-11-01-000000-ok.eml"
    assert only.sent is None


def test_no_folder_is_an_empty_list(tmp_path):
    assert sent_copies(tmp_path) == []
