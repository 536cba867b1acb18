"""Regenerate docs/screenshots/*.png: welcome page, compose window, review, settings, models.

Also a message opened from a file and a reply to it.

Also the compose window in French and in the dark scheme.

Runs offscreen with the real starter model:
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Offscreen Qt's screen is 800×600 unless told; the windows fit their screen, and
# the README's pictures are of the usual 1180×780 window: a 1280×800 screen.
_SCREEN = Path(tempfile.gettempdir()) / "composer-docs-screen.json"
_SCREEN.write_text(
    '{"screens": [{"name": "docs", "x": 0, "y": 0, "width": 1280, "height": 800,'
    ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")
OUT = Path(__file__).resolve().parent / "screenshots"


def wait_until(app, predicate, timeout_s: float = 180.0) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.01)


def settle(app, seconds: float = 0.3) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def accounts_shot(app, settings) -> None:
    """Settings > Accounts with one account filled in (no server is contacted)."""
    from composer.mail.accounts import Account

    page = settings.accounts
    page.store.save(
        [
            Account(
                id="shot",
                name="Anna Müller",
                address="anna@example.org",
                host="smtp.example.org",
                port=587,
                security="starttls",
                username="anna@example.org",
                signature="Anna Müller\nExample Ltd",
            )
        ]
    )
    page.reload(select="shot")
    settings.tabs.setCurrentWidget(page)
    app.processEvents()
    settings.grab().save(str(OUT / "settings-accounts.png"))


def reply_shots(app, paths) -> None:
    """A message opened from a file, and the reply it starts (the shared model loaded)."""
    from composer.gui.assistant_controller import AssistantState
    from composer.gui.windows import WindowManager
    from composer.settings import Settings

    manager = WindowManager(Settings(max_tokens=120, assistant="local"), paths)
    corpus = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mail"
    opened: list = []
    manager.sig_message_opened.connect(opened.append)
    manager.open_message(corpus / "outlook_alternative_1252.eml")
    wait_until(app, lambda: bool(opened))
    (message,) = opened
    message.resize(900, 640)
    app.processEvents()
    message.grab().save(str(OUT / "message.png"))
    message.reply_all_action.trigger()
    wait_until(app, lambda: bool(manager.compose_windows()))
    (reply,) = manager.compose_windows()
    reply.resize(1180, 780)
    wait_until(app, lambda: reply.assistant.state is AssistantState.READY)
    app.processEvents()
    reply.grab().save(str(OUT / "compose-reply.png"))
    manager.close_all()
    wait_until(app, lambda: not manager.windows)
    reply_drafts = paths.drafts.glob("*.json")
    for draft in reply_drafts:  # the next shots start without it
        draft.unlink()


def main() -> int:
    home = tempfile.mkdtemp(prefix="composer-shots-")
    os.environ["COMPOSER_HOME"] = home
    from PySide6.QtWidgets import QApplication

    from composer import i18n
    from composer.assist.actions import Action
    from composer.gui.assistant_controller import AssistantState
    from composer.gui.compose_window import ComposeWindow
    from composer.gui.theme import apply_theme
    from composer.paths import app_paths
    from composer.settings import Settings

    app = QApplication(sys.argv[:1])
    paths = app_paths().ensure()
    OUT.mkdir(parents=True, exist_ok=True)

    # A new user's first view: the welcome page, the recommendation filled in.
    first = ComposeWindow(Settings(), paths)
    first.resize(1180, 780)
    first.show()
    wait_until(app, lambda: first.welcome.download_button.isEnabled(), 60)
    settle(app)  # the new text's height is laid out on the next passes of the event loop
    first.grab().save(str(OUT / "welcome.png"))
    first.close()

    window = ComposeWindow(Settings(max_tokens=120, assistant="local"), paths)
    window.resize(1180, 780)
    window.show()
    wait_until(
        app,
        lambda: (
            window.assistant.state is not AssistantState.NO_MODEL
            or "No model" in window.model_status.text()
        ),
    )
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "compose-empty.png"))

    window.to_field.setText("anna@example.com")
    window.subject_field.setText("Friday, and next week")
    window.assistant_panel.prompt.setText("thank Anna for Friday, propose Tuesday instead")
    window.assistant_panel.draft_button.click()
    wait_until(app, lambda: window.assistant.state is AssistantState.REVIEW)
    window.grab().save(str(OUT / "compose-suggestion.png"))

    # A rewrite of existing text: the review shows the changes word by word.
    window.assistant_panel.accept_button.click()
    window.body.setPlainText(
        "Hi Tom,\n\nthe report is late becuase the data came in on friday. "
        "I will send it tomorow.\n\nBest,\nAnna"
    )
    window.assistant_panel.request(Action.PROOFREAD)
    wait_until(app, lambda: window.assistant.state is AssistantState.REVIEW)
    window.grab().save(str(OUT / "compose-review.png"))

    window.commands["settings"].trigger()
    settings = window.settings_dialog
    settings.tabs.setCurrentWidget(settings.assistant)
    settle(app)
    settings.grab().save(str(OUT / "settings-assistant.png"))
    settings.tabs.setCurrentWidget(settings.hardware)
    wait_until(app, lambda: bool(settings.hardware.in_use.text()), 30)
    settings.grab().save(str(OUT / "settings-hardware.png"))
    settings.tabs.setCurrentWidget(settings.privacy)
    settings.grab().save(str(OUT / "settings-privacy.png"))
    accounts_shot(app, settings)
    settings.close()

    window.commands["models"].trigger()
    models = window.models_dialog
    models.resize(1000, 620)
    deadline = __import__("time").monotonic() + 30
    while __import__("time").monotonic() < deadline:  # fit verdicts arrive from the thread pool
        app.processEvents()
        if getattr(models, "_verdicts", None):
            break
    app.processEvents()
    models.grab().save(str(OUT / "models.png"))
    models.close()

    # The dark scheme, on the review (the diff colours follow the palette).
    apply_theme(app, "dark")
    app.processEvents()
    window.grab().save(str(OUT / "compose-review-dark.png"))
    apply_theme(app, "light")
    window.close()

    reply_shots(app, paths)

    # The French interface (translators are installed before a window is built).
    i18n.install_translators("fr")
    french = ComposeWindow(Settings(max_tokens=120, assistant="local"), paths)
    french.resize(1180, 780)
    french.show()
    wait_until(app, lambda: french.assistant.state is AssistantState.READY)
    french.subject_field.setText("Vendredi")
    french.body.setPlainText("Bonjour Anna,\n\nmerci pour vendredi. On se voit mardi ?\n\nTom")
    app.processEvents()
    french.grab().save(str(OUT / "compose-fr.png"))
    french.close()
    i18n.remove_translators()
    print(f"wrote the screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
