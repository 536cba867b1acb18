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

from dataclasses import dataclass, field

from composer.assist.proofread import proofread_result
from composer.assist.review import Change, Phrases, apply_changes, describe_change, diff_words


@dataclass
class Version:
    """One suggestion for the session's original, as the model wrote it."""

    text: str = ""
    rejected: set[int] = field(default_factory=set)  # changes the user unticked
    complete: bool = False  # False while it streams


@dataclass(frozen=True)
class ReviewedChange:
    """A change of the current version, as the review lists it."""

    change: Change
    description: str  # a sentence for the list and for screen readers
    ticked: bool


class ReviewSession:
    """The original text, the versions written for it and the user's choices."""

    def __init__(
        self,
        original: str,
        *,
        proofreading: bool = False,
        language: str | None = None,
        phrases: Phrases | None = None,
    ) -> None:
        """Review suggestions for *original*.

        With *proofreading*, every correction is its own change and is
        explained (type and reason, W3C Proofreader style) in *language*
        ("en", "fr"; English otherwise).
        """
        self.original = original
        self.proofreading = proofreading
        self.language = language
        self._phrases = phrases or Phrases()
        self._versions: list[Version] = []
        self._current = -1
        # The diff of the current version, recomputed only when its text changes.
        self._diffed: tuple[int, str] | None = None
        self._changes: list[Change] = []
        self._descriptions: list[str] = []

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

    def set_text(self, text: str) -> None:
        """Replace the current version's text (e.g. after cleaning the model's wrapping)."""
        if self._current < 0:
            self.add_version()
        version = self._versions[self._current]
        version.text = text
        version.rejected.clear()

    def finish(self) -> None:
        """The current version is complete: its changes can be chosen and accepted."""
        if self._current >= 0:
            self._versions[self._current].complete = True

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
        key = (self._current, self.current_text())
        if self._diffed == key:
            return
        self._diffed = key
        text = key[1]
        if self._current < 0:
            self._changes, self._descriptions = [], []
        elif self.proofreading:
            # One correction per change, in the same order as the diff.
            self._changes = diff_words(self.original, text, merge=False)
            result = proofread_result(self.original, text, self.language, self._changes)
            self._descriptions = [c.explanation for c in result.corrections]
        else:
            self._changes = diff_words(self.original, text)
            self._descriptions = [describe_change(c, self._phrases) for c in self._changes]

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
            ReviewedChange(change, text, change.index not in rejected)
            for change, text in zip(self._changes, self._descriptions, strict=True)
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
        return apply_changes(self.original, self._changes)

    def ticked_text(self) -> str:
        """What the original becomes with only the ticked changes applied."""
        self._diff()
        return apply_changes(self.original, self._changes, self.ticked())
