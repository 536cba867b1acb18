"""Where a window goes: its whole frame on the screen's free area, however small.

Qt sizes and moves a window's client area; the window manager then adds a
title bar and borders around it. A window sized to the screen's free height
therefore ends below it (its Send button and status bar out of reach on a
1280×800 laptop), and a cascade of new windows walks off the bottom right.
Until the window manager has framed a window its frame is unknown: the guess
below is a typical title bar, and `FitOnScreen` corrects the geometry once
the real frame is known.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

# A title bar and thin borders: larger than most, so a guess errs on the small side.
FRAME_GUESS = QMargins(8, 40, 8, 8)


def frame_margins(window: QWidget) -> QMargins | None:
    """The window manager's frame around *window*; None before it has framed it."""
    frame, client = window.frameGeometry(), window.geometry()
    if frame == client:
        return None
    return QMargins(
        client.left() - frame.left(),
        client.top() - frame.top(),
        frame.right() - client.right(),
        frame.bottom() - client.bottom(),
    )


def place(room: QRect, frame: QMargins, wanted: QSize, least: QSize, top_left: QPoint) -> QRect:
    """The client rectangle for a window that wants *wanted* at *top_left* (its frame's corner).

    The size shrinks to what the screen's free area *room* holds with the
    frame, never below *least*; a corner that would push the frame off the
    screen goes back to the area's top left (a cascade starts again).
    """
    width = max(least.width(), min(wanted.width(), room.width() - frame.left() - frame.right()))
    height = max(least.height(), min(wanted.height(), room.height() - frame.top() - frame.bottom()))
    outer = QSize(width + frame.left() + frame.right(), height + frame.top() + frame.bottom())
    x, y = top_left.x(), top_left.y()
    if x < room.left() or x + outer.width() > room.left() + room.width():
        x = room.left()
    if y < room.top() or y + outer.height() > room.top() + room.height():
        y = room.top()
    return QRect(x + frame.left(), y + frame.top(), width, height)


def fit(window: QWidget, wanted: QSize | None = None, top_left: QPoint | None = None) -> None:
    """Size and move *window* so that all of it, frame included, is on its screen."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    if room.isEmpty():
        return
    frame = frame_margins(window) or FRAME_GUESS
    corner = top_left if top_left is not None else window.frameGeometry().topLeft()
    size = wanted if wanted is not None else window.size()
    window.setGeometry(place(room, frame, size, window.minimumSize(), corner))


class FitOnScreen(QObject):
    """Fits its window again with the real frame once the window manager has framed it.

    The first fit had to guess the frame: a taller title bar than guessed
    would push the bottom edge off the screen, a thinner one would waste room.
    """

    # The window manager's frame arrives with none of these in particular (the
    # client area may not even move): each is a moment to look.
    _LOOK_AT = frozenset({QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Paint})
    _PATIENCE = 200  # events; a window never framed (no window manager) stops being watched

    def __init__(self, window: QWidget, wanted: QSize) -> None:
        super().__init__(window)
        self._window = window
        self._wanted = wanted
        self._looks = 0
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is not self._window or event.type() not in self._LOOK_AT:
            return False
        self._looks += 1
        framed = frame_margins(self._window) is not None
        if framed or self._looks > self._PATIENCE:
            self._window.removeEventFilter(self)
            if framed:
                fit(self._window, self._wanted)
            self.deleteLater()
        return False


def keep_on_screen(window: QWidget, wanted: QSize) -> None:
    """Give *window* the size it *wanted*, or what the screen holds; again once framed."""
    fit(window, wanted)
    FitOnScreen(window, wanted)
