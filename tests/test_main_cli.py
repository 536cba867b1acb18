"""The command line, run as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
    for option in ("--model", "--device", "--hardware-report", "--version"):
        assert option in result.stdout


def test_unknown_option_fails_clearly():
    result = run("--frobnicate")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


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
