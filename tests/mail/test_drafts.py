"""The draft on disk: atomic, restorable, and never silently overwritten when unreadable."""

from __future__ import annotations

import os

import pytest

from composer.mail.drafts import (
    Draft,
    DraftStore,
    DraftUnreadable,
    orphaned_drafts,
    own_draft_name,
    remove_stale_temporaries,
)


def test_round_trip_and_clear(tmp_path):
    store = DraftStore(tmp_path)
    draft = Draft(to="anna@example.com", subject="Friday", body="Merci pour vendredi ✉️\n\nÀ mardi")
    store.save(draft)
    assert store.load() == draft
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".draft-")]
    store.clear()
    assert store.load() is None


def test_empty_message_leaves_no_file(tmp_path):
    store = DraftStore(tmp_path)
    store.save(Draft(body="x"))
    store.save(Draft(body="   "))
    assert not store.path.exists()


@pytest.mark.parametrize(
    "content", ['{"body": "half a mess', "[1, 2]", '{"body": 3}', '{"unrelated": "x"}', "\udcff"]
)
@pytest.mark.allow_log("composer.mail.drafts", "WARNING", match="unreadable")
def test_unreadable_or_wrong_shape_draft_is_kept_aside_and_reported(tmp_path, content):
    store = DraftStore(tmp_path)
    store.path.write_text(content, errors="surrogateescape")
    with pytest.raises(DraftUnreadable) as raised:
        store.load()
    kept = list(tmp_path.glob("current-draft.unreadable-*.json"))
    assert raised.value.kept_as == kept[0]
    assert [p.read_bytes() for p in kept] == [content.encode(errors="surrogateescape")]
    assert not store.path.exists()  # the next save cannot overwrite it


def test_files_are_private_and_stale_temporaries_go(tmp_path):
    folder = tmp_path / "drafts"
    store = DraftStore(folder)
    store.save(Draft(body="secret"))
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700
        assert store.path.stat().st_mode & 0o777 == 0o600
    stale = folder / ".current-draft.json-x1.tmp"
    stale.write_text("{}")
    os.utime(stale, (1, 1))
    unrelated = folder / "notes.tmp"  # not one of ours
    unrelated.write_text("")
    os.utime(unrelated, (1, 1))
    assert remove_stale_temporaries(folder) == 1
    assert not stale.exists() and unrelated.exists() and store.path.exists()


def test_orphans_are_drafts_of_processes_that_are_gone(tmp_path):
    DraftStore(tmp_path, own_draft_name(1)).save(Draft(body="mine, still running"))
    DraftStore(tmp_path, "draft-4194999-2.json").save(Draft(body="left behind"))
    assert [s.load().body for s in orphaned_drafts(tmp_path)] == ["left behind"]
