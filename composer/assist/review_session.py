"""The state of one review: the original, its versions, and what the user keeps.

A ReviewSession starts when an action asks for a suggestion on some text and
ends when the user accepts or discards it. It holds everything the review
shows and decides, with no widget in sight: the text the suggestion would
replace, each version the model wrote (Regenerate adds one), the word-level
changes of each version with their kind and description, which of them are
ticked, and the exact text that accepting yields. The review widget only
draws a session and forwards clicks to it, so the fact guard and the
streaming diff can grow here, tested without an event loop.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from composer.assist.fact_guard import FactChange, facts_by_change, names_in
from composer.assist.proofread import is_small_fix, proofread_result
from composer.assist.review import (
    Change,
    Phrases,
    apply_changes,
    describe_change,
    diff_words,
    merge_changes,
    span_change,
    tokenize,
)
from composer.messages import fill


@dataclass
class Version:
    """One suggestion for the session's original, as the model wrote it."""

    text: str = ""
    rejected: set[int] = field(default_factory=set)  # changes the user unticked
    complete: bool = False  # False while it streams
    stopped: bool = False  # it ended before the model finished: only what it reached counts
    # What a check of the whole version found (a new text against the request:
    # "10:00 from your request is missing"), one sentence each.
    findings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewedChange:
    """A change of the current version, as the review lists it."""

    change: Change
    description: str  # a sentence for the list and for screen readers
    ticked: bool
    facts: tuple[FactChange, ...] = ()  # names, numbers, dates… it changed, dropped or added
    rewrite: bool = False  # proofreading only: larger than a proofreading fix


