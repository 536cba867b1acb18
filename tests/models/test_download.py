"""The resumable downloader against a real local HTTP server with injected faults.

In every case the outcome is either the file with the exact sha256 or a
clear error, and no *.gguf exists that was not verified.
"""

from __future__ import annotations

import errno
import json
import os
import random
import threading
import time
from pathlib import Path

import pytest
from hub_server import Fault
from model_support import assert_only_verified, sha256_file

from composer.models.download import (
    AccessDeniedError,
    ChecksumError,
    DiskFullError,
    DownloadCancelled,
    DownloadControl,
    DownloadError,
    DownloadOptions,
    DownloadPaused,
    download,
    find_partials,
    part_path,
    read_partial,
    sidecar_path,
)
from composer.models.hub import HubAuthError, HubNotFoundError, resolve_file

REPO, NAME = "org/writer-GGUF", "writer-Q4_K_M.gguf"


@pytest.fixture(autouse=True)
def only_verified_models_remain(tmp_path, sample_gguf, other_gguf):
    """After every test: any *.gguf left is byte-identical to a file the server published."""
    yield
    published = {sha256_file(sample_gguf), sha256_file(other_gguf)}
    for path in tmp_path.rglob("*.gguf"):
        assert sha256_file(path) in published, f"{path} was never verified"


def _remote(hub, sample, token=None, **kwargs):
    hub.add_file(REPO, NAME, sample, **kwargs)
    return resolve_file(REPO, NAME, endpoint=hub.url, token=token)


def _gets(hub):
    return [r for r in hub.requests if r.method == "GET"]


def _leave_partial(hub, remote, final, fast, at: int) -> None:
    """Run a download that stops for good at byte *at*, leaving .part and sidecar."""
    hub.inject(Fault("truncate", at=at), Fault("status", status=500, times=100, skip=1))
    with pytest.raises(DownloadError):
        download(remote, final, options=fast)
    hub.clear_faults()


def test_clean_download_reports_progress_and_verifies(hub, sample_gguf, tmp_path):
    remote = _remote(hub, sample_gguf)
    reports = []
    final = download(remote, tmp_path / NAME, on_progress=reports.append)
    assert sha256_file(final) == remote.sha256 == sha256_file(sample_gguf)
    assert not part_path(final).exists() and not sidecar_path(final).exists()
    assert reports and reports[-1].done == remote.size and reports[-1].total == remote.size
    assert [r.done for r in reports] == sorted(r.done for r in reports)
    assert remote.commit in _gets(hub)[0].path  # the URL is pinned to the resolved commit


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_connection_dropped_at_random_byte_resumes_with_range(
    hub, sample_gguf, tmp_path, fast, seed
):
    remote = _remote(hub, sample_gguf)
    at = random.Random(seed).randrange(1, remote.size - 1)
    hub.inject(Fault("drop", at=at))
    final = download(remote, tmp_path / NAME, options=fast)
    assert sha256_file(final) == remote.sha256, f"seed {seed}, drop at {at}"
    first, *rest = _gets(hub)
    assert rest, "the dropped connection was not retried"
    start = int(rest[0].range.split("=")[1].rstrip("-"))
    assert 0 < start <= at and rest[0].status == 206
    assert rest[0].if_range == f'"{remote.sha256}"'  # If-Range carries the server's ETag


