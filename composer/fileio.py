"""Small files written so that a crash never leaves half of one behind, and read safely.

Writing: a temporary file beside the target, fsync, then rename, so what is
on disk is either the old complete file or the new one.

Reading: a path that names a FIFO or a device blocks forever (or reads
forever) when opened like a file. open_regular() opens without blocking,
checks what it opened and refuses anything but a regular file.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = [
    "NotRegularFileError",
    "make_private_dir",
    "open_regular",
    "DamagedFile",
    "read_json_records",
    "read_json_regular",
    "read_regular",
    "set_aside",
    "write_bytes_atomic",
    "write_json_atomic",
    "write_private_json",
    "write_text_atomic",
]


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path*: a temporary file, fsync, then rename.

    What is on disk afterwards is either the old complete file or the new one.
    The file is this user's only (mkstemp makes it 0600), and so is a folder
    created for it (0700): what the app keeps is nobody else's to read.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """write_bytes_atomic() for text, as UTF-8."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: Path, data: Any, indent: int | None = 1) -> None:
    """Write *data* as JSON to *path*: a temporary file, fsync, then rename.

    What is on disk afterwards is either the old complete file or the new one.
    """
    write_text_atomic(path, json.dumps(data, indent=indent, ensure_ascii=False))


def write_private_json(path: Path, data: Any, indent: int | None = 1) -> None:
    """write_json_atomic() into a folder of this user's only (0700), the file 0600.

    For files that say where the user's mail or text goes (accounts, servers).
    """
    make_private_dir(path.parent)
    write_json_atomic(path, data, indent=indent)
    if os.name == "posix":
        os.chmod(path, 0o600)


def set_aside(path: Path) -> Path | None:
    """Rename an unreadable file out of the way instead of overwriting it.

    The new name is timestamped, so a later one never overwrites it: the user
    may still need what it holds.
    """
    aside = path.with_name(f"{path.stem}.unreadable-{int(time.time())}{path.suffix}")
    try:
        os.replace(path, aside)
    except OSError:
        return None
    return aside


class NotRegularFileError(OSError):
    """The path names a FIFO, a device, a socket or a folder, not a regular file."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str], flags: int = os.O_RDONLY, mode: int = 0o644) -> int:
    """Open *path* without ever blocking on it; return the descriptor of a regular file.

    The open itself uses O_NONBLOCK (a FIFO would otherwise wait for a writer),
    then fstat() checks what was really opened, so a file swapped for a FIFO
    between a check and the open is still refused. NotRegularFileError (an
    OSError, errno EINVAL) names what the path is instead. The descriptor is
    switched back to blocking mode (it makes no difference for a regular file).
    ValueError for a path that contains a NUL character, as os.open raises.
    """
    nonblock = getattr(os, "O_NONBLOCK", 0)
    extra = nonblock | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    extra |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | extra, mode)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(
                22, f"{_kind(info.st_mode)}, not a regular file", os.fspath(path)
            )
        if nonblock:
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file (at most *limit*); NotRegularFileError for anything else."""
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        return handle.read() if limit is None else handle.read(limit)


def read_json_regular(path: str | os.PathLike[str], limit: int = 16 << 20) -> Any:
    """Parsed JSON from a regular file of at most *limit* bytes.

    OSError when it cannot be opened (NotRegularFileError for a FIFO or a
    device), ValueError when it is not JSON, too large, or the path holds a NUL.
    """
    data = read_regular(path, limit + 1)
    if len(data) > limit:
        raise ValueError(f"{os.fspath(path)} is larger than {limit} bytes")
    return json.loads(data.decode("utf-8"))


class DamagedFile(Exception):
    """A file the app keeps could not be read; it was set aside as *kept_as* (None: could not)."""

    def __init__(self, path: Path, kept_as: Path | None) -> None:
        super().__init__(f"{path.name} unreadable; kept as {kept_as}")
        self.kept_as = kept_as


def read_json_records(
    path: Path, key: str, parse: Callable[[object], T | None]
) -> tuple[list[T], int]:
    """The records listed under *key* in the JSON file *path*, and how many *parse* refused.

    ([], 0) when there is no file. DamagedFile when it cannot be read or
    holds no such list: it is set aside first, so that a later save never
    overwrites what the user may still need.
    """
    try:
        raw = read_json_regular(path)
    except FileNotFoundError:
        return [], 0
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise DamagedFile(path, set_aside(path)) from exc
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise DamagedFile(path, set_aside(path))
    records = [r for r in (parse(item) for item in items) if r is not None]
    return records, len(items) - len(records)


def make_private_dir(folder: Path) -> Path:
    """Create *folder* (and parents) readable by this user only (0700 on POSIX).

    An existing folder is tightened too: drafts and settings hold the user's
    mail, which other accounts on the machine have no business reading.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        try:
            os.chmod(folder, 0o700)
        except OSError:
            pass  # not ours to change (a shared mount): nothing better to do
    return folder
