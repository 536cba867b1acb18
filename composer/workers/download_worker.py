"""Model downloads on their own thread, one after another.

DownloadWorker lives on a QThread it starts itself. Downloads are queued
with enqueue() and run in order; results come back as queued signals. A
download blocks the worker's thread, so pause and cancel do not travel as
queued slots (they would wait for the download they are meant to stop):
they set the running download's DownloadControl directly, from any thread.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance, Slot

from composer.i18n import translated
from composer.models.download import (
    AccessDeniedError,
    DownloadCancelled,
    DownloadControl,
    DownloadError,
    DownloadOptions,
    DownloadPaused,
    Progress,
    discard_partial,
    find_partials,
)
from composer.models.hub import HubAuthError, HubError
from composer.models.library import LibraryError, ModelLibrary
from composer.models.pull import PullRequest, pull
from composer.paths import AppPaths

log = logging.getLogger(__name__)


@dataclass
class _Active:
    request: PullRequest
    control: DownloadControl


class DownloadWorker(QObject):
    sig_queued = Signal(str)  # key
    sig_started = Signal(str)
    sig_progress = Signal(str, object)  # key, Progress
    sig_finished = Signal(
        str, str, bool
    )  # key, path of the verified file, reused (nothing fetched)
    sig_paused = Signal(str)
    sig_cancelled = Signal(str)
    sig_failed = Signal(str, str, bool)  # key, a sentence for the user, a token would help
    sig_idle = Signal()  # the queue is empty

    _sig_wake = Signal()

    def __init__(
        self, paths: AppPaths, options: DownloadOptions | None = None, endpoint: str | None = None
    ) -> None:
        super().__init__()
        self._library = ModelLibrary(paths)
        self._options = options
        self._endpoint = endpoint
        self._lock = threading.Lock()
        self._queue: deque[PullRequest] = deque()
        self._active: _Active | None = None
        self._thread: QThread | None = None

    # ---- lifecycle (GUI thread)

    def start(self) -> None:
        self._thread = QThread()
        self._thread.setObjectName("composer-downloads")
        self.moveToThread(self._thread)
        self._sig_wake.connect(self._on_wake)
        self._thread.start()
        self._sig_wake.emit()  # anything queued before the thread ran

    def shutdown(self) -> None:
        """Pause the running download (its partial stays for next time) and stop the thread."""
        with self._lock:
            self._queue.clear()
            if self._active is not None:
                self._active.control.pause()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None

    # ---- requests (any thread)

    def enqueue(self, request: PullRequest) -> str:
        with self._lock:
            busy = {r.key for r in self._queue}
            if self._active is not None:
                busy.add(self._active.request.key)
            if request.key in busy:
                return request.key
            self._queue.append(request)
        self.sig_queued.emit(request.key)
        self._sig_wake.emit()
        return request.key

    def pause(self, key: str) -> None:
        if self._stop_active(key, "pause"):
            return
        if self._dequeue(key):
            self.sig_paused.emit(key)

    def cancel(self, key: str, request: PullRequest | None = None) -> None:
        """Stop and delete what arrived; *request* names a paused download to discard."""
        if self._stop_active(key, "cancel"):
            return
        queued = self._dequeue(key)
        request = request or queued
        if request is not None:
            self._discard(request)
        self.sig_cancelled.emit(key)

    def is_busy(self, key: str) -> bool:
        with self._lock:
            active = self._active is not None and self._active.request.key == key
            return active or any(r.key == key for r in self._queue)

    def _stop_active(self, key: str, how: str) -> bool:
        with self._lock:
            if self._active is None or self._active.request.key != key:
                return False
            getattr(self._active.control, how)()
            return True

    def _dequeue(self, key: str) -> PullRequest | None:
        with self._lock:
            for request in self._queue:
                if request.key == key:
                    self._queue.remove(request)
                    return request
        return None

    def _discard(self, request: PullRequest) -> None:
        for partial in find_partials(self._library.folder):
            if partial.repo_id == request.repo_id and partial.filename == request.filename:
                discard_partial(partial.final)

    # ---- the work (worker thread)

    @Slot()
    def _on_wake(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    break
                request = self._queue.popleft()
                self._active = _Active(request, DownloadControl())
                control = self._active.control
            signal, args = self._run(request, control)
            with self._lock:
                # Cleared before the outcome goes out, so a receiver asking
                # is_busy() already sees the download as over.
                self._active = None
            signal.emit(*args)
        self.sig_idle.emit()

    def _run(
        self, request: PullRequest, control: DownloadControl
    ) -> tuple[SignalInstance, tuple[object, ...]]:
        key = request.key
        self.sig_started.emit(key)
        try:
            result = pull(
                self._library,
                request,
                endpoint=self._endpoint,
                control=control,
                on_progress=lambda progress: self._on_progress(key, progress),
                options=self._options,
            )
        except DownloadPaused:
            return self.sig_paused, (key,)
        except DownloadCancelled:
            return self.sig_cancelled, (key,)
        except (HubAuthError, AccessDeniedError) as exc:
            return self.sig_failed, (key, translated(exc), True)
        except (HubError, DownloadError, LibraryError) as exc:
            return self.sig_failed, (key, translated(exc), False)
        except Exception as exc:  # a bug must not kill the queue; say what failed
            log.exception("Download of %s failed", key)
            return self.sig_failed, (key, f"The download failed unexpectedly: {exc}", False)
        return self.sig_finished, (key, str(result.path), result.reused is not None)

    def _on_progress(self, key: str, progress: Progress) -> None:
        # Called on the downloader's reporting thread; the signal is queued to the GUI.
        self.sig_progress.emit(key, progress)
