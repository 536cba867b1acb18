"""The local engine: a GGUF model run in-process by llama.cpp (llama-cpp-python).

One object, one thread: the EngineWorker owns it and is the only caller. The
only thing another thread may touch is the cancel Event passed to stream(),
which stops llama.cpp even inside a graph computation (engine/abort_hook.py).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.engine import trial
from composer.engine.abort_hook import AbortFlag
from composer.engine.base import (
    Availability,
    Cancelled,
    ChatMessage,
    EngineError,
    GenerationRequest,
    GenerationStats,
    ModelInfo,
    ProgressCallback,
)
from composer.engine.chat_template import TEST_CONVERSATION, ChatTemplate
from composer.engine.device_env import apply_device_env
from composer.engine.llama_load import new_llama
from composer.engine.llama_log import cache_refused, llama_log_tap, load_error
from composer.engine.lookup import StepCosts
from composer.engine.row_top_k import row_count
from composer.engine.token_loop import (
    DEVICE_TOP_K,
    DrySamplers,
    SamplerSettings,
    needs_all_candidates,
    offload_top_k,
    write_tokens,
)
from composer.hardware.speed import LoadMeter
from composer.messages import UserMessage, user_message
from composer.modelfile.check import check_model
from composer.modelfile.gguf import GGUFError, GGUFInfo, read_gguf

if TYPE_CHECKING:
    from composer.hardware.plan import DevicePlan
    from composer.hardware.speed import SpeedResult

log = logging.getLogger(__name__)


def _could_not_load(path: Path, why: str) -> UserMessage:
    return user_message(
        "Engine",
        "llama.cpp could not load “%1”: %2. "
        "The file may be damaged or use a model type this version does not support.",
    ).arg(path.name, why)


class CacheRefused(EngineError):
    """llama.cpp refused the plan's quantised KV cache (flash attention, the model's head size)."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(_could_not_load(path, why))
        self.why = why


def _refusal(path: Path, why: str) -> EngineError:
    """The error for a load llama.cpp refused: CacheRefused when the cache type is why."""
    return (
        CacheRefused(path, why) if cache_refused(why) else EngineError(_could_not_load(path, why))
    )


DEFAULT_CONTEXT = 4096
# A writing speed is kept only from answers this long: the first tokens are
# slower (caches, the GPU's clocks), so a short answer reads low.
MIN_TOKENS_TO_RECORD = 32

# Used when the GGUF carries no chat template (base models such as the
# starter). A plain instruction layout that base models continue sensibly.
FALLBACK_STOPS = ["\n### ", "<end_of_turn>", "<eos>"]


# Base models (no chat template) follow a layout far better after one worked
# example. It is constant, so it sits in the shared prefix that llama.cpp's KV
# cache reuses from one request to the next.
FALLBACK_EXAMPLE = (
    "### Instruction\nTo: tom@example.com\nSubject: Lunch\nThe email is empty so far.\n\n"
    "Write the email. What it should say: ask Tom to move lunch to 1pm\n\n"
    "Write the result in English, the language of the text.\n\n"
    "### Response\nHi Tom,\n\nCould we move our lunch to 1pm? Something came up this morning.\n"
    "Let me know if that works for you.\n\nThanks,\n"
)


def fallback_prompt(messages: tuple[ChatMessage, ...]) -> str:
    parts: list[str] = []
    for message in messages:
        if message.role == "system":
            parts.append(message.content.strip() + "\n")
            parts.append(FALLBACK_EXAMPLE)
        elif message.role == "user":
            parts.append("### Instruction\n" + message.content.strip() + "\n")
        else:
            parts.append("### Response\n" + message.content.strip() + "\n")
    parts.append("### Response\n")
    return "\n".join(parts)


