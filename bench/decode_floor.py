"""Where the engine's writing time goes, one layer at a time, in one process.

    python bench/decode_floor.py --model M.gguf --threads 4,16 [--tokens 128] [--runs 3]

For each thread count, after reading the same 512-token prompt, writes
--tokens tokens with:
- "decode only": llama_decode of one token at a time, the next token fixed
  (no sampling, no logits read): what llama-bench's tg measures, but through
  llama-cpp-python's context;
- "decode + logits": the same, reading the last logits row (llama.cpp waits
  for the graph there, as sampling would);
- "decode + greedy": llama.cpp's greedy sampler over the whole vocabulary;
- "decode + app chain": the sampler chain the engine builds for temperature
  0.7 (top-k 40 first, top-p, min-p, temperature, draw);
- "engine loop": composer.engine.token_loop.write_tokens (the app's loop).
Prints tokens/s per row and the time per token each layer adds. Flash
attention on llama.cpp's auto, as the app loads models.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--threads", default="4,16")
    ap.add_argument("--tokens", type=int, default=128)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--n-ctx", type=int, default=2048)
    ap.add_argument("--n-batch", type=int, default=512)
    ap.add_argument("--paths", default="decode,logits,greedy,chain,engine")
    a = ap.parse_args()

    import llama_cpp

    from composer.engine.base import GenerationStats
    from composer.engine.llama_load import new_llama
    from composer.engine.token_loop import SamplerSettings, build_sampler, write_tokens

    llm = new_llama(
        a.model, n_ctx=a.n_ctx, n_batch=a.n_batch, n_ubatch=512, n_gpu_layers=0, verbose=False
    )
    ctx = llm._ctx.ctx
    vocab = llm._model.vocab
    prompt = [(i * 7919) % 30000 + 100 for i in range(512)]
    one = (llama_cpp.llama_token * 1)()

    def read_prompt() -> None:
        llm.reset()
        llm._ctx.kv_cache_clear()
        llm.eval(prompt)

    def run(kind: str) -> float:
        read_prompt()
        sampler = None
        if kind in ("greedy", "chain"):
            settings = SamplerSettings(temperature=0 if kind == "greedy" else 0.7)
            sampler = build_sampler(vocab, llm.n_vocab(), llm.n_ctx(), settings)
        if kind == "engine":
            stats = GenerationStats()
            start = time.perf_counter()
            cancel = threading.Event()
            for _ in write_tokens(llm, len(prompt), [], a.tokens, SamplerSettings(), cancel, stats):
                pass
            return stats.generated_tokens / (time.perf_counter() - start)
        token = 1000
        start = time.perf_counter()
        for _ in range(a.tokens):
            if sampler is not None:
                token = llama_cpp.llama_sampler_sample(sampler, ctx, -1)
            elif kind == "logits":
                llama_cpp.llama_get_logits_ith(ctx, -1)
            one[0] = token
            llama_cpp.llama_decode(ctx, llama_cpp.llama_batch_get_one(one, 1))
        llama_cpp.llama_synchronize(ctx)
        rate = a.tokens / (time.perf_counter() - start)
        if sampler is not None:
            llama_cpp.llama_sampler_free(sampler)
        return rate

    names = {
        "decode": "decode only",
        "logits": "decode + logits",
        "greedy": "decode + greedy",
        "chain": "decode + app chain",
        "engine": "engine loop",
    }
    print("| threads | n_ctx/n_batch | path | tokens/s | ms per token | + ms vs decode only |")
    print("|---|---|---|---|---|---|")
    for threads in [int(t) for t in a.threads.split(",")]:
        llama_cpp.llama_set_n_threads(ctx, threads, threads)
        run("decode")  # warm-up
        base = None
        for kind, name in names.items():
            if kind not in a.paths.split(","):
                continue
            rate = statistics.median(run(kind) for _ in range(a.runs))
            ms = 1000 / rate
            base = ms if base is None else base
            shape = f"{a.n_ctx}/{a.n_batch}"
            row = f"| {threads} | {shape} | {name} | {rate:,.1f} | {ms:.2f} | {ms - base:+.2f} |"
            print(row, flush=True)
    llm.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
