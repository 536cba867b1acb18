"""Builds the application: settings, paths, translators, theme, and its windows.

One running app per user and profile (gui/single_instance.py): a start that
finds one running hands its items to it and ends.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from composer import APP_ID, APP_NAME, __version__, i18n
from composer.paths import app_paths
from composer.settings import Settings

if TYPE_CHECKING:
    from composer.gui.single_instance import InstanceServer
    from composer.paths import AppPaths


def run_gui(
    model: str | None = None,
    device: str | None = None,
    argv: list[str] | None = None,
    items: Sequence[str] = (),
) -> int:
    """Run the app until its last window closes; *items* are .eml files and mailto: links.

    When Composer already runs for this user and profile, the items open there
    and this returns 0 at once (--model and --device are then not used: said
    on stderr).
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)

    paths = app_paths().ensure()
    settings = Settings.load(paths.settings_file)
    if device:
        settings.device = device
    i18n.install_translators(settings.language)  # before any window: its texts are tr()'d once

    from composer.gui import single_instance

    claim = single_instance.claim(single_instance.HandOver.from_command_line(items))
    if claim.handed_over:
        if model or device:
            print(single_instance.keeps_model_note(), file=sys.stderr)
        return 0
    server = claim.server
    try:
        return _run_windows(app, settings, paths, model, items, server)
    finally:
        if server is not None:
            server.close()  # the socket file goes: the next start runs the app itself


def _run_windows(
    app: QApplication,
    settings: Settings,
    paths: AppPaths,
    model: str | None,
    items: Sequence[str],
    server: InstanceServer | None,
) -> int:
    from importlib.resources import files

    from composer.gui.single_instance import WindowOpener
    from composer.gui.theme import apply_theme
    from composer.gui.windows import WindowManager

    icon = files("composer.resources").joinpath("composer.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_theme(app, settings.theme)

    # The manager ends the app, once the engine thread is down too.
    app.setQuitOnLastWindowClosed(False)
    manager = WindowManager(settings, paths, model_override=model, parent=app)
    manager.sig_all_closed.connect(app.quit)
    if server is not None:
        opener = WindowOpener(manager, parent=server)
        server.accepting = opener.accepting
        server.sig_hand_over.connect(opener.open)
    manager.start(items)
    code = app.exec()
    if manager.restart_requested and code == 0:
        if server is not None:
            server.close()  # the new process must find no running instance to hand over to
        _start_again(["--model", model] if model else [])
    return code


def _start_again(options: list[str]) -> None:
    """Replace this process by a new start of the app, with the same *options*.

    Not the messages and links it was started with: they are open as drafts
    now (saved as the windows closed), which the new process reopens.
    """
    logging.shutdown()  # what is logged so far is written before the process is replaced
    if getattr(sys, "frozen", False):  # the installed bundle: its own executable
        os.execv(sys.executable, [sys.executable, *options])
    os.execv(sys.executable, [sys.executable, "-m", "composer", *options])
