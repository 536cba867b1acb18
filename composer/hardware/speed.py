"""Measure reading (prompt) and writing (generation) speed on this machine.

Runs on the thread that owns the Llama object (the engine worker): a Llama is
not thread-safe. The text read is a fixed, built-in passage, never the user's.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

# Plain prose, repeated to length: close to what the assistant reads.
_PASSAGE = (
    "Dear team, thank you for the productive meeting on Tuesday. As discussed, we will "
    "move the launch to the second week of March, update the budget sheet, and share the "
    "revised schedule with our partners by Friday. Please send me your notes and any open "
    "questions so that I can prepare the summary for the board. "
)


@dataclass
class SpeedResult:
    prompt_tokens_per_s: float
    gen_tokens_per_s: float
    n_prompt: int
    n_gen: int

    def summary(self) -> str:
        return (
            f"reading {self.prompt_tokens_per_s:,.0f} tokens/s, "
            f"writing {self.gen_tokens_per_s:,.1f} tokens/s"
        )


def _prompt_tokens(llm: Any, count: int) -> list[int]:
    tokens: list[int] = llm.tokenize(_PASSAGE.encode("utf-8"), add_bos=True)
    body = tokens[1:] or tokens
    while len(tokens) < count:
        tokens.extend(body)
    return tokens[:count]


def _timed_generate(llm: Any, tokens: list[int], n_gen: int) -> tuple[float, float]:
    """Seconds to the first token (reading the prompt) and for the n_gen - 1 after it.

    Goes through Llama.generate, the path the assistant writes with: its
    sampler lives across tokens, and reading the first token's logits waits
    for the GPU, so the prompt's time is not hidden in the first step
    (Llama.eval alone returns before an asynchronous backend has finished).
    """
    llm.reset()
    start = time.perf_counter()
    stream = llm.generate(tokens, top_k=1, temp=0.0, reset=True)
    next(stream)
    first = time.perf_counter()
    for _ in range(n_gen - 1):
        next(stream)
    end = time.perf_counter()
    stream.close()
    return first - start, end - first


def measure_speed(llm: Any, n_prompt: int = 256, n_gen: int = 64) -> SpeedResult:
    """Time reading n_prompt tokens and writing n_gen tokens (greedy) on `llm`.

    Leaves the model's context empty afterwards, so the next request does not
    reuse the benchmark's tokens as a prefix.
    """
    n_ctx = int(llm.n_ctx())
    n_gen = max(2, n_gen)
    n_prompt = max(16, min(n_prompt, n_ctx - n_gen - 2))
    tokens = _prompt_tokens(llm, n_prompt)
    try:
        # The same shapes once untimed: a GPU backend builds its pipelines for
        # each batch size on first use (on the H100, 81 tok/s cold vs 2,700 warm).
        _timed_generate(llm, tokens, 2)
        prompt_s, gen_s = _timed_generate(llm, tokens, n_gen)
    finally:
        llm.reset()
    return SpeedResult(
        prompt_tokens_per_s=len(tokens) / prompt_s if prompt_s > 0 else 0.0,
        gen_tokens_per_s=(n_gen - 1) / gen_s if gen_s > 0 else 0.0,
        n_prompt=len(tokens),
        n_gen=n_gen,
    )


# ---- estimates: how fast a model would write here, before it is loaded ----

# About three quarters of a word per token for English and French prose with
# the common vocabularies (OpenAI's and Hugging Face's rule of thumb).
WORDS_PER_TOKEN = 0.75
# Below this, waiting for a draft is no longer useful: the recommendation
# skips a model that would write slower when a smaller one fits.
USEFUL_TOKENS_PER_S = 3.0
# Share of the probed memory bandwidth (a sum over memory on every thread)
# that llama.cpp turns into weights read per second while writing on the CPU:
# it also dequantises and multiplies. On this two-core machine: 23-38 tokens/s
# x 253 MB = 5.8-9.7 GB/s against 19 GB/s probed. The first real answer
# replaces the guess with a measurement.
CPU_EFFICIENCY = 0.5
# Without a measurement on the GPU itself: typical memory bandwidth by kind,
# at a share llama.cpp reaches when writing one token at a time. Deliberately
# modest (a mid-range card); a real measurement replaces it.
GPU_BYTES_PER_S = {"discrete": 250e9, "Metal": 100e9}
GPU_EFFICIENCY = 0.6
_BOOK_VERSION = 1
_BOOK_BYTES = 1 << 20  # a few speeds take a few kB; a file far larger is not ours


@dataclass(frozen=True)
class SpeedBasis:
    """What estimates stand on: effective bytes of weights read per second.

    cpu_bytes_per_s: on the CPU (from measured runs, else the bandwidth
    probe); gpu: device description -> bytes/s from runs measured there.
    source: "measured" when runs timed on the CPU decide, "busy" when only a
    few runs taken while other programs kept the processor busy raise the
    probe's figure, "probe" when only the memory bandwidth was measured.
    gpu_at_least: device description -> bytes/s from a few busy runs there:
    a floor under the nominal figure, never a reason to go below it.
    """

    cpu_bytes_per_s: float
    gpu: dict[str, float]
    source: str
    gpu_at_least: dict[str, float] = field(default_factory=dict)


def bytes_per_token(model_bytes: int) -> int:
    """Weights read to write one token: all of them, for the dense models we list.

    The KV cache read is left out: at email lengths it is a few per cent.
    """
    return max(1, model_bytes)


def measure_bandwidth(threads: int = 1, size: int = 64 * 1024 * 1024) -> float:
    """Bytes per second the CPU reads from memory, summing a buffer on `threads` threads.

    NumPy releases the GIL in sums, so the threads read in parallel as
    llama.cpp's do. Best of three, about 0.1 s on two cores.
    """
    import threading

    import numpy as np

    threads = max(1, threads)
    chunks = [np.ones(max(1, size // threads // 8)) for _ in range(threads)]
    best = 0.0
    for _ in range(3):
        workers = [threading.Thread(target=c.sum) for c in chunks]
        start = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        elapsed = time.perf_counter() - start
        if elapsed > 0:
            best = max(best, sum(c.nbytes for c in chunks) / elapsed)
    return best


def tokens_per_s(model_bytes: int, bytes_per_s: float) -> float:
    return bytes_per_s / bytes_per_token(model_bytes)


def words_per_s(tokens: float) -> float:
    return tokens * WORDS_PER_TOKEN


def estimate(plan: Any, model_bytes: int, basis: SpeedBasis) -> float | None:
    """Tokens per second `model_bytes` of weights would write under `plan` (a DevicePlan).

    Each token reads the layers on the GPU at the GPU's rate and the rest at
    the CPU's; None when the model does not fit at all.
    """
    if plan.fit == "none":
        return None
    weights = bytes_per_token(model_bytes)
    if plan.device is None or plan.n_gpu_layers <= 0:
        return basis.cpu_bytes_per_s / weights
    gpu_rate = gpu_bytes_per_s(plan.device, basis)
    if plan.all_layers:
        return gpu_rate / weights
    share = float(plan.n_gpu_layers) / ((plan.n_layers or plan.n_gpu_layers) + 1)
    seconds: float = weights * share / gpu_rate + weights * (1 - share) / basis.cpu_bytes_per_s
    return 1 / seconds


def gpu_bytes_per_s(device: Any, basis: SpeedBasis) -> float:
    key = device_key(device)
    measured = basis.gpu.get(key)
    if measured:
        return measured
    if device.kind == "integrated" and device.backend != "Metal":
        nominal = basis.cpu_bytes_per_s  # it shares the system's memory
    else:
        nominal = GPU_BYTES_PER_S["Metal" if device.backend == "Metal" else "discrete"]
        nominal *= GPU_EFFICIENCY
    return max(nominal, basis.gpu_at_least.get(key, 0.0))


def device_key(device: Any) -> str:
    """Where a speed was measured: "cpu", or the GPU's description."""
    if device is None:
        return "cpu"
    return str(device.description or device.name)


