"""Text from someone else made safe to lay out: long lines broken, length bounded."""

from __future__ import annotations

from composer.mail.long_lines import MAX_LINE_CHARS, bounded, break_long_lines
from composer.mail.mailto import parse_mailto


def test_short_text_is_unchanged():
    text = "Hello Anna,\n\nsee you Friday.\n" * 100
    assert break_long_lines(text) is text


def test_a_long_line_breaks_at_a_space_near_the_limit_and_loses_nothing():
    words = " ".join(f"word{i}" for i in range(100_000))
    broken = break_long_lines(words)
    lines = broken.split("\n")
    assert max(map(len, lines)) <= MAX_LINE_CHARS
    assert all(len(line) > MAX_LINE_CHARS - 220 for line in lines[:-1])  # near the limit
    assert " ".join(lines) == words  # only the spaces at the breaks became line breaks


def test_a_line_without_spaces_is_cut_at_the_limit_with_a_prefix_on_each_piece():
    broken = break_long_lines("x" * 5_000 + "\nshort", width=2_000, prefix="> ")
    assert broken.split("\n") == ["x" * 2_000, "> " + "x" * 2_000, "> " + "x" * 1_000, "short"]


def test_bounded_cuts_at_a_line_end_and_says_how_much():
    text = ("line\n" * 1_000) + "z" * 10_000
    shown = bounded(text, 4_000)
    assert shown.text.endswith("line") and len(shown.text) <= 4_000
    assert len(shown.text) + shown.left_out == len(text)
    assert bounded("short", 10).left_out == 0


def test_a_mailto_body_of_one_2_mb_line_arrives_in_short_lines():
    draft = parse_mailto("mailto:a@example.org?body=" + "b" * 2_000_000)
    lines = draft.body.split("\n")
    assert max(map(len, lines)) <= MAX_LINE_CHARS and "".join(lines) == "b" * 2_000_000
