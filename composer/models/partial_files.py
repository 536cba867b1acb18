"""The on-disk state of an unfinished download: NAME.part and NAME.part.json.

NAME.part holds the bytes received so far, always a prefix of the file.
NAME.part.json (the sidecar) says which file they belong to (URL pinned to
a commit, size, sha256), the server's validator for If-Range, and the last
offset known to be on stable storage. Together they let any later process,
after a crash or a reboot, continue with exactly the same bytes.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.fileio import read_json_regular
from composer.models.hub import RemoteFile

SIDECAR_VERSION = 1


def part_path(final: Path) -> Path:
    return final.with_name(final.name + ".part")


def sidecar_path(final: Path) -> Path:
    return final.with_name(final.name + ".part.json")


@dataclass(frozen=True)
class PartialInfo:
    """An unfinished download: where it goes, how much arrived, and which file it is."""

    final: Path
    done: int
    remote: RemoteFile  # pinned to the commit the download started from

    @property
    def size(self) -> int:
        return self.remote.size

    @property
    def repo_id(self) -> str:
        return self.remote.repo_id

    @property
    def filename(self) -> str:
        return self.remote.filename

    @property
    def revision(self) -> str:
        return self.remote.revision

    @property
    def commit(self) -> str:
        return self.remote.commit

    @property
    def url(self) -> str:
        return self.remote.url

    @property
    def sha256(self) -> str:
        return self.remote.sha256

    @property
    def endpoint(self) -> str:
        return self.remote.endpoint


def read_partial(final: Path) -> PartialInfo | None:
    """What an earlier run left for *final*, or None."""
    meta = load_sidecar(final)
    if meta is None:
        return None
    try:
        part = os.stat(part_path(final))
        remote = RemoteFile.from_dict(meta)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(part.st_mode):
        return None  # a FIFO or device is nothing we wrote
    done = part.st_size
    return PartialInfo(final=final, done=done, remote=remote)


def find_partials(folder: Path) -> list[PartialInfo]:
    found = []
    try:
        sidecars = sorted(folder.glob("*.part.json"))
    except OSError:
        return []
    for sidecar in sidecars:
        info = read_partial(sidecar.with_name(sidecar.name[: -len(".part.json")]))
        if info is not None:
            found.append(info)
    return found


def discard_partial(final: Path) -> None:
    for path in (part_path(final), sidecar_path(final)):
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def load_sidecar(final: Path) -> dict[str, Any] | None:
    try:
        # A FIFO or device in its place is refused, never waited on.
        meta = read_json_regular(sidecar_path(final))
    except (OSError, ValueError):
        return None
    needed = ("url", "repo_id", "filename", "commit", "size", "sha256")
    if not isinstance(meta, dict) or meta.get("version") != SIDECAR_VERSION:
        return None
    return meta if all(key in meta for key in needed) else None


def fsync_dir(folder: Path) -> None:
    # Makes a rename durable on POSIX; Windows cannot open folders this way.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def boot_id() -> str | None:
    # Same boot => every byte in .part reached the kernel before the old
    # process died, so all of it is trustworthy. After a reboot only what was
    # fsynced is (the tail may be zeros). Other systems: assume a reboot.
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip() or None
    except OSError:
        return None


def lock_path(final: Path) -> Path:
    return final.with_name(final.name + ".part.lock")


class PartialLock:
    """One process at a time writes a given .part file (the GUI and the CLI may both try).

    An OS file lock: released by the kernel when the holder exits, even by
    SIGKILL, so a crashed download never blocks the next one.
    """

    def __init__(self, final: Path) -> None:
        self._path = lock_path(final)
        self._fd = -1

    def acquire(self) -> bool:
        """False when another process holds it."""
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)  # private, like the rest
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(self._fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._fd)
            self._fd = -1
            return False
        return True

    def release(self) -> None:
        if self._fd < 0:
            return
        if os.name != "nt":
            # POSIX: remove it while still held, so the folder stays tidy.
            self._path.unlink(missing_ok=True)
        os.close(self._fd)  # closing drops the lock (both flock and msvcrt)
        self._fd = -1
        if os.name == "nt":  # Windows cannot remove an open file
            try:
                self._path.unlink(missing_ok=True)
            except OSError:
                pass