# The first batch of a prompt: small, so "Reading your email… N%" moves within
# a fraction of a second even on two cores (32 tokens: 0.12 s for the starter
# model there); each next batch doubles up to n_batch, where reading is fastest.
FIRST_BATCH = 32
# Once the model's reading speed is known, the first batch is what it reads in
# this long: on 16 cores the 32-token ramp cost an eighth of the reading speed
# (small batches use many cores poorly; docs/PERFORMANCE.md), and a batch of
# 256 there still reports within a quarter of a second.
PROGRESS_STEP_S = 0.25


def first_batch(tokens_per_s: float | None, n_batch: int) -> int:
    """FIRST_BATCH, or the largest power of two read in PROGRESS_STEP_S; at most n_batch."""
    size = FIRST_BATCH
    if tokens_per_s:
        while size * 2 <= tokens_per_s * PROGRESS_STEP_S:
            size *= 2
    return max(1, min(size, n_batch))


def prompt_batches(
    start: int, total: int, n_batch: int, first: int = FIRST_BATCH
) -> Iterator[tuple[int, int]]:
    """(start, end) of each prompt batch: *first* tokens, doubling up to n_batch."""
    size = min(first, n_batch)
    while start < total:
        end = min(start + size, total)
        yield start, end
        start, size = end, min(size * 2, n_batch)


