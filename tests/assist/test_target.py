"""Targets: selection vs whole body, edits elsewhere shift, edits inside go stale."""

from __future__ import annotations

import pytest

from composer.assist.target import StaleTarget, Target, py_to_qt, qt_to_py

BODY = "Hello Anna,\n\nteh report is late.\n\nBest,\nTom"
SEL = (13, 32)  # "teh report is late."


def test_selection_snapshot():
    target = Target.selection(BODY, *SEL)
    assert target.original == "teh report is late."
    assert not target.whole_body
    assert Target.selection(BODY, 32, 13) == target  # backwards selections too


def test_empty_selection_means_whole_body():
    target = Target.selection(BODY, 5, 5)
    assert target.whole_body and target.original == BODY


def test_unchanged_document_is_not_stale_and_apply_keeps_the_rest():
    target = Target.selection(BODY, *SEL)
    assert not target.is_stale(BODY)
    result = target.apply(BODY, "The report is late.")
    assert result == "Hello Anna,\n\nThe report is late.\n\nBest,\nTom"


def test_edit_before_the_selection_shifts_it():
    target = Target.selection(BODY, *SEL)
    edited = BODY.replace("Hello Anna,", "Dear Anna Smith,")
    assert target.locate(edited) == (SEL[0] + 5, SEL[1] + 5)
    assert target.apply(edited, "X") == "Dear Anna Smith,\n\nX\n\nBest,\nTom"


def test_edit_after_the_selection_keeps_it():
    target = Target.selection(BODY, *SEL)
    edited = BODY + "\nPS: call me"
    assert target.apply(edited, "X") == "Hello Anna,\n\nX\n\nBest,\nTom\nPS: call me"


def test_typing_right_after_the_selection_is_kept():
    target = Target.selection(BODY, *SEL)
    edited = BODY.replace("late.", "late. Sorry!")
    assert target.apply(edited, "X") == "Hello Anna,\n\nX Sorry!\n\nBest,\nTom"


def test_edits_on_both_sides_of_a_unique_selection():
    target = Target.selection(BODY, *SEL)
    edited = "Dear Anna,\n\nteh report is late.\n\nCheers,\nTom"
    assert target.apply(edited, "X") == "Dear Anna,\n\nX\n\nCheers,\nTom"


def test_edits_on_both_sides_of_a_repeated_text_go_stale():
    body = "ok\nyes\nok"
    second_ok = Target.selection(body, 7, 9)
    assert second_ok.locate("OK, fine\nyes\nok") == (13, 15)  # edit before only: shifted
    # Edits before and after, and "ok" occurs twice: which one was meant cannot be told.
    assert second_ok.is_stale("ok\nyes!\nok.")


def test_edit_inside_the_selection_is_stale():
    target = Target.selection(BODY, *SEL)
    edited = BODY.replace("teh report", "the report")
    assert target.is_stale(edited)
    with pytest.raises(StaleTarget) as info:
        target.apply(edited, "X")
    assert "edited this text" in str(info.value) and "again" in str(info.value)


def test_deleting_the_selection_is_stale():
    target = Target.selection(BODY, *SEL)
    assert target.is_stale(BODY.replace("teh report is late.", ""))


def test_whole_body_is_stale_on_any_edit():
    target = Target.whole(BODY)
    assert not target.is_stale(BODY)
    assert target.is_stale(BODY + " ")
    assert target.apply(BODY, "New body") == "New body"


def test_insertion_point_target():
    body = "On Tue, Anna wrote:\n> Hi?"
    target = Target.span(body, 0, 0)
    assert target.original == "" and not target.whole_body
    assert target.apply(body, "Hello!\n\n") == "Hello!\n\nOn Tue, Anna wrote:\n> Hi?"
    # Edits below the insertion point move nothing.
    assert target.apply(body + " Yes.", "A\n\n") == "A\n\nOn Tue, Anna wrote:\n> Hi? Yes."


def test_qt_positions_count_utf16_units():
    text = "a😀b"
    assert py_to_qt(text, 2) == 3 and qt_to_py(text, 3) == 2
    assert py_to_qt(text, 3) == 4 and qt_to_py(text, 4) == 3
    assert qt_to_py(text, 1) == 1 and py_to_qt(text, 0) == 0


def test_after_edit_follows_the_edited_target():
    document = "Hello Tom,\n\nthe report is late.\n\nBest, Anna"
    start = document.index("the report")
    target = Target.span(document, start, start + len("the report is late."))
    edited = document.replace("is late", "is very late")
    moved = target.after_edit(edited)
    assert moved.original == "the report is very late."
    shortened = target.after_edit(document.replace("the report is late.", "late."))
    assert shortened.original == "late."
    # An edit before the target moves it; the target text itself is kept.
    earlier = target.after_edit("Hi" + document[5:])
    assert earlier.original.endswith("the report is late.")
