"""One call for the engine worker: probe (cached) + the model's header -> a plan.

Runs on a worker thread, never the GUI thread: the first probe of a session
starts a child process (about half a second; up to its timeout when a
driver hangs).
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

from composer.modelfile.gguf import GGUFInfo, read_gguf
from composer.hardware.plan import DevicePlan, ModelFacts, Override, make_plan
from composer.hardware.probe import Probe, probe


def plan_for_model(
    model: str | Path | GGUFInfo,
    override: Override | None = None,
    found: Probe | None = None,
    timeout: float = 20.0,
) -> tuple[Probe, DevicePlan]:
    """(probe, plan) for a model file; raises GGUFError for a file that is not a model."""
    info = model if isinstance(model, GGUFInfo) else read_gguf(model)
    found = found if found is not None else probe(timeout=timeout)
    return found, make_plan(found, ModelFacts.from_gguf(info), override)


# The device variables llama.cpp's backends read once, when they start.
DEVICE_ENV_KEYS = ("GGML_VK_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES", "HIP_VISIBLE_DEVICES")
_started_with: dict[str, str] | None = None


def apply_device_env(
    plan: DevicePlan, environ: MutableMapping[str, str] | None = None
) -> str | None:
    """Put plan.env into the environment before the first model load.

    llama.cpp reads these variables once per process, when its backends
    start (the first model load). The first call applies them and remembers
    them; a later plan that needs other values cannot take effect until
    Composer restarts: then the environment is left alone and a sentence
    for the user comes back (load with the plan anyway: llama.cpp then uses
    the devices it started with).
    """
    global _started_with
    env = os.environ if environ is None else environ
    if _started_with is None:
        env.update(plan.env)
        _started_with = {key: env.get(key, "") for key in DEVICE_ENV_KEYS}
        return None
    started = _started_with
    if all(started.get(key, "") == value for key, value in plan.env.items()):
        return None
    target = plan.device.label if plan.device else "that device"
    return (
        f"Restart Composer to use {target}: "
        "the graphics devices are chosen when the first model loads."
    )


def _reset_for_tests() -> None:
    global _started_with
    _started_with = None
