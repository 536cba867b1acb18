"""CPU vs GPU speed of one model on this machine, through Composer's own planner.

    python bench/gpu_bench.py --model MODEL.gguf [--fa 0,1] [--out results.json]

Each mode (the planner's automatic choice, then CPU only) runs in a fresh
child process, because the device variables in a plan's env (e.g.
GGML_VK_VISIBLE_DEVICES) act only before llama.cpp starts its backends. Per
mode: load time, the layers llama.cpp reports offloaded, and reading
(prompt) / writing (generation) tokens/s from composer.hardware.speed, the
median of --runs runs after a warm-up. --fa 0,1 runs each mode with flash
attention off and on; -1 (the default) leaves it on auto, as the app's
loader (composer/engine/llama_load.py) does. The Vulkan device line llama.cpp prints at
start ("ggml_vulkan: 0 = ... | int dot: ... | matrix cores: ...") is kept
per mode. Numbers go to docs/PERFORMANCE.md by hand, with the machine and the
command.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run_mode(model: str, mode: str, n_prompt: int, n_gen: int, runs: int, fa: int = -1) -> dict:
    from composer.engine.llama_log import captured_llama_log
    from composer.hardware.offload import layer_devices, offloaded_layers
    from composer.hardware.plan import ModelFacts, Override, make_plan
    from composer.hardware.probe import probe
    from composer.hardware.speed import measure_speed
    from composer.modelfile.gguf import read_gguf

    device, _, threads = mode.partition(":")  # "cpu:16" = CPU only with 16 threads
    found = probe(use_cache=False)
    plan = make_plan(found, ModelFacts.from_gguf(read_gguf(model)), Override(device=device))
    if threads:
        plan.n_threads = int(threads)
    os.environ.update(plan.env)
    from composer.engine.llama_load import new_llama

    kwargs = plan.llama_kwargs()
    start = time.perf_counter()
    with captured_llama_log() as log:  # -1: flash attention on auto, as the app loads
        llm = new_llama(model, flash_attn=None if fa < 0 else bool(fa), verbose=True, **kwargs)
    load_s = time.perf_counter() - start
    results = [measure_speed(llm, n_prompt=n_prompt, n_gen=n_gen) for _ in range(runs)]
    llm.close()
    text = log.getvalue()
    return {
        "mode": mode,
        "fa": fa,
        "vulkan": [ln.strip() for ln in text.splitlines() if "ggml_vulkan:" in ln],
        "reason": plan.reason,
        "device": plan.device.description if plan.device else found.cpu_name,
        "n_threads": plan.n_threads,
        "n_ctx": plan.n_ctx,
        "offloaded": offloaded_layers(text),
        "layer_devices": sorted(layer_devices(text)),
        "load_s": round(load_s, 2),
        "prompt_tokens_per_s": round(statistics.median(r.prompt_tokens_per_s for r in results), 1),
        "gen_tokens_per_s": round(statistics.median(r.gen_tokens_per_s for r in results), 1),
        "n_prompt": results[0].n_prompt,
        "n_gen": n_gen,
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", required=True)
    parser.add_argument(
        "--modes",
        default="auto,cpu",
        help="comma list: auto, cpu or a device index; ':N' sets N threads (cpu:16)",
    )
    parser.add_argument("--n-prompt", type=int, default=512)
    parser.add_argument("--n-gen", type=int, default=128)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--fa", default="-1", help="comma list of flash attention 0 | 1 (-1: auto, as the app)"
    )
    parser.add_argument("--out", help="write the results as JSON here")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # child: run one mode, print JSON
    args = parser.parse_args()

    if args.one:
        print(
            "BENCH="
            + json.dumps(
                run_mode(args.model, args.one, args.n_prompt, args.n_gen, args.runs, int(args.fa))
            )
        )
        return 0

    rows = []
    for mode, fa in [(m, f) for m in args.modes.split(",") for f in args.fa.split(",")]:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--model",
                args.model,
                "--one",
                mode,
                "--n-prompt",
                str(args.n_prompt),
                "--n-gen",
                str(args.n_gen),
                "--runs",
                str(args.runs),
                "--fa",
                fa,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH=")), None)
        if line is None:
            print(
                f"{mode}: failed (exit {done.returncode})\n{done.stderr[-3000:]}", file=sys.stderr
            )
            return 1
        row = json.loads(line[len("BENCH=") :])
        # Backends print their device lines at start, before the log is captured.
        row["vulkan"] = row["vulkan"] or [
            ln.strip() for ln in done.stderr.splitlines() if "ggml_vulkan:" in ln
        ]
        rows.append(row)
        for ln in row["vulkan"]:
            print(f"{mode} fa={fa}: {ln}")
    print("| mode | fa | device | layers on GPU | load s | reading tok/s | writing tok/s |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        layers = "{}/{}".format(*r["offloaded"]) if r["offloaded"] else "?"
        print(
            f"| {r['mode']} | {r['fa']} | {r['device']} | {layers} | {r['load_s']} | "
            f"{r['prompt_tokens_per_s']:,} | {r['gen_tokens_per_s']:,} |"
        )
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
