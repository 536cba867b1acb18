"""Settings > Hardware and File > Models reached from the compose window, with the real engine."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from composer.gui.assistant_controller import AssistantState
from composer.hardware.plan import Override
from composer.settings import Settings


def test_hardware_page_shows_plan_and_measures_speed(open_window, qtbot, starter_model_path):
    window = open_window(starter_model_path, ready=True, context_size=1024)
    window.commands["settings"].trigger()
    page = window.settings_dialog.hardware
    assert str(window.assistant.model_info.plan.reason) in page.in_use.text()
    results = []
    # Wait on the page's own text (updated in the GUI thread): qtbot.waitSignal on
    # a worker signal would stop its timer from the engine thread.
    window.engine.worker.sig_speed.connect(lambda result: results.append(result))
    page.measure_button.click()
    qtbot.waitUntil(lambda: "Reading" in page.speed.text(), timeout=120_000)
    assert results[0].gen_tokens_per_s > 0 and results[0].prompt_tokens_per_s > 0
    window.settings_dialog.close()


def test_choosing_cpu_only_reloads_and_is_saved(
    open_window, qtbot, app_paths_tmp, starter_model_path
):
    window = open_window(starter_model_path, ready=True, context_size=1024)
    window.commands["settings"].trigger()
    window.settings_dialog.hardware.sig_override_changed.emit(Override(device="cpu"))
    assert window.assistant.state is AssistantState.NO_MODEL  # reloading
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=120_000)
    assert Settings.load(app_paths_tmp.settings_file).device == "cpu"
    assert window.assistant.model_info.plan.n_gpu_layers == 0
    window.settings_dialog.close()


def test_models_window_opens_and_choosing_a_model_loads_it(
    open_window, qtbot, app_paths_tmp, starter_model_path, tmp_path
):
    import shutil

    window = open_window(ready=True, context_size=1024)  # no override: choices persist
    other = tmp_path / "another-model.gguf"
    shutil.copyfile(starter_model_path, other)
    window.commands["models"].trigger()
    dialog = window.models_dialog
    assert dialog.isVisible()
    dialog.sig_model_chosen.emit(str(other))
    assert window.assistant.state is AssistantState.NO_MODEL  # reloading in the background

    qtbot.keyClicks(window.body, "still usable")  # typing works while it loads
    assert window.body.toPlainText() == "still usable"
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=120_000)
    assert window.assistant.model_info.path == str(other)
    assert Settings.load(app_paths_tmp.settings_file).model_path == str(other)
    dialog.close()
    QApplication.processEvents()
