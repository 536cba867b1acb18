"""Resumable, verified download of one file over HTTP Range.

Why our own: huggingface_hub 2.x restarts an interrupted download from zero
on every call, and a 2–5 GB model must survive pauses, dropped connections
and restarts of the app or the machine.

On disk, next to the final path:
  NAME.part       the bytes received so far, always a prefix of the file
  NAME.part.json  the sidecar: which file (URL pinned to a commit, size,
                  sha256), the server's validator for If-Range, and the last
                  offset known to be on stable storage
The final NAME exists only after the sha256 of every byte matched the Hub's,
so no unverified *.gguf is ever in place.

Threads: download() blocks the calling thread (a worker, or the CLI). A
helper thread reports progress every PROGRESS_INTERVAL seconds and acts as
watchdog: it breaks a connection that stalls or that must stop for pause or
cancel. Another helper hashes the .part file as it grows, so verification
costs almost nothing at the end.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import shutil
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer import __version__
from composer.models.hub import RemoteFile

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.2  # seconds; the issue asks for at least every 250 ms
SIDECAR_VERSION = 1
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


# ----------------------------------------------------------------- results


class DownloadError(Exception):
    """The download cannot finish; str(error) is a sentence for the user."""


class DiskFullError(DownloadError):
    """Not enough space; what arrived is kept so the user can free space and resume."""


class ChecksumError(DownloadError):
    """The bytes did not match the published sha256; the partial file was removed."""


class AccessDeniedError(DownloadError):
    """The server refused the file (401/403): a token is needed."""


class DownloadPaused(Exception):
    """Stopped on request; the partial file and sidecar stay for a later resume."""


class DownloadCancelled(Exception):
    """Stopped on request; the partial file and sidecar were removed."""


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


class DownloadControl:
    """Pause/cancel flags; safe to set from any thread (the GUI, a signal handler)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._reason: str | None = None
        self._lock = threading.Lock()

    def pause(self) -> None:
        self._request("pause")

    def cancel(self) -> None:
        self._request("cancel")

    def _request(self, reason: str) -> None:
        with self._lock:
            if self._reason != "cancel":  # cancel wins over pause
                self._reason = reason
        self._event.set()

    @property
    def requested(self) -> str | None:
        return self._reason

    def wait(self, seconds: float) -> bool:
        """Sleep up to *seconds*; True as soon as a stop was requested."""
        return self._event.wait(seconds)


@dataclass
class DownloadOptions:
    stall_timeout: float = 30.0  # no byte for this long: drop the connection, retry
    connect_timeout: float = 15.0
    max_retries: int = 8  # consecutive failures without progress
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    checkpoint_bytes: int = 64 << 20  # fsync + sidecar this often
    free_space_margin: int = 64 << 20
    progress_interval: float = PROGRESS_INTERVAL
    user_agent: str = f"composer/{__version__}"
    # Test seam: the function that writes to the .part file (fd, bytes) -> count.
    write: Callable[[int, Any], int] = field(default=os.write)


# ------------------------------------------------------------ files on disk


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


def read_partial(final: Path) -> PartialInfo | None:
    """What an earlier run left for *final*, or None."""
    meta = _load_sidecar(final)
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


