"""What a writing step costs by its number of tokens: one token, or one and its guesses.

    python bench/step_costs.py --model M.gguf [--ngl 99] [--threads 16] [--depth 800]
        [--sizes 1,2,3,5,9,17] [--runs 15] [--out costs.json]

Lookup decoding (engine/lookup.py) pays where checking k guessed tokens in
one batch costs much less than k steps. Each size is decoded --runs times
at --depth tokens of context (the KV cache then trimmed back), every row
returning logits and each row sampled greedily, as the token loop does; the
median milliseconds per size are printed and written as JSON for
bench/lookup_bench.py --costs (which replays the real model's answers with
these costs: a random-weight model of the same shape has the same costs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--ngl", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--depth", type=int, default=800)
    ap.add_argument("--sizes", default="1,2,3,5,9,17")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()

    import os

    import llama_cpp

    from bench.engine_ratio import _patch_loader
    from composer.engine.local import LocalEngine
    from composer.engine.output_batch import OutputBatch

    _patch_loader(a.ngl, -1, a.threads or (os.cpu_count() or 1))
    engine = LocalEngine()
    engine.load(a.model, verify=False, context_size=a.depth + 64)
    llm = engine._llm
    ctx = llm._ctx.ctx
    sizes = [int(s) for s in a.sizes.split(",")]
    text = b"The shipment of part 7 is delayed by a week because the supplier moved. " * 400
    tokens = llm.tokenize(text)[: a.depth + max(sizes)]
    llm.eval(tokens[: a.depth])
    memory = llama_cpp.llama_get_memory(ctx)
    batch = OutputBatch(max(sizes))
    greedy = llama_cpp.llama_sampler_init_greedy()
    result = {}
    for size in sizes:
        times = []
        for _ in range(a.runs + 2):  # two warm-ups (a GPU builds its pipelines)
            started = time.perf_counter()
            rc = llama_cpp.llama_decode(ctx, batch.of(tokens[a.depth : a.depth + size], a.depth))
            for i in range(size):
                llama_cpp.llama_sampler_sample(greedy, ctx, i)
            times.append(time.perf_counter() - started)
            llama_cpp.llama_memory_seq_rm(memory, -1, a.depth, -1)
            if rc != 0:
                raise SystemExit(f"llama_decode failed for {size} tokens")
        result[size] = statistics.median(times[2:]) * 1000
        print(
            f"| {size} | {result[size]:.2f} ms | {result[size] / result[sizes[0]]:.2f} |",
            flush=True,
        )
    llama_cpp.llama_sampler_free(greedy)
    batch.free()
    engine.close()
    if a.out:
        a.out.write_text(json.dumps({"depth": a.depth, "ms": result}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
