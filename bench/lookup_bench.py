"""Prompt-lookup decoding against plain decoding: the 30 eval tasks and a 300-word proofread.

    python bench/lookup_bench.py --model M.gguf [--threads 4,16] [--ngl 99] [--runs 1]
        [--temps app,0] [--only proofread,formal] [--out results.json]

Each task goes through the app's own request building (assist.actions, the
action's own sampler chain and answer length) and LocalEngine, twice in a
row, once with lookup decoding (engine/lookup.py) and once without, the
order alternating from task to task. The KV cache is emptied before each
answer, so both read the whole prompt. "--temps app" uses the action's
sampler with a fixed seed (both answers make the same draws), "0" greedy.

Per task: wall time of the action (prompt and answer), writing time, tokens
written, tokens per writing step, the share of guessed tokens kept, and
whether the two answers are the same bytes (where they differ, the position
and both answers' text around it). Per action and overall: the writing time
lookup ÷ plain over the answers that are the same, and the writing time per
token over all of them (answers that part differ in length). Each --threads value runs in
its own child process; --ngl 99 puts the model on the GPU (with
COMPOSER_DEVICE_TOP_K=1 in the environment, the top-k in the GPU's graph,
as the app does there).

The 300-word email is bench/data/lookup/proofread_300.txt (written for this
project, with the slips a proofread is for).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TASKS = ROOT / "bench" / "eval_tasks.json"
EMAIL_300 = ROOT / "bench" / "data" / "lookup" / "proofread_300.txt"
SEED = 20261205


def tasks(only: set[str]) -> list[dict[str, str]]:
    found = json.loads(TASKS.read_text(encoding="utf-8"))["tasks"]
    found.append(
        {"id": "proofread-300w", "action": "proofread", "lang": "en", "body": EMAIL_300.read_text()}
    )
    return [t for t in found if not only or t["action"] in only]


def request_for(task: dict[str, str], temp: str):  # type: ignore[no-untyped-def]
    from composer.assist.actions import Action, EmailContext, build_request

    action = Action(task["action"])
    if action is Action.DRAFT:
        request = build_request(
            action,
            instruction=task["instruction"],
            context=EmailContext(subject=task.get("subject", "")),
        )
    else:
        body = task["body"]
        text = "" if action is Action.REPLY else body
        request = build_request(action, text, context=EmailContext(body=body))
    sampling = request.sampling
    sampling = replace(sampling, seed=SEED) if temp == "app" else replace(sampling, temperature=0)
    return replace(request, sampling=sampling)


class TableCosts:
    """Step costs from bench/step_costs.py's table (another machine's), not this one's clock.

    The answers are the real model's, written here; each step is charged what a
    step of its size costs there (linear between the measured sizes), and the
    policy decides with those costs. The writing time is then that machine's.
    """

    def __init__(self, table: dict[int, float]) -> None:
        self.table = dict(sorted(table.items()))
        self.one_token_s: float | None = None
        self.extra_token_s: float | None = None
        self.spent = 0.0

    def cost(self, batch: int) -> float:
        sizes = list(self.table)
        if batch in self.table:
            return self.table[batch]
        low = max(s for s in sizes if s < batch)
        high = min((s for s in sizes if s > batch), default=sizes[-1])
        if high == low:
            return self.table[low]
        share = (batch - low) / (high - low)
        return self.table[low] + share * (self.table[high] - self.table[low])

    def timed(self, batch: int, seconds: float) -> None:
        from composer.engine.lookup import StepCosts

        charged = self.cost(batch)
        self.spent += charged
        StepCosts.timed(self, batch, charged)  # type: ignore[arg-type]


def answer(engine, request, lookup: bool) -> dict:  # type: ignore[no-untyped-def]
    engine.lookup_decoding = lookup
    engine._llm.n_tokens = 0  # an empty KV cache: both read the whole prompt
    table = engine._step_costs if isinstance(engine._step_costs, TableCosts) else None
    if table is not None:
        table.spent = 0.0
    started = time.perf_counter()
    text = "".join(engine.stream(request, threading.Event()))
    wall = time.perf_counter() - started
    stats = engine.last_stats
    write_s = stats.generation_seconds
    if table is not None:  # that machine's time for these steps
        write_s = table.spent if lookup else stats.write_steps * table.cost(1)
    return {
        "text": text,
        "wall_s": wall,
        "write_s": write_s,
        "tokens": stats.generated_tokens,
        "steps": max(1, stats.write_steps),
        "drafted": stats.drafted_tokens,
        "kept": stats.kept_tokens,
    }


def first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def child(
    model: str,
    threads: int,
    ngl: int,
    temps: list[str],
    only: set[str],
    runs: int,
    stop_runs: int,
    costs_file: str = "",
) -> dict:
    from bench.engine_ratio import _patch_loader
    from composer.engine.local import LocalEngine

    if threads or ngl:
        # Flash attention left to llama.cpp (-1), as the app loads.
        _patch_loader(ngl, -1, threads or (os.cpu_count() or 1))
    engine = LocalEngine()
    engine.load(model, verify=False, context_size=4096)
    if costs_file:
        measured = json.loads(Path(costs_file).read_text(encoding="utf-8"))["ms"]
        engine._step_costs = TableCosts({int(k): v / 1000 for k, v in measured.items()})
    rows = []
    # A warm-up answer of each kind: first-use costs (shader compilation, caches) are no one's.
    warm = request_for(tasks({"proofread"})[0], "app")
    answer(engine, warm, True)
    answer(engine, warm, False)
    order = 0
    for temp in temps:
        for task in tasks(only):
            for _ in range(runs):
                request = request_for(task, temp)
                first = order % 2 == 0
                order += 1
                a = answer(engine, request, first)
                b = answer(engine, request, not first)
                lookup, plain = (a, b) if first else (b, a)
                same = lookup["text"] == plain["text"]
                at = None if same else first_difference(lookup["text"], plain["text"])
                row = {
                    "id": task["id"],
                    "action": task["action"],
                    "temp": temp,
                    "plain_wall_s": plain["wall_s"],
                    "lookup_wall_s": lookup["wall_s"],
                    "plain_write_s": plain["write_s"],
                    "lookup_write_s": lookup["write_s"],
                    "plain_tokens": plain["tokens"],
                    "lookup_tokens": lookup["tokens"],
                    "tokens_per_step": lookup["tokens"] / lookup["steps"],
                    "kept_share": lookup["kept"] / lookup["drafted"] if lookup["drafted"] else None,
                    "same": same,
                    "differs_at": at,
                    "plain_around": None if same else plain["text"][max(0, at - 25) : at + 25],
                    "lookup_around": None if same else lookup["text"][max(0, at - 25) : at + 25],
                }
                rows.append(row)
                print(
                    f"{threads:3}t ngl {ngl:3} {temp:3} {task['id']:15} "
                    f"write {plain['write_s']:6.2f}s -> {lookup['write_s']:6.2f}s "
                    f"x{lookup['write_s'] / max(1e-9, plain['write_s']):4.2f} "
                    f"tok/step {row['tokens_per_step']:5.2f} same {same}",
                    file=sys.stderr,
                    flush=True,
                )
    stops = stop_latencies(engine, stop_runs)
    engine.close()
    return {"threads": threads, "ngl": ngl, "rows": rows, "stop_ms": stops}


class _FullChecks:
    """Step costs that make every step check the longest guess (the slowest steps)."""

    def __init__(self) -> None:
        self.one_token_s, self.extra_token_s = 0.010, 0.0

    def timed(self, batch: int, seconds: float) -> None:
        pass


def stop_latencies(engine, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Milliseconds from Stop to the stream's end while steps check 17 tokens at a time."""
    from composer.engine.base import Cancelled

    found = []
    request = request_for(tasks({"proofread"})[-1], "app")  # the 300-word email
    saved = engine._step_costs
    engine._step_costs = _FullChecks()
    try:
        for i in range(runs):
            engine._llm.n_tokens = 0
            cancel = threading.Event()
            stream = engine.stream(request, cancel)
            set_at = 0.0
            try:
                for n, _ in enumerate(stream):
                    if n == 20 + 7 * i:  # somewhere inside the answer
                        timer = threading.Timer(0.002 * i, cancel.set)
                        set_at = time.perf_counter() + 0.002 * i
                        timer.start()
            except Cancelled:
                found.append((time.perf_counter() - set_at) * 1000)
    finally:
        engine._step_costs = saved
    return found


