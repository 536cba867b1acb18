"""Waiting on a compose window's assistant in GUI tests."""

from __future__ import annotations

from composer.gui.assistant_controller import AssistantState

LOAD_TIMEOUT_MS = 120_000
GEN_TIMEOUT_MS = 180_000


def wait_ready(qtbot, window) -> None:
    """Until the model has loaded and nothing is being written."""
    qtbot.waitUntil(
        lambda: window.controller.state is AssistantState.READY, timeout=LOAD_TIMEOUT_MS
    )


def wait_not_generating(qtbot, window) -> None:
    qtbot.waitUntil(
        lambda: window.controller.state is not AssistantState.GENERATING, timeout=GEN_TIMEOUT_MS
    )
