"""Window start-up time and peak memory of the starter model (issue 14).

    .venv/bin/python bench/startup_memory.py [--runs 5] [--model STARTER.gguf] [--tokens 128]

Start-up: `composer --model <missing file>`, `composer` (a fresh home shows
the welcome page) and `composer --model <starter>` (its load then goes on in
the background), each in a fresh process with a fresh COMPOSER_HOME and
QT_QPA_PLATFORM=offscreen, --runs times each. The time is from just before
the parent starts the process (interpreter start included) to the compose
window's first paint, reported by an event filter the child installs on the
QApplication the app creates (composer.app.QApplication is swapped for a
subclass that only adds the filter; nothing else changes). The child exits at
once after that paint.

Memory: one child process loads the starter model the way the engine worker
does (probe, make_plan, LocalEngine.load with the plan; the first-use check
runs in its own child), then answers requests (a ~300-token email each) until
it has written at least --tokens tokens. It resets the kernel's
peak-RSS counter (/proc/self/clear_refs, 5) between phases and samples
/proc/self/status every 5 ms, so each phase gets its own peak, split into
anonymous memory and file pages (the mmap'ed model). Linux only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child_startup() -> None:
    """Runs as the app: `composer --model ...`, timing the first paint of the window."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    import composer.app

    marks: dict[str, float] = {}

    class Filter(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            kind = event.type()
            if kind in (QEvent.Type.Show, QEvent.Type.Paint) and type(obj).__name__ == (
                "ComposeWindow"
            ):
                name = "show" if kind == QEvent.Type.Show else "paint"
                marks.setdefault(name, time.time())
                if name == "paint":
                    print("STARTUP=" + json.dumps(marks), flush=True)
                    os._exit(0)
            return False

    class TimedApplication(QApplication):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            marks["qapplication"] = time.time()
            self._timing_filter = Filter()
            self.installEventFilter(self._timing_filter)

    composer.app.QApplication = TimedApplication
    from composer.__main__ import main

    sys.exit(main(sys.argv[2:]))


def startup(model: str | None, runs: int) -> list[dict[str, float]]:
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="composer-startup-") as home:
            env = dict(os.environ, COMPOSER_HOME=home, QT_QPA_PLATFORM="offscreen")
            env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
            start = time.time()
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child-startup",
                    *(["--model", model] if model else []),
                ],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
                check=False,
            )
            line = next((ln for ln in done.stdout.splitlines() if ln.startswith("STARTUP=")), None)
            if line is None:
                raise RuntimeError(f"no window ({done.returncode}):\n{done.stderr[-2000:]}")
            marks = json.loads(line[len("STARTUP=") :])
            results.append({k: v - start for k, v in marks.items()})
    return results


def _status() -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon, RssFile in bytes."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                out[key] = int(value.split()[0]) * 1024
    return out


class Sampler:
    """Peak RSS, anonymous and file-backed, sampled every 5 ms on a thread."""

    def __init__(self) -> None:
        self.peak: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for key, value in _status().items():
                self.peak[key] = max(value, self.peak.get(key, 0))
            time.sleep(0.005)

    def __enter__(self) -> Sampler:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the current RSS
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        status = _status()
        self.peak["VmHWM"] = status["VmHWM"]  # the kernel's own peak for the phase
        self.after = status


