"""Settings > Assistant > Context length and Memory for long emails, and the Hardware page."""

from __future__ import annotations

from helpers.hardware import LLAMA32_1B_Q4_K_M, load_probe
from PySide6.QtWidgets import QComboBox, QLabel

from composer.gui.assistant_controller import AssistantState
from composer.gui.dialogs.settings_dialog import SettingsDialog
from composer.hardware.plan import Override, make_plan
from composer.settings import Settings


def test_context_length_is_automatic_by_default_and_can_be_set(qtbot):
    settings = Settings()
    assert settings.context_size == 0
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "contextLength")
    assert combo.currentData() == 0
    values = [combo.itemData(i) for i in range(combo.count())]
    assert values[:6] == [0, 2048, 4096, 8192, 16384, 32768]
    with qtbot.waitSignal(dialog.sig_settings_changed):
        combo.setCurrentIndex(combo.findData(16384))
    dialog.apply_to(settings)
    assert settings.context_size == 16384


def test_a_hand_set_context_length_is_shown_as_it_is(qtbot):
    dialog = SettingsDialog(Settings(context_size=3000))
    qtbot.addWidget(dialog)
    assert dialog.findChild(QComboBox, "contextLength").currentData() == 3000


def test_hardware_page_says_which_context_and_why(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    probe = load_probe("apple_m1_8gb")
    dialog.hardware.set_plan(make_plan(probe, LLAMA32_1B_Q4_K_M, Override(context_size=8192)))
    note = dialog.findChild(QLabel, "contextNote").text()
    assert "8,192" in note
    dialog.hardware.set_plan(None)
    assert dialog.findChild(QLabel, "contextNote").text() == ""


def test_memory_for_long_emails_is_full_precision_by_default_and_can_be_compact(qtbot):
    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "kvCache")
    assert [combo.itemData(i) for i in range(combo.count())] == ["f16", "q8_0"]
    assert combo.currentData() == "f16" and combo.toolTip()
    with qtbot.waitSignal(dialog.sig_settings_changed):
        combo.setCurrentIndex(combo.findData("q8_0"))
    dialog.apply_to(settings)
    assert settings.kv_cache == "q8_0"
    again = SettingsDialog(settings)
    qtbot.addWidget(again)
    assert again.findChild(QComboBox, "kvCache").currentData() == "q8_0"


def test_choosing_the_compact_cache_reloads_the_model_with_it(
    open_window, qtbot, app_paths_tmp, starter_model_path
):
    window = open_window(starter_model_path, ready=True, context_size=1024)
    assert window.assistant.model_info.plan.kv_cache == "f16"
    window.commands["settings"].trigger()
    combo = window.settings_dialog.findChild(QComboBox, "kvCache")
    combo.setCurrentIndex(combo.findData("q8_0"))
    assert window.assistant.state is AssistantState.NO_MODEL  # reloading
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=180_000)
    assert Settings.load(app_paths_tmp.settings_file).kv_cache == "q8_0"
    plan = window.assistant.model_info.plan
    assert plan.kv_cache == "q8_0" and plan.llama_kwargs()["type_v"] == 8
    assert window.engine.worker._local._llm.context_params.type_v == 8
    window.settings_dialog.close()
