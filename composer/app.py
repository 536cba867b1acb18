"""Builds the application: settings, paths, translators, theme, and its windows."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from composer import APP_ID, APP_NAME, __version__, i18n
from composer.paths import app_paths
from composer.settings import Settings


def run_gui(
    model: str | None = None,
    device: str | None = None,
    argv: list[str] | None = None,
    items: Sequence[str] = (),
) -> int:
    """Run the app until its last window closes; *items* are .eml files and mailto: links."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    from importlib.resources import files

    icon = files("composer.resources").joinpath("composer.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))

    paths = app_paths().ensure()
    settings = Settings.load(paths.settings_file)
    if device:
        settings.device = device
    i18n.install_translators(settings.language)  # before any window: its texts are tr()'d once

    from composer.gui.theme import apply_theme
    from composer.gui.windows import WindowManager

    apply_theme(app, settings.theme)

    # The manager ends the app, once the engine thread is down too.
    app.setQuitOnLastWindowClosed(False)
    manager = WindowManager(settings, paths, model_override=model, parent=app)
    manager.sig_all_closed.connect(app.quit)
    manager.start(items)
    return app.exec()