# ---- how busy the machine was while a speed was measured ----

# A run during which other programs kept at least this share of the
# processors busy is a "busy" run: it says how fast the machine was then, not
# how fast it is (a two-core machine under load wrote 1.1 tokens/s against an
# estimate of 46; one such draft rated every model "less than one word per
# second"). A judgement, not a measured threshold: half a core of others' work
# on two cores already competes with llama.cpp's threads.
BUSY_SHARE = 0.25


@dataclass(frozen=True)
class CpuSample:
    """Processor seconds since boot: all processors' total and busy time, and this process's."""

    total: float
    busy: float
    own: float


def cpu_sample() -> CpuSample | None:
    """The processor counters now (psutil); None where they cannot be read (load unknown)."""
    try:
        import psutil

        times = psutil.cpu_times()
        own = psutil.Process().cpu_times()
    except Exception as exc:  # psutil refused (a sandbox, an unsupported system)
        log.info(
            "Processor load unreadable (%s); speeds are kept as unknown load", type(exc).__name__
        )
        return None
    # As psutil's cpu_percent counts: guest time is already in user time
    # (Linux), idle and I/O wait are not work. Steal (a VM's host) is others' work.
    total = sum(times) - getattr(times, "guest", 0.0) - getattr(times, "guest_nice", 0.0)
    busy = total - times.idle - getattr(times, "iowait", 0.0)
    return CpuSample(total=total, busy=busy, own=own.user + own.system)


