"""DownloadWorker: a real QThread running queued downloads against the local Hub.

The worker's signals come from its own thread; plain Python callables
connected to them run there too, so the tests collect events in lists and
poll with waitUntil rather than using waitSignal's cross-thread timers.
"""

from __future__ import annotations

import pytest
from model_support import sha256_file

from composer.models.pull import PullRequest
from composer.paths import app_paths
from composer.workers.download_worker import DownloadWorker

WAIT_MS = 60_000


@pytest.fixture
def worker(home, hub, fast):
    worker = DownloadWorker(app_paths(), options=fast, endpoint=hub.url)
    worker.start()
    yield worker
    worker.shutdown()


def test_queued_downloads_run_in_order_and_report(qtbot, worker, hub, sample_gguf, other_gguf):
    hub.add_file("acme/A-GGUF", "a.gguf", sample_gguf)
    hub.add_file("acme/B-GGUF", "b.gguf", other_gguf)
    events = []
    for name in ("queued", "started", "finished", "failed", "paused", "cancelled"):
        getattr(worker, f"sig_{name}").connect(lambda key, *rest, n=name: events.append((n, key)))
    progress = []
    worker.sig_progress.connect(lambda key, p: progress.append((key, p.done)))
    first = worker.enqueue(PullRequest("acme/A-GGUF", "a.gguf"))
    second = worker.enqueue(PullRequest("acme/B-GGUF", "b.gguf"))
    assert worker.enqueue(PullRequest("acme/B-GGUF", "b.gguf")) == second  # not queued twice
    qtbot.waitUntil(lambda: ("finished", second) in events, timeout=WAIT_MS)
    assert [e for e in events if e[0] != "queued"] == [
        ("started", first),
        ("finished", first),
        ("started", second),
        ("finished", second),
    ]
    assert {key for key, _ in progress} == {first, second}
    models = app_paths().models
    assert sha256_file(models / "a.gguf") == sha256_file(sample_gguf)
    assert sha256_file(models / "b.gguf") == sha256_file(other_gguf)


def test_cancel_a_queued_download_and_report_failures(qtbot, worker, hub, sample_gguf):
    hub.add_file("acme/A-GGUF", "a.gguf", sample_gguf)
    hub.set_rate(2 << 20)
    events = []
    for name in ("paused", "cancelled", "failed"):
        getattr(worker, f"sig_{name}").connect(
            lambda key, *rest, n=name: events.append((n, key, *rest))
        )
    running = worker.enqueue(PullRequest("acme/A-GGUF", "a.gguf"))
    waiting = worker.enqueue(PullRequest("acme/Missing-GGUF", "m.gguf"))
    worker.cancel(waiting)
    assert not worker.is_busy(waiting) and worker.is_busy(running)
    worker.pause(running)
    qtbot.waitUntil(lambda: ("paused", running) in events, timeout=WAIT_MS)
    # Emitted here but delivered through the worker thread's event loop (the
    # lambdas have no receiver), which may still be busy with the pause.
    qtbot.waitUntil(lambda: ("cancelled", waiting) in events, timeout=WAIT_MS)
    hub.set_rate(None)
    worker.enqueue(PullRequest("acme/Missing-GGUF", "m.gguf"))
    qtbot.waitUntil(lambda: any(e[0] == "failed" for e in events), timeout=WAIT_MS)
    _, key, message, needs_token = next(e for e in events if e[0] == "failed")
    assert key == waiting and "private" in message and needs_token
