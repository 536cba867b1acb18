"""`composer models …` end to end: real processes, real HTTP, HF_ENDPOINT from the environment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gguf_tools import write_tiny_model
from hub_server import Fault, write_gguf_like
from model_support import assert_only_verified, sha256_file

from composer.models.cli import run
from composer.models.download import part_path, read_partial

REPO, NAME = "acme/Writer-GGUF", "writer-Q4_K_M.gguf"


def _cli(home: Path, endpoint: str, *args: str, **kwargs) -> subprocess.Popen:
    env = {
        **os.environ,
        "COMPOSER_HOME": str(home),
        "HF_ENDPOINT": endpoint,
        "HOME": str(home),
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "composer", "models", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def _models(home: Path) -> Path:
    return home / "data" / "models"


def test_pull_honours_hf_endpoint_prints_progress_and_verifies(home, hub, sample_gguf):
    hub.add_file(REPO, NAME, sample_gguf)
    hub.set_rate(8 << 20)
    code, out, err = _finish(_cli(home, hub.url, "pull", REPO, NAME))
    assert code == 0, err
    final = _models(home) / NAME
    assert "Downloaded and verified" in out and str(final) in out
    assert "downloading" in err and "MB/s" in err  # progress lines (not a terminal: a log)
    assert sha256_file(final) == sha256_file(sample_gguf)

    code, out, _ = _finish(_cli(home, hub.url, "pull", REPO, NAME))
    assert code == 0 and "Already on this computer" in out
    assert sum(r.method == "GET" for r in hub.requests) == 1
    # Only the file itself: no telemetry (huggingface_hub's agent registry) or other calls.
    assert {r.path.split("/resolve/")[0] for r in hub.requests} == {f"/{REPO}"}


def test_pull_failure_exits_non_zero_with_a_sentence(home, hub, sample_gguf):
    hub.add_file(REPO, NAME, sample_gguf, token="hf_x")
    code, out, err = _finish(_cli(home, hub.url, "pull", REPO, NAME))
    assert code == 1 and "gated" in err and "composer models login" in err
    assert "Traceback" not in err
    code, _, err = _finish(_cli(home, hub.url, "pull", "acme/Other", NAME))
    assert code == 1 and "not found" in err
    assert_only_verified(home, {})


def test_unreachable_endpoint_is_a_clear_error(home):
    code, _, err = _finish(_cli(home, "http://127.0.0.1:9", "pull", REPO, NAME))
    assert code == 1 and "Could not reach" in err and "Traceback" not in err


def _slow_pull_under_way(home, hub, tmp_path, seed: int, min_bytes: int):
    """A `pull` process downloading a 24 MiB file slowly, once *min_bytes* are on disk."""
    big = write_gguf_like(tmp_path / "big.gguf", 24 << 20, seed=seed)
    hub.add_file(REPO, NAME, big)
    hub.set_rate(4 << 20)
    final = _models(home) / NAME
    proc = _cli(home, hub.url, "pull", REPO, NAME)
    deadline = time.monotonic() + 60
    while not (part_path(final).exists() and part_path(final).stat().st_size >= min_bytes):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    return proc, big, final


def test_killed_download_is_resumed_by_a_new_process(home, hub, tmp_path):
    proc, big, final = _slow_pull_under_way(home, hub, tmp_path, seed=7, min_bytes=3 << 20)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()  # reaps it and closes its pipes
    assert proc.returncode == -signal.SIGKILL
    left = read_partial(final)
    assert left is not None and 0 < left.done < left.size
    assert not final.exists()

    hub.set_rate(None)
    code, out, err = _finish(_cli(home, hub.url, "pull", REPO, NAME))
    assert code == 0, err
    assert sha256_file(final) == sha256_file(big)
    resumed = [r for r in hub.requests if r.method == "GET"][-1]
    assert resumed.range == f"bytes={left.done}-" and resumed.status == 206
    assert_only_verified(home, {NAME: sha256_file(big)})


def test_interrupt_pauses_and_the_next_run_continues(home, hub, tmp_path):
    proc, big, final = _slow_pull_under_way(home, hub, tmp_path, seed=8, min_bytes=2 << 20)
    proc.send_signal(signal.SIGINT)
    code, _, err = _finish(proc)
    assert code == 130 and "Paused" in err
    hub.set_rate(None)
    code, _, _ = _finish(_cli(home, hub.url, "pull", REPO, NAME))
    assert code == 0 and sha256_file(final) == sha256_file(big)


def test_list_import_and_rm(home, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "empty-home"))  # no other apps' folders
    (tmp_path / "mine").mkdir()
    outside = write_tiny_model(tmp_path / "mine" / "local-model.gguf")
    assert run(["import", str(outside)]) == 0
    assert "stays where it is" in capsys.readouterr().out
    assert run(["list", "--no-fit"]) == 0
    listing = capsys.readouterr().out
    assert "local-model" in listing and "Imported" in listing
    assert "qwen2.5-7b-instruct" in listing and "Apache-2.0" in listing

    bad = tmp_path / "mine" / "notes.gguf"
    bad.write_text("hello")
    assert run(["import", str(bad)]) == 1
    assert "not a GGUF model file" in capsys.readouterr().err

    assert run(["rm", "local-model"]) == 0
    assert outside.exists()
    assert run(["rm", "local-model"]) == 1
    assert "No model called" in capsys.readouterr().err


@pytest.mark.slow
def test_list_shows_fit_verdicts_for_this_machine(home, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "empty-home"))
    assert run(["list"]) == 0
    listing = capsys.readouterr().out
    assert "recommended for this computer" in listing
    assert "Fits on the" in listing or "Does not fit" in listing


def test_pull_by_catalog_id_needs_a_known_id(home, capsys):
    assert run(["pull", "no-such-model"]) == 2
    assert "not in the catalog" in capsys.readouterr().err


@pytest.mark.slow
def test_pull_the_real_starter_model_through_a_dropped_connection(home, hub, starter_model_path):
    """The real Gemma 3 270M GGUF, served by the local Hub, cut off midway, resumed."""
    from composer.modelfile.gguf import read_gguf
    from composer.models.library import ExternalFolders, ModelLibrary
    from composer.paths import app_paths

    size = starter_model_path.stat().st_size
    hub.add_file("google/gemma-3-270m-GGUF", starter_model_path.name, starter_model_path)
    hub.inject(Fault("drop", at=size // 2))
    code, out, err = _finish(
        _cli(home, hub.url, "pull", "google/gemma-3-270m-GGUF", starter_model_path.name)
    )
    assert code == 0, err
    final = _models(home) / starter_model_path.name
    assert sha256_file(final) == sha256_file(starter_model_path)
    gets = [r for r in hub.requests if r.method == "GET"]
    assert len(gets) == 2 and gets[1].status == 206
    info = read_gguf(final)
    assert info.architecture == "gemma3" and info.block_count
    (model,) = ModelLibrary(app_paths(), ExternalFolders.none()).installed()
    assert model.path == final and model.repo_id == "google/gemma-3-270m-GGUF"