class ReviewSession:
    """The original text, the versions written for it and the user's choices."""

    def __init__(
        self,
        original: str,
        *,
        proofreading: bool = False,
        language: str | None = None,
        phrases: Phrases | None = None,
        names: tuple[str, ...] = (),
        follows_original: bool = True,
    ) -> None:
        """Review suggestions for *original*.

        With *proofreading*, every correction is its own change and is
        explained (type and reason, W3C Proofreader style) in *language*
        ("en", "fr"; English otherwise). *names* are people's names from
        the email (its headers and greeting) that the fact guard watches.
        *follows_original*: the suggestion rewrites the original in order
        (proofread, shorten…), so while it streams, or when it stopped early,
        only the part it reached is compared; a new text (a draft) replaces
        the whole original whatever its length.
        """
        self.follows_original = follows_original
        self.original = original
        self.names = tuple(names) + names_in(original)
        self.proofreading = proofreading
        self.language = language
        self._phrases = phrases or Phrases()
        self._versions: list[Version] = []
        self._current = -1
        # The diff of the current version, recomputed only when its text changes.
        self._diffed: tuple[int, str, bool] | None = None
        self._changes: list[Change] = []
        self._descriptions: list[str] = []
        self._facts: list[tuple[FactChange, ...]] = []
        self._rewrites: list[bool] = []
        self._reached = len(original)

    # -- versions ------------------------------------------------------------
    @property
    def current(self) -> int:
        """Index of the version shown, -1 before the first one starts."""
        return self._current

    @property
    def version_count(self) -> int:
        return len(self._versions)

    @property
    def streaming(self) -> bool:
        """The current version is still being written."""
        return self._current >= 0 and not self._versions[self._current].complete

    def current_text(self) -> str:
        return self._versions[self._current].text if self._current >= 0 else ""

    def add_version(self, text: str = "") -> int:
        """Begin a new version (streaming until finish()); returns its index."""
        self._versions.append(Version(text))
        self._current = len(self._versions) - 1
        return self._current

    def append(self, text: str) -> None:
        """More of the current version arrived."""
        if self._current < 0:
            self.add_version()
        version = self._versions[self._current]
        version.text += text
        version.rejected.clear()  # change indices move while the text grows
        version.findings = ()

    def set_text(self, text: str) -> None:
        """Replace the current version's text (e.g. after cleaning the model's wrapping)."""
        if self._current < 0:
            self.add_version()
        version = self._versions[self._current]
        version.text = text
        version.rejected.clear()
        version.findings = ()

    def finish(self, stopped: bool = False) -> None:
        """The current version ended: its changes can be chosen and accepted.

        *stopped*: it ended before the model was done, so the original's
        text past the point the suggestion reached stays as it is. Changes a
        proofreader should not make (a rewrite) and, in every rewriting action,
        changes that alter, drop or add a fact start unticked.
        """
        if self._current < 0:
            return
        version = self._versions[self._current]
        version.complete = True
        version.stopped = stopped
        self._diffed = None
        self._diff()
        # Whatever the action, a changed fact is the user's call, not a default;
        # a proofreader's rewrite is not a fix either.
        flagged = zip(self._changes, self._facts, self._rewrites, strict=True)
        version.rejected |= {c.index for c, facts, rewrite in flagged if facts or rewrite}

    @property
    def incomplete(self) -> bool:
        """The current version was stopped before the end."""
        return self._current >= 0 and self._versions[self._current].stopped

    @property
    def reached(self) -> int:
        """How far into the original the current version's changes go (all of it when done)."""
        self._diff()
        return self._reached

    def drop_empty_current(self) -> bool:
        """Forget a finished version with no text; True when one was dropped.

        A stopped or failed regenerate must not hide the earlier versions.
        """
        if self._current < 0 or self.streaming or self.current_text().strip():
            return False
        del self._versions[self._current]
        self._current = len(self._versions) - 1
        return True

    def show_version(self, index: int) -> bool:
        """Browse to version *index*; False when that is not possible now."""
        if self.streaming or not 0 <= index < len(self._versions) or index == self._current:
            return False
        self._current = index
        return True

    # -- changes ---------------------------------------------------------------
    def _diff(self) -> None:
        version = self._versions[self._current] if self._current >= 0 else None
        partial = (
            self.follows_original
            and version is not None
            and (not version.complete or version.stopped)
        )
        key = (self._current, self.current_text(), partial)
        if self._diffed == key:
            return
        self._diffed = key
        text = self.current_text()
        # A suggestion still being written (or stopped) is compared with the
        # part of the original it has reached: the rest is not "removed".
        self._reached = _reached(self.original, text) if partial else len(self.original)
        original = self.original[: self._reached]
        if self._current < 0:
            self._changes, self._facts = [], []
        else:
            # Word by word first, so a changed fact is its own change whatever
            # edit sits next to it; proofreading keeps one correction per change.
            self._changes = diff_words(original, text, merge=False)
            self._facts = [() for _ in self._changes]
            if self.follows_original and original.strip():
                self._check_facts(original, text)
            if not self.proofreading:
                apart = {i for i, facts in enumerate(self._facts) if facts}
                self._changes, groups = merge_changes(original, text, self._changes, apart)
                self._facts = [self._facts[g[0]] if g[0] in apart else () for g in groups]
        if self.proofreading:
            result = proofread_result(original, text, self.language, self._changes)
            self._descriptions = [c.explanation for c in result.corrections]
        else:
            self._descriptions = [describe_change(c, self._phrases) for c in self._changes]
        self._rewrites = [
            self.proofreading and not is_small_fix(c.old_text, c.new_text) for c in self._changes
        ]
        for i, (facts, rewrite) in enumerate(zip(self._facts, self._rewrites, strict=True)):
            if facts:
                # The facts replace the description: "Spelling: '450' looks
                # mistyped" would make "540 instead of 450" look harmless.
                sentences = "; ".join(f.sentence(self._phrases) for f in facts)
                self._descriptions[i] = fill(self._phrases.fact, [sentences, ""]).strip()
            elif rewrite:
                self._descriptions[i] = fill(
                    self._phrases.rewrite, [describe_change(self._changes[i], self._phrases)]
                )

    def _check_facts(self, original: str, text: str) -> None:
        """Lay the fact guard's findings on the changes (a new text has nothing to keep).

        The whole original is compared with the whole suggestion, so a fact
        that only moved is no change; changes that cut one changed fact in
        pieces ("events" → "event" inside an address) become one change.
        """
        names = self.names + names_in(text)
        spans = [(c.start, c.end, c.new_start, c.new_end) for c in self._changes]
        report = facts_by_change(original, text, spans, names)
        if report.joins:
            self._changes = _joined(original, text, self._changes, report.joins)
            spans = [(c.start, c.end, c.new_start, c.new_end) for c in self._changes]
            report = facts_by_change(original, text, spans, names)
        self._facts = list(report.per_change)

    def changes(self) -> list[Change]:
        """The current version's changes against the original."""
        self._diff()
        return list(self._changes)

    def descriptions(self) -> list[str]:
        """One sentence per change, in the order of changes()."""
        self._diff()
        return list(self._descriptions)

    def reviewed_changes(self) -> list[ReviewedChange]:
        self._diff()
        rejected = self._rejected()
        return [
            ReviewedChange(change, text, change.index not in rejected, facts, rewrite)
            for change, text, facts, rewrite in zip(
                self._changes, self._descriptions, self._facts, self._rewrites, strict=True
            )
        ]

    def _rejected(self) -> set[int]:
        return self._versions[self._current].rejected if self._current >= 0 else set()

    def set_ticked(self, index: int, ticked: bool) -> bool:
        """Keep or reject change *index* of the current version; False if not allowed now."""
        if self._current < 0 or self.streaming:
            return False
        self._diff()
        if not 0 <= index < len(self._changes):
            return False
        rejected = self._versions[self._current].rejected
        if ticked:
            rejected.discard(index)
        else:
            rejected.add(index)
        return True

    def is_ticked(self, index: int) -> bool:
        return index not in self._rejected()

    def ticked(self) -> set[int]:
        """The indices of the changes that accepting the ticked ones would apply."""
        self._diff()
        return {c.index for c in self._changes} - self._rejected()

    # -- accepting ---------------------------------------------------------------
    @property
    def can_accept(self) -> bool:
        return self._current >= 0 and not self.streaming

    def all_changes_text(self) -> str:
        """What the original becomes with every change of the current version."""
        self._diff()
        return apply_changes(self.original, self._changes)  # past `reached`: unchanged

    def ticked_text(self) -> str:
        """What the original becomes with only the ticked changes applied."""
        self._diff()
        return apply_changes(self.original, self._changes, self.ticked())

    def held_facts(self) -> list[ReviewedChange]:
        """The changes to a fact the user has not ticked: Accept all leaves them out."""
        return [c for c in self.reviewed_changes() if c.facts and not c.ticked]

    def accept_all_text(self) -> str:
        """What Accept all yields: every change but the facts the user did not tick.

        The main button must never slip a changed name, number or date in:
        those stay as the user wrote them unless ticked one by one.
        """
        self._diff()
        held = {c.change.index for c in self.held_facts()}
        return apply_changes(self.original, self._changes, {c.index for c in self._changes} - held)

    # -- whole-version checks --------------------------------------------------
    def set_findings(self, findings: list[str] | tuple[str, ...]) -> None:
        """What a check of the current version found (see Version.findings)."""
        if self._current >= 0:
            self._versions[self._current].findings = tuple(findings)

    def findings(self) -> tuple[str, ...]:
        return self._versions[self._current].findings if self._current >= 0 else ()


