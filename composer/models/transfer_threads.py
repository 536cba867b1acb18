"""The helper threads of one download: hashing, speed metering, the watchdog.

They keep the receive loop to recv + write: the sha256 follows the growing
file on its own thread, and a watchdog reports progress on a timer, syncs
the file to disk now and then, and breaks a connection that stalls or must
stop for a pause or cancel.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    speed: float  # bytes per second over the last few seconds
    eta: float | None  # seconds; None while the speed is unknown or zero
    state: str  # "connecting" | "downloading" | "retrying" | "verifying"

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


class HashReadError(Exception):
    """The .part file could not be read back for hashing."""


class TrailingHasher:
    """Hashes the .part file from byte 0, following the writer as it grows.

    Reading back from the page cache on a second thread keeps sha256 off the
    receive loop (hashlib and file reads release the GIL).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._hash = hashlib.sha256()
        self._hashed = 0
        self._available = 0
        self._final: int | None = None
        self._stop = False
        self._cond = threading.Condition()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="composer-sha256", daemon=True)
        self._thread.start()

    def advance(self, available: int) -> None:
        with self._cond:
            self._available = available
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._thread.join()

    def finish(self, total: int) -> str:
        with self._cond:
            self._available = total
            self._final = total
            self._cond.notify()
        self._thread.join()
        if self._error is not None:
            raise HashReadError(str(self._error))
        return self._hash.hexdigest()

    def _run(self) -> None:
        try:
            with open(self._path, "rb", buffering=0) as handle:
                while True:
                    with self._cond:
                        while self._hashed >= self._available and not self._stop:
                            if self._final is not None and self._hashed >= self._final:
                                return
                            self._cond.wait()
                        if self._stop:
                            return
                        upto = self._available
                    while self._hashed < upto:
                        block = handle.read(min(4 << 20, upto - self._hashed))
                        if not block:
                            raise OSError("the file is shorter than what was written")
                        self._hash.update(block)
                        self._hashed += len(block)
        except BaseException as exc:  # reported by finish()
            self._error = exc


class Meter:
    """Bytes done, speed over a short window, and the current phase."""

    WINDOW = 3.0

    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        self.state = "connecting"
        self.last_byte_at = time.monotonic()
        self._samples: deque[tuple[float, int]] = deque([(self.last_byte_at, done)])

    def add(self, count: int) -> None:
        self.done += count
        self.last_byte_at = time.monotonic()

    def reset(self, done: int) -> None:
        self.done = done
        self._samples.clear()
        self._samples.append((time.monotonic(), done))

    def snapshot(self) -> Progress:
        now = time.monotonic()
        done = self.done
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.WINDOW:
            self._samples.popleft()
        first_t, first_done = self._samples[0]
        elapsed = now - first_t
        speed = (done - first_done) / elapsed if elapsed > 0.05 else 0.0
        speed = max(speed, 0.0)
        eta = (self.total - done) / speed if speed > 0 else None
        return Progress(done=done, total=self.total, speed=speed, eta=eta, state=self.state)


class Watchdog:
    """Reports progress on a timer and breaks connections that must stop.

    A blocked socket read cannot see a pause request or notice a stall by
    itself; shutting the socket down from here wakes it at once. on_tick
    runs on every tick too (the download syncs its file there, so fsync
    never holds up the receive loop).
    """

    def __init__(
        self,
        meter: Meter,
        requested: Callable[[], str | None],
        *,
        stall_timeout: float,
        interval: float,
        on_progress: Callable[[Progress], None] | None,
        on_tick: Callable[[], None] | None = None,
    ) -> None:
        self._meter = meter
        self._requested = requested
        self._stall_timeout = stall_timeout
        self._interval = interval
        self._on_progress = on_progress
        self._on_tick = on_tick
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self.stalled = False
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="composer-dl-watch", daemon=True)

    def __enter__(self) -> Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._socket = sock
            self.stalled = False
        self._meter.last_byte_at = time.monotonic()

    def report(self) -> None:
        if self._on_progress is not None:
            try:
                self._on_progress(self._meter.snapshot())
            except Exception:  # a broken progress display must not kill the download
                log.exception("Progress callback failed")

    def _run(self) -> None:
        while not self._done.wait(self._interval):
            self.report()
            if self._on_tick is not None:
                try:
                    self._on_tick()
                except Exception:
                    log.exception("Download checkpoint failed")
            with self._lock:
                sock = self._socket
                if sock is None:
                    continue
                quiet = time.monotonic() - self._meter.last_byte_at
                requested = self._requested()
                if requested is None and quiet < self._stall_timeout:
                    continue
                if requested is None:
                    self.stalled = True
                self._socket = None
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
