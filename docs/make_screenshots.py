"""Regenerate docs/screenshots/*.png: the compose window empty and with a suggestion.

Runs offscreen with the real starter model:
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = Path(__file__).resolve().parent / "screenshots"


def wait_until(app, predicate, timeout_s: float = 180.0) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    home = tempfile.mkdtemp(prefix="composer-shots-")
    os.environ["COMPOSER_HOME"] = home
    from PySide6.QtWidgets import QApplication

    from composer.assist.actions import Action
    from composer.gui.assistant_controller import AssistantState
    from composer.gui.compose_window import ComposeWindow
    from composer.paths import app_paths
    from composer.settings import Settings

    app = QApplication(sys.argv[:1])
    paths = app_paths().ensure()
    window = ComposeWindow(Settings(max_tokens=120), paths)
    window.resize(1180, 780)
    window.show()
    wait_until(
        app,
        lambda: (
            window.controller.state is not AssistantState.NO_MODEL
            or "No model" in window.model_status.text()
        ),
    )
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "compose-empty.png"))

    window.to_field.setText("anna@example.com")
    window.subject_field.setText("Friday, and next week")
    window.assistant.prompt.setText("thank Anna for Friday, propose Tuesday instead")
    window.assistant.draft_button.click()
    wait_until(app, lambda: window.controller.state is AssistantState.REVIEW)
    window.grab().save(str(OUT / "compose-suggestion.png"))

    # A rewrite of existing text: the review shows the changes word by word.
    window.assistant.accept_button.click()
    window.body.setPlainText(
        "Hi Tom,\n\nthe report is late becuase the data came in on friday. "
        "I will send it tomorow.\n\nBest,\nAnna"
    )
    window.assistant.request(Action.PROOFREAD)
    wait_until(app, lambda: window.controller.state is AssistantState.REVIEW)
    window.grab().save(str(OUT / "compose-review.png"))

    window.settings_action.trigger()
    settings = window._settings_dialog
    wait_until(app, lambda: bool(settings.hardware.in_use.text()), 30)
    settings.grab().save(str(OUT / "settings-hardware.png"))
    settings.close()

    window.models_action.trigger()
    models = window._models_dialog
    models.resize(1000, 620)
    deadline = __import__("time").monotonic() + 30
    while __import__("time").monotonic() < deadline:  # fit verdicts arrive from the thread pool
        app.processEvents()
        if getattr(models, "_verdicts", None):
            break
    app.processEvents()
    models.grab().save(str(OUT / "models.png"))
    models.close()
    window.close()
    print(f"wrote the compose window, settings and models screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