def _child_memory(model: str, tokens: int) -> None:
    import resource

    before = _status()
    from composer.engine.base import ChatMessage, GenerationRequest
    from composer.engine.local import LocalEngine
    from composer.hardware.plan import ModelFacts, Override, make_plan
    from composer.hardware.probe import probe
    from composer.modelfile.gguf import read_gguf

    imported = _status()
    engine = LocalEngine()
    with Sampler() as load:
        gguf = read_gguf(model)
        # The app's defaults: automatic context; STARTUP_MEMORY_KV=q8_0 for the compact cache.
        override = Override(kv_cache=os.environ.get("STARTUP_MEMORY_KV", "f16"))
        plan = make_plan(probe(use_cache=False), ModelFacts.from_gguf(gguf), override)
        start = time.perf_counter()
        engine.load(model, gguf=gguf, plan=plan, context_size=plan.n_ctx)
        load_s = time.perf_counter() - start
    prompt_tokens = written = requests = 0
    with Sampler() as write:
        while written < tokens and requests < 20:  # the model may stop early (EOS)
            request = GenerationRequest(
                messages=(
                    ChatMessage("system", f"{requests} Write a long, detailed reply."),
                    ChatMessage("user", "Could we move Tuesday's meeting to Thursday? " * 30),
                ),
                max_tokens=tokens - written,
                temperature=0.7,
            )
            for _ in engine.stream(request, threading.Event()):
                pass
            prompt_tokens += engine.last_stats.prompt_tokens
            written += engine.last_stats.generated_tokens
            requests += 1
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(
        "MEMORY="
        + json.dumps(
            {
                "file_size": os.path.getsize(model),
                "n_ctx": plan.n_ctx,
                "n_threads": plan.n_threads,
                "device": str(plan.reason),
                "kv_cache": plan.kv_cache,
                "load_s": load_s,
                "before_imports": before,
                "after_imports": imported,
                "load_peak": load.peak,
                "after_load": load.after,
                "write_peak": write.peak,
                "after_write": write.after,
                "requests": requests,
                "prompt_tokens": prompt_tokens,
                "generated_tokens": written,
                "first_use_check_child_peak": children,
            }
        ),
        flush=True,
    )
    engine.close()


def memory(model: str, tokens: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="composer-memory-") as home:
        env = dict(os.environ, COMPOSER_HOME=home)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        done = subprocess.run(
            [sys.executable, __file__, "--child-memory", model, "--tokens", str(tokens)],
            capture_output=True,
            text=True,
            env=env,
            timeout=900,
            check=False,
        )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("MEMORY=")), None)
    if line is None:
        raise RuntimeError(f"memory child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(line[len("MEMORY=") :])


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--model",
        default=str(Path.home() / ".cache" / "composer-tests" / "gemma-3-270m-q4_k_m.gguf"),
        help="the real starter model (for --model starts and the memory run)",
    )
    ap.add_argument("--tokens", type=int, default=128)
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--child-startup", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child-memory", help=argparse.SUPPRESS)
    if len(sys.argv) > 1 and sys.argv[1] == "--child-startup":
        _child_startup()  # the rest of argv is composer's
        return 0
    a = ap.parse_args()
    if a.child_memory:
        _child_memory(a.child_memory, a.tokens)
        return 0

    result: dict = {}
    missing = str(Path(tempfile.gettempdir()) / "no-such-model.gguf")
    starts = (("missing model", missing), ("welcome page", None), ("starter model", a.model))
    for name, model in starts:
        runs = startup(model, a.runs)
        result[name] = runs
        paint = [r["paint"] for r in runs]
        print(
            f"start-up, {name}: window painted after median {statistics.median(paint):.2f} s "
            f"(runs: {', '.join(f'{p:.2f}' for p in paint)}); QApplication at median "
            f"{statistics.median(r['qapplication'] for r in runs):.2f} s",
            flush=True,
        )
    if not a.skip_memory:
        m = memory(a.model, a.tokens)
        result["memory"] = m
        print(
            f"\nmodel file {_mb(m['file_size'])} MB; plan: {m['device']}, "
            f"n_ctx {m['n_ctx']}, KV cache {m['kv_cache']}"
        )
        print(
            f"load {m['load_s']:.2f} s; {m['requests']} requests read {m['prompt_tokens']} "
            f"and wrote {m['generated_tokens']} tokens\n"
        )
        print("| phase | peak RSS MB (kernel) | peak anon MB | peak file MB | RSS after MB |")
        print("|---|---|---|---|---|")
        print(
            f"| after imports | – | – | – | {_mb(m['after_imports']['VmRSS'])} "
            f"(anon {_mb(m['after_imports']['RssAnon'])}) |"
        )
        for phase, peak, after in (
            ("load", m["load_peak"], m["after_load"]),
            ("reading and writing", m["write_peak"], m["after_write"]),
        ):
            print(
                f"| {phase} | {_mb(peak['VmHWM'])} | {_mb(peak['RssAnon'])} | "
                f"{_mb(peak['RssFile'])} | {_mb(after['VmRSS'])} |"
            )
        print(f"\nfirst-use check child, peak RSS: {_mb(m['first_use_check_child_peak'])} MB")
    if a.out:
        Path(a.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
