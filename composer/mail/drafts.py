"""The message being written survives a crash, a power cut or closing the window.

Each compose window has one draft file, "<random id>.json", written
atomically (temporary file, fsync, rename), so what is on disk is always
either the previous complete draft or the new one. Which running window
writes which file is the GUI's business (a lock file beside each draft,
gui/draft_autosave.py); this module reads, writes, lists and migrates the
files. Drafts of earlier versions ("current-draft.json", and
"draft-<pid>-<n>.json" of a second instance) are renamed to the new form.

Drafts are private: their folder is 0700 and every file 0600 on POSIX.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
import uuid
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from composer.fileio import make_private_dir, read_json_regular, set_aside, write_json_atomic

log = logging.getLogger(__name__)

FIELDS = ("to", "cc", "bcc", "subject", "body")  # what the user types
DRAFT_NAME = re.compile(r"^[0-9a-f]{32}\.json$")
# Earlier versions: the first instance's draft, and a second instance's ones.
LEGACY_MAIN_NAME = "current-draft.json"
_LEGACY_OTHER_NAME = re.compile(r"^draft-(\d+)-\d+\.json$")
# Where a forward's attachments are copied (mail/replies.py), inside the drafts folder.
FORWARDED_FOLDER = "forwarded"
# write_json_atomic's temporary files: ".<name>-<random>.tmp"
_TMP_NAME = re.compile(r"^\..+\.tmp$")
STALE_TMP_SECONDS = 60.0  # far longer than any write takes: such a file was left by a kill
# How deep below one of the app's own folders atomic writes happen:
# data/drafts/forwarded/forward-<id>/ holds a forward's attachment copies.
OWN_FOLDER_DEPTH = 3
# Far beyond any email body a person types or pastes. A larger file (or a FIFO,
# a device) is not a draft of ours: it is kept aside like a damaged one.
MAX_DRAFT_BYTES = 64 << 20


@dataclass(frozen=True)
class Draft:
    to: str = ""
    cc: str = ""
    bcc: str = ""
    subject: str = ""
    body: str = ""
    # The conversation a reply belongs to (RFC 5322 message ids, "<...@...>").
    in_reply_to: str = ""
    references: str = ""  # space-separated message ids, oldest first
    # Absolute paths of the files to attach (a forward's attachments are
    # copied into a private folder first, so they outlive the opened message).
    attachments: tuple[str, ...] = ()
    account: str = ""  # Account.id of the sender; "" = the default account
    # Words "Ignore in this message" allows in its spelling, space-separated.
    ignored_words: str = ""

    def is_empty(self) -> bool:
        typed = any(getattr(self, name).strip() for name in FIELDS)
        return not typed and not self.attachments


class DraftUnreadable(Exception):
    """The saved draft could not be read; its bytes were kept at *kept_as*."""

    def __init__(self, path: Path, kept_as: Path | None) -> None:
        super().__init__(f"The saved draft {path.name} could not be read")
        self.path = path
        self.kept_as = kept_as


def _parse(raw: object) -> Draft:
    """A Draft from decoded JSON; ValueError when it is not a draft's shape."""
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    known = {f.name for f in fields(Draft)}
    values = {k: v for k, v in raw.items() if k in known}
    attachments = values.pop("attachments", [])
    unexpected = [k for k, v in values.items() if not isinstance(v, str)]
    if not isinstance(attachments, list) or not all(isinstance(a, str) for a in attachments):
        unexpected.append("attachments")
    if unexpected or not known & raw.keys():
        raise ValueError("not a draft")
    return Draft(**values, attachments=tuple(attachments))


def new_draft_name() -> str:
    """A file name no other window, in this instance or another, will ever use."""
    return f"{uuid.uuid4().hex}.json"


