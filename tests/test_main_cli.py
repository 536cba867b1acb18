"""The command line, run as a user would run it."""

from __future__ import annotations

import subprocess
import sys

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
    for option in ("--model", "--device", "--hardware-report", "--version"):
        assert option in result.stdout


def test_unknown_option_fails_clearly():
    result = run("--frobnicate")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr
