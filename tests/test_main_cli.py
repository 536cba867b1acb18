"""The command line, run as a user would run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from composer import __version__


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, text=True, timeout=120
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Composer {__version__}"


def test_help_names_the_options():
    result = run("--help")
    assert result.returncode == 0
    for option in ("--model", "--device", "--hardware-report", "--self-test", "--version"):
        assert option in result.stdout


def test_unknown_option_fails_clearly():
    result = run("--frobnicate")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def test_self_test_loads_the_model_and_writes_a_few_tokens(tmp_path, starter_model_path):
    env = dict(os.environ, COMPOSER_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "composer", "--self-test", str(starter_model_path)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("wrote 8 tokens")


def test_self_test_fails_on_a_file_that_is_not_a_model(tmp_path):
    not_a_model = tmp_path / "notes.gguf"
    not_a_model.write_text("just text\n")
    env = dict(os.environ, COMPOSER_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "composer", "--self-test", str(not_a_model)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("self-test failed:") and "GGUF" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow  # sets up the 253 MB starter in a fresh home, as a first start does
def test_hardware_report_on_a_fresh_install_plans_for_the_starter(tmp_path):
    env = dict(os.environ, COMPOSER_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "composer", "--hardware-report"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["plan"] is not None and "model_error" not in report
    assert report["model"]["file"].startswith("gemma-3-270m")


# The real app, started by `composer ITEMS…`: once its windows are up (message
# files are read on a thread, under a busy cursor), this reports them and
# closes them all, which must end the app.
_REPORT_AND_CLOSE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from composer.__main__ import main

app = QApplication([])
def report():
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    if not shown or QApplication.overrideCursor() is not None:
        return  # still starting, or still reading a message
    look.stop()
    print(json.dumps(sorted(
        [type(w).__name__, w.windowTitle() if isinstance(w, QMainWindow) else w.text()]
        for w in shown  # a dialog is a window too, with or without a parent
    )))
    for w in shown:
        w.close()
look = QTimer()
look.timeout.connect(report)
look.start(50)
sys.exit(main(sys.argv[1:]))
"""


def run_app(home, *items):
    env = dict(os.environ, COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", _REPORT_AND_CLOSE, "--model", str(home / "none.gguf"), *items],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_items_open_their_windows_a_bad_one_says_so_and_closing_them_ends_the_app(tmp_path):
    corpus = Path(__file__).parent / "fixtures" / "mail"
    result = run_app(
        tmp_path / "home",
        str(corpus / "gmail_pdf_attachment.eml"),
        str(tmp_path / "missing.eml"),
        (corpus / "no_date.eml").as_uri(),
        "mailto:anna@example.com?subject=From%20a%20link",
    )
    assert result.returncode == 0, result.stderr
    windows = json.loads(result.stdout)
    kinds = [kind for kind, _title in windows]
    assert kinds.count("MessageWindow") == 2
    assert any(t.startswith("Tickets for Saturday") for k, t in windows if k == "MessageWindow")
    (problem,) = [t for k, t in windows if k == "QMessageBox"]
    assert "missing.eml" in problem
    assert [t for k, t in windows if k == "ComposeWindow"] == ["From a link — Composer"]


def test_no_items_one_compose_window(tmp_path):
    result = run_app(tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert [kind for kind, _title in json.loads(result.stdout)] == ["ComposeWindow"]


def test_the_desktop_entry_hands_links_and_messages_to_the_app():
    entry = Path(__file__).parents[1] / "resources" / "composer-private-mail.desktop"
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert "Exec=composer %U" in lines
    mime = next(line for line in lines if line.startswith("MimeType="))
    assert {"x-scheme-handler/mailto", "message/rfc822"} <= set(mime[9:].split(";"))
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    checked = subprocess.run([validate, str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