def _load_sidecar(final: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads(sidecar_path(final).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    needed = ("url", "repo_id", "filename", "commit", "size", "sha256")
    if not isinstance(meta, dict) or meta.get("version") != SIDECAR_VERSION:
        return None
    return meta if all(key in meta for key in needed) else None


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fsync_dir(folder: Path) -> None:
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


def _boot_id() -> str | None:
    # Same boot => every byte in .part reached the kernel before the old
    # process died, so all of it is trustworthy. After a reboot only what was
    # fsynced is (the tail may be zeros). Other systems: assume a reboot.
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip() or None
    except OSError:
        return None


def human_size(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if abs(count) < 1000 or unit == "TB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
        count /= 1000
    return f"{count:.1f} TB"


# ------------------------------------------------------------------ helpers


class _Retry(Exception):
    """A transient failure: back off and continue from where the file ends."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class _Restart(Exception):
    """The server cannot continue our partial file: start again from byte 0."""


class _TrailingHasher:
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
            raise DownloadError(f"Could not read back the downloaded file: {self._error}")
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


class _Meter:
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


class _Watchdog:
    """Reports progress on a timer and breaks connections that must stop.

    A blocked socket read cannot see a pause request or notice a stall by
    itself; shutting the socket down from here wakes it at once.
    """

    def __init__(
        self,
        meter: _Meter,
        control: DownloadControl,
        options: DownloadOptions,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self._meter = meter
        self._control = control
        self._options = options
        self._on_progress = on_progress
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self.stalled = False
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="composer-dl-watch", daemon=True)

    def __enter__(self) -> "_Watchdog":
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
        while not self._done.wait(self._options.progress_interval):
            self.report()
            with self._lock:
                sock = self._socket
                if sock is None:
                    continue
                quiet = time.monotonic() - self._meter.last_byte_at
                if self._control.requested is None and quiet < self._options.stall_timeout:
                    continue
                if self._control.requested is None:
                    self.stalled = True
                self._socket = None
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


# --------------------------------------------------------------- the engine


def download(
    remote: RemoteFile,
    final: Path,
    *,
    token: str | None = None,
    control: DownloadControl | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    options: DownloadOptions | None = None,
) -> Path:
    """Fetch *remote* into *final*, continuing whatever an earlier run left.

    Returns *final* once its sha256 matched. Raises DownloadPaused /
    DownloadCancelled on request, DownloadError (with a user sentence)
    otherwise. Never leaves an unverified file at *final*.
    """
    return _Download(remote, Path(final), token, control or DownloadControl(), on_progress,
                     options or DownloadOptions()).run()


class _Download:
    def __init__(
        self,
        remote: RemoteFile,
        final: Path,
        token: str | None,
        control: DownloadControl,
        on_progress: Callable[[Progress], None] | None,
        options: DownloadOptions,
    ) -> None:
        self.remote = remote
        self.final = final
        self.part = part_path(final)
        self.token = token
        self.control = control
        self.options = options
        self.on_progress = on_progress
        self.label = f"“{remote.basename}”"
        self.meta: dict[str, Any] = {}
        self.offset = 0
        self.durable = 0
        self.meter = _Meter(0, remote.size)
        self.hasher: _TrailingHasher | None = None
        self.fd = -1

    # ---- setup

    def run(self) -> Path:
        if self.final.exists():
            raise DownloadError(
                f"{self.final} already exists; Composer will not overwrite it. "
                "Remove it first if you want to download it again."
            )
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self._adopt_or_reset_partial()
        self._check_disk_space()
        self.meter = _Meter(self.offset, self.remote.size)
        try:
            self.fd = os.open(self.part, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as exc:
            raise self._disk_error(exc) from None
        try:
            with _Watchdog(self.meter, self.control, self.options, self.on_progress) as dog:
                self.dog = dog
                self.hasher = _TrailingHasher(self.part)
                self.hasher.advance(self.offset)
                self._transfer_with_retries()
                self.meter.state = "verifying"
                dog.report()
                return self._verify_and_place()
        except DownloadCancelled:
            self._close()
            discard_partial(self.final)
            raise
        except (DownloadPaused, DiskFullError):
            self._checkpoint()
            raise
        finally:
            self._close()

    def _adopt_or_reset_partial(self) -> None:
        meta = _load_sidecar(self.final)
        same = (
            meta is not None
            and meta["sha256"] == self.remote.sha256
            and int(meta["size"]) == self.remote.size
            and self.part.exists()
        )
        if not same:
            if meta is not None or self.part.exists():
                log.info("Discarding a partial download of %s that belongs to another version",
                         self.remote.basename)
            discard_partial(self.final)
            meta = None
        self.meta = {
            "version": SIDECAR_VERSION,
            "url": self.remote.url,
            "repo_id": self.remote.repo_id,
            "filename": self.remote.filename,
            "revision": self.remote.revision,
            "commit": self.remote.commit,
            "size": self.remote.size,
            "sha256": self.remote.sha256,
            "validator": meta.get("validator") if meta else None,
            "durable": int(meta.get("durable", 0)) if meta else 0,
            "boot_id": _boot_id(),
        }
        self.offset = self.part.stat().st_size if meta else 0
        if meta is not None:
            booted_since = meta.get("boot_id") is None or meta.get("boot_id") != _boot_id()
            keep = min(self.meta["durable"], self.offset) if booted_since else self.offset
            if keep > self.remote.size:
                keep = 0
            if keep != self.offset:
                with open(self.part, "r+b") as handle:
                    handle.truncate(keep)
                self.offset = keep
        self.durable = min(self.meta["durable"], self.offset)
        self.meta["durable"] = self.durable
        _write_json_atomic(sidecar_path(self.final), self.meta)

    def _check_disk_space(self) -> None:
        needed = self.remote.size - self.offset
        try:
            free = shutil.disk_usage(self.final.parent).free
        except OSError:
            return
        if free < needed + self.options.free_space_margin:
            raise DiskFullError(
                f"Not enough free disk space in {self.final.parent}: {self.label} needs "
                f"{human_size(needed)} more, but only {human_size(free)} is free. "
                "Free some space, then start the download again."
            )

    # ---- the transfer

    def _transfer_with_retries(self) -> None:
        failures = 0
        while self.offset < self.remote.size or self.offset == 0:
            self._stop_if_requested()
            before = self.offset
            try:
                if self._transfer_once():
                    return
            except _Restart as exc:
                log.info("Restarting %s from the beginning: %s", self.remote.basename, exc)
                self._truncate(0)
                failures += 1
                retry_after = 0.0
                reason = str(exc)
            except _Retry as exc:
                self._stop_if_requested()
                if self.offset > before:
                    failures = 0
                failures += 1
                retry_after = exc.retry_after
                reason = str(exc)
            else:
                continue
            if failures > self.options.max_retries:
                raise DownloadError(
                    f"The download of {self.label} failed {failures} times in a row "
                    f"({reason}). What has arrived is kept; start the download again to continue."
                )
            delay = retry_after if retry_after is not None else min(
                self.options.backoff_max, self.options.backoff_base * 2 ** (failures - 1)
            )
            log.info("Download of %s interrupted (%s); retrying in %.1f s",
                     self.remote.basename, reason, delay)
            self.meter.state = "retrying"
            if self.control.wait(delay):
                self._stop_if_requested()

    def _transfer_once(self) -> bool:
        """One HTTP request; True when the file is complete on disk."""
        import httpx2

        headers = {"Accept-Encoding": "identity", "User-Agent": self.options.user_agent}
        if self.token:
            # httpx2 drops it on redirects to another host (the CDN).
            headers["Authorization"] = f"Bearer {self.token}"
        if self.offset > 0:
            headers["Range"] = f"bytes={self.offset}-"
            if self.meta.get("validator"):
                headers["If-Range"] = self.meta["validator"]
        timeout = httpx2.Timeout(
            connect=self.options.connect_timeout, read=self.options.stall_timeout,
            write=self.options.connect_timeout, pool=self.options.connect_timeout,
        )
        self.meter.state = "connecting"
        try:
            with httpx2.Client(follow_redirects=True, timeout=timeout) as client:
                with client.stream("GET", self.remote.url, headers=headers) as response:
                    self._accept(response)
                    return self._receive(response)
        except httpx2.HTTPError as exc:
            self._stop_if_requested()
            if self.dog.stalled:
                raise _Retry(f"no data for {self.options.stall_timeout:.0f} s") from None
            raise _Retry(_describe(exc)) from None
        finally:
            self.dog.watch(None)

    def _accept(self, response: Any) -> None:
        """Check the status line and headers; position the file accordingly."""
        status = response.status_code
        if status == 206:
            match = _CONTENT_RANGE.fullmatch(response.headers.get("Content-Range", "").strip())
            if match is None or int(match[1]) != self.offset or (
                match[3] != "*" and int(match[3]) != self.remote.size
            ):
                raise _Restart(f"the server sent the range {response.headers.get('Content-Range')!r}")
            self._remember_validator(response)
            return
        if status == 200:
            length = response.headers.get("Content-Length")
            if length is not None and int(length) != self.remote.size:
                raise _Retry(f"the server announced {length} bytes instead of {self.remote.size}")
            if self.offset:
                log.info("Server ignored the range for %s; starting from byte 0",
                         self.remote.basename)
                self._truncate(0)
            self._remember_validator(response)
            return
        if status == 416:
            if self.offset == self.remote.size:
                return  # we already have every byte
            raise _Restart("the server cannot continue the partial file (HTTP 416)")
        if status in (401, 403):
            raise AccessDeniedError(
                f"The server refused {self.label} (HTTP {status}). The repository may be gated "
                "or private: save a Hugging Face token (“composer models login”) from an "
                "account that has access, then start the download again."
            )
        if status in (404, 410):
            raise DownloadError(
                f"{self.label} is no longer available at {self.remote.repo_id} "
                f"(HTTP {status}). It may have been removed or renamed."
            )
        if status == 429 or status >= 500:
            raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("Retry-After")))
        raise DownloadError(f"The server answered HTTP {status} for {self.label}.")

    def _receive(self, response: Any) -> bool:
        if response.status_code == 416:
            return True
        self.dog.watch(_socket_of(response))
        self.meter.state = "downloading"
        size = self.remote.size
        write = self.options.write
        os.lseek(self.fd, self.offset, os.SEEK_SET)
        for chunk in response.iter_raw():
            if self.control.requested:
                break
            if self.offset + len(chunk) > size:
                raise _Restart("the server sent more bytes than the file has")
            view = memoryview(chunk)
            while view:
                try:
                    written = write(self.fd, view)
                except OSError as exc:
                    raise self._disk_error(exc) from None
                view = view[written:]
                self.offset += written
                self.meter.add(written)
            self.hasher.advance(self.offset)
            if self.offset - self.durable >= self.options.checkpoint_bytes:
                self._checkpoint()
        self._stop_if_requested()
        if self.offset < size:
            raise _Retry(f"the connection closed after {human_size(self.offset)}")
        return True

    def _remember_validator(self, response: Any) -> None:
        # Remember the ETag of the server that actually sends the bytes (a
        # CDN's differs from the Hub's) so a later If-Range can match it.
        validator = response.headers.get("ETag")
        if validator and not validator.startswith("W/") and validator != self.meta.get("validator"):
            self.meta["validator"] = validator
            _write_json_atomic(sidecar_path(self.final), self.meta)

    # ---- the end

    def _verify_and_place(self) -> Path:
        os.fsync(self.fd)
        digest = self.hasher.finish(self.remote.size)
        self.hasher = None
        if digest != self.remote.sha256:
            self._close()
            discard_partial(self.final)
            raise ChecksumError(
                f"The downloaded {self.label} is damaged: its sha256 is {digest[:12]}… but the Hub "
                f"publishes {self.remote.sha256[:12]}…. The damaged copy was deleted; download it "
                "again. If this keeps happening, something on your network alters downloads."
            )
        self._close()
        os.replace(self.part, self.final)
        _fsync_dir(self.final.parent)
        sidecar_path(self.final).unlink(missing_ok=True)
        return self.final

    # ---- small pieces

    def _stop_if_requested(self) -> None:
        reason = self.control.requested
        if reason == "cancel":
            raise DownloadCancelled(f"The download of {self.label} was cancelled.")
        if reason == "pause":
            raise DownloadPaused(f"The download of {self.label} is paused.")

    def _truncate(self, size: int) -> None:
        os.ftruncate(self.fd, size)
        self.offset = size
        self.durable = min(self.durable, size)
        self.meta["durable"] = self.durable
        self.meter.reset(size)
        if self.hasher is not None:
            self.hasher.close()
        self.hasher = _TrailingHasher(self.part)
        self.hasher.advance(size)

    def _checkpoint(self) -> None:
        if self.fd < 0:
            return
        try:
            os.fsync(self.fd)
        except OSError:
            return
        self.durable = self.offset
        self.meta["durable"] = self.durable
        try:
            _write_json_atomic(sidecar_path(self.final), self.meta)
        except OSError as exc:  # a full disk: the old sidecar still describes a valid prefix
            log.warning("Could not update the download sidecar: %s", exc.strerror)

    def _close(self) -> None:
        if self.hasher is not None:
            self.hasher.close()
            self.hasher = None
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def _disk_error(self, exc: OSError) -> DownloadError:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFullError(
                f"The disk holding {self.final.parent} is full: {self.label} stopped at "
                f"{human_size(self.offset)} of {human_size(self.remote.size)}. What has arrived "
                "is kept; free some space, then start the download again to continue."
            )
        return DownloadError(
            f"Could not write {self.part}: {exc.strerror or exc}. What has arrived is kept."
        )


def _socket_of(response: Any) -> socket.socket | None:
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        return stream.get_extra_info("socket")
    except Exception:  # transports without a plain socket: rely on the read timeout
        return None


def _retry_after(value: str | None) -> float | None:
    try:
        return min(float(value), 300.0) if value else None
    except ValueError:
        return None


def _describe(exc: Exception) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
