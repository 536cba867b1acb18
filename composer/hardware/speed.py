"""Measure reading (prompt) and writing (generation) speed on this machine.

Runs on the thread that owns the Llama object (the engine worker): a Llama is
not thread-safe. The text read is a fixed, built-in passage, never the user's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

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

    cpu_bytes_per_s: on the CPU (from a measured model, else the bandwidth
    probe); gpu: device description -> bytes/s from a model measured there.
    source: "measured" when a model's writing speed was timed on the CPU,
    "probe" when only the memory bandwidth was.
    """

    cpu_bytes_per_s: float
    gpu: dict[str, float]
    source: str


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
    measured = basis.gpu.get(device_key(device))
    if measured:
        return measured
    if device.kind == "integrated" and device.backend != "Metal":
        return basis.cpu_bytes_per_s  # it shares the system's memory
    nominal = GPU_BYTES_PER_S["Metal" if device.backend == "Metal" else "discrete"]
    return nominal * GPU_EFFICIENCY


def device_key(device: Any) -> str:
    """Where a speed was measured: "cpu", or the GPU's description."""
    if device is None:
        return "cpu"
    return str(device.description or device.name)


# ---- the speed book: measured speeds and bandwidth, kept in the cache folder ----


def _book_path() -> Any:
    from composer.paths import app_paths

    return app_paths().cache / "writing-speed.json"


def _read_book() -> dict[str, Any]:
    from composer.fileio import read_json_regular

    # Through the regular-file guard: a FIFO in its place would block the app
    # for good. Anything unreadable is measured again (and overwritten).
    try:
        data = read_json_regular(_book_path(), _BOOK_BYTES)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == _BOOK_VERSION else {}


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


def record_speed(device: str, model_bytes: int, gen_tokens_per_s: float, cpu: str = "") -> None:
    """Keep a measured writing speed (numbers only: no text, no file name)."""
    if gen_tokens_per_s <= 0 or model_bytes <= 0:
        return
    data = _read_book()
    measured = data.setdefault("measured", {})
    measured[device] = {
        "cpu": cpu,
        "model_bytes": int(model_bytes),
        "tokens_per_s": float(gen_tokens_per_s),
        "at": time.time(),
    }
    _write_book(data)


def speed_basis(cpu_name: str, threads: int) -> SpeedBasis:
    """The basis for estimates on this machine: measured speeds first, else a bandwidth probe.

    The probe runs once per processor and thread count; its result is kept.
    """
    data = _read_book()
    measured = data.get("measured", {})
    gpu = {
        key: float(rec["model_bytes"]) * float(rec["tokens_per_s"])
        for key, rec in measured.items()
        if key != "cpu" and isinstance(rec, dict)
    }
    cpu_rec = measured.get("cpu")
    if isinstance(cpu_rec, dict) and cpu_rec.get("cpu", "") == cpu_name:
        rate = float(cpu_rec["model_bytes"]) * float(cpu_rec["tokens_per_s"])
        return SpeedBasis(cpu_bytes_per_s=rate, gpu=gpu, source="measured")
    key = f"{cpu_name}/{threads}"
    probe = data.get("bandwidth", {})
    if isinstance(probe, dict) and probe.get("key") == key:
        bandwidth = float(probe["bytes_per_s"])
    else:
        bandwidth = measure_bandwidth(threads)
        data["bandwidth"] = {"key": key, "bytes_per_s": bandwidth}
        _write_book(data)
    return SpeedBasis(cpu_bytes_per_s=bandwidth * CPU_EFFICIENCY, gpu=gpu, source="probe")


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
