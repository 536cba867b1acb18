"""Real Vulkan: the project's Vulkan build of llama.cpp on Mesa's lavapipe.

lavapipe is a software Vulkan device (it runs on the CPU), so these tests
prove the Vulkan code path (device listing, offloading every layer, real
tokens, a failing device falling back to the CPU), not speed. llama.cpp
ignores CPU-type Vulkan devices unless named, hence GGML_VK_VISIBLE_DEVICES=0.
CI builds the Vulkan package with .ci/vulkan.sh and sets COMPOSER_REQUIRE_VULKAN=1.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers.hardware import PYTHON, vulkan_env

from composer.hardware.plan import ModelFacts, make_plan
from composer.hardware.probe import Probe

CHILD = Path(__file__).with_name("vulkan_child.py")
pytestmark = pytest.mark.slow


def run_child(args: list[str], env: dict[str, str], timeout: float = 900) -> dict:
    done = subprocess.run(
        [PYTHON, str(CHILD), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT=")), None)
    assert line, f"child failed (exit {done.returncode}):\n{done.stderr[-4000:]}"
    return json.loads(line[len("RESULT=") :])


def lavapipe_env(home: Path, **extra: str) -> dict[str, str]:
    return vulkan_env(**{"GGML_VK_VISIBLE_DEVICES": "0", "COMPOSER_HOME": str(home), **extra})


def test_probe_lists_lavapipe_as_a_software_vulkan_device(vulkan_build, tmp_path) -> None:
    probe = Probe.from_dict(run_child(["probe"], lavapipe_env(tmp_path)))
    assert probe.gpu_offload is True
    vulkan = [d for d in probe.devices if d.backend == "Vulkan"]
    assert len(vulkan) == 1
    device = vulkan[0]
    assert device.name == "Vulkan0" and device.description.startswith("llvmpipe")
    assert device.kind == "cpu"  # a CPU behind a GPU API: never chosen on its own
    assert device.vk_index == 0 and device.f16 is not None
    assert device.total_bytes > 0
    # The planner does not pick it by itself, and says why.
    plan = make_plan(probe, ModelFacts(file_size=300_000_000, n_layers=18))
    assert plan.device is None and "software renderer" in str(plan.reason)


def test_without_naming_it_llama_cpp_hides_lavapipe(vulkan_build, tmp_path) -> None:
    env = vulkan_env(COMPOSER_HOME=str(tmp_path))
    env.pop("GGML_VK_VISIBLE_DEVICES", None)
    probe = Probe.from_dict(run_child(["probe"], env))
    assert not [d for d in probe.devices if d.backend == "Vulkan"]
    assert any(h["name"].startswith("llvmpipe") for h in probe.hidden_devices)


def test_all_layers_run_on_vulkan_and_write_real_tokens(
    vulkan_build, tmp_path, starter_model_path
) -> None:
    result = run_child(["engine", str(starter_model_path)], lavapipe_env(tmp_path))
    assert str(vulkan_build) in result["llama_file"]
    assert result["fallback_reason"] is None
    assert (
        result["plan_reason"].startswith("llvmpipe") and result["device"] == result["plan_reason"]
    )
    assert result["kwargs"]["n_gpu_layers"] == -1
    offloaded, total = result["offloaded"]
    assert offloaded == total == 19  # 18 layers and the output head
    assert result["layer_devices"] == ["Vulkan0"] and result["load_error"] is None
    assert result["generated_tokens"] > 0 and result["text"].strip()
    # After the first token (from the prompt's logits), the device picked the
    # top 40 and only those reached the CPU's sampler chain.
    counts = result["candidates_per_token"]
    assert len(counts) >= 2 and set(counts[1:]) == {40}


def test_numpy_linalg_imported_first_does_not_stop_a_vulkan_load(
    vulkan_build, tmp_path, starter_model_path
) -> None:
    """numpy.linalg before llama.cpp crashed every Vulkan load on an NVIDIA H200 (issue
    27). The app no longer imports numpy before llama.cpp (its GGUF header reader uses
    no numpy: tests/modelfile/test_ggml_types.py); a process that did still loads."""
    result = run_child(["numpy-first", str(starter_model_path)], lavapipe_env(tmp_path))
    assert result["fallback_reason"] is None and result["layer_devices"] == ["Vulkan0"]
    assert result["generated_tokens"] > 0 and result["text"].strip()


def test_failing_gpu_load_falls_back_to_the_cpu(vulkan_build, tmp_path, starter_model_path) -> None:
    # A Vulkan device whose largest buffer is capped below the size of the
    # model's weight buffers: ggml-vulkan refuses the allocation
    # (ErrorOutOfDeviceMemory), the load fails for real, as on a card with
    # too little memory, and the engine must retry on the CPU and say why.
    env = lavapipe_env(tmp_path, GGML_VK_FORCE_MAX_BUFFER_SIZE="65536")
    result = run_child(["engine", str(starter_model_path)], env)
    assert result["plan_layers"] > 0
    reason = result["fallback_reason"]
    assert (
        reason and reason.startswith("CPU only: llvmpipe") and "could not load the model" in reason
    )
    assert result["device"] == reason
    # The first-use check met the failure in its child process: the reason
    # carries llama.cpp's own error line, and this process never tried the
    # GPU load at all (its log has no allocation failure).
    assert "unable to allocate Vulkan0 buffer" in reason
    assert result["load_error"] is None
    assert result["offloaded"][0] == 0  # the last load (the retry) kept every layer on the CPU
    assert result["generated_tokens"] > 0 and result["text"].strip()
    # The speed measurement works on the fallback model too.
    speed = result["speed"]
    assert speed["n_prompt"] == 32 and speed["n_gen"] == 8
    assert speed["prompt_tokens_per_s"] > 0 and speed["gen_tokens_per_s"] > 0
