"""Waiting on a compose window's assistant in GUI tests."""

from __future__ import annotations

from composer.gui.assistant_controller import AssistantState

LOAD_TIMEOUT_MS = 120_000
GEN_TIMEOUT_MS = 180_000


def wait_ready(qtbot, window) -> None:
    """Until the model has loaded and nothing is being written."""
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=LOAD_TIMEOUT_MS)


def wait_not_generating(qtbot, window) -> None:
    qtbot.waitUntil(
        lambda: window.assistant.state is not AssistantState.GENERATING, timeout=GEN_TIMEOUT_MS
    )


def open_message_and_wait(manager, path):
    """manager.open_message(path), waited for: the MessageWindow, or None when a note came."""
    import time

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from composer.gui.message_window import MessageWindow

    opened: list[object] = []
    manager.sig_message_opened.connect(opened.append)
    job = manager.open_message(path)
    deadline = time.monotonic() + 60
    while job.running and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert not job.running, "the message was still being read after 60 s"
    manager.sig_message_opened.disconnect(opened.append)
    window = opened[0] if opened else None
    while window is not None and window.text.filling() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert window is None or isinstance(window, MessageWindow)
    return window


def was_sent(window) -> bool:
    """Whether *window* has sent its message: closed by the app, or saying "Sent to …"."""
    import shiboken6

    if not shiboken6.isValid(window) or not window.isVisible():
        return True
    return window.statusBar().currentMessage().startswith("Sent to")
