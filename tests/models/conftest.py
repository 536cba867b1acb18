"""Fixtures for the model tests: a Hub look-alike with faults, sample files, a private home."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/hub_server.py
sys.path.insert(0, str(Path(__file__).resolve().parent))  # model_support.py

from hub_server import HubServer, write_gguf_like

from composer.models.download import DownloadOptions

SAMPLE_SIZE = 6 << 20  # several chunks and checkpoints, still quick on 2 cores


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """COMPOSER_HOME in a temporary folder; no outside model folders leak in."""
    root = tmp_path / "home"
    monkeypatch.setenv("COMPOSER_HOME", str(root))
    for name in ("HF_ENDPOINT", "HF_TOKEN", "HF_HUB_OFFLINE", "OLLAMA_MODELS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    return root


@pytest.fixture(scope="session")
def sample_gguf(tmp_path_factory) -> Path:
    return write_gguf_like(tmp_path_factory.mktemp("served") / "sample.gguf", SAMPLE_SIZE, seed=1)


@pytest.fixture(scope="session")
def other_gguf(tmp_path_factory) -> Path:
    return write_gguf_like(tmp_path_factory.mktemp("served2") / "other.gguf", SAMPLE_SIZE, seed=2)


@pytest.fixture
def hub():
    with HubServer() as server:
        yield server


@pytest.fixture
def fast() -> DownloadOptions:
    """Short back-off and watchdog so fault tests run in seconds."""
    return DownloadOptions(
        backoff_base=0.01,
        backoff_max=0.05,
        stall_timeout=1.0,
        checkpoint_bytes=1 << 20,
        free_space_margin=0,
    )
