"""Are a batch's logits those of one token at a time? By batch size and depth.

    python bench/batch_invariance.py --model M.gguf [--ngl 99] [--threads 4]
        [--depths 60,300,1000] [--sizes 2,3,4,8,17] [--no-repack] [--fa -1|0|1]

Checking guessed tokens (engine/lookup.py) reads the logits of a batch. For
each depth (tokens already in the KV cache) the same tokens are decoded one
at a time, then as one batch of each size, and the largest difference of
any logit over the batch's rows is printed (0 = bit for bit the same), with
how many rows' best token differs. llama.cpp's kernels choose their path by
the number of rows (on the CPU: repacked GEMM from 4 rows, split-KV
attention for one query over 512 cached tokens), which this makes visible.
"""

from __future__ import annotations

import argparse
import ctypes
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXT = (
    b"Dear Anna, thank you for the meeting on Friday. I would like to propose Tuesday "
    b"instead, at 10am in the office. The invoice of 4,500 EUR is attached. Best, Tom. "
)


def main() -> int:
    import llama_cpp
    import numpy as np

    from composer.engine.output_batch import OutputBatch

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--ngl", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--depths", default="60,300,1000")
    ap.add_argument("--sizes", default="2,3,4,8,17")
    ap.add_argument("--no-repack", action="store_true")
    ap.add_argument("--fa", type=int, default=-1, help="flash attention: -1 auto (the app's)")
    a = ap.parse_args()
    depths = [int(d) for d in a.depths.split(",")]
    sizes = [int(s) for s in a.sizes.split(",")]
    llama_cpp.llama_backend_init()
    params = llama_cpp.llama_model_default_params()
    params.n_gpu_layers = a.ngl
    params.use_extra_bufts = not a.no_repack
    model = llama_cpp.llama_model_load_from_file(a.model.encode(), params)
    cparams = llama_cpp.llama_context_default_params()
    cparams.n_ctx = max(depths) + max(sizes) + 64
    cparams.n_batch = cparams.n_ubatch = cparams.n_ctx
    if a.threads:
        cparams.n_threads = cparams.n_threads_batch = a.threads
    cparams.flash_attn_type = a.fa
    ctx = llama_cpp.llama_init_from_model(model, cparams)
    vocab = llama_cpp.llama_model_get_vocab(model)
    n_vocab = llama_cpp.llama_vocab_n_tokens(vocab)
    text = TEXT * (1 + (max(depths) + max(sizes)) // 20)
    room = len(text)
    ids = (llama_cpp.llama_token * room)()
    count = llama_cpp.llama_tokenize(vocab, text, len(text), ids, room, True, False)
    tokens = list(ids[:count])
    memory = llama_cpp.llama_get_memory(ctx)
    batch = OutputBatch(max(max(depths), max(sizes)))

    def logits(i: int) -> np.ndarray:
        row = llama_cpp.llama_get_logits_ith(ctx, i)
        return np.ctypeslib.as_array(ctypes.cast(row, ctypes.POINTER(ctypes.c_float)), (n_vocab,))

    def decode(part: list[int], first: int) -> None:
        if llama_cpp.llama_decode(ctx, batch.of(part, first)) != 0:
            raise SystemExit("llama_decode failed")

    print(f"model {Path(a.model).name}, ngl {a.ngl}, repack {not a.no_repack}, fa {a.fa}")
    print("| depth | rows | largest logit difference | rows whose best token differs |")
    print("|---|---|---|---|")
    for depth in depths:
        llama_cpp.llama_memory_clear(memory, True)
        decode(tokens[:depth], 0)
        singles = []
        for i in range(max(sizes)):
            decode([tokens[depth + i]], depth + i)
            singles.append(logits(0).copy())
        for size in sizes:
            llama_cpp.llama_memory_seq_rm(memory, -1, depth, -1)
            decode(tokens[depth : depth + size], depth)
            diff = max(float(np.abs(logits(i) - singles[i]).max()) for i in range(size))
            flips = sum(int(logits(i).argmax() != singles[i].argmax()) for i in range(size))
            print(f"| {depth} | {size} | {diff:.2g} | {flips} |", flush=True)
    batch.free()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