def _joined(
    original: str, text: str, changes: list[Change], joins: tuple[tuple[int, int], ...]
) -> list[Change]:
    """*changes* with each run first..last of *joins* made one change (overlapping runs merge)."""
    runs: list[list[int]] = []
    for first, last in sorted(joins):
        if runs and first <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    ends = {start: end for start, end in runs}
    merged: list[Change] = []
    i = 0
    while i < len(changes):
        head, tail = changes[i], changes[ends.get(i, i)]
        at = (head.start, tail.end, head.new_start, tail.new_end)
        merged.append(span_change(len(merged), original, text, at))
        i = ends.get(i, i) + 1
    return merged


def _reached(original: str, text: str) -> int:
    """Where in *original* a suggestion that has written *text* so far has got to.

    The end of the last stretch of at least three words the two share, plus
    what was written after it; without such an anchor, about as far as the
    suggestion is long. Always on a token boundary of the original.
    """
    if not text.strip():
        return 0
    a, b = tokenize(original), tokenize(text)
    a_words = [t for t in a if not t.isspace()]
    b_words = [t for t in b if not t.isspace()]
    matcher = difflib.SequenceMatcher(None, a_words, b_words, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size >= 3]
    if blocks:
        last = blocks[-1]
        words = last.a + last.size + (len(b_words) - (last.b + last.size))
    else:
        words = len(b_words)
    words = min(words, len(a_words))
    # Back from word counts to a character offset in the original.
    seen = 0
    offset = 0
    for token in a:
        if seen >= words:
            break
        offset += len(token)
        if not token.isspace():
            seen += 1
    return offset
