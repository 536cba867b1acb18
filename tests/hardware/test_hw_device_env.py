"""Device variables reach llama.cpp only before its backends start (once per process)."""

from __future__ import annotations

import pytest
from helpers.hardware import LLAMA2_7B_Q4_0, LLAMA32_1B_Q4_K_M, load_probe

from composer.engine import device_env
from composer.engine.device_env import apply_device_env
from composer.hardware.plan import make_plan


@pytest.fixture(autouse=True)
def fresh_process_state():
    device_env._reset_for_tests()
    yield
    device_env._reset_for_tests()


def _laptop(on_battery: bool):
    probe = load_probe("windows_laptop_amd_igpu_rtx3060")
    probe.on_battery = on_battery
    return probe


def test_first_load_applies_the_plan_env() -> None:
    env: dict[str, str] = {}
    plan = make_plan(_laptop(on_battery=True), LLAMA32_1B_Q4_K_M)  # the iGPU, via the env
    assert apply_device_env(plan, env) is None
    assert env == {"GGML_VK_VISIBLE_DEVICES": "0"}
    # The same choice again: nothing to say.
    assert apply_device_env(plan, env) is None


def test_a_later_plan_needing_other_devices_asks_for_a_restart() -> None:
    env: dict[str, str] = {}
    on_mains = make_plan(_laptop(on_battery=False), LLAMA32_1B_Q4_K_M)  # the dGPU, no env
    assert apply_device_env(on_mains, env) is None and env == {}
    on_battery = make_plan(_laptop(on_battery=True), LLAMA32_1B_Q4_K_M)
    note = apply_device_env(on_battery, env)
    assert str(note) == (
        "Restart Composer to use AMD Radeon(TM) Graphics (Vulkan): "
        "the graphics devices are chosen when the first model loads."
    )
    assert env == {}  # left as llama.cpp started with it
    # Plans that need no variables keep working.
    assert apply_device_env(make_plan(_laptop(False), LLAMA2_7B_Q4_0), env) is None
