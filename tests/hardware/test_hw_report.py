"""`composer --hardware-report` content: the real probe plus the plan for a real model."""

from __future__ import annotations

import json

from helpers.hardware import load_probe

from composer.hardware.advisor import plan_for_model
from composer.hardware.plan import Override
from composer.hardware.report import hardware_report


def test_report_for_the_starter_model(composer_home, starter_model_path) -> None:
    report = json.loads(json.dumps(hardware_report(str(starter_model_path))))
    assert report["report_version"] == 1
    assert report["model"]["file"] == starter_model_path.name
    assert str(starter_model_path.parent) not in json.dumps(report)  # no folders: privacy
    assert report["model"]["n_layers"] == 18
    plan = report["plan"]
    assert plan["reason"] and plan["llama_kwargs"]["n_ctx"] == plan["n_ctx"]
    assert report["probe"]["devices"]


def test_report_with_an_override(composer_home, starter_model_path) -> None:
    report = hardware_report(str(starter_model_path), Override(device="cpu"))
    assert report["override"] == {
        "device": "cpu",
        "gpu_layers": None,
        "context_size": 0,
        "kv_cache": "f16",
    }
    assert report["plan"]["reason"] == "CPU only: chosen in settings"
    assert report["plan"]["llama_kwargs"]["n_gpu_layers"] == 0


def test_report_without_a_model(composer_home) -> None:
    report = hardware_report(None)
    assert report["plan"] is None and "No model" in report["model_error"]


def test_report_with_a_broken_model_file_explains(composer_home, tmp_path) -> None:
    bad = tmp_path / "notes.gguf"
    bad.write_text("this is not a model")
    report = hardware_report(str(bad))
    assert report["plan"] is None and report["model_error"]
    assert report["probe"]["devices"]  # the hardware half is still there


def test_plan_for_model_reuses_a_given_probe(composer_home, starter_model_path) -> None:
    given = load_probe("apple_m1_8gb")
    found, plan = plan_for_model(starter_model_path, found=given)
    assert found is given
    assert str(plan.reason).startswith("Apple M1 GPU (Metal), all 18 layers")
