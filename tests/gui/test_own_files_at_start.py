"""At start the app sweeps half-written copies from every folder it writes, and locks privately."""

from __future__ import annotations

import os

import pytest


def test_start_removes_stale_temporaries_everywhere_and_the_draft_lock_is_private(
    qtbot, make_manager, app_paths_tmp
):
    paths = app_paths_tmp
    stale = []
    for folder in (paths.config, paths.data, paths.drafts, paths.models, paths.cache):
        old = folder / ".something.json-a1b2c3.tmp"
        old.write_text("{}")
        os.utime(old, (1, 1))
        stale.append(old)
    manager = make_manager()
    manager.start([])
    assert not [p for p in stale if p.exists()]
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    window = manager.compose_windows()[0]
    lock = paths.drafts / f"{window.autosave.store.path.stem}.lock"
    assert lock.stat().st_mode & 0o777 == 0o600  # it holds the pid and the host name
