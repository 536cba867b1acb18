"""Small files written so that a crash never leaves half of one behind."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any


def write_json_atomic(path: Path, data: Any, indent: int | None = 1) -> None:
    """Write *data* as JSON to *path*: a temporary file, fsync, then rename.

    What is on disk afterwards is either the old complete file or the new one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=indent, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
