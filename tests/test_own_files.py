"""Composer's own files: a FIFO or a huge file in place never hangs the app; all is private.

Every reader here would block for good on a FIFO opened as a plain file (it
waits for a writer): each runs in a thread that must finish (helpers/fifo.py).
"""

from __future__ import annotations

import os
import time

import pytest
from helpers.fifo import make_fifo, without_blocking

from composer.engine import trial
from composer.fileio import write_json_atomic
from composer.hardware import probe, speed
from composer.mail.drafts import OWN_FOLDER_DEPTH, remove_stale_temporaries
from composer.models.partial_files import PartialLock, lock_path
from composer.paths import app_paths

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path) -> int:
    return path.stat().st_mode & 0o777


# -- caches: a FIFO or a huge file is no cache; the next write replaces it ---------------------
def test_the_verified_models_cache_as_a_fifo_or_huge_is_ignored_then_replaced(tmp_path):
    cache = make_fifo(tmp_path / "cache" / trial.CACHE_NAME)
    assert without_blocking(lambda: trial.is_verified("key", cache), [cache]) is False
    without_blocking(lambda: trial.remember("key", cache), [cache])
    assert cache.is_file() and trial.is_verified("key", cache)
    cache.write_text('{"verified": {"key": 1}, "pad": "' + "x" * (2 << 20) + '"}')
    assert not trial.is_verified("key", cache)  # over the bound: not ours


def test_the_hardware_probe_cache_as_a_fifo_is_ignored(composer_home):
    cache = make_fifo(app_paths().cache / "hardware-probe.json")
    assert without_blocking(lambda: probe._read_cache("key"), [cache]) is None


def test_the_writing_speed_book_as_a_fifo_is_ignored_then_replaced(composer_home):
    book = make_fifo(app_paths().cache / "writing-speed.json")
    assert without_blocking(speed._read_book, [book]) == {}
    without_blocking(lambda: speed.record_speed("cpu", 10**9, 12.5, "test cpu"), [book])
    assert book.is_file()
    assert speed._read_book()["measured"]["cpu"]["tokens_per_s"] == 12.5


# -- permissions: this user's only, like the drafts and settings --------------------------------
@posix_only
def test_every_own_folder_is_private_even_if_it_existed_before(composer_home):
    paths = app_paths()
    for folder in (paths.cache, paths.models):
        folder.mkdir(parents=True, mode=0o755)
        os.chmod(folder, 0o755)
    paths.ensure()
    for folder in (paths.config, paths.data, paths.drafts, paths.cache, paths.models):
        assert _mode(folder) == 0o700, folder


@posix_only
def test_cache_files_are_private(composer_home):
    cache = app_paths().cache  # not made yet: whoever writes first makes it private
    speed.record_speed("cpu", 10**9, 12.5, "test cpu")
    probe._write_cache("key", {"devices": []})
    trial.remember("key")
    assert _mode(cache) == 0o700
    for name in ("writing-speed.json", "hardware-probe.json", trial.CACHE_NAME):
        assert _mode(cache / name) == 0o600, name


@posix_only
def test_a_folder_made_for_an_atomic_write_is_private(tmp_path):
    write_json_atomic(tmp_path / "new" / "file.json", {})
    assert _mode(tmp_path / "new") == 0o700 and _mode(tmp_path / "new" / "file.json") == 0o600


@posix_only
def test_lock_files_are_private(tmp_path):
    from composer.gui.draft_autosave import DraftLock

    draft = DraftLock(tmp_path, "0123456789abcdef0123456789abcdef.json")
    assert draft.acquire()
    try:
        # It holds this process's id and the host name.
        assert _mode(tmp_path / "0123456789abcdef0123456789abcdef.lock") == 0o600
    finally:
        draft.release()
    download = PartialLock(tmp_path / "model.gguf")
    assert download.acquire()
    try:
        assert _mode(lock_path(tmp_path / "model.gguf")) == 0o600
    finally:
        download.release()


# -- half-written copies a killed process left behind, wherever the app writes ------------------
def test_stale_temporaries_go_from_every_own_folder(composer_home, tmp_path):
    paths = app_paths().ensure()
    forward = paths.drafts / "forwarded" / "forward-0a1b2c"
    places = [
        paths.config,
        paths.data,
        paths.drafts,
        forward,
        paths.data / "sent",
        paths.models,
        paths.cache,
    ]
    stale, fresh = [], []
    for index, folder in enumerate(places):
        folder.mkdir(parents=True, exist_ok=True)
        old = folder / f".file{index}.json-a1b2c3.tmp"
        old.write_text("{}")
        os.utime(old, (1, 1))
        stale.append(old)
        new = folder / f".file{index}.json-d4e5f6.tmp"  # another instance writing right now
        new.write_text("{}")
        fresh.append(new)
    elsewhere = tmp_path / "elsewhere"  # not ours, even through a link in our folder
    elsewhere.mkdir()
    theirs = elsewhere / ".theirs.json-a1b2c3.tmp"
    theirs.write_text("{}")
    os.utime(theirs, (1, 1))
    (paths.data / "link").symlink_to(elsewhere, target_is_directory=True)

    # What WindowManager.start() does.
    removed = sum(
        remove_stale_temporaries(folder, depth=OWN_FOLDER_DEPTH) for folder in paths.own_folders
    )
    assert removed == len(stale)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in fresh) and theirs.exists()


def test_a_temporary_being_written_now_is_left_alone(tmp_path):
    young = tmp_path / ".settings.json-x.tmp"
    young.write_text("{")
    os.utime(young, (time.time() - 5, time.time() - 5))
    assert remove_stale_temporaries(tmp_path, depth=OWN_FOLDER_DEPTH) == 0
    assert young.exists()
