"""The review's summary line says nothing false: no "0 changes" while reading, no count for a new text."""

from __future__ import annotations

import pytest
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
    view.set_original("I has the report for our meeting.")
    view.add_version()  # streaming, nothing written yet: the model is reading
    assert view.is_streaming()
    assert _summary(view) == ""
    view.append_to_current("I have")
    assert _summary(view) != ""  # writing now: the count may show


def test_a_fresh_draft_is_not_counted_as_changes(view):
    view.set_original("")  # an empty message: the draft is new text
    view.add_version()
    view.append_to_current("Hi Tom,\n\nthanks for Friday.\n")
    writing = _summary(view)
    view.finish_current()
    done = _summary(view)
    untranslated_count = view.tr("%1 of %n changes ticked", "", 1).replace("%1", "1")
    assert done != untranslated_count and done == ""
    assert writing == view.tr("Writing…")
