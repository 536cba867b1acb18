"""The writing-speed estimate against the real writing speed, on this machine's CPU.

    .venv/bin/python bench/speed_estimate.py [--model M.gguf] [--runs 5] [--threads N]

What the Models window shows before a model is loaded is an estimate
(composer.hardware.speed): the memory bandwidth probe, at llama.cpp's share
of it (CPU_EFFICIENCY), over the bytes of weights read per token. This script
makes that estimate the app's way (live probe, the planner's threads, a CPU
plan, a fresh COMPOSER_HOME so no earlier measurement is used), then loads
the model with the same plan (n_ctx 2048) and times it with the app's own
measurement (Settings > Hardware > Measure: 256 tokens read, 64 written,
greedy) --runs times. Prints the load average before and after (the figure
means something only on an idle machine: other programs slow the model's
threads far more than the short probe), each run, the median and the ratio.

Target: the estimate within a factor of two of the median measured speed
(0.5 <= estimate / measured <= 2). Exit status 1 when it is missed. Default
model: the starter (Gemma 3 270M Q4_K_M), from COMPOSER_TEST_CACHE as the
tests use it. Numbers go to docs/PERFORMANCE.md with the machine and command.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer.engine.local import LocalEngine  # noqa: E402
from composer.hardware.plan import ModelFacts, Override, default_threads, make_plan  # noqa: E402
from composer.hardware.probe import probe  # noqa: E402
from composer.hardware.speed import estimate, speed_basis  # noqa: E402
from composer.modelfile.gguf import read_gguf  # noqa: E402
from composer.models.starter import ensure_starter_model  # noqa: E402


def starter_path() -> Path:
    cache = Path(os.environ.get("COMPOSER_TEST_CACHE") or Path.home() / ".cache" / "composer-tests")
    return ensure_starter_model(cache)


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    home = tempfile.mkdtemp(prefix="composer-speed-estimate-")
    os.environ["COMPOSER_HOME"] = home
    try:
        return run()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="a GGUF file (default: the starter model)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, help="default: the planner's (one per core)")
    args = parser.parse_args()

    path = args.model or starter_path()
    info = read_gguf(path)
    size = path.stat().st_size
    print(f"load average before: {load_average()}")

    found = probe()
    threads = args.threads or default_threads(found)
    basis = speed_basis(found.cpu_name, threads)  # the bandwidth probe: no measurement yet
    override = Override(device="cpu", context_size=2048)
    plan = replace(make_plan(found, ModelFacts.from_gguf(info), override), n_threads=threads)
    guessed = estimate(plan, size, basis)
    assert guessed is not None
    print(
        f"{found.cpu_name}, {found.cpu_count} CPUs, {threads} threads; "
        f"probe {basis.cpu_bytes_per_s / 1e9:.2f} GB/s effective; "
        f"{path.name} {size / 1e6:.0f} MB -> estimate {guessed:.1f} tokens/s"
    )

    engine = LocalEngine()
    engine.load(path, plan=plan, context_size=plan.n_ctx)
    measured = []
    try:
        for i in range(args.runs):
            result = engine.measure_speed()
            measured.append(result.gen_tokens_per_s)
            print(f"run {i + 1}: {result.summary()}")
    finally:
        engine.close()
    median = statistics.median(measured)
    ratio = guessed / median if median > 0 else float("inf")
    met = 0.5 <= ratio <= 2.0
    print(f"load average after: {load_average()}")
    print()
    print(
        "| threads | probe, effective GB/s | estimate tok/s | measured tok/s (median) | runs "
        "| estimate ÷ measured | target 0.5–2 |"
    )
    print("|---|---|---|---|---|---|---|")
    runs = ", ".join(f"{m:.1f}" for m in measured)
    print(
        f"| {threads} | {basis.cpu_bytes_per_s / 1e9:.2f} | {guessed:.1f} | {median:.1f} | "
        f"{runs} | {ratio:.2f} | {'met' if met else 'missed'} |"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
