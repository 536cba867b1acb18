"""Builds the application: settings, paths, the window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from composer import APP_ID, APP_NAME, __version__, i18n
from composer.paths import app_paths
from composer.settings import Settings


def run_gui(
    model: str | None = None, device: str | None = None, argv: list[str] | None = None
) -> int:
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

    from composer.gui.compose_window import ComposeWindow
    from composer.gui.theme import apply_theme

    apply_theme(app, settings.theme)

    window = ComposeWindow(settings, paths, model_override=model)
    window.show()
    return app.exec()
