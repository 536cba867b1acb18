"""The model manager dialog with a real download worker thread and a local Hub server.

The catalog here lists files the local server really serves, so the
dialog's download, pause, resume and cancel run end to end. Fit verdicts
come from a recorded probe (tests/fixtures/probes, which names its source).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/hub_server.py

from hub_server import HubServer, sha256_of, write_gguf_like

from composer.gui.dialogs.model_manager import ModelManagerDialog
from composer.hardware.probe import Probe
from composer.models.catalog import CatalogEntry, load_catalog
from composer.models.download import DownloadOptions, read_partial
from composer.models.library import ExternalFolders, ModelLibrary
from composer.workers.download_worker import DownloadWorker

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
WAIT_MS = 60_000


def _entry(file: str, repo: str = "acme/Mail-GGUF", size: int = 8 << 20) -> CatalogEntry:
    return CatalogEntry(
        id=file.removesuffix(".gguf"),
        name=f"Test {file}",
        repo=repo,
        file=file,
        size=size,
        quant="Q4_K_M",
        params="1B",
        licence="Apache-2.0",
        licence_url="https://example.org",
        languages=("en",),
        min_ram_gb=1,
        quality=1,
        summary="served by the local test Hub",
        shape={"n_layers": 16, "n_ctx_train": 4096, "n_embd": 2048, "n_head": 16, "n_head_kv": 4},
    )


@pytest.fixture
def hub(tmp_path):
    with HubServer() as server:
        for name, seed in (("mail.gguf", 1), ("slow.gguf", 2)):
            server.add_file("acme/Mail-GGUF", name, write_gguf_like(tmp_path / name, 8 << 20, seed))
        server.add_file("acme/Gated-GGUF", "gated.gguf", tmp_path / "mail.gguf", token="hf_ok")
        yield server


@pytest.fixture
def worker(app_paths_tmp, hub):
    options = DownloadOptions(backoff_base=0.01, stall_timeout=2.0, free_space_margin=0)
    worker = DownloadWorker(app_paths_tmp, options=options, endpoint=hub.url)
    worker.start()
    yield worker
    worker.shutdown()
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def dialog(qtbot, app_paths_tmp, worker):
    library = ModelLibrary(app_paths_tmp, ExternalFolders.none())
    entries = [_entry("mail.gguf"), _entry("slow.gguf"), _entry("gated.gguf", "acme/Gated-GGUF")]
    probe = Probe.from_dict(json.loads((PROBES / "this_machine_cpu_build.json").read_text()))
    dlg = ModelManagerDialog(None, library, worker, entries=entries, probe_fn=lambda: probe)
    # Not shown: the offscreen platform warns about size hints of top-level dialogs.
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.verdict("mail") is not None, timeout=WAIT_MS)
    return dlg


def _cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def _select(dlg, entry_id: str) -> int:
    row = next(i for i, e in enumerate(dlg._entries) if e.id == entry_id)
    dlg.catalog_table.selectRow(row)
    return row


def test_catalog_shows_size_licence_and_a_fit_verdict(dialog):
    row = _select(dialog, "mail")
    assert _cell(dialog.catalog_table, row, 2) == "Fits on the CPU, slower — recommended" or _cell(
        dialog.catalog_table, row, 2
    ).startswith("Fits on the CPU")
    assert _cell(dialog.catalog_table, row, 3) == "Apache-2.0"
    assert _cell(dialog.catalog_table, row, 1) == "8.4 MB"
    assert sum("recommended" in _cell(dialog.catalog_table, r, 2) for r in range(3)) == 1
    assert "served by the local test Hub" in dialog.details.text()
    assert "On this computer: CPU" in dialog.details.text()


def test_real_catalog_gets_verdicts_too(qtbot, app_paths_tmp, worker):
    probe = Probe.from_dict(json.loads((PROBES / "linux_nvidia_cuda_two_gpus.json").read_text()))
    dlg = ModelManagerDialog(
        None, ModelLibrary(app_paths_tmp, ExternalFolders.none()), worker, probe_fn=lambda: probe
    )
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.verdict(load_catalog()[0].id) is not None, timeout=WAIT_MS)
    fits = [_cell(dlg.catalog_table, r, 2) for r in range(dlg.catalog_table.rowCount())]
    assert (
        all(f.startswith("Fits on the GPU") for f in fits)
        and sum("recommended" in f for f in fits) == 1
    )


def test_download_from_the_dialog_then_use_it(qtbot, dialog, hub):
    _select(dialog, "mail")
    assert dialog.download_button.isEnabled()
    dialog.download_button.click()
    qtbot.waitUntil(
        lambda: any(m.path.name == "mail.gguf" for m in dialog._installed), timeout=WAIT_MS
    )
    assert "Downloaded and verified" in dialog.message.text()
    model = next(m for m in dialog._installed if m.path.name == "mail.gguf")
    assert sha256_of(model.path) == sha256_of(hub.state.files[("acme/Mail-GGUF", "mail.gguf")].path)
    row = dialog._installed.index(model)
    dialog.installed_table.selectRow(row)
    with qtbot.waitSignal(dialog.sig_model_chosen, timeout=WAIT_MS) as chosen:
        dialog.use_button.click()
    assert chosen.args == [str(model.path)]
    assert "(in use)" in _cell(dialog.installed_table, row, 0)


def test_pause_resume_and_cancel(qtbot, dialog, hub, app_paths_tmp):
    hub.set_rate(2 << 20)
    row = _select(dialog, "slow")
    dialog.download_button.click()
    qtbot.waitUntil(
        lambda: dialog.pause_button.isEnabled() and dialog.progress.value() > 100, timeout=WAIT_MS
    )
    dialog.pause_button.click()
    qtbot.waitUntil(
        lambda: _cell(dialog.catalog_table, row, 4).startswith("Paused"), timeout=WAIT_MS
    )
    final = app_paths_tmp.models / "slow.gguf"
    paused = read_partial(final)
    assert paused is not None and 0 < paused.done < paused.size
    assert dialog.resume_button.isEnabled() and dialog.cancel_button.isEnabled()

    def gets():
        return [r for r in hub.requests if r.method == "GET"]

    before = len(gets())
    dialog.resume_button.click()
    qtbot.waitUntil(
        lambda: len(gets()) > before and dialog.cancel_button.isEnabled(), timeout=WAIT_MS
    )
    assert gets()[-1].range == f"bytes={paused.done}-"
    dialog.cancel_button.click()
    qtbot.waitUntil(
        lambda: not dialog._downloads.is_busy("acme/Mail-GGUF/slow.gguf@main"), timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: read_partial(final) is None and not final.exists(), timeout=WAIT_MS)
    assert dialog.download_button.isEnabled()


def test_gated_model_asks_for_a_token(qtbot, dialog):
    _select(dialog, "gated")
    dialog.download_button.click()
    qtbot.waitUntil(lambda: not dialog.token_button.isHidden(), timeout=WAIT_MS)
    assert "token" in dialog.message.text() and "keychain" in dialog.message.text()


def test_import_checks_the_file_and_remove_forgets_it(qtbot, dialog, tmp_path, monkeypatch):
    bad = tmp_path / "bad.gguf"
    bad.write_text("not a model")
    assert dialog.import_path(str(bad)) is None
    assert "not a GGUF model file" in dialog.message.text()
    assert dialog.installed_table.rowCount() == 0

    good = write_gguf_like(tmp_path / "mine" / "good.gguf", 1 << 16)
    model = dialog.import_path(str(good))
    assert model is not None and dialog.installed_table.rowCount() == 1
    assert _cell(dialog.installed_table, 0, 2) == "Imported"
    dialog.installed_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.remove_button.click()
    assert dialog.installed_table.rowCount() == 0 and good.exists()


def test_a_failed_hardware_check_leaves_the_catalog_usable(qtbot, app_paths_tmp, worker):
    def broken_probe():
        raise RuntimeError("the device listing crashed")

    dlg = ModelManagerDialog(
        None,
        ModelLibrary(app_paths_tmp, ExternalFolders.none()),
        worker,
        entries=[_entry("mail.gguf")],
        probe_fn=broken_probe,
    )
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: _cell(dlg.catalog_table, 0, 2) == "unknown", timeout=WAIT_MS)
    assert "the device listing crashed" in dlg.message.text()
    dlg.catalog_table.selectRow(0)
    assert dlg.download_button.isEnabled()