class LoadMeter:
    """How much of the processors other programs used between its start and others_share().

    This process's own time (llama.cpp's threads, the GUI) is left out:
    only other programs make a measured speed untypical. `sample` reads
    the counters (cpu_sample); tests give their own.
    """

    def __init__(self, sample: Callable[[], CpuSample | None] = cpu_sample) -> None:
        self._sample = sample
        self._start = sample()

    def others_share(self) -> float | None:
        """0 (others idle) .. 1 (others used every processor); None when unknown."""
        end = self._sample()
        start = self._start
        if start is None or end is None:
            return None
        total = end.total - start.total
        if total <= 0:
            return None
        others = (end.busy - start.busy) - (end.own - start.own)
        return min(1.0, max(0.0, others / total))


# ---- the speed book: measured runs and bandwidth, kept in the cache folder ----

# Runs kept per device, newest last: the basis is their median, so a single
# slow run cannot move it and several consistent ones can.
KEPT_RUNS = 8
# With no calm run at all, this many busy runs stand for how the machine is
# usually used; fewer only raise the probe's figure, never lower it.
MIN_BUSY_RUNS = 3


@dataclass(frozen=True)
class Run:
    """One measured run: weights read per second, and how busy other programs kept the CPU."""

    bytes_per_s: float
    load: float | None  # others' share of the processors (LoadMeter); None = unknown

    @property
    def calm(self) -> bool:
        return self.load is not None and self.load < BUSY_SHARE


def _number(value: object) -> float | None:
    """A finite number from the book (bool is not one), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _run(raw: object) -> dict[str, Any] | None:
    """A run as kept in the book, checked: the book is ours, but a file on disk is untrusted."""
    if not isinstance(raw, dict):
        return None
    size, speed = _number(raw.get("model_bytes")), _number(raw.get("tokens_per_s"))
    if size is None or speed is None or size <= 0 or speed <= 0:
        return None
    load = _number(raw.get("load"))
    at = _number(raw.get("at"))
    return {
        "model_bytes": int(size),
        "tokens_per_s": speed,
        "load": None if load is None else min(1.0, max(0.0, load)),
        "at": at or 0.0,
    }


def _kept_runs(record: object) -> list[dict[str, Any]]:
    """A device's valid runs, newest last; a record of version 1 (one run, no load) is one run."""
    if not isinstance(record, dict):
        return []
    raw_runs = record.get("runs")
    if not isinstance(raw_runs, list):
        raw_runs = [record]  # written before runs were kept: its single speed, load unknown
    runs = [run for run in map(_run, raw_runs[-KEPT_RUNS:]) if run is not None]
    return runs


