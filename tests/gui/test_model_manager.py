"""The model manager dialog with a real download worker thread and a local Hub server.

The catalog here lists files the local server really serves, so the
dialog's download, pause, resume and cancel run end to end. Fit verdicts
come from a recorded probe (tests/fixtures/probes, which names its source).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QCheckBox, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/hub_server.py

from gguf_tools import write_tiny_model
from hub_server import HubServer, sha256_of, write_gguf_like

from composer.gui.dialogs.model_manager import (
    OPENNESS_COLUMN,
    STATUS_COLUMN,
    ModelManagerDialog,
    library_pool,
)
from composer.hardware.probe import Probe
from composer.models.catalog import CatalogEntry, Openness, load_catalog
from composer.models.download import DownloadOptions, read_partial
from composer.models.library import ExternalFolders, ModelLibrary
from composer.workers.download_worker import DownloadWorker

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
WAIT_MS = 60_000


def _openness(**ratings: str) -> Openness:
    values = dict.fromkeys(
        ("code", "training_data", "weights", "instruction_data", "licence", "paper", "model_card"),
        "open",
    )
    values.update(ratings)
    return Openness(
        **values,  # type: ignore[arg-type]
        source_name="Acme release notes",
        source_url="https://example.org/acme/notes",
    )


def _entry(
    file: str,
    repo: str = "acme/Mail-GGUF",
    size: int = 8 << 20,
    openness: Openness | None = None,
) -> CatalogEntry:
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
        openness=openness,
    )


@pytest.fixture
def hub(tmp_path):
    with HubServer() as server:
        # mail.gguf is a real (tiny) model: "Use this model" checks its header.
        server.add_file("acme/Mail-GGUF", "mail.gguf", write_tiny_model(tmp_path / "mail.gguf"))
        slow = write_gguf_like(tmp_path / "slow.gguf", 8 << 20, 2)  # big enough to pause
        server.add_file("acme/Mail-GGUF", "slow.gguf", slow)
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
    library_pool().waitForDone()


@pytest.fixture
def dialog(qtbot, app_paths_tmp, worker):
    library = ModelLibrary(app_paths_tmp, ExternalFolders.none())
    entries = [_entry("mail.gguf"), _entry("slow.gguf"), _entry("gated.gguf", "acme/Gated-GGUF")]
    probe = Probe.from_dict(json.loads((PROBES / "this_machine_cpu_build.json").read_text()))
    dlg = ModelManagerDialog(None, library, worker, entries=entries, probe_fn=lambda: probe)
    # Not shown: the offscreen platform warns about size hints of top-level dialogs.
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.verdict("mail") is not None, timeout=WAIT_MS)
    _settle(qtbot, dlg)
    return dlg


def _settle(qtbot, dlg) -> None:
    """Wait until every listing, import, check and removal the dialog asked for answered."""
    qtbot.waitUntil(lambda: not dlg.is_working(), timeout=WAIT_MS)


def _model(path: Path) -> Path:
    """A small model that passes the full header check (import and Use read it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_tiny_model(path)


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
    assert "Loading" in dialog.message.text()


def test_pause_resume_and_cancel(qtbot, dialog, hub, app_paths_tmp):
    hub.set_rate(2 << 20)
    row = _select(dialog, "slow")
    dialog.download_button.click()
    qtbot.waitUntil(
        lambda: dialog.pause_button.isEnabled() and dialog.progress.value() > 100, timeout=WAIT_MS
    )
    dialog.pause_button.click()
    qtbot.waitUntil(
        lambda: _cell(dialog.catalog_table, row, STATUS_COLUMN).startswith("Paused"),
        timeout=WAIT_MS,
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
    # The worker is idle before the window hears so (its signal crosses threads):
    # on a loaded machine the button comes back a moment later.
    qtbot.waitUntil(dialog.download_button.isEnabled, timeout=WAIT_MS)


def test_gated_model_asks_for_a_token(qtbot, dialog):
    _select(dialog, "gated")
    dialog.download_button.click()
    qtbot.waitUntil(lambda: not dialog.token_button.isHidden(), timeout=WAIT_MS)
    assert "token" in dialog.message.text() and "keychain" in dialog.message.text()


def test_import_checks_the_file_and_remove_forgets_it(qtbot, dialog, tmp_path, monkeypatch):
    bad = tmp_path / "bad.gguf"
    bad.write_text("not a model")
    dialog.import_path(str(bad))
    _settle(qtbot, dialog)
    assert "not a GGUF model file" in dialog.message.text()
    assert dialog.installed_table.rowCount() == 0

    good = _model(tmp_path / "mine" / "good.gguf")
    dialog.import_path(str(good))
    _settle(qtbot, dialog)
    assert "is now available" in dialog.message.text()
    assert dialog.installed_table.rowCount() == 1
    assert _cell(dialog.installed_table, 0, 2) == "Imported"
    dialog.installed_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.remove_button.click()
    _settle(qtbot, dialog)
    assert dialog.installed_table.rowCount() == 0 and good.exists()


class _GatedLibrary(ModelLibrary):
    """A real library whose listing and import wait until the test opens the gate.

    It records the thread each ran on. Were they run on the GUI thread, the
    dialog would not come back until the gate's own guard ran out (then the
    assertions below fail rather than the suite hanging).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.gate = threading.Event()
        self.threads: list[int] = []
        self.timed_out = False

    def _wait(self) -> None:
        self.threads.append(threading.get_ident())
        if not self.gate.wait(WAIT_MS / 1000):
            self.timed_out = True

    def installed(self):
        self._wait()
        return super().installed()

    def import_file(self, path):
        self._wait()
        return super().import_file(path)


def test_listing_and_import_never_run_on_the_gui_thread(qtbot, app_paths_tmp, worker, tmp_path):
    good = _model(tmp_path / "mine" / "good.gguf")
    library = _GatedLibrary(app_paths_tmp, ExternalFolders.none())
    dlg = ModelManagerDialog(None, library, worker, entries=[_entry("mail.gguf")], probe_fn=None)
    qtbot.addWidget(dlg)
    # Back from the constructor while the listing still waits: the GUI thread is free.
    assert dlg.is_working() and not dlg.activity_bar.isHidden()
    assert "Looking for models" in dlg.activity_label.text()
    dlg.import_path(str(good))
    assert "Checking good.gguf" in dlg.activity_label.text()
    library.gate.set()
    _settle(qtbot, dlg)
    assert not library.timed_out
    assert library.threads and threading.get_ident() not in library.threads
    assert dlg.activity_bar.isHidden() and dlg.installed_table.rowCount() == 1
    assert "is now available" in dlg.message.text()


def test_fifos_are_refused_and_never_block_the_window(qtbot, dialog, app_paths_tmp, tmp_path):
    fifo = tmp_path / "pipe.gguf"
    os.mkfifo(fifo)
    models = app_paths_tmp.models
    models.mkdir(parents=True, exist_ok=True)
    os.mkfifo(models / "listed.gguf")
    os.mkfifo(models / "listed.gguf.origin.json")
    try:
        dialog.import_path(str(fifo))
        _settle(qtbot, dialog)
        assert "named pipe" in dialog.message.text()
        dialog.refresh()
        _settle(qtbot, dialog)
        assert dialog.installed_table.rowCount() == 0
    finally:
        # Had a job opened a FIFO, it would be stuck there: a writer that comes
        # and goes releases it, so the library thread can end.
        for path in (fifo, models / "listed.gguf", models / "listed.gguf.origin.json"):
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass


def test_use_checks_the_file_off_the_gui_thread(qtbot, dialog, app_paths_tmp, tmp_path):
    model = _model(tmp_path / "mine" / "usable.gguf")
    dialog.import_path(str(model))
    _settle(qtbot, dialog)
    dialog.installed_table.selectRow(0)
    model.unlink()
    os.mkfifo(model)  # swapped for a FIFO after it was listed
    try:
        with qtbot.assertNotEmitted(dialog.sig_model_chosen):
            dialog.use_button.click()
            _settle(qtbot, dialog)
        assert "named pipe" in dialog.message.text()
    finally:
        try:
            os.close(os.open(model, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass


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


def test_openness_column_details_and_the_fully_open_filter(qtbot, app_paths_tmp, worker):
    entries = [
        _entry("open.gguf", openness=_openness(paper="closed")),
        _entry("weights.gguf", openness=_openness(training_data="closed", code="partial")),
        _entry("unrated.gguf"),
    ]
    library = ModelLibrary(app_paths_tmp, ExternalFolders.none())
    dlg = ModelManagerDialog(None, library, worker, entries=entries, probe_fn=None)
    qtbot.addWidget(dlg)
    _settle(qtbot, dlg)
    table = dlg.catalog_table
    assert table.horizontalHeaderItem(OPENNESS_COLUMN).text() == "Openness"
    assert _cell(table, 0, OPENNESS_COLUMN) == "Open: 6 of 7 (fully open)"
    assert _cell(table, 1, OPENNESS_COLUMN) == "Open: 5 of 7, partial: 1"
    assert _cell(table, 2, OPENNESS_COLUMN) == "not rated"
    tip = table.item(1, OPENNESS_COLUMN).toolTip()
    assert "Training data: Closed" in tip and "Code: Partial" in tip
    assert "Source: Acme release notes" in tip and "https://example.org/acme/notes" in tip

    rows_before = table.viewport().height() // table.rowHeight(0)
    table.selectRow(1)
    details = dlg.openness_details.text()
    assert "Instruction-tuning data: <b>Open</b>" in details
    assert 'href="https://example.org/acme/notes"' in details
    # The details below do not squeeze the list to a few rows.
    qtbot.wait(10)
    assert table.viewport().height() // table.rowHeight(0) >= min(rows_before, 5)

    box = dlg.findChild(QCheckBox, "fullyOpenOnly")
    assert box is dlg.fully_open_only and box.accessibleName() == "Fully open models only"
    assert not box.isChecked() and len(dlg.visible_entries()) == 3
    box.setChecked(True)
    assert [e.id for e in dlg.visible_entries()] == ["open"]
    assert table.isRowHidden(1) and table.isRowHidden(2) and not table.isRowHidden(0)
    # The selected model was filtered out: nothing is selected, nothing can be downloaded.
    assert dlg.selected_entry() is None and not dlg.download_button.isEnabled()
    assert dlg.openness_details.text() == ""
    table.selectRow(0)
    assert dlg.selected_entry() is entries[0] and dlg.download_button.isEnabled()
    box.setChecked(False)
    assert len(dlg.visible_entries()) == 3


def test_the_real_catalog_has_fully_open_models_to_show(qtbot, app_paths_tmp, worker):
    library = ModelLibrary(app_paths_tmp, ExternalFolders.none())
    dlg = ModelManagerDialog(None, library, worker, probe_fn=None)
    qtbot.addWidget(dlg)
    _settle(qtbot, dlg)
    dlg.fully_open_only.setChecked(True)
    shown = dlg.visible_entries()
    assert shown and all(e.openness is not None and e.openness.fully_open for e in shown)
    for row in range(dlg.catalog_table.rowCount()):
        if not dlg.catalog_table.isRowHidden(row):
            assert "(fully open)" in _cell(dlg.catalog_table, row, OPENNESS_COLUMN)


def _language_dialog(qtbot, app_paths_tmp, worker, **kwargs) -> ModelManagerDialog:
    probe = Probe.from_dict(json.loads((PROBES / "this_machine_cpu_build.json").read_text()))
    library = ModelLibrary(app_paths_tmp, ExternalFolders.none())
    dlg = ModelManagerDialog(None, library, worker, probe_fn=lambda: probe, **kwargs)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.verdict("olmo-2-1b-instruct") is not None, timeout=WAIT_MS)
    return dlg


def _recommended_entry(dlg) -> CatalogEntry:
    found = [v for v in (dlg.verdict(e.id) for e in dlg._entries) if v and v.recommended]
    assert len(found) == 1
    return found[0].entry


@pytest.fixture
def french_ui(qapp):
    from PySide6.QtCore import QLocale

    from composer import i18n

    default = QLocale()
    assert i18n.install_translators("fr") == "fr"
    yield
    i18n.remove_translators()
    QLocale.setDefault(default)


def test_french_interface_never_recommends_an_english_only_model_and_says_why(
    qtbot, app_paths_tmp, worker, french_ui
):
    """Issue 24: OLMo 2 1B (English only) was recommended in the French interface."""
    dlg = _language_dialog(qtbot, app_paths_tmp, worker)
    assert "fr" in _recommended_entry(dlg).languages
    row = _select(dlg, "olmo-2-1b-instruct")
    assert _cell(dlg.catalog_table, row, 2).endswith("— n’écrit qu’en anglais")
    assert "Déconseillé pour vous\xa0: il n’écrit qu’en anglais." in dlg.details.text()
    row = _select(dlg, "gemma-3-4b-it")
    assert "anglais" not in _cell(dlg.catalog_table, row, 2)


def test_the_answer_language_rules_out_models_that_do_not_write_it(qtbot, app_paths_tmp, worker):
    dlg = _language_dialog(qtbot, app_paths_tmp, worker, answer_languages=("nl",))
    assert "nl" in _recommended_entry(dlg).languages
    row = _select(dlg, "llama-3.2-3b-instruct")
    assert _cell(dlg.catalog_table, row, 2).endswith("— does not write Dutch")
    assert "Not recommended for you: it does not write Dutch." in dlg.details.text()
    row = _select(dlg, "olmo-2-1b-instruct")
    assert _cell(dlg.catalog_table, row, 2).endswith("— writes English only")
