"""Engine benchmarks on the real starter model: speed, stop latency, GUI stalls.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/engine_bench.py [--runs 5]

Prints a Markdown table for docs/PERFORMANCE.md. Measures:
- load time, prompt reading and writing tokens/s (LocalEngine, llama.cpp's counts);
- stop latency: from cancel.set() to the stream raising Cancelled, while
  writing and while llama.cpp is inside one long prompt batch (abort callback);
- GUI stall: the longest gap between 5 ms timer ticks on the GUI thread while
  the compose window streams a draft (the event loop must stay responsive).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from composer.assist.actions import draft_request  # noqa: E402
from composer.engine.base import Cancelled, ChatMessage, GenerationRequest  # noqa: E402
from composer.engine.local import LocalEngine  # noqa: E402
from composer.models.starter import ensure_starter_model  # noqa: E402

LONG_EMAIL = " ".join(
    f"Item {i}: the shipment of part {i * 7} is delayed by a week." for i in range(150)
)


def model_path() -> Path:
    cache = Path(os.environ.get("COMPOSER_TEST_CACHE") or Path.home() / ".cache" / "composer-tests")
    return ensure_starter_model(cache)


def bench_speed(engine: LocalEngine, runs: int) -> dict[str, float]:
    reading, writing = [], []
    for i in range(runs):
        request = GenerationRequest(
            messages=(
                ChatMessage("system", f"Run {i}. Summarise."),
                ChatMessage("user", LONG_EMAIL),
            ),
            max_tokens=64,
            temperature=0.0,
        )
        for _ in engine.stream(request, threading.Event()):
            pass
        stats = engine.last_stats
        reading.append(stats.prompt_tokens_per_second)
        writing.append(stats.generation_tokens_per_second)
    return {"reading": statistics.median(reading), "writing": statistics.median(writing)}


def stop_latency(engine: LocalEngine, while_reading: bool, runs: int) -> float:
    latencies = []
    for i in range(runs):
        cancel = threading.Event()
        if while_reading:
            request = GenerationRequest(
                messages=(ChatMessage("system", f"Variant {i}."), ChatMessage("user", LONG_EMAIL)),
                max_tokens=8,
            )
        else:
            request = draft_request(f"write a long letter number {i}", max_tokens=400)
        set_at = [0.0]

        def fire(set_at: list[float] = set_at, cancel: threading.Event = cancel) -> None:
            set_at[0] = time.perf_counter()
            cancel.set()

        timer = None

        def on_progress(done: int, total: int) -> None:
            nonlocal timer
            if while_reading and timer is None:
                timer = threading.Timer(0.05, fire)
                timer.start()

        try:
            for n, _ in enumerate(engine.stream(request, cancel, on_progress)):
                if not while_reading and n == 5:
                    fire()
        except Cancelled:
            latencies.append(time.perf_counter() - set_at[0])
    return statistics.median(latencies) * 1000 if latencies else float("nan")


def gui_stall() -> tuple[float, int]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from composer.gui.assistant_controller import AssistantState
    from composer.gui.compose_window import ComposeWindow
    from composer.paths import app_paths
    from composer.settings import Settings

    os.environ["COMPOSER_HOME"] = tempfile.mkdtemp(prefix="composer-bench-")
    app = QApplication.instance() or QApplication([])
    window = ComposeWindow(
        Settings(max_tokens=200), app_paths().ensure(), model_override=str(model_path())
    )
    window.show()
    while window.assistant.state is not AssistantState.READY:
        app.processEvents()
        time.sleep(0.005)
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    window.assistant_panel.prompt.setText("write a long letter about the move to the new office")
    clock.start()
    timer.start()
    window.assistant_panel.draft_button.click()
    while window.assistant.state is AssistantState.GENERATING:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    stats_tokens = len(window.assistant_panel.suggestion_text())
    window.close()
    return max(gaps) if gaps else 0.0, stats_tokens


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = model_path()
    engine = LocalEngine()
    started = time.perf_counter()
    engine.load(path, context_size=4096)
    load_s = time.perf_counter() - started
    speed = bench_speed(engine, args.runs)
    stop_writing = stop_latency(engine, False, args.runs)
    stop_reading = stop_latency(engine, True, args.runs)
    engine.close()
    stall_ms, chars = gui_stall()
    import llama_cpp

    print(f"llama.cpp build: {llama_cpp.llama_print_system_info().decode().strip()}")
    print(f"threads: {os.cpu_count()} cores\n")
    print("| measure | result |")
    print("|---|---|")
    print(f"| load (Gemma 3 270M Q4_K_M, n_ctx 4096) | {load_s:.2f} s |")
    print(
        f"| reading, ~1,900-token email, median of {args.runs} | {speed['reading']:.0f} tokens/s |"
    )
    print(f"| writing, 64 tokens, median of {args.runs} | {speed['writing']:.1f} tokens/s |")
    print(f"| stop while writing, median | {stop_writing:.1f} ms |")
    print(f"| stop inside a prompt batch (abort callback), median | {stop_reading:.1f} ms |")
    print(f"| longest GUI-thread stall while streaming ({chars} chars) | {stall_ms:.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
