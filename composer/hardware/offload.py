"""Read back what llama.cpp really did with the layers.

The plan says how many layers *should* go to the GPU; llama.cpp's load log
says how many did ("load_tensors: offloaded 33/33 layers to GPU"). Tests and
benchmarks check the second, so a silently ignored GPU is caught. The log
itself is collected by composer.engine.llama_log.
"""

from __future__ import annotations

import re

_OFFLOADED = re.compile(r"offloaded (\d+)/(\d+) layers to GPU")
_ASSIGNED = re.compile(r"layer\s+\d+ assigned to device (\S+?),")


def offloaded_layers(log_text: str) -> tuple[int, int] | None:
    """(offloaded, total) from a llama.cpp load log, or None if it does not say."""
    found = _OFFLOADED.findall(log_text)
    return (int(found[-1][0]), int(found[-1][1])) if found else None


def layer_devices(log_text: str) -> set[str]:
    """The devices llama.cpp assigned layers to ("Vulkan0", "CPU", ...)."""
    return set(_ASSIGNED.findall(log_text))
