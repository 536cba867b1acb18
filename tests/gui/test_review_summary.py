"""The review's summary line says nothing false: no "0 changes" while reading, no count for a new text."""

from __future__ import annotations

import pytest
from helpers.review import finish, start_review, stream
from PySide6.QtWidgets import QLabel

from composer.gui.widgets.review_view import ReviewView


@pytest.fixture
def view(qtbot):
    widget = ReviewView()
    qtbot.addWidget(widget)
    return widget


def _summary(view: ReviewView) -> str:
    return view.findChild(QLabel, "reviewSummary").text()


def test_no_change_count_while_the_email_is_still_being_read(view):
    start_review(view, "I has the report for our meeting.")  # nothing written yet: reading
    assert view.session.streaming
    assert _summary(view) == ""
    stream(view, "I have")
    assert _summary(view) != ""  # writing now: the count may show


def test_a_fresh_draft_is_not_counted_as_changes(view):
    start_review(view, "")  # an empty message: the draft is new text
    stream(view, "Hi Tom,\n\nthanks for Friday.\n")
    writing = _summary(view)
    finish(view)
    done = _summary(view)
    untranslated_count = view.tr("%1 of %n changes ticked", "", 1).replace("%1", "1")
    assert done != untranslated_count and done == ""
    assert writing == view.tr("Writing…")
