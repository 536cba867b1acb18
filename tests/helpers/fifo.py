"""FIFOs in place of files, and a guard that fails a test instead of hanging it.

Code that could block opening a FIFO runs in a thread; if the thread has not
finished when joined, the test fails (and the FIFOs are opened for writing,
which releases a reader stuck in open(), so no thread is left behind).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

JOIN_SECONDS = 30  # a deadlock guard: the work itself takes milliseconds


def make_fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _release(fifos: list[Path]) -> None:
    """Unblock a reader stuck opening a FIFO: a writer appears, then leaves (EOF)."""
    for fifo in fifos:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            continue  # nobody is reading it (or it was moved away)
        os.close(fd)


def without_blocking(work: Callable[[], Any], fifos: list[Path]) -> Any:
    """Run *work* in a thread; fail the test if it blocks, return its result otherwise."""
    result: dict[str, Any] = {}

    def target() -> None:
        try:
            result["value"] = work()
        except BaseException as exc:  # handed to the test's thread
            result["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(JOIN_SECONDS)
    if thread.is_alive():
        _release(fifos)
        thread.join(JOIN_SECONDS)
        pytest.fail(f"blocked on a FIFO or device for {JOIN_SECONDS} s")
    if "error" in result:
        raise result["error"]
    return result["value"]
