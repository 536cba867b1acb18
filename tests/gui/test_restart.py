"""A new interface language: Composer offers to start again, and does it without losing a message."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from composer import __version__


def restart_box(dialog) -> QMessageBox | None:
    return dialog.findChild(QMessageBox, "restartBox")


def choose_language(window, code: str) -> None:
    combo = window.settings_dialog.general.language
    combo.setCurrentIndex(combo.findData(code))


def test_a_new_language_offers_a_restart_and_later_changes_nothing(qtbot, make_manager):
    manager = make_manager(assistant="off")
    manager.start([])
    [window] = manager.compose_windows()
    window.show_settings()
    choose_language(window, "fr")
    box = restart_box(window.settings_dialog)
    assert box is not None and box.isVisible()
    assert "starts again" in box.text()
    assert box.defaultButton() is box.escapeButton()  # Enter and Esc: Later
    box.escapeButton().click()
    assert not manager.restart_requested and window.isVisible()
    assert window.settings.language == "fr"  # saved: the next start speaks French


def test_restart_now_saves_every_message_and_ends_the_app_to_start_again(qtbot, make_manager):
    manager = make_manager(assistant="off")
    manager.start([])
    [window] = manager.compose_windows()
    window.subject_field.setText("Half-written")
    window.body.setPlainText("Dear Anna, about Friday")
    window.show_settings()
    choose_language(window, "fr")
    box = restart_box(window.settings_dialog)
    [restart] = [b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
    ended = []
    manager.sig_all_closed.connect(lambda: ended.append(True))
    restart.click()
    qtbot.waitUntil(lambda: ended == [True], timeout=10_000)
    assert manager.restart_requested
    saved = list(manager.paths.drafts.glob("*.json"))
    assert saved and any("Half-written" in path.read_text(encoding="utf-8") for path in saved)


def test_starting_again_replaces_the_process_with_a_new_start():
    # The step after the windows have closed: the process becomes `python -m composer …`.
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "from composer.app import _start_again; _start_again(['--version'])",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == 0, child.stderr
    assert __version__ in child.stdout