def _runs(record: object) -> list[Run]:
    return [
        Run(bytes_per_s=r["model_bytes"] * r["tokens_per_s"], load=r["load"])
        for r in _kept_runs(record)
    ]


def _upper_median(values: Iterable[float]) -> float:
    """The median; of an even count the higher middle value (a slow outlier cannot halve it)."""
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def robust_rate(runs: list[Run]) -> tuple[float, bool] | None:
    """The figure runs stand for, and whether it decides alone (False: a floor only).

    The median of the calm runs; with no calm run, the median of the busy
    ones (load high or unknown) once there are MIN_BUSY_RUNS of them, else
    that median only as a floor under the estimate without runs. None
    without runs.
    """
    calm = [r.bytes_per_s for r in runs if r.calm]
    if calm:
        return _upper_median(calm), True
    if not runs:
        return None
    return _upper_median(r.bytes_per_s for r in runs), len(runs) >= MIN_BUSY_RUNS


def _book_path() -> Any:
    from composer.paths import app_paths

    return app_paths().cache / "writing-speed.json"


def _read_book() -> dict[str, Any]:
    from composer.fileio import read_json_regular

    # Through the regular-file guard: a FIFO in its place would block the app
    # for good. Anything unreadable is measured again (and overwritten).
    try:
        data = read_json_regular(_book_path(), _BOOK_BYTES)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:  # also too large, not JSON, a FIFO
        # A cache: information, not a warning (the next runs rebuild it).
        log.info(
            "Writing-speed file unreadable (%s); speeds are measured again", type(exc).__name__
        )
        return {}
    if not isinstance(data, dict) or data.get("version") != _BOOK_VERSION:
        log.info("Writing-speed file not in the expected form; speeds are measured again")
        return {}
    return data


def _write_book(data: dict[str, Any]) -> None:
    from composer.fileio import make_private_dir, write_json_atomic

    path = _book_path()
    data["version"] = _BOOK_VERSION
    try:
        # Private (0700 folder, 0600 file) like every file of ours: it names the
        # processor and GPUs. Atomic: a kill mid-write leaves the old book.
        make_private_dir(path.parent)
        write_json_atomic(path, data)
    except OSError:
        pass  # a cache: the next estimate measures again


def _measured(data: dict[str, Any]) -> dict[str, Any]:
    measured = data.get("measured")
    if isinstance(measured, dict):
        return measured
    if measured is not None:
        log.info("Writing-speed file: measured speeds not in the expected form; ignored")
    return {}


def record_speed(
    device: str,
    model_bytes: int,
    gen_tokens_per_s: float,
    cpu: str = "",
    load: float | None = None,
) -> None:
    """Keep a measured writing speed among the device's last KEPT_RUNS (numbers only: no text).

    `load`: the share of the processors other programs used meanwhile
    (LoadMeter.others_share), None when unknown. Runs from another processor
    (a settings folder carried over) are dropped.
    """
    if not (gen_tokens_per_s > 0 and model_bytes > 0 and math.isfinite(gen_tokens_per_s)):
        return
    data = _read_book()
    measured = _measured(data)
    data["measured"] = measured
    record = measured.get(device)
    same_cpu = isinstance(record, dict) and record.get("cpu", "") == cpu
    runs = _kept_runs(record) if same_cpu else []
    now = time.time()
    runs.append(
        {
            "model_bytes": int(model_bytes),
            "tokens_per_s": float(gen_tokens_per_s),
            "load": None if load is None else round(min(1.0, max(0.0, load)), 3),
            "at": now,
        }
    )
    measured[device] = {
        "cpu": cpu,
        "runs": runs[-KEPT_RUNS:],
        # The newest run as version 1 of this file kept it (an older Composer reads these).
        "model_bytes": int(model_bytes),
        "tokens_per_s": float(gen_tokens_per_s),
        "at": now,
    }
    _write_book(data)


