"""The compose window for GUI tests: one factory, one ready-to-use window.

Every window runs the real engine thread; `open_window` with a missing model
keeps a test about the message rather than the model. `fake_window` answers
with a scripted engine (tests/helpers/fake_engine.py): quick, no model.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.compose import wait_ready

from composer.gui.assistant_controller import AssistantState
from composer.gui.compose_window import ComposeWindow
from composer.gui.windows import WindowManager
from composer.settings import Settings

WindowFactory = Callable[..., ComposeWindow]


@pytest.fixture
def open_window(qtbot, app_paths_tmp) -> WindowFactory:
    """open_window(model=None, ready=False, **settings) -> a shown ComposeWindow.

    *model* None means "the settings decide" (the starter); pass a path for
    --model. With *ready*, wait until the model has loaded. The assistant is
    on unless the settings say otherwise (assistant="" shows the welcome page).
    """

    def make(model: str | Path | None = None, ready: bool = False, **settings) -> ComposeWindow:
        settings.setdefault("assistant", "local")  # the welcome page has its own tests
        window = ComposeWindow(
            Settings(**settings),
            app_paths_tmp,
            model_override=str(model) if model is not None else None,
        )
        qtbot.addWidget(window)  # closed (and its engine thread joined) at teardown
        window.show()
        if ready:
            wait_ready(qtbot, window)
        return window

    return make


@pytest.fixture
def window(open_window, starter_model_path) -> ComposeWindow:
    """A compose window with the real starter model loaded and short answers."""
    return open_window(starter_model_path, ready=True, max_tokens=32, context_size=2048)


@pytest.fixture
def no_model_window(open_window, tmp_path) -> WindowFactory:
    """Windows whose model file is missing: tests about the message, not the engine."""
    return lambda: open_window(tmp_path / "no-model.gguf")


@pytest.fixture
def smtp_account(smtp_server, trusted_ca, app_paths_tmp, monkeypatch):
    """A running STARTTLS server (aiosmtpd) whose account is saved, its password in this test's cache."""
    from helpers.smtp_server import PASSWORD

    from composer.mail import accounts
    from composer.mail.accounts import AccountStore

    monkeypatch.setattr(accounts, "SESSION_PASSWORDS", accounts.PasswordCache())
    running = smtp_server("starttls")
    account = running.account()
    AccountStore(app_paths_tmp.config).save([account])
    accounts.SESSION_PASSWORDS.put(account.id, PASSWORD)
    return running


@pytest.fixture
def make_manager(qtbot, app_paths_tmp, tmp_path):
    """make_manager(model=<missing file>, **settings) -> a WindowManager, ended at teardown.

    *model* "" means no --model at all: the settings decide, as on a first run.
    """
    made: list[WindowManager] = []

    def make(model=None, **settings) -> WindowManager:
        settings.setdefault("assistant", "local")
        manager = WindowManager(
            Settings(**settings),
            app_paths_tmp,
            # "" = no --model: the settings decide (the welcome page on a first run)
            model_override=None if model == "" else str(model or tmp_path / "no-model.gguf"),
        )
        made.append(manager)
        return manager

    yield make
    for manager in made:
        manager.close_all()
        assert manager.engine.shutdown(timeout_ms=30_000)


# -- the fake engine (tests/helpers/fake_engine.py): quick tests, no model -------------


@pytest.fixture
def fake_engine():
    """A FakeEngine with the default script; a test re-scripts it (fake_engine.script(...))."""
    from helpers.fake_engine import FakeEngine

    return FakeEngine()


@pytest.fixture
def fake_service(qtbot, fake_engine):
    """A real EngineService (engine thread, signals, Stop) whose loads give *fake_engine*.

    Ended after the test's windows have closed (pytest-qt closes them first).
    """
    from composer.workers.engine_worker import EngineService

    service = EngineService(engine_factory=fake_engine.factory)
    yield service
    fake_engine.release()  # a reply still holding ends at once
    assert service.shutdown(timeout_ms=10_000)


@pytest.fixture
def fake_window(qtbot, app_paths_tmp, fake_service) -> WindowFactory:
    """fake_window(ready=True, **settings) -> a shown ComposeWindow on the fake engine.

    The window shares *fake_service* as the app's windows share the
    WindowManager's engine; the fake's model is loaded when *ready*.
    """

    def make(ready: bool = True, **settings) -> ComposeWindow:
        settings.setdefault("assistant", "local")
        window = ComposeWindow(Settings(**settings), app_paths_tmp, engine=fake_service)
        qtbot.addWidget(window)
        window.show()
        if ready:
            qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=5000)
        return window

    return make
