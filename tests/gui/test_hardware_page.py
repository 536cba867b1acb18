"""The Hardware settings page, fed with probes recorded on real machines."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hardware"))

from helpers.hardware import LLAMA32_1B_Q4_K_M, load_probe
from PySide6.QtCore import Qt

from composer.gui.dialogs.hardware_page import HardwarePage
from composer.hardware.plan import Override, make_plan
from composer.hardware.speed import SpeedResult


def _page(qtbot) -> HardwarePage:
    page = HardwarePage()
    qtbot.addWidget(page)
    return page


def test_shows_detected_devices_and_the_reason(qtbot) -> None:
    page = _page(qtbot)
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")
    page.set_probe(probe)
    assert page.devices.rowCount() == 3
    names = [page.devices.item(r, 0).text() for r in range(3)]
    assert names == [
        "AMD Radeon(TM) Graphics",
        "NVIDIA GeForce RTX 3060 Laptop GPU",
        "AMD Ryzen 7 5800H with Radeon Graphics",
    ]
    assert page.devices.item(1, 3).text() == "5.1 GB / 5.9 GB"
    assert page.devices.item(0, 2).text() == "integrated GPU"
    assert "16 logical CPUs" in page.computer.text() and "on mains power" in page.computer.text()
    assert page.computer.text().endswith("Windows 11 (10.0.22621), x86_64")

    plan = make_plan(probe, LLAMA32_1B_Q4_K_M)
    page.set_plan(plan)
    assert page.in_use.text() == str(plan.reason)
    assert page.fallback.isHidden()
    assert page.layers.maximum() == 16


def test_device_choice_lists_auto_each_gpu_and_cpu(qtbot) -> None:
    page = _page(qtbot)
    page.set_probe(load_probe("windows_laptop_amd_igpu_rtx3060"))
    items = [
        (page.device_choice.itemText(i), page.device_choice.itemData(i))
        for i in range(page.device_choice.count())
    ]
    assert items == [
        ("Automatic (recommended)", "auto"),
        ("AMD Radeon(TM) Graphics (Vulkan)", "0"),
        ("NVIDIA GeForce RTX 3060 Laptop GPU (Vulkan)", "1"),
        ("CPU only", "cpu"),
    ]


def test_changing_the_choice_emits_an_override(qtbot) -> None:
    page = _page(qtbot)
    page.set_probe(load_probe("windows_laptop_amd_igpu_rtx3060"))
    with qtbot.waitSignal(page.sig_override_changed) as blocker:
        page.device_choice.setCurrentIndex(page.device_choice.findData("0"))
    assert blocker.args == [Override(device="0", gpu_layers=None)]
    with qtbot.waitSignal(page.sig_override_changed) as blocker:
        page.layers.setValue(12)
    assert blocker.args == [Override(device="0", gpu_layers=12)]
    with qtbot.waitSignal(page.sig_override_changed) as blocker:
        page.layers.setValue(-1)
    assert blocker.args[0].gpu_layers is None


def test_typing_a_layer_count_emits_once(qtbot) -> None:
    page = _page(qtbot)
    page.set_probe(load_probe("linux_amd_rx6700xt"))
    emitted = []
    page.sig_override_changed.connect(emitted.append)
    page.layers.lineEdit().selectAll()
    qtbot.keyClicks(page.layers, "24")
    assert emitted == []  # not 2, then 24
    qtbot.keyClick(page.layers, Qt.Key.Key_Return)
    assert [o.gpu_layers for o in emitted] == [24]


def test_set_override_shows_the_saved_choice_quietly(qtbot) -> None:
    page = _page(qtbot)
    page.set_probe(load_probe("linux_nvidia_cuda_two_gpus"))
    with qtbot.assertNotEmitted(page.sig_override_changed):
        page.set_override(Override(device="1", gpu_layers=20))
    assert page.device_choice.currentData() == "1" and page.layers.value() == 20
    assert page.override() == Override(device="1", gpu_layers=20)
    # A new probe keeps the user's choice.
    page.set_probe(load_probe("linux_nvidia_cuda_two_gpus"))
    assert page.device_choice.currentData() == "1"


def test_fallback_reason_is_shown(qtbot) -> None:
    page = _page(qtbot)
    probe = load_probe("linux_amd_rx6700xt")
    page.set_probe(probe)
    plan = make_plan(probe, LLAMA32_1B_Q4_K_M)
    fallback = plan.cpu_fallback("unable to allocate Vulkan0 buffer")
    page.set_plan(fallback, fallback_reason=fallback.reason)
    assert not page.fallback.isHidden() and "switched to the CPU" in page.fallback.text()
    assert "unable to allocate Vulkan0 buffer" in page.fallback.toolTip()
    assert page.in_use.text() == str(fallback.reason)
    assert page.in_use.text().startswith("CPU only: AMD Radeon RX 6700 XT")
    # The app may pass the plan it asked for: the page still shows what runs.
    page.set_plan(plan, fallback_reason=fallback.reason)
    assert page.in_use.text() == str(fallback.reason)
    page.set_plan(plan)
    assert page.fallback.isHidden() and page.in_use.text() == str(plan.reason)


def test_measure_button_asks_and_shows_the_result(qtbot) -> None:
    page = _page(qtbot)
    with qtbot.waitSignal(page.sig_measure_requested):
        page.measure_button.click()
    assert not page.measure_button.isEnabled() and page.speed.text() == "Measuring…"
    page.show_speed(
        SpeedResult(prompt_tokens_per_s=1234.4, gen_tokens_per_s=56.78, n_prompt=256, n_gen=64)
    )
    assert page.measure_button.isEnabled()
    assert page.speed.text() == "Reading 1,234 tokens/s, writing 56.8 tokens/s"


def test_physical_cores_are_shown_when_known(qtbot) -> None:
    page = _page(qtbot)
    page.set_probe(load_probe("h100_vulkan"))
    assert "16 cores, 16 threads" in page.computer.text()


def test_probe_note_is_visible_when_detection_failed(qtbot) -> None:
    page = _page(qtbot)
    probe = load_probe("this_machine_cpu_build")
    probe.note = "The graphics driver did not answer within 20 seconds."
    page.set_probe(probe)
    assert not page.probe_note.isHidden() and page.probe_note.text() == str(probe.note)
    # lavapipe, seen by the Vulkan loader, is listed but marked unused.
    assert page.devices.rowCount() == 2
    assert page.devices.item(1, 0).text().startswith("llvmpipe")
    assert page.devices.item(1, 1).text() == "Vulkan (not used)"
    # A CPU-only build offers no GPU to choose.
    assert [page.device_choice.itemData(i) for i in range(page.device_choice.count())] == [
        "auto",
        "cpu",
    ]
