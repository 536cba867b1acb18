"""Run by test_two_windows_survive_a_kill: the real app's windows, two messages typed.

Starts the WindowManager as `composer` does, opens a second compose window
(File > New message), types TEXTS[i] into window i, then writes "typed" to
argv[1] and waits to be killed.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from composer.gui.windows import WindowManager  # noqa: E402
from composer.paths import app_paths  # noqa: E402
from composer.settings import Settings  # noqa: E402

TEXTS = ("first window's message", "second window's message")
SUBJECTS = ("One", "Two")


def main() -> None:
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    paths = app_paths().ensure()
    missing_model = str(paths.cache / "no-model.gguf")  # the messages are what matter here
    manager = WindowManager(Settings(assistant="local"), paths, model_override=missing_model)
    manager.start([])
    manager.windows[0].commands["new_message"].trigger()
    windows = manager.compose_windows()

    def type_all() -> None:
        for window, subject, text in zip(windows, SUBJECTS, TEXTS, strict=True):
            QTest.keyClicks(window.subject_field, subject)
            QTest.keyClicks(window.body, text)
        with open(sys.argv[1], "w", encoding="utf-8") as record:
            record.write("typed\n")

    QTimer.singleShot(0, type_all)
    app.exec()


if __name__ == "__main__":
    main()
