"""One way to run Python work off the GUI thread: a Job with a result, an error and Cancel.

    job = Job(lambda cancel: read_message(path))
    job.sig_done.connect(show)          # the function's return value, on the GUI thread
    job.sig_failed.connect(tell)        # the exception it raised, on the GUI thread
    job.start()
    ...
    job.cancel()                        # neither signal comes; the function may look at `cancel`

The function runs on Qt's global thread pool and receives a threading.Event
that cancel() sets, so a long loop can stop early. A Job keeps itself alive
until its function has returned, so a window that started one may close
meanwhile: the signals then reach nobody (Qt drops connections to deleted
receivers). Pure-Python work holds the GIL only for the interpreter's switch
interval at a time, so the windows keep drawing while it runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

__all__ = ["Job", "wait_for_jobs"]


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        job = self._job
        try:
            outcome: tuple[bool, Any] = (True, job.work(job.cancel_event))
        except BaseException as exc:  # handed to the GUI thread, never lost
            outcome = (False, exc)
        try:
            job.sig_ended_on_thread.emit(*outcome)
        except RuntimeError:
            # The application ended while the work ran (its objects are gone):
            # there is nobody left to tell.
            log.debug("A background job ended after the application")


class Job(QObject):
    """A function run on a pool thread; its outcome arrives by signal on the GUI thread."""

    sig_done = Signal(object)  # the function's return value
    sig_failed = Signal(object)  # the BaseException the function raised
    sig_finished = (
        Signal()
    )  # after sig_done or sig_failed, or once a cancelled job's function ended
    # Emitted by the pool thread; queued to the thread this Job lives on.
    sig_ended_on_thread = Signal(bool, object)

    _alive: ClassVar[set[Job]] = set()

    def __init__(self, work: Callable[[threading.Event], Any], name: str = "job") -> None:
        super().__init__()
        self.setObjectName(name)
        self.work = work
        self.cancel_event = threading.Event()
        self.running = False
        self.sig_ended_on_thread.connect(self._on_ended)

    def start(self, pool: QThreadPool | None = None) -> Job:
        """Run on *pool* (Qt's global pool by default; a pool of one thread runs jobs in order)."""
        Job._alive.add(self)
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def cancel(self) -> None:
        """Neither sig_done nor sig_failed will come; the function sees its event set."""
        self.cancel_event.set()

    @Slot(bool, object)
    def _on_ended(self, ok: bool, value: object) -> None:
        self.running = False
        Job._alive.discard(self)
        if not self.cancel_event.is_set():
            if ok:
                self.sig_done.emit(value)
            else:
                if not isinstance(value, Exception):
                    log.error("A background job ended with %s", type(value).__name__)
                self.sig_failed.emit(value)
        self.sig_finished.emit()


def wait_for_jobs(timeout_ms: int = 5000) -> bool:
    """Wait until the pool's threads are idle (the app's end, and tests); True when they are."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
