"""The draft on disk: atomic, restorable, and never silently overwritten when unreadable."""

from __future__ import annotations

from composer.mail.drafts import Draft, DraftStore


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


def test_unreadable_draft_is_kept_aside(tmp_path):
    store = DraftStore(tmp_path)
    store.path.write_text('{"body": "half a mess')
    assert store.load() is None
    assert [p.read_text() for p in tmp_path.glob("current-draft.unreadable-*.json")] == [
        '{"body": "half a mess'
    ]
