"""The on-disk state of an unfinished download: NAME.part and NAME.part.json.

NAME.part holds the bytes received so far, always a prefix of the file.
NAME.part.json (the sidecar) says which file they belong to (URL pinned to
a commit, size, sha256), the server's validator for If-Range, and the last
offset known to be on stable storage. Together they let any later process,
after a crash or a reboot, continue with exactly the same bytes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIDECAR_VERSION = 1


def part_path(final: Path) -> Path:
    return final.with_name(final.name + ".part")


def sidecar_path(final: Path) -> Path:
    return final.with_name(final.name + ".part.json")


@dataclass(frozen=True)
class PartialInfo:
    final: Path
    done: int
    size: int
    repo_id: str
    filename: str
    revision: str
    commit: str
    url: str  # pinned to the commit
    sha256: str
    endpoint: str


def read_partial(final: Path) -> PartialInfo | None:
    """What an earlier run left for *final*, or None."""
    meta = load_sidecar(final)
    part = part_path(final)
    if meta is None or not part.exists():
        return None
    return PartialInfo(
        final=final,
        done=part.stat().st_size,
        size=int(meta["size"]),
        repo_id=meta["repo_id"],
        filename=meta["filename"],
        revision=meta.get("revision", "main"),
        commit=meta["commit"],
        url=meta["url"],
        sha256=meta["sha256"],
        endpoint=meta.get("endpoint") or meta["url"].split(f"/{meta['repo_id']}/resolve/")[0],
    )


def find_partials(folder: Path) -> list[PartialInfo]:
    found = []
    for sidecar in sorted(folder.glob("*.part.json")):
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
        meta = json.loads(sidecar_path(final).read_text(encoding="utf-8"))
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
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if os.name == "nt":
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
