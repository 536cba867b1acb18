"""ReviewSession: versions, changes with their kind and ticked state, what accepting yields."""

from __future__ import annotations

from composer.assist.review import ChangeKind
from composer.assist.review_session import ReviewSession

ORIGINAL = "I has teh report ready for our meeting."
SUGGESTION = "I have the report ready for the meeting."


def streamed(session: ReviewSession, text: str, piece: int = 5) -> None:
    session.add_version()
    for i in range(0, len(text), piece):
        session.append(text[i : i + piece])
    session.finish()


def test_a_finished_version_lists_its_changes_all_ticked():
    session = ReviewSession(ORIGINAL)
    streamed(session, SUGGESTION)
    reviewed = session.reviewed_changes()
    assert [r.change.old_text for r in reviewed] == ["has teh", "our"]
    assert [r.change.kind for r in reviewed] == [ChangeKind.REPLACE, ChangeKind.REPLACE]
    assert all(r.ticked for r in reviewed)
    assert reviewed[0].description == "Replaced “has teh” with “have the”"
    assert session.all_changes_text() == SUGGESTION
    assert session.ticked_text() == SUGGESTION


def test_unticking_keeps_the_original_words_exactly():
    session = ReviewSession(ORIGINAL)
    streamed(session, SUGGESTION)
    assert session.set_ticked(1, False)
    assert session.ticked() == {0}
    assert session.ticked_text() == "I have the report ready for our meeting."
    assert session.all_changes_text() == SUGGESTION  # "Accept all" still takes every change


def test_nothing_can_be_chosen_or_accepted_while_streaming():
    session = ReviewSession(ORIGINAL)
    session.add_version()
    session.append("I have the")
    assert session.streaming and not session.can_accept
    assert not session.set_ticked(0, False)
    session.finish()
    assert session.can_accept


def test_versions_keep_their_own_choices_and_cannot_be_browsed_while_one_streams():
    session = ReviewSession(ORIGINAL)
    streamed(session, SUGGESTION)
    session.set_ticked(0, False)
    session.add_version()
    assert not session.show_version(0)  # the new one is still being written
    session.append("I have teh report ready for our meeting.")
    session.finish()
    assert session.version_count == 2 and session.ticked() == {0}
    assert session.show_version(0)
    assert session.ticked() == {1}  # the first version's choice came back
    assert session.current_text() == SUGGESTION


def test_an_empty_regenerate_is_dropped_and_the_last_real_version_shows():
    session = ReviewSession(ORIGINAL)
    streamed(session, SUGGESTION)
    session.add_version()
    session.finish()  # stopped before any text
    assert session.drop_empty_current()
    assert session.version_count == 1 and session.current_text() == SUGGESTION
    assert not session.drop_empty_current()  # a real version is never dropped


def test_proofreading_keeps_each_fix_apart_and_explains_it():
    session = ReviewSession(ORIGINAL, proofreading=True, language="en")
    streamed(session, SUGGESTION)
    descriptions = session.descriptions()
    assert len(descriptions) == len(session.changes()) == 3  # has, teh, our: each its own
    assert any("teh" in text and "the" in text for text in descriptions)


def test_a_brand_new_text_is_one_insertion():
    session = ReviewSession("")
    streamed(session, "Hi Anna,\n\nTuesday works.")
    (only,) = session.reviewed_changes()
    assert only.change.kind is ChangeKind.INSERT
    assert session.ticked_text() == "Hi Anna,\n\nTuesday works."
