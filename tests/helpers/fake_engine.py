"""A scripted engine behind the Engine protocol: controller and window tests without the model.

    fake = FakeEngine(Reply.text("Hi Tom, thanks for Friday."), Reply.text("Hello Tom."))
    service = EngineService(engine_factory=fake.factory)   # tests/gui/conftest.py: fake_service

The engine thread, the EngineService, the controller and the window are the
real ones; only what answers is scripted, deterministically:

- each load takes the next ``Load`` of ``loads`` (the last one repeats):
  how long it takes (the app's abort Event ends it: Cancelled), or the
  sentence it fails with (EngineError), and the ModelInfo it gives;
- each ``stream()`` takes the next ``Reply`` (the last one repeats): its
  tokens, a wait before each (on the cancel Event, so Stop is seen at once),
  a point where it holds until ``release()`` or Stop, a point where it fails
  with an EngineError carrying a sentence.

The cancel Event is looked at between tokens and during every wait, as the
real engine does. What happened is recorded for the test to read: ``loads``
(LoadSpecs), ``requests``, ``runs`` (one Run per stream: pieces written, how
it ended, at which token it saw the cancel), ``closed``; ``streaming``,
``holding`` and ``cancel_seen`` are Events a test can wait on.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from composer.engine.base import (
    Availability,
    Cancelled,
    EngineError,
    GenerationRequest,
    GenerationStats,
    ModelInfo,
    ProgressCallback,
)
from composer.messages import UserMessage
from composer.workers.engine_worker import LoadSpec

T = TypeVar("T")

POLL_S = 0.005  # how often a hold looks at release() besides the cancel Event

FAKE_INFO = ModelInfo(
    path="/nonexistent/fake-model.gguf",
    name="Fake model",
    architecture="fake",
    context_size=8192,
    trained_context=8192,
    chat_template="model",
    device="CPU",
)


def sentence(text: str) -> UserMessage:
    """*text* as a sentence for the user (no translation: shown as written)."""
    return UserMessage("FakeEngine", text)


@dataclass(frozen=True)
class Reply:
    """What one stream() call does, in order: read, then write *tokens*."""

    tokens: tuple[str, ...] = ("Hello,", " this", " is", " the", " fake", " engine.")
    delay: float = 0.0  # seconds before each token (a wait on the cancel Event)
    read_delay: float = 0.0  # seconds spent "reading the prompt" before the first token
    hold_after: int | None = None  # after this many tokens, wait for release() or the cancel
    fail_at: int | None = None  # after this many tokens, raise EngineError(error)
    error: str = "The fake engine failed."
    stop_reason: str = "stop"  # when all tokens were written: "stop" or "length"

    @classmethod
    def text(cls, text: str, **script: Any) -> Reply:
        """*text* cut into word tokens (each with the white space before it)."""
        return cls(tokens=tuple(re.findall(r"\s*\S+|\s+$", text)), **script)

    @property
    def whole(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True)
class Load:
    """What one load does: take *delay* seconds, then fail with *error* or give *info*."""

    delay: float = 0.0
    error: str | None = None
    info: ModelInfo = FAKE_INFO


@dataclass
class Run:
    """One stream() call as it happened."""

    request: GenerationRequest
    reply: Reply
    written: list[str] = field(default_factory=list)
    outcome: str = "running"  # "finished" | "cancelled" | "failed"
    cancel_seen_at: int | None = None  # tokens written when the cancel was seen

    @property
    def text(self) -> str:
        return "".join(self.written)


class FakeEngine:
    """An Engine (composer/engine/base.py) that plays a script; see the module's docstring."""

    def __init__(self, *replies: Reply, loads: tuple[Load, ...] = (Load(),)) -> None:
        self._lock = threading.Lock()
        self._replies: list[Reply] = list(replies) or [Reply()]
        self._loads: list[Load] = list(loads)
        self._info: ModelInfo | None = None
        self._stats: GenerationStats | None = None
        self._release = threading.Event()
        self.loads: list[LoadSpec] = []
        self.requests: list[GenerationRequest] = []
        self.runs: list[Run] = []
        self.closed = 0
        self.streaming = threading.Event()  # set when a stream starts (cleared by the test)
        self.holding = threading.Event()  # set while a Reply's hold_after waits
        self.cancel_seen = threading.Event()  # set when a stream saw its cancel

    # -- the script ------------------------------------------------------------------
    def script(self, *replies: Reply) -> None:
        """The replies for the next stream() calls (the last one repeats)."""
        with self._lock:
            self._replies = list(replies)

    def script_loads(self, *loads: Load) -> None:
        """The loads for the next load() calls (the last one repeats)."""
        with self._lock:
            self._loads = list(loads)

    def release(self) -> None:
        """Let a holding reply go on (and every later hold: call reset_hold() to hold again)."""
        self._release.set()

    def reset_hold(self) -> None:
        self._release.clear()
        self.holding.clear()

    @staticmethod
    def _next(items: list[T], name: str) -> T:
        if not items:
            raise AssertionError(f"the fake engine's script has no {name} left")
        return items.pop(0) if len(items) > 1 else items[0]

    # -- building it (EngineService's engine_factory) ----------------------------------
    def factory(self, spec: LoadSpec, abort: threading.Event) -> FakeEngine:
        """An EngineFactory: this engine, loaded for *spec*."""
        self.load(spec, abort)
        return self

    def load(self, spec: LoadSpec, abort: threading.Event | None = None) -> ModelInfo:
        """Play the next Load: a previous model stays loaded when it fails (as LocalEngine)."""
        with self._lock:
            self.loads.append(spec)
            step = self._next(self._loads, "loads")
        if step.delay and abort is not None and abort.wait(step.delay):
            raise Cancelled()
        if step.delay and abort is None:
            time.sleep(step.delay)
        if step.error is not None:
            raise EngineError(sentence(step.error))
        info = step.info
        if spec.path and info.path == FAKE_INFO.path:
            info = replace(info, path=spec.path)
        self._info = info
        return info

    # -- the Engine protocol -----------------------------------------------------------
    def availability(self) -> Availability:
        return Availability.AVAILABLE if self._info is not None else Availability.UNAVAILABLE

    @property
    def info(self) -> ModelInfo | None:
        return self._info

    @property
    def last_stats(self) -> GenerationStats | None:
        return self._stats

    def measure_input_usage(self, request: GenerationRequest) -> int:
        """A deterministic count: a token per 4 characters, 4 more per message."""
        self._require_model()
        return sum(4 + (len(m.content) + 3) // 4 for m in request.messages)

    def stream(
        self,
        request: GenerationRequest,
        cancel: threading.Event,
        on_prompt_progress: ProgressCallback | None = None,
    ) -> Iterator[str]:
        self._require_model()
        with self._lock:
            reply = self._next(self._replies, "replies")
            self.requests.append(request)
            run = Run(request, reply)
            self.runs.append(run)
        stats = GenerationStats()
        self._stats = stats
        self.streaming.set()
        return self._play(run, cancel, stats, on_prompt_progress)

    def _play(
        self,
        run: Run,
        cancel: threading.Event,
        stats: GenerationStats,
        on_progress: ProgressCallback | None,
    ) -> Iterator[str]:
        reply = run.reply
        total = self.measure_input_usage(run.request)
        stats.prompt_tokens = stats.evaluated_tokens = total
        started = time.perf_counter()
        try:
            if on_progress:
                on_progress(0, total)
            self._wait(reply.read_delay, cancel, run)
            if on_progress:
                on_progress(total, total)
            stats.prompt_seconds = time.perf_counter() - started
            started = time.perf_counter()
            for index, token in enumerate(reply.tokens[: run.request.max_tokens]):
                if index == reply.hold_after:
                    self._hold(cancel, run)
                if index == reply.fail_at:
                    raise EngineError(sentence(reply.error))
                self._wait(reply.delay, cancel, run)
                run.written.append(token)
                stats.generated_tokens += 1
                yield token
            written = len(run.written)
            if written == reply.hold_after:
                self._hold(cancel, run)
            if written == reply.fail_at:
                raise EngineError(sentence(reply.error))
            self._check(cancel, run)
            cut = len(reply.tokens) > run.request.max_tokens
            stats.stop_reason = "length" if cut else reply.stop_reason
            run.outcome = "finished"
        except Cancelled:
            stats.stop_reason = "cancelled"
            run.outcome = "cancelled"
            raise
        except EngineError:
            run.outcome = "failed"
            raise
        finally:
            stats.generation_seconds = time.perf_counter() - started

    def _check(self, cancel: threading.Event, run: Run) -> None:
        if cancel.is_set():
            run.cancel_seen_at = len(run.written)
            self.cancel_seen.set()
            raise Cancelled()

    def _wait(self, seconds: float, cancel: threading.Event, run: Run) -> None:
        if seconds > 0:
            cancel.wait(seconds)
        self._check(cancel, run)

    def _hold(self, cancel: threading.Event, run: Run) -> None:
        self.holding.set()
        while not self._release.is_set() and not cancel.is_set():
            cancel.wait(POLL_S)
        self.holding.clear()
        self._check(cancel, run)

    def _require_model(self) -> None:
        if self._info is None:
            raise EngineError(sentence("No model is loaded yet."))

    def close(self) -> None:
        self.closed += 1
        self._info = None
        self._stats = None