def _common_prefix(a: list[int], b: list[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class LocalEngine:
    def __init__(self) -> None:
        self._llm: Any = None
        self._info: ModelInfo | None = None
        self._formatter: ChatTemplate | None = None
        self._stats: GenerationStats | None = None
        self._cancel: threading.Event | None = None
        self._abort: AbortFlag | None = None
        self._device_top_k: Any = None  # the graph's top-k sampler chain (_attach_graph_top_k)
        self._reading_speed: float | None = None  # prompt tokens/s, last request (first_batch)
        self._dry: DrySamplers | None = None  # the loaded model's prepared DRY samplers
        self._step_costs = StepCosts()  # the loaded model's writing-step times (engine/lookup.py)
        # Guessed tokens checked in batches (engine/lookup.py); benches compare
        # without them (COMPOSER_LOOKUP=0 or this attribute).
        self.lookup_decoding = os.environ.get("COMPOSER_LOOKUP", "1") != "0"

    # -- state -------------------------------------------------------------
    def availability(self) -> Availability:
        return Availability.AVAILABLE if self._llm is not None else Availability.UNAVAILABLE

    @property
    def info(self) -> ModelInfo | None:
        return self._info

    @property
    def last_stats(self) -> GenerationStats | None:
        return self._stats

    # -- loading -----------------------------------------------------------
    def load(
        self,
        path: str | Path,
        *,
        gguf: GGUFInfo | None = None,
        plan: DevicePlan | None = None,
        context_size: int = DEFAULT_CONTEXT,
        verify: bool = True,
        cancel: threading.Event | None = None,
        check: bool = True,
    ) -> ModelInfo:
        """Load *path*; raise GGUFError / EngineError with a message for the user.

        *gguf* is the file's header if the caller read it already (it is read
        here otherwise). With *verify*, a file not yet verified with this
        build and plan is first loaded in a child process (engine/trial.py);
        a file that crashes it is refused, and the loaded model, if any, stays.
        Setting *cancel* stops that check (Cancelled). *check* (the header
        check, composer.modelfile.check) is turned off only by tests that
        feed a hostile file to the child check.
        """
        path = Path(path)
        try:
            return self._load(path, gguf, plan, context_size, verify, cancel, check)
        except CacheRefused as exc:
            if plan is None or plan.kv_cache == "f16":
                raise
            # The user asked for less memory, not for a model that fails to
            # load: the full-precision cache always works, so load with it and say so.
            log.warning("llama.cpp refused the 8-bit KV cache; loading with the 16-bit cache")
            info = self._load(
                path, gguf, replace(plan, kv_cache="f16"), context_size, verify, cancel, check
            )
            note = user_message(
                "Engine",
                "Full-precision memory for long emails: llama.cpp cannot use the compact "
                "8-bit cache here (%1)",
            ).arg(exc.why)
            if info.device_note is not None:
                note = user_message("Engine", "%1; %2").arg(info.device_note, note)
            self._info = replace(info, device_note=note)
            return self._info

    def _load(
        self,
        path: Path,
        gguf: GGUFInfo | None,
        plan: DevicePlan | None,
        context_size: int,
        verify: bool,
        cancel: threading.Event | None,
        check: bool,
    ) -> ModelInfo:
        if gguf is None:
            gguf = read_gguf(path, strict=check)  # before llama.cpp sees the file
        elif check:
            check_model(gguf)

        device_note = None
        if plan is not None:
            # Device variables only count before llama.cpp starts its backends.
            device_note = apply_device_env(plan)
            kwargs = plan.llama_kwargs()
            device: str | UserMessage = plan.reason
        else:
            context_size = context_size or DEFAULT_CONTEXT  # 0 = automatic
            trained = gguf.context_length or context_size
            kwargs = {
                "n_gpu_layers": 0,
                "n_ctx": min(context_size, trained),
                "n_threads": max(1, os.cpu_count() or 1),
            }
            device = "CPU"

        fallback_reason = None
        template = gguf.chat_template
        if verify:
            kwargs, device, fallback_reason = self._verify(
                path, gguf, plan, kwargs, device, template, cancel
            )
        self.close()  # only now: a refused file leaves the working model loaded

        try:
            # llama.cpp's log says *why* a load failed ("failed to allocate
            # buffer for kv cache"); the exception only says that it did.
            with llama_log_tap() as load_log:
                llm = new_llama(path, **kwargs)
        except Exception as exc:  # llama.cpp reports every load failure as ValueError/RuntimeError
            why = load_error(load_log.getvalue()) or str(exc)
            if plan is None or kwargs.get("n_gpu_layers", 0) == 0 or cache_refused(why):
                raise _refusal(path, why) from exc
            fallback = plan.cpu_fallback(why)
            log.warning("GPU load failed; retrying on the CPU")
            try:
                llm = new_llama(path, **fallback.llama_kwargs())
            except Exception as exc2:
                raise EngineError(
                    user_message("Engine", "llama.cpp could not load “%1”: %2.").arg(
                        path.name, exc2
                    )
                ) from exc2
            fallback_reason = fallback.reason
            device = fallback.reason

        self._llm = llm
        self._reading_speed = None
        self._step_costs = StepCosts()
        self._dry = DrySamplers(llm._model.vocab)
        self._abort = AbortFlag(llm._ctx.ctx)
        self._formatter = self._make_formatter(template)
        self._info = ModelInfo(
            path=str(path),
            name=gguf.name,
            architecture=gguf.architecture,
            context_size=llm.n_ctx(),
            trained_context=gguf.context_length,
            chat_template="model" if self._formatter is not None else "fallback",
            device=device,
            fallback_reason=fallback_reason,
            plan=plan,
            device_note=device_note,
        )
        self._attach_graph_top_k()
        return self._info

    def _verify(
        self,
        path: Path,
        gguf: GGUFInfo,
        plan: DevicePlan | None,
        kwargs: dict[str, Any],
        device: str | UserMessage,
        template: str | None,
        cancel: threading.Event | None,
    ) -> tuple[dict[str, Any], str | UserMessage, UserMessage | None]:
        """Run the first-use check in a child; (kwargs, device, fallback reason) to load with."""
        env = dict(plan.env) if plan is not None else {}
        key = trial.cache_key(path, gguf.data_start, kwargs, env)
        if trial.is_verified(key):
            return kwargs, device, None
        # Generous: it runs once per file, and a software Vulkan device (lavapipe)
        # compiles its flash-attention shaders in the child first (~10 s more).
        timeout = 90.0 + 20.0 * gguf.file_size / 1e9
        result = trial.run_trial(path, kwargs, env, template, timeout=timeout, cancel=cancel)
        if result.ok:
            trial.remember(key)
            return kwargs, device, None
        if not result.crashed and cache_refused(result.message):
            raise CacheRefused(path, result.message)  # the CPU would refuse it too
        if plan is not None and kwargs.get("n_gpu_layers", 0) != 0:
            what = (
                "did not finish loading"
                if result.hung
                else "crashed llama.cpp"
                if result.crashed
                else "failed to load"
            )
            fallback = plan.cpu_fallback(f"it {what} on the GPU: {result.message}")
            cpu_kwargs = fallback.llama_kwargs()
            cpu_key = trial.cache_key(path, gguf.data_start, cpu_kwargs, env)
            if trial.is_verified(cpu_key):
                return cpu_kwargs, fallback.reason, fallback.reason
            retry = trial.run_trial(path, cpu_kwargs, env, template, timeout=timeout, cancel=cancel)
            if retry.ok:
                trial.remember(cpu_key)
                return cpu_kwargs, fallback.reason, fallback.reason
            result = retry
        if result.hung:  # a hang is no crash: the file may load on a faster machine
            raise EngineError(
                user_message(
                    "Engine",
                    "“%1” was not loaded: its first check did not finish within %2 seconds. "
                    "It did not crash: a slow disk or graphics driver can take this long; "
                    "try again.",
                ).arg(path.name, str(round(result.seconds)))
            )
        if not result.crashed:
            raise _refusal(path, result.message)
        raise EngineError(
            user_message(
                "Engine", "This model file crashes llama.cpp: %1. “%2” was not loaded."
            ).arg(result.message, path.name)
        )

    def _make_formatter(self, template: str | None) -> ChatTemplate | None:
        if template is None:
            return None
        model = self._llm._model
        eos_id, bos_id = model.token_eos(), model.token_bos()
        try:
            # A GGUF's template is untrusted input: rendered in a sandbox with
            # a time and size budget (engine/chat_template.py). A template that
            # cannot render a plain conversation is replaced by the fallback
            # rather than failing later.
            formatter = ChatTemplate(
                template,
                bos_token=model.token_get_text(bos_id) if bos_id != -1 else "",
                eos_token=model.token_get_text(eos_id) if eos_id != -1 else "",
            )
            formatter.render(list(TEST_CONVERSATION))
            return formatter
        except EngineError as exc:
            log.info("Model chat template unusable (%s); using the fallback format", exc)
            return None

    # -- prompts -----------------------------------------------------------
    def _prompt_tokens(self, request: GenerationRequest) -> tuple[list[int], list[str]]:
        llm = self._llm
        if self._formatter is not None:
            messages = [{"role": m.role, "content": m.content} for m in request.messages]
            # Budgeted: a template that loops or balloons stops with
            # TemplateError, and Stop (the request's cancel) ends it at once.
            result = self._formatter.render(messages, cancel=self._cancel)
            # The template already wrote the BOS text; special=True maps it to the token.
            tokens = llm.tokenize(result.prompt.encode("utf-8"), add_bos=False, special=True)
            return tokens, list(result.stop)
        text = fallback_prompt(request.messages)
        return llm.tokenize(text.encode("utf-8"), add_bos=True, special=False), list(FALLBACK_STOPS)

    def render_prompt(self, request: GenerationRequest) -> str:
        """The exact text the model reads (for tests and debugging; never logged)."""
        self._require_model()
        tokens, _ = self._prompt_tokens(request)
        text: bytes = self._llm.detokenize(tokens, special=True)
        return text.decode("utf-8", errors="replace")

    def measure_input_usage(self, request: GenerationRequest) -> int:
        self._require_model()
        return len(self._prompt_tokens(request)[0])

    def _require_model(self) -> None:
        if self._llm is None:
            raise EngineError(user_message("Engine", "No model is loaded yet."))

    def _reset_perf(self) -> None:
        import llama_cpp

        llama_cpp.llama_perf_context_reset(self._llm._ctx.ctx)

    def _perf_counts(self) -> int:
        """Tokens llama.cpp evaluated since the last _reset_perf()."""
        import llama_cpp

        # llama.cpp books queued tokens into its counters when it synchronises.
        llama_cpp.llama_synchronize(self._llm._ctx.ctx)
        data = llama_cpp.llama_perf_context(self._llm._ctx.ctx)
        # The reported counts are clamped to at least 1; a counter that really
        # saw tokens also has a non-zero time.
        batched = int(data.n_p_eval) if data.t_p_eval_ms > 0 else 0
        single = int(data.n_eval) if data.t_eval_ms > 0 else 0
        return batched + single

    # -- generation --------------------------------------------------------
    def stream(
        self,
        request: GenerationRequest,
        cancel: threading.Event,
        on_prompt_progress: ProgressCallback | None = None,
    ) -> Iterator[str]:
        self._require_model()
        llm = self._llm
        stats = GenerationStats()
        self._stats = stats
        self._cancel = cancel
        abort = self._abort
        if abort is not None:
            abort.watch(cancel)
        sampling = request.sampling or SamplerSettings(temperature=request.temperature)
        all_candidates = self._device_top_k is not None and needs_all_candidates(sampling)
        if all_candidates:
            self._drop_device_top_k()
        try:
            tokens, stops = self._prompt_tokens(request)
            stats.prompt_tokens = len(tokens)
            room = llm.n_ctx() - len(tokens)
            if room < 16:
                raise EngineError(
                    user_message(
                        "Engine",
                        "This email is too long for the model: it takes %1 tokens and the "
                        "model reads at most %2. Select a part of it, or shorten it.",
                    ).arg(f"{len(tokens):,}", f"{llm.n_ctx():,}")
                )
            meter = LoadMeter()  # how busy other programs keep the processor meanwhile
            self._read_prompt(tokens, cancel, stats, on_prompt_progress)
            yield from self._write(
                tokens, stops, min(request.max_tokens, room), sampling, cancel, stats
            )
            if stats.generated_tokens >= MIN_TOKENS_TO_RECORD:
                self._record_speed(stats.generation_tokens_per_second, meter.others_share())
        finally:
            self._cancel = None
            if abort is not None:
                abort.end()
            if all_candidates and self._llm is not None:
                # A chain is initialised for one context once: a fresh one.
                self._attach_graph_top_k()

    def _record_speed(self, gen_tokens_per_s: float, load: float | None) -> None:
        """Keep this model's writing speed: the Models window estimates the others from it.

        `load`: the share of the processors other programs used meanwhile
        (a run on a busy machine does not decide the estimates alone).
        """
        from composer.hardware.speed import device_key, record_speed
        from composer.hardware.system import cpu_name

        info = self._info
        if info is None:
            return
        plan = info.plan
        if plan is None or info.fallback_reason or plan.n_gpu_layers <= 0:
            where = "cpu"
        elif plan.all_layers:
            where = device_key(plan.device)
        else:
            return  # split between GPU and CPU: says little about either
        try:
            size = Path(info.path).stat().st_size
        except OSError:
            return
        record_speed(where, size, gen_tokens_per_s, cpu=cpu_name(), load=load)

    def _read_prompt(
        self,
        tokens: list[int],
        cancel: threading.Event,
        stats: GenerationStats,
        on_progress: ProgressCallback | None,
    ) -> None:
        """Evaluate the prompt in batches, reusing the KV cache's shared prefix.

        Done here rather than inside llama-cpp-python's generate() so that we
        can report progress between batches and stop between them.
        """
        llm = self._llm
        cached = llm.input_ids[: llm.n_tokens].tolist()
        # Keep at least the last token to evaluate, so fresh logits exist.
        reuse = min(_common_prefix(cached, tokens), len(tokens) - 1)
        if reuse > 0 and not llm._ctx.kv_cache_seq_rm(-1, reuse, -1):
            reuse = 0  # this cache type cannot drop a suffix (e.g. sliding window)
        if reuse == 0:
            llm.reset()
            llm._ctx.kv_cache_clear()
        llm.n_tokens = reuse
        stats.reused_tokens = reuse
        self._reset_perf()
        started = time.perf_counter()
        total = len(tokens)
        if on_progress:
            on_progress(reuse, total)
        first = first_batch(self._reading_speed, llm.n_batch)
        for start, end in prompt_batches(reuse, total, llm.n_batch, first):
            if cancel.is_set():
                raise Cancelled()
            try:
                llm.eval(tokens[start:end])
            except RuntimeError as exc:
                if cancel.is_set():
                    raise Cancelled() from exc
                raise EngineError(
                    user_message("Engine", "llama.cpp failed while reading the prompt: %1").arg(exc)
                ) from exc
            if on_progress:
                on_progress(end, total)
        stats.prompt_seconds = time.perf_counter() - started
        stats.evaluated_tokens = self._perf_counts()
        if total - reuse >= 2 * FIRST_BATCH and stats.prompt_seconds > 0:
            self._reading_speed = (total - reuse) / stats.prompt_seconds

    def _write(
        self,
        tokens: list[int],
        stops: list[str],
        max_tokens: int,
        sampling: SamplerSettings,
        cancel: threading.Event,
        stats: GenerationStats,
    ) -> Iterator[str]:
        """Write the answer after the prompt (composer.engine.token_loop).

        bench/legacy_loop.py replaces this with llama-cpp-python's own loop,
        to compare the two.
        """
        started = time.perf_counter()
        try:
            yield from write_tokens(
                self._llm,
                len(tokens),
                stops,
                max_tokens,
                sampling,
                cancel,
                stats,
                self._dry,
                self._step_costs if self.lookup_decoding else None,
            )
        finally:
            stats.generation_seconds = time.perf_counter() - started

    def _drop_device_top_k(self) -> None:
        """Detach and free the graph's top-k chain.

        Before its context goes, or for a request whose chain must see every candidate.
        """
        import llama_cpp

        chain, self._device_top_k = self._device_top_k, None
        if chain is not None:
            if self._llm is not None:
                llama_cpp.llama_set_sampler(self._llm._ctx.ctx, 0, None)
            llama_cpp.llama_sampler_free(chain)

    def _attach_graph_top_k(self) -> None:
        """Let the graph pick the sampler's candidates where that is faster (token_loop).

        Output layer on a GPU: the GPU's top-k. On the CPU with two threads or
        more: the row-split top-k, run on all of them. One thread, or a
        vocabulary of prime size: the host chain alone (the graph's top-k would
        be the same one-thread sort).
        """
        llm = self._llm
        if llm is None:
            return
        forced = os.environ.get("COMPOSER_DEVICE_TOP_K")  # benches and tests: "0" or "1"
        if forced == "0":
            return
        on_gpu = self._output_on_gpu()
        if forced != "1" and not on_gpu and llm.context_params.n_threads < 2:
            return
        if not on_gpu and row_count(llm.n_vocab(), DEVICE_TOP_K) < 2:
            return  # a vocabulary that splits into no rows: the graph would sort on one thread
        self._device_top_k = offload_top_k(llm._ctx.ctx, split_rows=not on_gpu)

    def _output_on_gpu(self) -> bool:
        """Whether the model's output layer (its logits) is computed on a GPU."""
        info = self._info
        if info is None or info.plan is None or info.fallback_reason:
            return False
        return info.plan.all_layers

    def measure_speed(self) -> SpeedResult:
        """Reading and writing tokens/s of the loaded model on this machine."""
        from composer.hardware.speed import measure_speed

        self._require_model()
        meter = LoadMeter()
        result = measure_speed(self._llm)
        self._record_speed(result.gen_tokens_per_s, meter.others_share())
        return result

    def close(self) -> None:
        if self._llm is not None:
            self._drop_device_top_k()
            if self._dry is not None:
                self._dry.close()
                self._dry = None
            try:
                self._llm.close()
            finally:
                self._llm = None
                self._info = None
                self._formatter = None
                self._abort = None


__all__ = [
    "CacheRefused",
    "Cancelled",
    "EngineError",
    "GGUFError",
    "LocalEngine",
    "fallback_prompt",
]