def _bandwidth(data: dict[str, Any], key: str, threads: int) -> float:
    """The CPU's measured memory bandwidth for `key`, probed (and kept) when not known."""
    probe = data.get("bandwidth")
    kept = _number(probe.get("bytes_per_s")) if isinstance(probe, dict) else None
    if isinstance(probe, dict) and probe.get("key") == key and kept is not None and kept > 0:
        return kept
    bandwidth = measure_bandwidth(threads)
    data["bandwidth"] = {"key": key, "bytes_per_s": bandwidth}
    _write_book(data)
    return bandwidth


def speed_basis(cpu_name: str, threads: int) -> SpeedBasis:
    """The basis for estimates on this machine: measured runs first, else a bandwidth probe.

    Each device's figure is robust_rate of its kept runs: the median of
    the calm ones. Runs taken while other programs kept the processor busy
    count only without a calm one, and then decide only when there are
    MIN_BUSY_RUNS of them; fewer can raise the probe's figure, never lower
    it. The probe runs once per processor and thread count; its result is kept.
    """
    data = _read_book()
    measured = _measured(data)
    gpu: dict[str, float] = {}
    gpu_floor: dict[str, float] = {}
    for key, record in measured.items():
        if key == "cpu":
            continue
        rate = robust_rate(_runs(record))
        if rate is not None:
            (gpu if rate[1] else gpu_floor)[str(key)] = rate[0]
    cpu_record = measured.get("cpu")
    same_cpu = isinstance(cpu_record, dict) and cpu_record.get("cpu", "") == cpu_name
    cpu_rate = robust_rate(_runs(cpu_record)) if same_cpu else None
    if cpu_rate is not None and cpu_rate[1]:
        return SpeedBasis(cpu_rate[0], gpu, "measured", gpu_floor)
    guess = _bandwidth(data, f"{cpu_name}/{threads}", threads) * CPU_EFFICIENCY
    if cpu_rate is not None and cpu_rate[0] > guess:
        return SpeedBasis(cpu_rate[0], gpu, "busy", gpu_floor)
    return SpeedBasis(guess, gpu, "probe", gpu_floor)


# ---- what helps when writing is slow ----

# The smallest model the app offers (the starter, Gemma 3 270M Q4_K_M): a
# model within this margin of it has no smaller one to move to.
SMALLEST_MODEL_BYTES = 253_113_024
_SMALLER_MARGIN = 1.5


@dataclass(frozen=True)
class SlowAdvice:
    """Which remedies apply to slow writing with the loaded model on this machine."""

    smaller_model: bool  # a smaller model exists (File > Models)
    gpu: bool  # an unused GPU could take the model (Settings > Hardware)
    free_cpu: bool  # it runs (partly) on the processor: other busy programs slow it


def slow_advice(model_bytes: int, plan: Any, probe: Any) -> SlowAdvice:
    """Remedies for `model_bytes` of weights under `plan` (None: plain CPU) with `probe`."""
    on_cpu = plan is None or plan.n_gpu_layers <= 0 or not plan.all_layers
    gpus = [d for d in getattr(probe, "devices", []) if d.is_gpu] if probe is not None else []
    return SlowAdvice(
        smaller_model=model_bytes > SMALLEST_MODEL_BYTES * _SMALLER_MARGIN,
        gpu=on_cpu and bool(gpus),
        free_cpu=on_cpu,
    )
