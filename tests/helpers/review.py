"""Driving a ReviewView in tests the way the app does: through its ReviewSession.

The assistant controller owns the session and tells the panel what changed
(assistant_panel.py: begin_review, version_added, session_grew, and refresh
when a version ends); the view only draws it. These helpers do the same, so
a test reads like the review it runs: start_review, stream, finish. Ticking a
change is what the user does: a click on its checkbox in the list.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QStyle, QStyleOptionViewItem

from composer.assist.review_session import ReviewSession
from composer.gui.widgets.review_view import ReviewView


def start_review(
    view: ReviewView,
    original: str,
    suggestion: str = "",
    *,
    proofreading: bool = False,
    language: str | None = None,
    follows_original: bool = True,
) -> ReviewSession:
    """A new review of *original*, its first version begun with *suggestion* (still streaming).

    As the controller starts one: the session with the view's phrases, its
    first version added, then shown. *proofreading* explains each correction
    in *language* ("en", "fr"); *follows_original* False for a new text
    (Draft, Reply), which the fact guard does not compare.
    """
    session = ReviewSession(
        original,
        proofreading=proofreading,
        language=language,
        phrases=view.phrases,
        follows_original=follows_original,
    )
    session.add_version(suggestion)
    view.set_session(session)
    return session


def new_version(view: ReviewView, suggestion: str = "") -> int:
    """Another version of the same review begins (Regenerate); returns its index."""
    index = view.session.add_version(suggestion)
    view.version_added()
    return index


def stream(view: ReviewView, text: str) -> None:
    """More of the current version arrived."""
    view.session.append(text)
    view.session_grew()


def set_text(view: ReviewView, text: str) -> None:
    """The current version's text replaced (as the controller cleans the model's wrapping)."""
    view.session.set_text(text)
    view.refresh()


def finish(view: ReviewView, *, stopped: bool = False) -> None:
    """The current version ended: its changes can be chosen and accepted."""
    view.session.finish(stopped=stopped)
    view.refresh()


def is_ticked(view: ReviewView, row: int) -> bool:
    """What change *row*'s checkbox shows."""
    state = view.change_model.index(row).data(Qt.ItemDataRole.CheckStateRole)
    return Qt.CheckState(getattr(state, "value", state)) == Qt.CheckState.Checked


def tick(view: ReviewView, row: int, ticked: bool = True) -> None:
    """Keep (*ticked*) or reject change *row*: a click on its checkbox when it shows otherwise."""
    if is_ticked(view, row) == ticked:
        return
    QTest.mouseClick(
        view.change_list.viewport(), Qt.MouseButton.LeftButton, pos=_checkbox(view, row)
    )
    assert is_ticked(view, row) == ticked, f"the click did not toggle change {row}"


def untick(view: ReviewView, row: int) -> None:
    tick(view, row, False)


def _checkbox(view: ReviewView, row: int) -> QPoint:
    """The centre of change *row*'s checkbox, in the list's viewport."""
    changes = view.change_list
    index = view.change_model.index(row)
    changes.scrollTo(index)
    option = QStyleOptionViewItem()
    option.initFrom(changes)
    option.rect = changes.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.text = str(index.data(Qt.ItemDataRole.DisplayRole))
    option.font = changes.font()
    option.showDecorationSelected = True
    box = changes.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, changes
    )
    assert box.isValid() and changes.viewport().rect().contains(box.center()), (
        f"change {row}'s checkbox is not on screen: {box}"
    )
    return box.center()


def listed(view: ReviewView) -> list[str]:
    """The sentences the list of changes shows (and a screen reader reads), one per change."""
    model = view.change_model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def use_it_anyway(view: ReviewView) -> None:
    """Answer the request check's question with "Use it anyway", when it asked one.

    A Draft or Reply the real model wrote may miss a fact of the prompt or
    make one up (tests/gui/test_fact_safety_quick.py proves the question on
    the fake engine); a test about something else takes the text anyway.
    """
    box = view.findChild(QMessageBox, "requestCheckBox")
    if box is not None:
        role = QMessageBox.ButtonRole.AcceptRole
        [use] = [button for button in box.buttons() if box.buttonRole(button) is role]
        use.click()
