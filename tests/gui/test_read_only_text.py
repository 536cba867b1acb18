"""A long read-only text is shown piece by piece and ends up whole, the view staying put."""

from __future__ import annotations

from composer.gui.widgets.read_only_text import PIECE_CHARS, ReadOnlyText, pieces


def test_pieces_join_back_to_the_text():
    text = "\n".join(f"line {i}" for i in range(50_000))
    parts = pieces(text)
    assert len(parts) > 5 and "\n".join(parts) == text
    assert all(len(p) <= PIECE_CHARS + 20 for p in parts)
    assert pieces("short") == ["short"]
    assert pieces("x" * (3 * PIECE_CHARS)) == ["x" * (3 * PIECE_CHARS)]  # no line end: one piece


def test_the_text_fills_in_later_turns_and_the_view_stays_at_the_top(qtbot):
    view = ReadOnlyText()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    text = "\n".join(f"Article {i}" for i in range(40_000))
    view.set_text(text)
    assert view.filling() and len(view.toPlainText()) < len(text)  # only the first piece yet
    qtbot.waitUntil(lambda: not view.filling())
    assert view.toPlainText() == text
    assert view.verticalScrollBar().value() == 0
    view.set_text("new")  # a new text cancels what was waiting
    assert view.toPlainText() == "new" and not view.filling()
