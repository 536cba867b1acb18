"""List the devices this llama.cpp build really has, through ggml's backend API.

llama-cpp-python binds neither ggml_backend_dev_* nor ggml_log_set, so this
module reaches them with ctypes on the shared libraries the package ships.
It is meant to run in a child process (``python -m composer.hardware.ggml_list``):
initialising a GPU backend runs driver code, and a broken driver may hang or
abort; the parent survives either (see probe.py). It prints one JSON line
after MARKER on stdout.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from composer.hardware.vulkan_list import ggml_visible_order, list_physical_devices

MARKER = "COMPOSER_GGML_DEVICES="

# enum ggml_backend_dev_type
GGML_TYPES = {0: "cpu", 1: "gpu", 2: "igpu", 3: "accel"}

_LOG_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p)
# "ggml_vulkan: 0 = NVIDIA H100 80GB HBM3 (NVIDIA) | uma: 0 | fp16: 1 | ..."
_VK_LINE = re.compile(r"ggml_vulkan: (\d+) = (.*) \(([^()]*)\) \| uma: (\d) \| fp16: (\w+)")
_CUDA_LINE = re.compile(r"Device (\d+): .*?, compute capability (\d+)\.(\d+)")


def _lib_names(stem: str) -> list[str]:
    # The soname first: it is the file libllama itself links against. pip
    # copies "libggml.so" and "libggml.so.0" as two files, and loading the
    # other copy would give us a second ggml with its own registry and logger.
    if sys.platform == "win32":
        return [f"{stem}.dll", f"lib{stem}.dll"]
    if sys.platform == "darwin":
        return [f"lib{stem}.0.dylib", f"lib{stem}.dylib"]
    return [f"lib{stem}.so.0", f"lib{stem}.so"]


def llama_lib_dir() -> Path | None:
    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "lib"


def _load(lib_dir: Path, stem: str) -> ctypes.CDLL:
    for name in _lib_names(stem):
        if (lib_dir / name).exists():
            return ctypes.CDLL(str(lib_dir / name))
    raise OSError(f"{stem} not found in {lib_dir}")


def _declare(ggml: ctypes.CDLL) -> None:
    vp, cp, sz = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "ggml_backend_dev_count": (sz, []),
        "ggml_backend_dev_get": (vp, [sz]),
        "ggml_backend_dev_name": (cp, [vp]),
        "ggml_backend_dev_description": (cp, [vp]),
        "ggml_backend_dev_type": (ctypes.c_int, [vp]),
        "ggml_backend_dev_memory": (None, [vp, ctypes.POINTER(sz), ctypes.POINTER(sz)]),
        "ggml_backend_dev_backend_reg": (vp, [vp]),
        "ggml_backend_reg_name": (cp, [vp]),
        "ggml_backend_reg_count": (sz, []),
        "ggml_backend_reg_get": (vp, [sz]),
    }
    for name, (restype, argtypes) in signatures.items():
        func = getattr(ggml, name)
        func.restype, func.argtypes = restype, argtypes


def list_devices() -> dict[str, Any]:
    """Everything the probe learns from llama.cpp, as a JSON-able dict."""
    lib_dir = llama_lib_dir()
    if lib_dir is None:
        return {"error": "llama-cpp-python is not installed."}
    import llama_cpp  # loads libllama and, through it, the ggml libraries

    log: list[str] = []

    @_LOG_CALLBACK
    def on_log(level: int, text: bytes, user_data: int) -> None:
        log.append(text.decode("utf-8", "replace") if text else "")

    base = _load(lib_dir, "ggml-base")
    # After llama_cpp's own callback (set at import) so ours sees backend init.
    base.ggml_log_set(on_log, None)
    ggml = _load(lib_dir, "ggml")
    _declare(ggml)

    devices = []
    for index in range(ggml.ggml_backend_dev_count()):
        dev = ggml.ggml_backend_dev_get(index)
        free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
        ggml.ggml_backend_dev_memory(dev, ctypes.byref(free), ctypes.byref(total))
        reg = ggml.ggml_backend_dev_backend_reg(dev)
        devices.append(
            {
                "index": index,
                "name": (ggml.ggml_backend_dev_name(dev) or b"").decode("utf-8", "replace"),
                "description": (ggml.ggml_backend_dev_description(dev) or b"").decode(
                    "utf-8", "replace"
                ),
                "backend": (ggml.ggml_backend_reg_name(reg) or b"").decode("utf-8", "replace")
                if reg
                else "",
                "ggml_type": GGML_TYPES.get(ggml.ggml_backend_dev_type(dev), "gpu"),
                "free_bytes": free.value,
                "total_bytes": total.value,
            }
        )
    backends = [
        (ggml.ggml_backend_reg_name(ggml.ggml_backend_reg_get(i)) or b"").decode("utf-8", "replace")
        for i in range(ggml.ggml_backend_reg_count())
    ]
    gpu_offload = bool(llama_cpp.llama_supports_gpu_offload())
    system_info = llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip()
    base.ggml_log_set(None, None)  # our callback dies with this function

    # Listed even without a Vulkan backend: a GPU next to a CPU-only build is
    # worth telling the user about.
    physical = list_physical_devices()
    text = "".join(log)
    return {
        "devices": devices,
        "backends": backends,
        "gpu_offload": gpu_offload,
        "llama_cpp_version": getattr(llama_cpp, "__version__", "unknown"),
        "llama_cpp_path": str(lib_dir.parent),
        "system_info": system_info,
        "vulkan_physical": [vars(p) for p in physical],
        "vulkan_order": ggml_visible_order(physical, os.environ.get("GGML_VK_VISIBLE_DEVICES"))
        if any(d["backend"] == "Vulkan" for d in devices)
        else [],
        "backend_lines": parse_backend_log(text),
    }


def parse_backend_log(text: str) -> dict[str, dict[str, Any]]:
    """Per-device facts only the backends' start-up log tells (f16, unified memory)."""
    facts: dict[str, dict[str, Any]] = {}
    for match in _VK_LINE.finditer(text):
        facts[f"Vulkan{match.group(1)}"] = {
            "driver": match.group(3),
            "uma": match.group(4) == "1",
            "f16": match.group(5) not in ("0", "false"),
        }
    for match in _CUDA_LINE.finditer(text):
        major = int(match.group(2))
        facts[f"CUDA{match.group(1)}"] = {"f16": major >= 6, "uma": False}
    if "has unified memory    = true" in text:
        facts["Metal"] = {"uma": True, "f16": True}
    return facts


def main() -> int:
    try:
        result = list_devices()
    except Exception as error:  # noqa: BLE001  (any failure is reported; the parent decides)
        result = {"error": f"{type(error).__name__}: {error}"}
    sys.stdout.write("\n" + MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
