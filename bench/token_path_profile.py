"""Where the engine's per-token time goes: a workload to run under py-spy.

    py-spy record --native -r 250 -f raw -o prof.txt -- \\
        .venv/bin/python bench/token_path_profile.py --model M.gguf --threads 4 --loop old
    python bench/token_path_profile.py --summarise prof.txt

The workload loads the model with LocalEngine (n_ctx 2048), reads a ~500-token
prompt, then writes --tokens tokens --runs times with the chosen loop ("old":
llama-cpp-python's create_completion stream, bench/legacy_loop.py; "new":
composer.engine.token_loop).
--summarise groups the samples of a raw (collapsed) py-spy profile into
buckets: llama.cpp's graph compute, sampling inside llama.cpp, detokenising,
Python in llama-cpp-python's completion machinery, our loop, other.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROMPT = " ".join(
    f"Item {i}: the shipment of part {i * 7} is delayed by a week." for i in range(30)
)[: int(os.environ.get("ENGINE_RATIO_PROMPT_CHARS", "0")) or None]


def workload(model: str, threads: int, loop: str, tokens: int, runs: int, temp: float) -> None:
    from bench.legacy_loop import engine_class
    from composer.engine.base import ChatMessage, GenerationRequest

    engine = engine_class(loop)()  # "old": llama-cpp-python's loop; "new" or "": the app's
    engine.load(model, context_size=2048)
    import llama_cpp

    llama_cpp.llama_set_n_threads(engine._llm._ctx.ctx, threads, threads)
    for i in range(runs):
        request = GenerationRequest(
            messages=(ChatMessage("system", f"Run {i}. Summarise."), ChatMessage("user", PROMPT)),
            max_tokens=tokens,
            temperature=temp,
        )
        start = time.perf_counter()
        n = sum(1 for _ in engine.stream(request, threading.Event()))
        s = engine.last_stats
        print(
            f"run {i}: {s.prompt_tokens} prompt, {s.generated_tokens} written ({n} pieces) "
            f"reading {s.prompt_tokens_per_second:.0f} tok/s, writing "
            f"{s.generation_tokens_per_second:.1f} tok/s, {time.perf_counter() - start:.2f} s, "
            f"stop {s.stop_reason}",
            flush=True,
        )
    engine.close()


BUCKETS = [
    ("sampling (llama.cpp sampler chain)", ("llama_sampler", "llama_sampler_sample")),
    ("detokenise (token_to_piece, Python)", ("detokenize", "token_to_piece")),
    ("llama.cpp decode (graph compute)", ("llama_decode", "ggml_graph_compute", "ggml_compute")),
    ("completion machinery (llama.py)", ("_create_completion", "llama.py")),
    ("our loop (token_loop.py)", ("token_loop.py",)),
]


def summarise(path: str) -> None:
    """Attribute each sample to the innermost matching bucket along its stack."""
    counts: collections.Counter[str] = collections.Counter()
    leafs: collections.Counter[str] = collections.Counter()
    total = 0
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        count = int(n)
        frames = stack.split(";")
        if not any("write_tokens" in f or "_write" in f or "stream" in f for f in frames):
            continue  # only the writing phase
        total += count
        leafs[frames[-1][:90]] += count
        bucket = "other"
        for frame in reversed(frames):  # innermost first
            hit = next((name for name, keys in BUCKETS if any(k in frame for k in keys)), None)
            if hit:
                bucket = hit
                break
        counts[bucket] += count
    print(f"{total} samples in the writing/streaming phase")
    for name, n in counts.most_common():
        print(f"  {100 * n / max(1, total):5.1f}%  {name}")
    print("top leaf frames:")
    for name, n in leafs.most_common(12):
        print(f"  {100 * n / max(1, total):5.1f}%  {name}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--loop", default="", help="old | new (default: new, the engine's)")
    ap.add_argument("--tokens", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--temp", type=float, default=0.7)
    ap.add_argument("--summarise")
    a = ap.parse_args()
    if a.summarise:
        summarise(a.summarise)
        return 0
    workload(a.model, a.threads, a.loop, a.tokens, a.runs, a.temp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
