"""The engine on its own thread.

EngineWorker is the only owner of the engine (and so of the llama.cpp
objects, which are not thread-safe): the local model, or a server the user
chose and agreed to send text to (a LoadSpec with a server), answering
through the same signals. The GUI talks to it only through
EngineService: requests go in as queued signals, results come out as queued
signals. Stop is a threading.Event the GUI sets directly, because a queued
"stop" slot would only run after the generation it is meant to stop.

An EngineFactory given to EngineService (tests: tests/helpers/fake_engine.py)
builds the engine for each load instead of LocalEngine / RemoteEngine; the
rest (requests, Stop, the signals) is the same code either way.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
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
    ModelInfo,
)
from composer.engine.local import LocalEngine
from composer.engine.remote import RemoteEngine, ServerConfig
from composer.hardware.plan import DevicePlan, ModelFacts, Override, make_plan
from composer.hardware.probe import Probe, probe
from composer.i18n import filled, translated
from composer.modelfile.gguf import GGUFError, GGUFInfo, read_gguf
from composer.models.starter import StarterUnavailable, ensure_starter_model
from composer.workers.batching import FLUSH_INTERVAL_S

log = logging.getLogger(__name__)

# The engine thread's token loop is Python between two llama.cpp calls: when
# the GUI thread holds the GIL (drawing the answer), the loop waits up to
# CPython's switch interval (5 ms by default) per token, and a fast model
# writes a token every few ms. 1 ms bounds that wait; the GUI thread gets the
# GIL back as soon as the loop calls into llama.cpp again.
GIL_SWITCH_INTERVAL_S = 0.001


@dataclass(frozen=True)
class LoadSpec:
    path: str | None  # None = the bundled starter model
    models_dir: str
    device: str = "auto"
    gpu_layers: int | None = None
    context_size: int = 0  # 0 = the planner chooses from the model and the memory
    kv_cache: str = "f16"  # "f16" | "q8_0" (Settings > Assistant > Memory for long emails)
    reprobe: bool = False  # ignore the cached hardware probe (after a driver change)
    load_id: int = 0  # echoed in the result, so a superseded load is ignored
    # A server the user chose and consented to: used instead of a local model
    # (path and the hardware fields are then ignored).
    server: ServerConfig | None = None


# Builds and loads the engine for a LoadSpec, on the engine thread: returns an
# Engine whose info is set, or raises EngineError with a sentence for the user.
# The Event is set when the app closes: a slow load should end then (Cancelled).
# None (the default everywhere in the app): LocalEngine, or RemoteEngine for a
# spec with a server.
EngineFactory = Callable[[LoadSpec, threading.Event], Engine]


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

    def __init__(self, engine_factory: EngineFactory | None = None) -> None:
        super().__init__()
        self._local = LocalEngine()
        self._engine: Engine = self._local
        self._factory = engine_factory
        # Set from the GUI thread (Close): ends a first-use check in progress.
        self.abort_load = threading.Event()

    @Slot(object)
    def load(self, spec: LoadSpec) -> None:
        if self._factory is not None:
            self._make(spec, self._factory)
            return
        if spec.server is not None:
            self._connect(spec, spec.server)
            return
        if self._engine is not self._local:
            # Back to this computer: the server no longer gets any text, even
            # if the local load then fails.
            self._engine.close()
            self._engine = self._local
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
            self._load_failed(spec, translated(exc))
            return
        except OSError as exc:
            self._load_failed(
                spec, filled(self.tr("The model could not be prepared: %1"), str(exc))
            )
            return
        except Exception as exc:  # never leave the window waiting on "Loading…"
            log.exception("Model load failed")
            self._load_failed(spec, filled(self.tr("The model could not be loaded: %1"), str(exc)))
            return
        self.sig_loaded.emit(spec.load_id, info)

    def _connect(self, spec: LoadSpec, config: ServerConfig) -> None:
        """Use the server *config*; the model in use stays until the server has answered."""
        self.sig_loading.emit(config.host)
        remote: RemoteEngine | None = None
        try:
            remote = RemoteEngine(config)
            # The server answers and offers the model; the app's end stops the wait at once.
            info = remote.connect(cancel=self.abort_load)
        except EngineError as exc:
            message = translated(exc)
        except Exception as exc:  # never leave the window waiting on "Loading…"
            log.exception("Server connection failed")
            message = filled(self.tr("The server could not be used: %1"), str(exc))
        else:
            # The server answers: the local model's memory goes back to the computer.
            self._engine.close()
            self._engine = remote
            self.sig_loaded.emit(spec.load_id, info)
            return
        if remote is not None:
            remote.close()
        # Never a silent fallback: the model used before is not offered in the
        # server's place; the window says so and lets the user choose.
        self.sig_load_failed.emit(spec.load_id, message, False)

    def _make(self, spec: LoadSpec, factory: EngineFactory) -> None:
        """Load through *factory*; as with a server, the engine in use stays until it answers."""
        if spec.server is not None:
            self.sig_loading.emit(spec.server.host)
        else:
            self.sig_loading.emit(Path(spec.path).name if spec.path else "starter model")
        try:
            engine = factory(spec, self.abort_load)
            info = engine.info
            if info is None:  # a factory's mistake, not the user's
                raise RuntimeError("the engine factory returned an engine without a model")
        except EngineError as exc:
            self._load_failed(spec, translated(exc))
            return
        except Exception as exc:  # never leave the window waiting on "Loading…"
            log.exception("Model load failed")
            self._load_failed(spec, filled(self.tr("The model could not be loaded: %1"), str(exc)))
            return
        if engine is not self._engine:
            self._engine.close()
            self._engine = engine
        self.sig_loaded.emit(spec.load_id, info)

    def _load_failed(self, spec: LoadSpec, message: str) -> None:
        still_loaded = self._engine.availability() is Availability.AVAILABLE
        self.sig_load_failed.emit(spec.load_id, message, still_loaded)

    def _plan(self, gguf: GGUFInfo, spec: LoadSpec) -> tuple[DevicePlan, Probe]:
        """Where and how to run this model on this machine (probe runs in a child process)."""
        found = probe(use_cache=not spec.reprobe)
        override = Override(spec.device, spec.gpu_layers, spec.context_size, spec.kv_cache)
        return make_plan(found, ModelFacts.from_gguf(gguf), override), found

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
                raise Cancelled()
            info = self._engine.info
            if info is None or info.context_size:  # 0: a server that does not say; it decides
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
            self.sig_failed.emit(request_id, translated(exc))
        except Exception as exc:  # never let the worker thread die silently
            log.exception("Generation failed")
            flush()
            self.sig_failed.emit(
                request_id,
                filled(self.tr("The assistant failed unexpectedly: %1"), str(exc)),
            )

    @Slot()
    def measure_speed(self) -> None:
        try:
            self.sig_speed.emit(self._local.measure_speed())
        except EngineError as exc:
            self.sig_speed_failed.emit(translated(exc))
        except Exception as exc:
            log.exception("Speed measurement failed")
            self.sig_speed_failed.emit(filled(self.tr("The measurement failed: %1"), str(exc)))

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
    """The GUI's handle on the engine thread, shared by every compose window.

    One model in memory for the whole app: each window's AssistantController
    asks through this service and follows only its own request ids. Requests
    queue on the engine thread in the order they came; each has its own stop
    Event, so stopping one window's suggestion never stops another's. A load
    or an unload concerns every window: sig_load_started and sig_unloading
    tell them all, and load ids are counted here so that every controller
    knows which load is current.
    """

    _sig_load = Signal(object)
    _sig_generate = Signal(int, object, object)
    _sig_close = Signal()
    _sig_measure = Signal()
    _sig_unload = Signal()
    sig_load_started = Signal(int)  # load id: every window forgets the old model now
    sig_unloading = Signal()  # the assistant was turned off: no model for any window

    def __init__(
        self, parent: QObject | None = None, *, engine_factory: EngineFactory | None = None
    ) -> None:
        """*engine_factory*: what builds the engine for each load (None: the real engines)."""
        super().__init__(parent)
        # One Event per request: clearing a shared flag for a new request could
        # revive a stopped one that has not noticed its stop yet.
        self._cancels: dict[int, threading.Event] = {}
        self._owners: dict[int, object] = {}  # who asked (a controller), for "waiting" notes
        self._next_id = 0
        self.load_serial = 0  # the current load's id; an unload counts too
        self.loading = False
        self.model_info: ModelInfo | None = None  # what answers requests now
        self._previous_info: ModelInfo | None = None
        self.keep_suggestions = False  # what the current unload asks of the windows
        self._closing_requested = False
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
        self._thread = QThread()
        self._thread.setObjectName("engine")
        self.worker = EngineWorker(engine_factory)
        self.worker.moveToThread(self._thread)
        self._sig_load.connect(self.worker.load)
        self._sig_generate.connect(self.worker.generate)
        self._sig_close.connect(self.worker.close)
        self._sig_measure.connect(self.worker.measure_speed)
        self._sig_unload.connect(self.worker.unload)
        # Connected before any controller: the service's view is up to date
        # when theirs run.
        self.worker.sig_loaded.connect(self._on_loaded)
        self.worker.sig_load_failed.connect(self._on_load_failed)
        for ended in (self.worker.sig_finished, self.worker.sig_stopped):
            ended.connect(self._on_request_ended)
        self.worker.sig_failed.connect(self._on_request_ended)
        self._thread.start()

    def load(self, spec: LoadSpec) -> int:
        """Load a model for every window; returns the load's id (spec.load_id is ignored)."""
        self.stop_all()
        self.load_serial += 1
        self.loading = True
        if self.model_info is not None:
            self._previous_info = self.model_info
        self.model_info = None
        self.sig_load_started.emit(self.load_serial)
        self._sig_load.emit(replace(spec, load_id=self.load_serial))
        return self.load_serial

    def generate(self, request: GenerationRequest, owner: object = None) -> int:
        """Queue *request*; returns its id (it waits while another request is served)."""
        self._next_id += 1
        self._cancels[self._next_id] = threading.Event()
        self._owners[self._next_id] = owner
        self._sig_generate.emit(self._next_id, request, self._cancels[self._next_id])
        return self._next_id

    def waits_for_another(self, request_id: int) -> bool:
        """Whether another owner's request (another window's) runs or waits before it."""
        owner = self._owners.get(request_id)
        return any(
            other < request_id and self._owners.get(other) is not owner for other in self._cancels
        )

    def measure_speed(self) -> None:
        self._sig_measure.emit()

    def unload(self, keep_suggestions: bool = False) -> None:
        """Stop whatever runs and free the model on the engine thread.

        *keep_suggestions*: the windows keep their suggestions to review (a
        server's consent was withdrawn; the assistant is not turned off).
        """
        self.keep_suggestions = keep_suggestions
        self.stop_all()
        self.load_serial += 1  # a load still on its way is ignored when it lands
        self.loading = False
        self.model_info = None
        self._previous_info = None
        self.sig_unloading.emit()
        self._sig_unload.emit()

    def stop(self, request_id: int | None) -> None:
        """Stop request *request_id* only; what it wrote so far comes back as stopped."""
        cancel = self._cancels.get(request_id) if request_id is not None else None
        if cancel is not None:
            cancel.set()

    def stop_all(self) -> None:
        for cancel in self._cancels.values():
            cancel.set()

    @Slot(int, object)
    def _on_loaded(self, load_id: int, info: ModelInfo) -> None:
        if load_id == self.load_serial:
            self.loading = False
            self.model_info = info
            self._previous_info = None

    @Slot(int, str, bool)
    def _on_load_failed(self, load_id: int, _message: str, previous_still_loaded: bool) -> None:
        if load_id == self.load_serial:
            self.loading = False
            self.model_info = self._previous_info if previous_still_loaded else None
            self._previous_info = None

    def _on_request_ended(self, request_id: int, *_rest: object) -> None:
        self._cancels.pop(request_id, None)
        self._owners.pop(request_id, None)

    @property
    def engine_thread(self) -> QThread:
        """The thread the engine runs on (QObject.thread() is this object's own: the GUI's)."""
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
            self.stop_all()
            self.worker.abort_load.set()  # a first-use check in a child ends at once
            self._sig_close.emit()  # queued behind whatever runs now; cancel makes that quick
        return self._thread.wait(timeout_ms)
