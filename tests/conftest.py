"""Shared fixtures: the real starter model, an isolated app home, Qt setup.

Also: the log check (tests/helpers/logfail.py) and the ``slow`` marker, given
automatically to every test that uses the real model through a fixture below.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A WARNING or worse from our own loggers fails the test unless it is marked
# @pytest.mark.allow_log(...); tests/helpers/ is importable via pythonpath.
# keychain, smtp_server, imap_server, llama_server: the real Secret Service, SMTP
# server, IMAP server (Dovecot) and OpenAI-compatible server fixtures;
# pytester: the log plugin's own test.
pytest_plugins = [
    "helpers.logfail",
    "helpers.keychain",
    "helpers.smtp_server",
    "helpers.imap_server",  # Dovecot, unprivileged, on free loopback ports
    "helpers.llama_server",  # llama-cpp-python's OpenAI-compatible server (server mode)
    "pytester",
]

# Fixtures that bring the real model (253 MB on disk, loaded by llama.cpp in
# most tests that take it): any test using one, directly or through another
# fixture, is marked slow, so `pytest -m "not slow"` stays a quick suite that
# needs no model at all. Tests slow for other reasons carry @pytest.mark.slow.
SLOW_FIXTURES = frozenset({"starter_model_path", "engine"})


@pytest.hookimpl(tryfirst=True)  # before -m deselects anything
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def _model_cache_dir() -> Path:
    # Assembling 253 MB once per machine, not once per test run.
    root = os.environ.get("COMPOSER_TEST_CACHE") or Path.home() / ".cache" / "composer-tests"
    return Path(root)


@pytest.fixture(scope="session")
def starter_model_path() -> Path:
    """The real Gemma 3 270M Q4_K_M GGUF from the PyPI package, sha256-checked."""
    from composer.models.starter import ensure_starter_model

    return ensure_starter_model(_model_cache_dir())


@pytest.fixture
def composer_home(tmp_path, monkeypatch) -> Path:
    """Everything the app writes goes under a temporary COMPOSER_HOME."""
    home = tmp_path / "composer-home"
    monkeypatch.setenv("COMPOSER_HOME", str(home))
    return home


@pytest.fixture
def app_paths_tmp(composer_home):
    from composer.paths import app_paths

    return app_paths().ensure()


@pytest.fixture(scope="module")
def engine(starter_model_path):
    """A LocalEngine with the starter model loaded, shared by one test module."""
    from composer.engine.local import LocalEngine

    eng = LocalEngine()
    eng.load(starter_model_path, context_size=2048)
    yield eng
    eng.close()