def test_truncated_body_is_completed(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("truncate", at=remote.size // 3), Fault("truncate", at=remote.size // 2))
    final = download(remote, tmp_path / NAME, options=fast)
    assert sha256_file(final) == remote.sha256
    assert len(_gets(hub)) == 3


def test_200_instead_of_206_restarts_cleanly(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("drop", at=remote.size // 2), Fault("ignore_range"))
    final = download(remote, tmp_path / NAME, options=fast)
    assert sha256_file(final) == remote.sha256
    statuses = [r.status for r in _gets(hub)]
    assert statuses == [200, 200]  # the second answer ignored Range and was used from byte 0


@pytest.mark.parametrize("kind", ["416", "bad_range"])
def test_unusable_range_answer_restarts_from_zero(hub, sample_gguf, tmp_path, fast, kind):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("drop", at=remote.size // 2), Fault(kind))
    final = download(remote, tmp_path / NAME, options=fast)
    assert sha256_file(final) == remote.sha256
    gets = _gets(hub)
    assert gets[-1].range is None and gets[-1].status == 200  # a clean restart


def test_stall_is_broken_by_the_watchdog(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("stall", at=remote.size // 4, seconds=30))
    reports = []
    final = download(remote, tmp_path / NAME, options=fast, on_progress=reports.append)
    assert sha256_file(final) == remote.sha256
    assert len(_gets(hub)) == 2
    # Progress kept coming while no byte arrived.
    stalled = [r for r in reports if r.done == _gets(hub)[1].start and r.state != "verifying"]
    assert len(stalled) >= 2


def test_server_errors_are_retried(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("status", status=503, times=2), Fault("status", status=500, times=1))
    final = download(remote, tmp_path / NAME, options=fast)
    assert sha256_file(final) == remote.sha256
    assert [r.status for r in _gets(hub)] == [503, 503, 500, 200]


def test_persistent_failure_gives_up_with_a_clear_message_and_keeps_progress(
    hub, sample_gguf, tmp_path, fast
):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("truncate", at=1 << 20), Fault("status", status=502, times=100, skip=1))
    with pytest.raises(DownloadError, match="failed .* times in a row") as raised:
        download(remote, tmp_path / NAME, options=fast)
    assert "start the download again" in str(raised.value)
    assert read_partial(tmp_path / NAME).done == 1 << 20
    assert_only_verified(tmp_path, {})


def test_wrong_hash_is_rejected_and_nothing_is_left(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("corrupt", at=remote.size - 10))
    with pytest.raises(ChecksumError, match="damaged"):
        download(remote, tmp_path / NAME, options=fast)
    assert list(tmp_path.iterdir()) == []


def test_gated_repository_asks_for_a_token(hub, sample_gguf, tmp_path, fast):
    hub.add_file(REPO, NAME, sample_gguf, token="hf_secret", redirect=True)
    with pytest.raises(HubAuthError, match="token"):
        resolve_file(REPO, NAME, endpoint=hub.url)
    remote = resolve_file(REPO, NAME, endpoint=hub.url, token="hf_secret")
    final = download(remote, tmp_path / NAME, token="hf_secret", options=fast)
    assert sha256_file(final) == remote.sha256
    gets = _gets(hub)
    assert gets[0].authorization and gets[0].status == 302
    assert gets[1].path.startswith("/cdn/") and not gets[1].authorization  # not leaked to the CDN


def test_gated_while_downloading_is_a_clear_error(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("status", status=403, error_code="GatedRepo"))
    with pytest.raises(AccessDeniedError, match="token"):
        download(remote, tmp_path / NAME, options=fast)
    assert_only_verified(tmp_path, {})


def test_missing_things_are_named(hub, sample_gguf):
    hub.add_file(REPO, NAME, sample_gguf)
    with pytest.raises(HubNotFoundError, match="no file"):
        resolve_file(REPO, "nope.gguf", endpoint=hub.url)
    with pytest.raises(HubNotFoundError, match="revision"):
        resolve_file(REPO, NAME, revision="v9", endpoint=hub.url)
    with pytest.raises(HubAuthError, match="private"):
        resolve_file("org/unknown", NAME, endpoint=hub.url)


def test_file_removed_upstream_is_a_clear_error(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("status", status=404, error_code="EntryNotFound"))
    with pytest.raises(DownloadError, match="no longer available"):
        download(remote, tmp_path / NAME, options=fast)


def test_not_enough_space_is_refused_before_downloading(hub, sample_gguf, tmp_path):
    remote = _remote(hub, sample_gguf)
    # Real free-space check; the margin makes any real disk too small.
    options = DownloadOptions(free_space_margin=1 << 60)
    with pytest.raises(DiskFullError, match="Not enough free disk space"):
        download(remote, tmp_path / NAME, options=options)
    assert _gets(hub) == []
    assert not part_path(tmp_path / NAME).exists()


@pytest.mark.allow_log(
    "composer.models.download", "WARNING", match="Could not update the download sidecar"
)
def test_disk_filling_up_midway_keeps_the_partial_and_resumes(
    hub, sample_gguf, small_disk, fast, record_property
):
    record_property("full_disk", "real tmpfs" if small_disk.real else "injected ENOSPC")
    remote = _remote(hub, sample_gguf)
    final = small_disk.folder / NAME
    hub.set_rate(4 << 20)
    with pytest.raises(DiskFullError, match="full") as raised:
        download(remote, final, options=small_disk.options(fast, final))
    assert "free some space" in str(raised.value)
    kept = read_partial(final)
    assert kept is not None and 0 < kept.done < remote.size
    assert_only_verified(small_disk.folder, {})

    small_disk.free()
    hub.set_rate(None)
    assert sha256_file(download(remote, final, options=fast)) == remote.sha256
    assert _gets(hub)[-1].range == f"bytes={kept.done}-"


def test_pause_then_resume(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.set_rate(3 << 20)
    control = DownloadControl()
    final = tmp_path / NAME

    def pause_when_started(progress):
        if progress.done >= 1 << 20:
            control.pause()

    with pytest.raises(DownloadPaused):
        download(remote, final, control=control, on_progress=pause_when_started, options=fast)
    paused = read_partial(final)
    assert paused is not None and 0 < paused.done < remote.size
    assert find_partials(tmp_path) == [paused]
    assert_only_verified(tmp_path, {})

    hub.set_rate(None)
    assert sha256_file(download(remote, final, options=fast)) == remote.sha256
    assert _gets(hub)[-1].range == f"bytes={paused.done}-"


def test_pause_during_a_stall_stops_promptly(hub, sample_gguf, tmp_path):
    remote = _remote(hub, sample_gguf)
    hub.inject(Fault("stall", at=1 << 20, seconds=60))
    control = DownloadControl()
    # A watchdog far longer than the test: only the pause can end the wait.
    options = DownloadOptions(stall_timeout=600)

    def pause_when_stuck(progress):
        if progress.done == 1 << 20:
            control.pause()

    with pytest.raises(DownloadPaused):
        download(
            remote, tmp_path / NAME, control=control, on_progress=pause_when_stuck, options=options
        )
    assert read_partial(tmp_path / NAME).done == 1 << 20


def test_cancel_removes_the_partial(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    hub.set_rate(3 << 20)
    control = DownloadControl()

    def cancel_midway(progress):
        if progress.done >= 1 << 20:
            control.cancel()

    with pytest.raises(DownloadCancelled):
        download(remote, tmp_path / NAME, control=control, on_progress=cancel_midway, options=fast)
    assert list(tmp_path.iterdir()) == []


def test_partial_of_another_version_is_discarded(hub, sample_gguf, other_gguf, tmp_path, fast):
    final = tmp_path / NAME
    old = _remote(hub, other_gguf)
    _leave_partial(hub, old, final, fast, at=2 << 20)
    assert read_partial(final).commit == old.commit
    new = _remote(hub, sample_gguf, commit="b" * 40)
    assert new.sha256 != old.sha256
    assert sha256_file(download(new, final, options=fast)) == new.sha256
    assert _gets(hub)[-1].range is None


def test_after_a_reboot_only_the_synced_prefix_is_trusted(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    final = tmp_path / NAME
    _leave_partial(hub, remote, final, fast, at=(3 << 20) + 12345)
    meta = json.loads(sidecar_path(final).read_text())
    assert meta["durable"] <= (3 << 20) + 12345
    # Pretend the machine restarted after an fsync at 1 MiB: what lies beyond
    # it may be garbage (here: zeros where data should be).
    meta["boot_id"], meta["durable"] = "another-boot", 1 << 20
    sidecar_path(final).write_text(json.dumps(meta))
    with open(part_path(final), "r+b") as handle:
        handle.seek((1 << 20) + 100)
        handle.write(b"\0" * 1000)
    assert sha256_file(download(remote, final, options=fast)) == remote.sha256
    assert _gets(hub)[-1].range == f"bytes={meta['durable']}-"


def test_existing_final_file_is_never_overwritten(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    (tmp_path / NAME).write_bytes(b"mine")
    with pytest.raises(DownloadError, match="already exists"):
        download(remote, tmp_path / NAME, options=fast)
    assert (tmp_path / NAME).read_bytes() == b"mine"
    (tmp_path / NAME).unlink()  # the user's own file, not one the downloader made


# ---------------------------------------------------------------- full disk


class _SmallDisk:
    """A real tiny filesystem where possible, else ENOSPC injected at the write seam."""

    def __init__(self, folder: Path, real: bool) -> None:
        self.folder = folder
        self.real = real
        self._filler = folder / "filler.bin"
        self._full = threading.Event()

    def options(self, base: DownloadOptions, final: Path) -> DownloadOptions:
        options = DownloadOptions(**base.__dict__)
        if self.real:
            fill_when_started(final, self._filler)
        else:

            def write(fd, data, _real=os.write):
                if os.fstat(fd).st_size >= 2 << 20:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return _real(fd, data)

            options.write = write
        return options

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)


def fill_when_started(final: Path, filler: Path) -> None:
    """Once the download has 2 MiB on disk, take every remaining byte of the filesystem."""

    def fill() -> None:
        part = part_path(final)
        while not part.exists() or part.stat().st_size < 2 << 20:
            time.sleep(0.01)
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 65536):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)

    threading.Thread(target=fill, daemon=True).start()


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MiB tmpfs (root on Linux); a filler takes the rest once 2 MiB of the sample arrived.

    Without permission to mount, ENOSPC is injected at the downloader's write
    seam instead; the test then still checks the same handling.
    """
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = (
        "COMPOSER_TEST_NO_MOUNT" not in os.environ
        and os.geteuid() == 0
        and os.system(f"mount -t tmpfs -o size=8m composer-test {folder} 2>/dev/null") == 0
    )
    yield _SmallDisk(folder, real=mounted)
    if mounted:
        os.system(f"umount {folder}")


def test_a_complete_partial_is_verified_without_refetching(hub, sample_gguf, tmp_path, fast):
    # As if the process died after the last byte but before the rename.
    remote = _remote(hub, sample_gguf)
    final = tmp_path / NAME
    _leave_partial(hub, remote, final, fast, at=1 << 20)
    part_path(final).write_bytes(sample_gguf.read_bytes())
    assert sha256_file(download(remote, final, options=fast)) == remote.sha256
    last = _gets(hub)[-1]
    assert last.range == f"bytes={remote.size}-" and last.status == 416 and last.sent == 0


def test_a_damaged_sidecar_means_a_clean_restart(hub, sample_gguf, tmp_path, fast):
    remote = _remote(hub, sample_gguf)
    final = tmp_path / NAME
    _leave_partial(hub, remote, final, fast, at=2 << 20)
    sidecar_path(final).write_text("{ half a json")
    assert sha256_file(download(remote, final, options=fast)) == remote.sha256
    assert _gets(hub)[-1].range is None


def test_two_processes_never_write_the_same_partial(hub, sample_gguf, tmp_path, fast):
    from composer.models.partial_files import PartialLock, lock_path

    remote = _remote(hub, sample_gguf)
    final = tmp_path / NAME
    other = PartialLock(final)  # another process's lock: flock is per open file
    assert other.acquire()
    try:
        with pytest.raises(DownloadError, match="already being downloaded"):
            download(remote, final, options=fast)
        assert _gets(hub) == []
    finally:
        other.release()
    assert sha256_file(download(remote, final, options=fast)) == remote.sha256
    assert not lock_path(final).exists()
