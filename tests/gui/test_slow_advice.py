"""The slow-writing note offers only the remedies that apply to the loaded model."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLabel

from composer.engine.base import ModelInfo
from composer.gui.widgets.assistant_panel import AssistantPanel
from composer.hardware.plan import ModelFacts, make_plan
from composer.hardware.probe import Probe

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"


def _info(path: Path, probe: Probe | None = None, size: int = 0) -> ModelInfo:
    plan = make_plan(probe, ModelFacts(file_size=size, n_layers=32)) if probe else None
    return ModelInfo(
        path=str(path),
        name="m",
        architecture="llama",
        context_size=4096,
        trained_context=4096,
        chat_template="model",
        device="CPU",
        plan=plan,
        probe=probe,
    )


def _note(panel: AssistantPanel) -> str:
    panel.show_writing(1.0)
    return panel.findChild(QLabel, "phase").text()


def test_the_smallest_model_on_a_cpu_only_machine_is_not_told_to_shrink(qtbot, tmp_path):
    panel = AssistantPanel()
    qtbot.addWidget(panel)
    cpu_only = Probe.from_dict(json.loads((PROBES / "this_machine_cpu_build.json").read_text()))
    small = tmp_path / "small.gguf"
    small.write_bytes(b"\0" * 1024)
    big = tmp_path / "big.gguf"
    with big.open("wb") as f:  # sparse: 2 GB on paper, nothing on disk
        f.truncate(2_000_000_000)

    panel.set_model(_info(big, cpu_only, 2_000_000_000))
    big_tips = panel._slow_tips()
    panel.set_model(_info(small, cpu_only, 1024))
    small_tips = panel._slow_tips()
    # The big one may move to a smaller model; neither has a GPU to move to.
    assert len(big_tips) == len(small_tips) + 1
    assert set(small_tips) < set(big_tips)
    assert _note(panel).endswith(small_tips[-1])
    gpu_tip = panel.tr("The graphics card would be faster (Edit > Settings > Hardware).")
    assert gpu_tip not in big_tips

    with_gpu = Probe.from_dict(json.loads((PROBES / "linux_nvidia_cuda_two_gpus.json").read_text()))
    cpu_plan_info = _info(big, with_gpu, 2_000_000_000)
    from dataclasses import replace

    assert cpu_plan_info.plan is not None
    on_cpu = replace(cpu_plan_info, plan=replace(cpu_plan_info.plan, n_gpu_layers=0, device=None))
    panel.set_model(on_cpu)
    assert gpu_tip in panel._slow_tips()
    # A GPU that failed to load the model is no remedy.
    panel.set_model(replace(on_cpu, fallback_reason="CPU only: the GPU failed"))
    assert gpu_tip not in panel._slow_tips()
