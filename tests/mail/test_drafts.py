"""The draft on disk: atomic, restorable, and never silently overwritten when unreadable."""

from __future__ import annotations

import os

import pytest

from composer.mail.drafts import (
    Draft,
    DraftStore,
    DraftUnreadable,
    migrate_legacy_drafts,
    new_draft_name,
    remove_stale_temporaries,
    saved_drafts,
)

NAME = "0123456789abcdef0123456789abcdef.json"


def test_round_trip_and_clear(tmp_path):
    store = DraftStore(tmp_path, NAME)
    draft = Draft(to="anna@example.com", subject="Friday", body="Merci pour vendredi ✉️\n\nÀ mardi")
    store.save(draft)
    assert store.load() == draft
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".draft-")]
    store.clear()
    assert store.load() is None


def test_empty_message_leaves_no_file(tmp_path):
    store = DraftStore(tmp_path, NAME)
    store.save(Draft(body="x"))
    store.save(Draft(body="   "))
    assert not store.path.exists()


@pytest.mark.parametrize(
    "content", ['{"body": "half a mess', "[1, 2]", '{"body": 3}', '{"unrelated": "x"}', "\udcff"]
)
@pytest.mark.allow_log("composer.mail.drafts", "WARNING", match="unreadable")
def test_unreadable_or_wrong_shape_draft_is_kept_aside_and_reported(tmp_path, content):
    store = DraftStore(tmp_path, NAME)
    store.path.write_text(content, errors="surrogateescape")
    with pytest.raises(DraftUnreadable) as raised:
        store.load()
    kept = list(tmp_path.glob("0123456789abcdef0123456789abcdef.unreadable-*.json"))
    assert raised.value.kept_as == kept[0]
    assert [p.read_bytes() for p in kept] == [content.encode(errors="surrogateescape")]
    assert not store.path.exists()  # the next save cannot overwrite it


def test_files_are_private_and_stale_temporaries_go(tmp_path):
    folder = tmp_path / "drafts"
    store = DraftStore(folder, NAME)
    store.save(Draft(body="secret"))
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700
        assert store.path.stat().st_mode & 0o777 == 0o600
    stale = folder / f".{NAME}-x1.tmp"
    stale.write_text("{}")
    os.utime(stale, (1, 1))
    unrelated = folder / "notes.tmp"  # not one of ours
    unrelated.write_text("")
    os.utime(unrelated, (1, 1))
    assert remove_stale_temporaries(folder) == 1
    assert not stale.exists() and unrelated.exists() and store.path.exists()


def test_every_draft_is_listed_newest_first_unreadable_ones_too(tmp_path):
    older, newer, damaged = new_draft_name(), new_draft_name(), new_draft_name()
    DraftStore(tmp_path, older).save(Draft(subject="older"))
    DraftStore(tmp_path, newer).save(Draft(subject="newer"))
    (tmp_path / damaged).write_text("{not json")
    os.utime(tmp_path / older, (1000, 1000))
    os.utime(tmp_path / damaged, (500, 500))
    (tmp_path / "notes.json").write_text("{}")  # not a draft's name
    found = saved_drafts(tmp_path)
    assert [s.name for s in found] == [newer, older, damaged]
    assert [s.draft.subject if s.draft else None for s in found] == ["newer", "older", None]
    assert (tmp_path / damaged).exists()  # listing moves nothing


def test_drafts_of_earlier_versions_get_new_names(tmp_path):
    (tmp_path / "current-draft.json").write_text('{"body": "main"}')
    (tmp_path / "draft-4194999-1.json").write_text('{"body": "gone"}')
    alive = tmp_path / f"draft-{os.getpid()}-1.json"  # its instance still runs
    alive.write_text('{"body": "alive"}')
    assert migrate_legacy_drafts(tmp_path) == 2
    assert sorted(s.draft.body for s in saved_drafts(tmp_path)) == ["gone", "main"]
    assert alive.exists()


def test_a_forwards_copies_go_with_its_draft_and_nothing_else_does(tmp_path):
    from composer.mail.drafts import FORWARDED_FOLDER, remove_forwarded_copies

    one = tmp_path / FORWARDED_FOLDER / "f1"
    one.mkdir(parents=True)
    (one / "a.pdf").write_bytes(b"a")
    (one / "b.pdf").write_bytes(b"b")
    users_own = tmp_path / "mine.pdf"
    users_own.write_bytes(b"mine")
    draft = Draft(body="x", attachments=(str(one / "a.pdf"), str(users_own)))
    assert remove_forwarded_copies(draft, tmp_path) == 1
    assert not (one / "a.pdf").exists() and (one / "b.pdf").exists() and users_own.exists()
    assert remove_forwarded_copies(Draft(attachments=(str(one / "b.pdf"),)), tmp_path) == 1
    assert not one.exists()  # its folder, once empty
    assert remove_forwarded_copies(None, tmp_path) == 0


@pytest.mark.allow_log("composer.mail.drafts", "WARNING", match="unreadable")
def test_a_fifo_in_place_of_a_draft_is_kept_aside_not_waited_on(tmp_path):
    from helpers.fifo import make_fifo, without_blocking

    store = DraftStore(tmp_path, NAME)
    make_fifo(store.path)
    listed = without_blocking(lambda: saved_drafts(tmp_path), [store.path])
    assert [(s.name, s.draft) for s in listed] == [(NAME, None)]  # listed, unreadable
    assert without_blocking(store.peek, [store.path]) is None
    with pytest.raises(DraftUnreadable) as raised:
        without_blocking(store.load, [store.path])
    assert raised.value.kept_as is not None and raised.value.kept_as.exists()
    assert not store.path.exists()
    store.save(Draft(body="new"))
    assert store.load() == Draft(body="new")


@pytest.mark.allow_log("composer.mail.drafts", "WARNING", match="unreadable")
def test_a_draft_file_over_the_bound_is_kept_aside(tmp_path, monkeypatch):
    from composer.mail import drafts

    monkeypatch.setattr(drafts, "MAX_DRAFT_BYTES", 1000)  # the real bound is 64 MB
    store = DraftStore(tmp_path, NAME)
    store.save(Draft(body="x" * 2000))
    with pytest.raises(DraftUnreadable):
        store.load()
    assert store.peek() is None
