"""A suggestion as a list of word-level changes the user accepts one by one.

The diff runs over tokens (words, runs of white space, single punctuation
marks) so that a change never splits a word and every change maps to an exact
character range of the original. Applying any subset of the changes gives an
exact text: the unchanged parts are copied from the original, never rebuilt.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from composer.messages import fill

_TOKEN = re.compile(r"\s+|[^\W_]+(?:['’][^\W_]+)*|.", re.UNICODE | re.DOTALL)


class ChangeKind(str, enum.Enum):
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True)
class Change:
    index: int  # position in the list, stable for one diff
    kind: ChangeKind
    start: int  # range in the original text (start == end for an insertion)
    end: int
    old_text: str
    new_text: str
    new_start: int  # range of new_text in the suggestion
    new_end: int


@dataclass(frozen=True)
class Segment:
    """A piece of the side-by-side rendering: unchanged, deleted or inserted text."""

    kind: str  # "equal" | "delete" | "insert"
    text: str
    change: int | None  # index of the Change it belongs to; None for "equal"


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _offsets(tokens: list[str]) -> list[int]:
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets


_SMALL_GAP = 400  # tokens × tokens below which a gap gets an exact token diff


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes over tokens, matched on words and punctuation only.

    White space tokens are half of all tokens and nearly all alike, which
    makes difflib quadratic on them (a 1,000-word email took over half a
    second per diff). They are left out of the matching and compared in the
    gaps between matched words instead, where they belong to the change or
    to the unchanged text.
    """
    a_idx = [i for i, t in enumerate(a) if not t.isspace()]
    b_idx = [j for j, t in enumerate(b) if not t.isspace()]
    # autojunk: in long texts, words making up over 1% of the suggestion
    # ("the", ",") do not anchor matches. That keeps repetitive texts from
    # going quadratic; the frequent words are then aligned in the small gaps
    # between the rarer ones, exactly, below.
    matcher = difflib.SequenceMatcher(None, [a[i] for i in a_idx], [b[j] for j in b_idx])
    anchors = [
        (a_idx[x + k], b_idx[y + k])
        for x, y, size in matcher.get_matching_blocks()
        for k in range(size)
    ]
    anchors.append((len(a), len(b)))  # sentinel: the gap after the last word
    codes: list[tuple[str, int, int, int, int]] = []

    def emit(tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        if i1 == i2 and j1 == j2:
            return
        if codes and codes[-1][0] == tag:  # extend the previous run of the same kind
            _, p1, _, q1, _ = codes[-1]
            codes[-1] = (tag, p1, i2, q1, j2)
        else:
            codes.append((tag, i1, i2, j1, j2))

    i = j = 0
    for ai, bj in anchors:
        # The gap between two matched words: equal tokens at its edges stay
        # unchanged, the middle is the change.
        lo = 0
        while i + lo < ai and j + lo < bj and a[i + lo] == b[j + lo]:
            lo += 1
        hi = 0
        while ai - hi > i + lo and bj - hi > j + lo and a[ai - hi - 1] == b[bj - hi - 1]:
            hi += 1
        emit("equal", i, i + lo, j, j + lo)
        i1, i2, j1, j2 = i + lo, ai - hi, j + lo, bj - hi
        if (i2 - i1) * (j2 - j1) <= _SMALL_GAP:
            # Words that differ may still be separated by equal spaces: a
            # small gap gets a full token diff so each word is its own change.
            inner = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
            for tag, x1, x2, y1, y2 in inner.get_opcodes():
                if tag == "equal":
                    emit(tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2)
                else:
                    codes.append((tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2))
        else:
            codes.append(("replace", i1, i2, j1, j2))  # a rewritten stretch: one change
        emit("equal", ai - hi, ai, bj - hi, bj)
        if ai < len(a):
            emit("equal", ai, ai + 1, bj, bj + 1)  # the matched word itself
        i, j = ai + 1, bj + 1
    return codes


def diff_words(original: str, suggestion: str, *, merge: bool = True) -> list[Change]:
    """The changes turning *original* into *suggestion*.

    With *merge*, an unchanged stretch that is only white space, or shorter
    than the changes on both sides of it, is folded into one change: a
    rewritten sentence reads as one replacement instead of a comb of
    one-word edits. Proofreading passes merge=False to keep each fix apart.
    """
    a, b = tokenize(original), tokenize(suggestion)
    a_off, b_off = _offsets(a), _offsets(b)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag != "equal":
            changes.append(
                span_change(
                    len(changes), original, suggestion,
                    (a_off[i1], a_off[i2], b_off[j1], b_off[j2]),
                )
            )  # fmt: skip
    return merge_changes(original, suggestion, changes)[0] if merge else changes


def span_change(
    index: int, original: str, suggestion: str, at: tuple[int, int, int, int]
) -> Change:
    """Change *index* turning original[start:end] into suggestion[new_start:new_end]."""
    start, end, new_start, new_end = at
    old, new = original[start:end], suggestion[new_start:new_end]
    kind = ChangeKind.REPLACE if old and new else ChangeKind.DELETE if old else ChangeKind.INSERT
    return Change(index, kind, start, end, old, new, new_start, new_end)


def merge_changes(
    original: str,
    suggestion: str,
    changes: list[Change],
    apart: Collection[int] = (),
) -> tuple[list[Change], list[list[int]]]:
    """*changes* (one diff, in order) with neighbours folded together as diff_words(merge=True).

    Changes whose index is in *apart* are never folded (a changed fact stays
    its own decision, whatever edit sits next to it). Returns the changes
    and, for each, the indices of the changes it is made of.
    """
    groups: list[list[int]] = []
    for change in changes:
        if groups and change.index not in apart and groups[-1][-1] not in apart:
            first, last = changes[groups[-1][0]], changes[groups[-1][-1]]
            gap = original[last.end : change.start]
            left = max(last.end - first.start, last.new_end - first.new_start)
            right = max(len(change.old_text), len(change.new_text))
            # Never across a line break: each paragraph stays its own decision.
            if "\n" not in gap and (not gap.strip() or len(gap) < min(left, right)):
                groups[-1].append(change.index)
                continue
        groups.append([change.index])
    merged = []
    for i, group in enumerate(groups):
        head, tail = changes[group[0]], changes[group[-1]]
        at = (head.start, tail.end, head.new_start, tail.new_end)
        merged.append(span_change(i, original, suggestion, at))
    return merged, groups


def splice(original: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """*original* with each (start, end, text) range replaced; ranges must not overlap."""
    out: list[str] = []
    pos = 0
    for start, end, text in sorted(edits, key=lambda e: e[0]):
        if start < pos:
            raise ValueError("The changes overlap; they must come from one diff.")
        out.append(original[pos:start])
        out.append(text)
        pos = end
    out.append(original[pos:])
    return "".join(out)


def apply_changes(
    original: str, changes: Iterable[Change], accepted: Collection[int] | None = None
) -> str:
    """*original* with the accepted changes applied (all when *accepted* is None)."""
    return splice(
        original,
        ((c.start, c.end, c.new_text) for c in changes if accepted is None or c.index in accepted),
    )


def segments(original: str, changes: Iterable[Change]) -> list[Segment]:
    """The original and the suggestion interleaved, for drawing the diff."""
    result: list[Segment] = []
    pos = 0
    for change in sorted(changes, key=lambda c: c.start):
        if change.start > pos:
            result.append(Segment("equal", original[pos : change.start], None))
        if change.old_text:
            result.append(Segment("delete", change.old_text, change.index))
        if change.new_text:
            result.append(Segment("insert", change.new_text, change.index))
        pos = change.end
    if pos < len(original):
        result.append(Segment("equal", original[pos:], None))
    return result


@dataclass(frozen=True)
class Phrases:
    """Sentence templates for describing changes; the GUI passes translated ones.

    Placeholders are %1, %2…, filled in one pass (composer.messages.fill).
    """

    replaced: str = "Replaced “%1” with “%2”"  # %1 the old text, %2 the new
    inserted: str = "Inserted “%1”"
    deleted: str = "Deleted “%1”"
    line_break: str = "a line break"
    line_breaks: str = "%1 line breaks"
    space: str = "a space"
    spaces: str = "%1 spaces"
    # A change that alters a fact is described by its facts alone: "Spelling"
    # or "Grammar" would make it look harmless. %1 the facts, joined by "; ".
    # (A %2 left in a translation from before is filled with nothing.)
    fact: str = "Changes a fact (%1)."
    rewrite: str = "Rewrite, not a proofreading fix: %1"
    # The facts themselves: %1 the new text, %2 the old one.
    fact_replaced: str = "“%1” instead of “%2”"
    fact_removed: str = "“%1” removed"
    fact_added: str = "“%1” added"
    link_changed: str = "a link or address changed: “%1” instead of “%2”"
    negation_added: str = "meaning reversed: “%1” added"
    negation_removed: str = "meaning reversed: “%1” removed"


def speakable(text: str, phrases: Phrases = Phrases(), limit: int = 80) -> str:
    """*text* as a screen reader can say it: white space named, long text shortened."""
    if not text.strip():
        breaks = text.count("\n")
        if breaks:
            return phrases.line_break if breaks == 1 else fill(phrases.line_breaks, [str(breaks)])
        return phrases.space if len(text) == 1 else fill(phrases.spaces, [str(len(text))])

    def name_breaks(match: re.Match[str]) -> str:
        breaks = match.group(0).count("\n")
        return (
            " ("
            + (phrases.line_break if breaks == 1 else fill(phrases.line_breaks, [str(breaks)]))
            + ") "
        )

    # Line breaks inside text are said, not swallowed: a paragraph split is a change too.
    flat = " ".join(re.sub(r"\s*\n\s*", name_breaks, text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


def describe_change(change: Change, phrases: Phrases = Phrases()) -> str:
    """One sentence saying what the change does, e.g. Replaced “teh” with “the”."""
    old = speakable(change.old_text, phrases)
    new = speakable(change.new_text, phrases)
    if change.kind is ChangeKind.INSERT:
        template, values = phrases.inserted, [(new, change.new_text)]
    elif change.kind is ChangeKind.DELETE:
        template, values = phrases.deleted, [(old, change.old_text)]
    else:
        template, values = phrases.replaced, [(old, change.old_text), (new, change.new_text)]
    # White space is named without quotes (“a line break” would read as text),
    # whichever quotes the language uses.
    for number, (_spoken, raw) in enumerate(values, start=1):
        if not raw.strip():
            template = re.sub(rf"[“«‘„]\s?%{number}\s?[”»’“]", f"%{number}", template)
    return fill(template, [spoken for spoken, _raw in values])


def fit_whitespace(original: str, suggestion: str) -> str:
    """Give *suggestion* the leading and trailing white space of *original*.

    Models drop or add blank lines at the edges; keeping the original's edges
    stops a selection edit from gluing onto the next paragraph.
    """
    core = suggestion.strip()
    if not core:
        return suggestion
    lead = original[: len(original) - len(original.lstrip())]
    trail = original[len(original.rstrip()) :]
    return lead + core + trail
