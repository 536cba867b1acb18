"""Where a window goes: all of it on the screen's free area, frame included.

The real window manager is in tests/gui/test_small_screens.py; here the
arithmetic, for the screens people have.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSize

from composer.gui.window_placement import place

OPENBOX = QMargins(1, 20, 1, 5)  # what openbox drew in the screen tests
LEAST = QSize(640, 480)
USUAL = QSize(1180, 780)


def outer(client: QRect, frame: QMargins) -> QRect:
    return client.marginsAdded(frame)


@pytest.mark.parametrize(
    "room",
    [
        QRect(0, 0, 800, 600),
        QRect(0, 0, 1280, 800),
        QRect(0, 32, 1366, 736),
        QRect(0, 0, 1920, 1080),
    ],
    ids=["800x600", "1280x800", "1366x768-panel", "1920x1080"],
)
def test_the_usual_window_fits_every_screen_with_its_title_bar(room):
    client = place(room, OPENBOX, USUAL, LEAST, room.topLeft())
    assert room.contains(outer(client, OPENBOX))
    assert client.width() <= USUAL.width() and client.height() <= USUAL.height()


def test_a_window_keeps_its_usual_size_where_it_fits():
    client = place(QRect(0, 0, 1920, 1080), OPENBOX, USUAL, LEAST, QPoint(100, 50))
    assert client == QRect(101, 70, 1180, 780)


def test_a_cascade_that_would_leave_the_screen_starts_again_at_its_top_left():
    room = QRect(0, 0, 1280, 800)
    first = place(room, OPENBOX, USUAL, LEAST, room.topLeft())
    second = place(room, OPENBOX, USUAL, LEAST, outer(first, OPENBOX).topLeft() + QPoint(28, 28))
    assert room.contains(outer(second, OPENBOX))
    assert second.top() == first.top()  # no room lower down: back to the top


def test_a_screen_smaller_than_the_least_size_keeps_the_least_size_at_its_corner():
    room = QRect(0, 0, 600, 400)
    client = place(room, OPENBOX, USUAL, LEAST, QPoint(50, 50))
    assert client.size() == LEAST  # never squashed below what the window can lay out
    assert outer(client, OPENBOX).topLeft() == room.topLeft()


def test_a_second_screen_to_the_left_is_used_as_it_is():
    room = QRect(-1280, 0, 1280, 800)
    client = place(room, OPENBOX, USUAL, LEAST, QPoint(-1200, 10))
    assert room.contains(outer(client, OPENBOX))