def table(result: dict) -> str:
    """Ratios lookup ÷ plain. Where the two answers differ (a near-tie went the other
    way, then the answers part), their lengths differ too: the time per written token
    compares those; whole times are compared on the answers that are the same."""
    lines = [
        f"threads {result['threads']}, ngl {result['ngl']}",
        "| sampler | action | tasks | same bytes | writing time, same answers (total) "
        "| writing time per token, all (total) | tokens per step (median) |",
        "|---|---|---|---|---|---|---|",
    ]
    rows = result["rows"]
    for temp in dict.fromkeys(r["temp"] for r in rows):
        mine = [r for r in rows if r["temp"] == temp]
        for action in [*dict.fromkeys(r["action"] for r in mine), "all"]:
            group = [r for r in mine if action in ("all", r["action"])]
            same = [r for r in group if r["same"]]
            lookup_s = sum(r["lookup_write_s"] for r in same)
            plain_s = sum(r["plain_write_s"] for r in same)
            same_ratio = f"{lookup_s / plain_s:.2f}" if same else "–"
            per_token = (
                sum(r["lookup_write_s"] for r in group) / sum(r["lookup_tokens"] for r in group)
            ) / (sum(r["plain_write_s"] for r in group) / sum(r["plain_tokens"] for r in group))
            steps = statistics.median(r["tokens_per_step"] for r in group)
            lines.append(
                f"| {temp} | {action} | {len(group)} | {len(same)}/{len(group)} | {same_ratio} "
                f"| {per_token:.2f} | {steps:.2f} |"
            )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--threads", default="0", help="comma-separated; 0 = the engine's default")
    ap.add_argument("--ngl", type=int, default=0)
    ap.add_argument("--temps", default="app,0")
    ap.add_argument("--only", default="")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--costs", default="", help="bench/step_costs.py's JSON: replay with them")
    ap.add_argument("--stop-runs", type=int, default=0, help="Stop latency inside checked steps")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    only = set(filter(None, a.only.split(",")))
    temps = a.temps.split(",")
    if a.child is not None:
        result = child(a.model, int(a.child), a.ngl, temps, only, a.runs, a.stop_runs, a.costs)
        print(json.dumps(result))
        return 0
    results = []
    for threads in a.threads.split(","):
        command = [sys.executable, __file__, "--model", a.model, "--child", threads]
        command += ["--ngl", str(a.ngl), "--temps", a.temps, "--only", a.only]
        command += ["--runs", str(a.runs), "--stop-runs", str(a.stop_runs), "--costs", a.costs]
        out = subprocess.run(command, check=True, capture_output=True, text=True)
        sys.stderr.write(out.stderr[-4000:])
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(table(results[-1]), flush=True)
        stops = results[-1]["stop_ms"]
        if stops:
            print(
                f"Stop inside 17-token steps: median {statistics.median(stops):.1f} ms, "
                f"longest {max(stops):.1f} ms ({len(stops)} runs)",
                flush=True,
            )
    if a.out:
        a.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
