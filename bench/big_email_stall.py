"""The GUI thread stays responsive with a 300,000-character email.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/big_email_stall.py

Opens the compose window with the real starter model, puts a 300,000-character
email in the body and measures the longest gap between 5 ms timer ticks on
the GUI thread (the event loop's stall) while:
1. Proofread runs on the whole email (refused at once as too long),
2. Proofread runs on a 500-character selection in its middle (streamed to the
   end and reviewed), plus the time that selection's prompt took to read.

Target (issue 8): every stall under 50 ms. Prints a Markdown table for
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARAGRAPH = (
    "Hello team, the quarterly report is attached. Please review the numbers for "
    "region {i} before Friday and tell me what you think of the forecast.\n\n"
)


def starter_model() -> Path:
    from composer.models.starter import ensure_starter_model

    cache = os.environ.get("COMPOSER_TEST_CACHE") or Path.home() / ".cache" / "composer-tests"
    return ensure_starter_model(Path(cache))


def big_body(size: int = 300_000) -> str:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        parts.append(PARAGRAPH.format(i=i))
        total += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


def main() -> int:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from composer.assist.actions import Action
    from composer.gui.assistant_controller import AssistantState
    from composer.gui.compose_window import ComposeWindow
    from composer.paths import app_paths
    from composer.settings import Settings

    os.environ["COMPOSER_HOME"] = tempfile.mkdtemp(prefix="composer-bench-")
    app = QApplication.instance() or QApplication([])
    window = ComposeWindow(
        Settings(max_tokens=200, context_size=4096),
        app_paths().ensure(),
        model_override=str(starter_model()),
    )
    window.show()
    while window.assistant.state is not AssistantState.READY:
        app.processEvents()
        time.sleep(0.005)
    body = big_body()
    window.body.setPlainText(body)
    app.processEvents()

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

    def measure(run) -> tuple[float, float]:
        gaps.clear()
        clock.start()
        last[0] = 0
        timer.start()
        started = time.perf_counter()
        run()
        call_ms = 1000 * (time.perf_counter() - started)
        while window.assistant.state is AssistantState.GENERATING:
            app.processEvents()
            time.sleep(0.001)
        for _ in range(20):  # let the last redraws happen
            app.processEvents()
            time.sleep(0.005)
        timer.stop()
        return max(gaps + [call_ms]), call_ms

    rows = []
    cursor = window.body.textCursor()
    cursor.clearSelection()
    window.body.setTextCursor(cursor)
    stall, call = measure(lambda: window.run_action(Action.PROOFREAD))
    refused = window.assistant_panel.phase.text()
    rows.append(("Proofread, whole 300,000-character email", stall, call, refused[:60] + "…"))

    start = len(body) // 2
    cursor = window.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + 500, QTextCursor.MoveMode.KeepAnchor)
    window.body.setTextCursor(cursor)
    stall, call = measure(lambda: window.run_action(Action.PROOFREAD))
    job = window.assistant.job
    sent = len(job.request.messages[-1].content) if job else 0
    state = window.assistant.state.value
    rows.append(
        (
            "Proofread, 500-character selection of it",
            stall,
            call,
            f"{state}; {sent:,} characters sent to the model",
        )
    )
    window.close()

    print("| action | longest GUI stall | time in the click | outcome |")
    print("|---|---|---|---|")
    for name, stall, call, outcome in rows:
        print(f"| {name} | {stall:.0f} ms | {call:.0f} ms | {outcome} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
