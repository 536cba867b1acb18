"""The user's own words ("Add to dictionary"): one word per line, private to the user.

The file lives in the data folder, 0600 (it names people and places the user
writes to) and is written whole and atomically. It is read as untrusted: at
most MAX_FILE_BYTES, one plausible word per line (no spaces, no control
characters, at most MAX_WORD_CHARS); anything else in it is skipped, never
a reason to lose the rest.
"""

from __future__ import annotations

import logging
from pathlib import Path

from composer.fileio import make_private_dir, read_regular, write_bytes_atomic

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 1 << 20
MAX_WORD_CHARS = 100
MAX_WORDS = 50_000


def plausible(word: str) -> bool:
    return (
        0 < len(word) <= MAX_WORD_CHARS
        and word.isprintable()
        and not any(ch.isspace() for ch in word)
    )


class PersonalWords:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._words: set[str] = set()
        self._whole = True  # False: the file was larger than we read; never rewrite it
        self._load()

    def _load(self) -> None:
        try:
            raw = read_regular(self.path, MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:  # a folder, a FIFO, a device
            self._whole = False
            log.warning("Personal word list unreadable (%s): not used", exc)
            return
        if len(raw) > MAX_FILE_BYTES:
            # Too large: the words of its first complete lines are used, and the
            # file is never rewritten from them (that would lose the rest).
            self._whole = False
            log.warning("Personal word list over %d bytes: read in part", MAX_FILE_BYTES)
            raw = raw[:MAX_FILE_BYTES].rpartition(b"\n")[0]
        # Lines end at "\n" only: another control character makes a line implausible.
        for line in raw.decode("utf-8", errors="replace").split("\n")[:MAX_WORDS]:
            word = line.strip(" \t\r")
            if plausible(word) and "\ufffd" not in word:
                self._words.add(word)

    def __contains__(self, word: str) -> bool:
        return word in self._words or word.lower() in self._words

    def __len__(self) -> int:
        return len(self._words)

    def add(self, word: str) -> None:
        """Keep *word* for good; OSError if the file cannot be written (nothing changes)."""
        if not self._whole:
            raise OSError(f"{self.path} was not read whole: not rewritten")
        word = word.strip()
        if not plausible(word) or word in self._words or len(self._words) >= MAX_WORDS:
            return
        words = sorted(self._words | {word})
        make_private_dir(self.path.parent)
        write_bytes_atomic(self.path, ("\n".join(words) + "\n").encode("utf-8"))  # 0600
        self._words.add(word)
