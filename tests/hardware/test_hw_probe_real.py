"""The real probe on this machine (the venv's llama.cpp build), its cache and its failures."""

from __future__ import annotations

import json

import llama_cpp

from composer.hardware import probe as probe_module
from composer.hardware.probe import Probe, cache_key, probe
from composer.hardware.system import system_facts
from composer.paths import app_paths


def test_real_probe_of_this_machine(composer_home) -> None:
    found = probe(use_cache=False)
    assert found.note == ""
    assert found.llama_cpp_version == llama_cpp.__version__
    assert found.ram_total > found.ram_available > 0 and found.cpu_count >= 1
    cpu = [d for d in found.devices if d.backend == "CPU"]
    assert len(cpu) == 1 and cpu[0].kind == "cpu" and cpu[0].total_bytes > 0
    assert found.gpu_offload == bool(llama_cpp.llama_supports_gpu_offload())
    assert "CPU :" in found.system_info
    assert Probe.from_dict(json.loads(json.dumps(found.to_dict()))) == found


def test_probe_result_is_cached_per_build_and_driver(composer_home, monkeypatch) -> None:
    first = probe(use_cache=True)
    cached = json.loads((app_paths().cache / "hardware-probe.json").read_text())
    assert cached["key"] == cache_key()

    def no_child(timeout: float):
        raise AssertionError("the cached device list should have been used")

    monkeypatch.setattr(probe_module, "run_listing", no_child)
    second = probe(use_cache=True)
    assert second.devices == first.devices


def test_cache_key_follows_device_selection_variables(monkeypatch) -> None:
    monkeypatch.delenv("GGML_VK_VISIBLE_DEVICES", raising=False)
    plain = cache_key()
    monkeypatch.setenv("GGML_VK_VISIBLE_DEVICES", "1")
    assert cache_key() != plain


def test_a_hanging_probe_times_out_to_cpu_only(composer_home) -> None:
    # No child can start Python and llama.cpp in a millisecond: a real timeout.
    found = probe(timeout=0.001, use_cache=False)
    assert "did not answer within 0.001 seconds" in str(found.note)
    assert [d.backend for d in found.devices] == ["CPU"] and found.gpu_offload is False
    assert found.ram_total > 0
    assert not (app_paths().cache / "hardware-probe.json").exists()  # failures are not cached


def test_a_crashing_probe_child_leaves_the_app_running(
    composer_home, tmp_path, monkeypatch
) -> None:
    # No driver here crashes on demand (ggml-vulkan now survives a bad
    # GGML_VK_VISIBLE_DEVICES), so the crash is injected: a sitecustomize on
    # the child's path aborts it at start-up, as a driver's abort() would.
    # The parent sees a real SIGABRT.
    (tmp_path / "sitecustomize.py").write_text("import os\nos.abort()\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    found = probe(use_cache=False)
    assert "The device check crashed (exit code -6" in str(found.note)
    assert [d.backend for d in found.devices] == ["CPU"] and found.gpu_offload is False


def test_system_facts_of_this_machine() -> None:
    facts = system_facts()
    assert facts.os.startswith("Linux") and facts.arch in ("x86_64", "arm64")
    assert facts.cpu_name and facts.cpu_name != "unknown"


def test_memory_cores_and_battery_come_from_psutil() -> None:
    import psutil

    from composer.hardware.system import memory, on_battery, physical_cores

    total, available = memory()
    assert total == psutil.virtual_memory().total and 0 < available <= total
    assert physical_cores() == (psutil.cpu_count(logical=False) or 0)
    battery = psutil.sensors_battery()
    expected = (
        None if battery is None or battery.power_plugged is None else not battery.power_plugged
    )
    assert on_battery() is expected