class DraftStore:
    """The draft of one compose window."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.path = folder / name

    def save(self, draft: Draft) -> None:
        if draft.is_empty():
            self.clear()
            return
        make_private_dir(self.folder)
        write_json_atomic(self.path, asdict(draft), indent=None)

    def _read(self) -> Draft:
        """The draft in the file; OSError or ValueError when it is not one.

        Read through the regular-file guard: a FIFO or a device in its place
        is refused at once (a plain read would wait for a writer for good).
        """
        return _parse(read_json_regular(self.path, MAX_DRAFT_BYTES))

    def load(self) -> Draft | None:
        """The saved draft, None when there is none (or it is empty).

        Raises DraftUnreadable when the file exists but is not a draft
        (damaged, JSON of another shape, too large, a FIFO or a device): it is
        moved aside first, so the next save can never overwrite what the user
        may still need.
        """
        try:
            draft = self._read()
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            aside = set_aside(self.path)
            log.warning("Saved draft unreadable (%s); kept as %s", type(exc).__name__, aside)
            raise DraftUnreadable(self.path, aside) from exc
        return None if draft.is_empty() else draft

    def peek(self) -> Draft | None:
        """The saved draft for a list, None when absent or unreadable (nothing is moved)."""
        try:
            return self._read()
        except (OSError, ValueError):
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class SavedDraft:
    """A draft file in the folder, for the Drafts window and the start-up."""

    store: DraftStore
    modified: float  # seconds since the epoch
    draft: Draft | None  # None: the file is there but cannot be read

    @property
    def name(self) -> str:
        return self.store.path.name


def saved_drafts(folder: Path) -> list[SavedDraft]:
    """Every draft file in *folder*, newest first, whoever wrote it."""
    found: list[SavedDraft] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        if not DRAFT_NAME.match(path.name):
            continue
        store = DraftStore(folder, path.name)
        try:
            modified = path.stat().st_mtime
        except OSError:
            continue
        found.append(SavedDraft(store, modified, store.peek()))
    return sorted(found, key=lambda saved: -saved.modified)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


def remove_forwarded_copies(draft: Draft | None, folder: Path) -> int:
    """Delete the copies a forward made for *draft* once it is gone (sent or discarded).

    Only files under *folder*/FORWARDED_FOLDER go, and their folder once
    empty: an attachment the user added from elsewhere is theirs. Returns
    how many files were removed.
    """
    if draft is None:
        return 0
    root = (folder / FORWARDED_FOLDER).resolve()
    removed = 0
    for name in draft.attachments:
        copy = Path(name).resolve()
        if copy == root or not copy.is_relative_to(root):
            continue
        try:
            copy.unlink()
        except OSError:
            continue
        removed += 1
        if copy.parent != root:
            with contextlib.suppress(OSError):  # not empty: another copy is still used
                copy.parent.rmdir()
    return removed


def migrate_legacy_drafts(folder: Path) -> int:
    """Give drafts of earlier versions a name of the current form; returns how many.

    The main draft always moves (an earlier version still running would just
    write a new one, moved at the next start); a second instance's draft
    moves once its process is gone.
    """
    moved = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    for path in entries:
        legacy = _LEGACY_OTHER_NAME.match(path.name)
        if path.name != LEGACY_MAIN_NAME and not (
            legacy and not _process_alive(int(legacy.group(1)))
        ):
            continue
        try:
            os.replace(path, folder / new_draft_name())
        except OSError:
            continue
        moved += 1
    return moved


def remove_stale_temporaries(
    folder: Path, older_than: float = STALE_TMP_SECONDS, depth: int = 0
) -> int:
    """Delete half-written copies a killed process left behind; returns how many.

    They hold the private email (or settings, caches), so they must not pile
    up. Only files older than *older_than* seconds go: a write of another
    instance in progress is a matter of milliseconds. Subfolders are looked
    into down to *depth* levels; symbolic links are never followed.
    """
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        try:
            if depth > 0 and entry.is_dir(follow_symlinks=False):
                removed += remove_stale_temporaries(Path(entry.path), older_than, depth - 1)
                continue
            if not _TMP_NAME.match(entry.name) or entry.is_dir(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime >= older_than:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
