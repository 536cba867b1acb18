"""The device variables llama.cpp's backends read once, when they start."""

from __future__ import annotations

import os
from collections.abc import MutableMapping

from composer.hardware.plan import DevicePlan
from composer.messages import UserMessage, user_message

DEVICE_ENV_KEYS = ("GGML_VK_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES", "HIP_VISIBLE_DEVICES")
_started_with: dict[str, str] | None = None


def apply_device_env(
    plan: DevicePlan, environ: MutableMapping[str, str] | None = None
) -> UserMessage | None:
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
    target = plan.device.label if plan.device else user_message("Engine", "that device")
    return user_message(
        "Engine",
        "Restart Composer to use %1: the graphics devices are chosen when the first model loads.",
    ).arg(target)


def _reset_for_tests() -> None:
    global _started_with
    _started_with = None
