"""Run by test_autosave_kill: a compose window typed into without a pause.

Writes a line "<characters typed> <monotonic time>" to argv[1] after every
keystroke (the test's record of the truth) until it is killed.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from composer.gui.compose_window import ComposeWindow  # noqa: E402
from composer.paths import app_paths  # noqa: E402
from composer.settings import Settings  # noqa: E402

TEXT = "the quick brown fox jumps over the lazy dog "
INTERVAL_MS = 30  # a fast typist: faster than the autosave's quiet interval, always


def main() -> None:
    record = open(sys.argv[1], "a", buffering=1, encoding="utf-8")  # noqa: SIM115
    app = QApplication([])
    paths = app_paths().ensure()
    missing_model = str(paths.cache / "no-model.gguf")  # the message is what matters here
    window = ComposeWindow(Settings(), paths, model_override=missing_model)
    window.show()
    window.body.setFocus()
    typed = 0

    def type_one() -> None:
        nonlocal typed
        QTest.keyClicks(window.body, TEXT[typed % len(TEXT)])
        typed += 1
        record.write(f"{typed} {time.monotonic()}\n")

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(INTERVAL_MS)
    app.exec()


if __name__ == "__main__":
    main()
