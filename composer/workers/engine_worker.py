"""The engine on its own thread.

EngineWorker is the only owner of the engine (and so of the llama.cpp
objects, which are not thread-safe). The GUI talks to it only through
EngineService: requests go in as queued signals, results come out as queued
signals. Stop is a threading.Event the GUI sets directly, because a queued
"stop" slot would only run after the generation it is meant to stop.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from composer.assist.actions import check_fits
from composer.engine.base import (
    Availability,
    Cancelled,
    Engine,
    EngineError,
    GenerationRequest,
)
from composer.engine.local import LocalEngine
from composer.hardware.plan import DevicePlan, ModelFacts, Override, make_plan
from composer.hardware.probe import Probe, probe
from composer.modelfile.gguf import GGUFError, GGUFInfo, read_gguf
from composer.models.starter import StarterUnavailable, ensure_starter_model

log = logging.getLogger(__name__)

FLUSH_INTERVAL_S = 0.03  # batch tokens so a fast model never floods the GUI's event loop


@dataclass(frozen=True)
class LoadSpec:
    path: str | None  # None = the bundled starter model
    models_dir: str
    device: str = "auto"
    gpu_layers: int | None = None
    context_size: int = 4096
    reprobe: bool = False  # ignore the cached hardware probe (after a driver change)
    load_id: int = 0  # echoed in the result, so a superseded load is ignored


class EngineWorker(QObject):
    sig_loading = Signal(str)  # what is being loaded, for the status bar
    sig_loaded = Signal(int, object)  # load id, ModelInfo
    # load id, a sentence for the user, whether the previous model is still loaded
    sig_load_failed = Signal(int, str, bool)
    # request id, phase, a, b: ("reading", tokens read, prompt tokens) or
    # ("writing", pieces written, milliseconds since writing began)
    sig_phase = Signal(int, str, int, int)
    sig_tokens = Signal(int, str)  # request id, text (a batch of tokens)
    sig_finished = Signal(int, object)  # request id, GenerationStats
    sig_stopped = Signal(int, object)  # request id, GenerationStats
    sig_failed = Signal(int, str)  # request id, a sentence for the user
    sig_speed = Signal(object)  # SpeedResult
    sig_speed_failed = Signal(str)
    sig_unloaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._local = LocalEngine()
        self._engine: Engine = self._local
        # Set from the GUI thread (Close): ends a first-use check in progress.
        self.abort_load = threading.Event()

    @Slot(object)
    def load(self, spec: LoadSpec) -> None:
        # A failure before LocalEngine.load starts (a bad file, the planner)
        # leaves the working model in place; the flag tells the window so.
        try:
            path = Path(spec.path) if spec.path else None
            if path is None:
                self.sig_loading.emit("starter model")
                path = ensure_starter_model(Path(spec.models_dir))
            self.sig_loading.emit(path.name)
            gguf = read_gguf(path)  # once per load; the planner and the engine share it
            plan, found = self._plan(gguf, spec)
            info = self._local.load(
                path,
                gguf=gguf,
                plan=plan,
                context_size=spec.context_size,
                cancel=self.abort_load,
            )
            info = replace(info, probe=found)
        except (GGUFError, EngineError, StarterUnavailable) as exc:
            self._load_failed(spec, str(exc))
            return
        except OSError as exc:
            self._load_failed(spec, f"The model could not be prepared: {exc}")
            return
        except Exception as exc:  # never leave the window waiting on "Loading…"
            log.exception("Model load failed")
            self._load_failed(spec, f"The model could not be loaded: {exc}")
            return
        self.sig_loaded.emit(spec.load_id, info)

    def _load_failed(self, spec: LoadSpec, message: str) -> None:
        still_loaded = self._engine.availability() is Availability.AVAILABLE
        self.sig_load_failed.emit(spec.load_id, message, still_loaded)

    def _plan(self, gguf: GGUFInfo, spec: LoadSpec) -> tuple[DevicePlan, Probe]:
        """Where and how to run this model on this machine (probe runs in a child process)."""
        found = probe(use_cache=not spec.reprobe)
        plan = make_plan(found, ModelFacts.from_gguf(gguf), Override(spec.device, spec.gpu_layers))
        # The user's context setting caps the planner's choice (a smaller
        # context loads faster and uses less memory).
        return replace(plan, n_ctx=min(plan.n_ctx, spec.context_size)), found

    @Slot(int, object, object)
    def generate(
        self, request_id: int, request: GenerationRequest, cancel: threading.Event
    ) -> None:
        pending: list[str] = []
        last_flush = time.monotonic()
        written = 0
        writing_since = 0.0

        def flush() -> None:
            nonlocal last_flush
            if pending:
                self.sig_tokens.emit(request_id, "".join(pending))
                pending.clear()
                elapsed_ms = int(1000 * (time.monotonic() - writing_since))
                self.sig_phase.emit(request_id, "writing", written, elapsed_ms)
            last_flush = time.monotonic()

        def on_progress(done: int, total: int) -> None:
            self.sig_phase.emit(request_id, "reading", done, total)

        try:
            if cancel.is_set():
                raise Cancelled("Stopped.")
            check_fits(self._engine, request)  # too long: say so before any work starts
            for piece in self._engine.stream(request, cancel, on_progress):
                if not written:
                    writing_since = time.monotonic()
                    self.sig_phase.emit(request_id, "writing", 0, 0)
                written += 1
                pending.append(piece)
                if time.monotonic() - last_flush >= FLUSH_INTERVAL_S:
                    flush()
            flush()
            self.sig_finished.emit(request_id, self._engine.last_stats)
        except Cancelled:
            flush()
            self.sig_stopped.emit(request_id, self._engine.last_stats)
        except EngineError as exc:
            flush()
            self.sig_failed.emit(request_id, str(exc))
        except Exception as exc:  # never let the worker thread die silently
            log.exception("Generation failed")
            flush()
            self.sig_failed.emit(request_id, f"The assistant failed unexpectedly: {exc}")

    @Slot()
    def measure_speed(self) -> None:
        try:
            self.sig_speed.emit(self._local.measure_speed())
        except EngineError as exc:
            self.sig_speed_failed.emit(str(exc))
        except Exception as exc:
            log.exception("Speed measurement failed")
            self.sig_speed_failed.emit(f"The measurement failed: {exc}")

    @Slot()
    def unload(self) -> None:
        """Free the model (the user turned the assistant off): no memory held."""
        self._engine.close()
        self.sig_unloaded.emit()

    @Slot()
    def close(self) -> None:
        self._engine.close()
        # Direct call: the GUI thread is blocked in QThread.wait(), so a queued
        # quit() would never be delivered. quit() is thread-safe.
        self.thread().quit()


class EngineService(QObject):
    """The GUI's handle on the engine thread."""

    _sig_load = Signal(object)
    _sig_generate = Signal(int, object, object)
    _sig_close = Signal()
    _sig_measure = Signal()
    _sig_unload = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One Event per request: clearing a shared flag for a new request could
        # revive a stopped one that has not noticed its stop yet.
        self._cancel = threading.Event()
        self._next_id = 0
        self._closing_requested = False
        self.current_request: int | None = None
        self._thread = QThread()
        self._thread.setObjectName("engine")
        self.worker = EngineWorker()
        self.worker.moveToThread(self._thread)
        self._sig_load.connect(self.worker.load)
        self._sig_generate.connect(self.worker.generate)
        self._sig_close.connect(self.worker.close)
        self._sig_measure.connect(self.worker.measure_speed)
        self._sig_unload.connect(self.worker.unload)
        self._thread.start()

    def load(self, spec: LoadSpec) -> None:
        self.stop()
        self._sig_load.emit(spec)

    def generate(self, request: GenerationRequest) -> int:
        self._cancel.set()  # at most one generation: a new one replaces the old
        self._cancel = threading.Event()
        self._next_id += 1
        self.current_request = self._next_id
        self._sig_generate.emit(self._next_id, request, self._cancel)
        return self._next_id

    def measure_speed(self) -> None:
        self._sig_measure.emit()

    def unload(self) -> None:
        """Stop whatever runs and free the model on the engine thread."""
        self.abandon()
        self._sig_unload.emit()

    def stop(self) -> None:
        self._cancel.set()

    def abandon(self) -> None:
        """Stop and forget the current request: its late tokens are ignored."""
        self._cancel.set()
        self.current_request = None

    @property
    def thread(self) -> QThread:
        return self._thread

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop any generation, free the model on its own thread, end the thread.

        False when the thread is still busy after *timeout_ms* (llama.cpp cannot
        be interrupted while it loads a model); it then ends by itself when done.
        """
        if not self._thread.isRunning():
            return True
        if not self._closing_requested:
            self._closing_requested = True
            self._cancel.set()
            self.worker.abort_load.set()  # a first-use check in a child ends at once
            self._sig_close.emit()  # queued behind whatever runs now; cancel makes that quick
        return self._thread.wait(timeout_ms)
