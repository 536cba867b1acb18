"""What this machine offers llama.cpp: OS, CPU, memory, power and devices.

The device list comes from a child process (ggml_list.py): starting a GPU
backend runs driver code, and a broken driver can hang or abort the process
that does it. The composer survives either: probe() never raises, and on a
timeout or crash it returns a CPU-only Probe whose ``note`` says what happened.

The device list is cached per llama.cpp build and driver (see cache_key);
RAM and power are read fresh on every call because they change by the minute.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from composer.fileio import make_private_dir, read_json_regular, write_json_atomic
from composer.hardware.ggml_list import MARKER, llama_lib_dir
from composer.hardware.system import SystemFacts, physical_cores, system_facts
from composer.messages import UserMessage, user_message
from composer.paths import app_paths

log = logging.getLogger(__name__)

CACHE_VERSION = 1
# A device listing takes a few kB; a cache file far larger is not ours.
_CACHE_BYTES = 1 << 20
# Env vars that change which devices llama.cpp shows: part of the cache key.
_DEVICE_ENV = (
    "GGML_VK_VISIBLE_DEVICES",
    "CUDA_VISIBLE_DEVICES",
    "HIP_VISIBLE_DEVICES",
    "VK_DRIVER_FILES",
    "VK_ICD_FILENAMES",
    "GGML_VK_FORCE_MAX_ALLOCATION_SIZE",
)


@dataclass
class Device:
    """One llama.cpp (ggml backend) device."""

    index: int  # position in the ggml_backend_dev list
    name: str  # "Vulkan0", "Metal", "CUDA0", "CPU"
    description: str  # "NVIDIA H100 80GB HBM3"
    backend: str  # "Vulkan" | "Metal" | "CUDA" | "CPU" | ...
    kind: str  # "discrete" | "integrated" | "cpu" | "accel"
    free_bytes: int
    total_bytes: int
    f16: bool | None = None
    # How llama.cpp itself classes the device ("gpu", "igpu", "cpu", "accel"):
    # it decides which devices a model may use by default.
    ggml_type: str = ""
    unified_memory: bool | None = None
    # The Vulkan loader's index for GGML_VK_VISIBLE_DEVICES; None elsewhere.
    vk_index: int | None = None

    @property
    def is_gpu(self) -> bool:
        return self.kind in ("discrete", "integrated")

    @property
    def label(self) -> str:
        """The device for people: NVIDIA RTX 4060 (Vulkan), Apple M2 GPU (Metal)."""
        text = self.description or self.name
        if self.backend == "Metal" and "GPU" not in text:
            text += " GPU"
        return f"{text} ({self.backend})" if self.backend else text


@dataclass
class Probe(SystemFacts):
    """What this machine is and what llama.cpp offers on it.

    SystemFacts (os, arch, cpu_name, cpu_count, ram_total, ram_available,
    on_battery) plus the llama.cpp build's devices.
    """

    devices: list[Device]
    gpu_offload: bool
    llama_cpp_version: str
    system_info: str
    note: str | UserMessage = ""  # why the device list is incomplete, if it is
    cpu_cores: int = 0  # physical (performance) cores; 0 = unknown
    # The backends compiled into this llama.cpp ("Vulkan", "CPU", ...), with or without devices.
    backends: list[str] = field(default_factory=list)
    # Vulkan devices llama.cpp does not use unless named (e.g. Mesa's lavapipe).
    hidden_devices: list[dict[str, Any]] = field(default_factory=list)

    @property
    def gpus(self) -> list[Device]:
        return [d for d in self.devices if d.is_gpu]

    def device(self, index: int) -> Device | None:
        return next((d for d in self.devices if d.index == index), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["note"] = str(self.note)  # the English sentence, as reports show it
        if isinstance(self.note, UserMessage):  # and the message, to translate it when read back
            data["note_message"] = [self.note.context, self.note.text, *map(str, self.note.args)]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Probe:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        device_fields = {f.name for f in fields(Device)}
        values["devices"] = [
            Device(**{k: v for k, v in d.items() if k in device_fields})
            for d in data.get("devices", [])
        ]
        message = data.get("note_message")
        if (
            isinstance(message, list)
            and len(message) >= 2
            and all(isinstance(m, str) for m in message)
        ):
            values["note"] = UserMessage(message[0], message[1], tuple(message[2:]))
        return cls(**values)


def _kind(raw: dict[str, Any], physical_type: str | None, uma: bool | None) -> str:
    ggml_type = raw.get("ggml_type", "gpu")
    if ggml_type == "cpu":
        return "cpu"
    if ggml_type == "accel":
        return "accel"
    if physical_type == "cpu":  # lavapipe / SwiftShader: a CPU behind a GPU API
        return "cpu"
    if raw.get("backend") == "Metal" or uma or ggml_type == "igpu":
        return "integrated"
    return "discrete"


def devices_from_listing(listing: dict[str, Any]) -> tuple[list[Device], list[dict[str, Any]]]:
    """Turn ggml_list's raw output into Devices plus hidden Vulkan devices."""
    physical = {p["index"]: p for p in listing.get("vulkan_physical", [])}
    order: list[int] = listing.get("vulkan_order", [])
    extra = listing.get("backend_lines", {})
    devices = []
    for raw in listing.get("devices", []):
        facts = extra.get(raw["name"], {})
        vk_index = None
        if raw.get("backend") == "Vulkan" and raw["name"].startswith("Vulkan"):
            position = int(raw["name"][len("Vulkan") :] or 0)
            if position < len(order):
                vk_index = order[position]
        physical_type = physical.get(vk_index, {}).get("type") if vk_index is not None else None
        uma = facts.get("uma")
        if raw.get("backend") == "Metal":
            uma = True  # every Metal device llama.cpp supports shares the system RAM
        devices.append(
            Device(
                index=raw["index"],
                name=raw["name"],
                description=raw["description"],
                backend=raw.get("backend", ""),
                kind=_kind(raw, physical_type, uma),
                free_bytes=int(raw.get("free_bytes", 0)),
                total_bytes=int(raw.get("total_bytes", 0)),
                f16=facts.get("f16"),
                ggml_type=raw.get("ggml_type", ""),
                unified_memory=uma,
                vk_index=vk_index,
            )
        )
    used = set(order)
    hidden = [p for i, p in physical.items() if i not in used]
    return devices, hidden


def cache_key(env: Mapping[str, str] | None = None) -> str:
    """Identifies the llama.cpp build and the graphics driver in use."""
    if env is None:
        env = os.environ
    parts: list[str] = [str(CACHE_VERSION), sys.executable]
    lib_dir = llama_lib_dir()
    if lib_dir is not None and lib_dir.is_dir():
        for lib in sorted(lib_dir.iterdir()):
            stat = lib.stat()
            parts.append(f"{lib.name}:{stat.st_size}:{int(stat.st_mtime)}")
    parts.extend(f"{name}={env.get(name, '')}" for name in _DEVICE_ENV)
    parts.extend(_driver_fingerprint())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _driver_fingerprint() -> list[str]:
    """Cheap signs that a GPU driver changed: versions and ICD files, no GPU calls."""
    found = []
    nvidia = Path("/proc/driver/nvidia/version")
    if nvidia.exists():
        found.append(nvidia.read_text(errors="replace")[:200])
    for folder in ("/usr/share/vulkan/icd.d", "/etc/vulkan/icd.d", "/usr/local/share/vulkan/icd.d"):
        path = Path(folder)
        if path.is_dir():
            found.extend(f"{p}:{int(p.stat().st_mtime)}" for p in sorted(path.glob("*.json")))
    if sys.platform == "darwin":
        import platform

        found.append(platform.mac_ver()[0])
    elif sys.platform == "win32":
        import platform

        found.append(platform.version())
    return found


def _cache_file() -> Path:
    return app_paths().cache / "hardware-probe.json"


def _read_cache(key: str) -> dict[str, Any] | None:
    # Through the regular-file guard: a FIFO in its place would block the app
    # for good. Anything unreadable only costs a new probe (and is overwritten).
    try:
        data = read_json_regular(_cache_file(), _CACHE_BYTES)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    listing = data.get("listing")
    return listing if isinstance(listing, dict) else None


def _write_cache(key: str, listing: dict[str, Any]) -> None:
    try:
        make_private_dir(_cache_file().parent)  # this user's only, like every folder of ours
        write_json_atomic(_cache_file(), {"key": key, "listing": listing}, indent=None)
    except OSError as error:  # a read-only cache only costs a re-probe
        log.warning("could not cache the hardware probe: %s", error)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # The child must import this package even when it is not installed.
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def run_listing(timeout: float) -> tuple[dict[str, Any] | None, str | UserMessage]:
    """Run ggml_list in a child; (listing, "") or (None, a sentence saying why not)."""
    command = [sys.executable, "-m", "composer.hardware.ggml_list"]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_child_env(),
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, user_message(
            "Probe",
            "The graphics driver did not answer within %1 seconds, "
            "so the GPU is not used. Updating the graphics driver may help.",
        ).arg(f"{timeout:g}")
    except OSError as error:
        return None, user_message(
            "Probe", "The device check could not start (%1); using the CPU."
        ).arg(error)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(MARKER):
            listing = json.loads(line[len(MARKER) :])
            if "error" in listing:
                return None, user_message(
                    "Probe", "The device check failed (%1); using the CPU."
                ).arg(listing["error"])
            return listing, ""
    tail = done.stderr.strip().splitlines()[-1:] or ["no message"]
    return None, user_message(
        "Probe",
        "The device check crashed (exit code %1: %2), "
        "so the GPU is not used. Updating the graphics driver may help.",
    ).arg(done.returncode, tail[0][:200])


def cpu_only_device(facts: SystemFacts) -> Device:
    return Device(
        index=0,
        name="CPU",
        description=facts.cpu_name,
        backend="CPU",
        kind="cpu",
        free_bytes=facts.ram_available,
        total_bytes=facts.ram_total,
        ggml_type="cpu",
    )


def probe(timeout: float = 20.0, use_cache: bool = True) -> Probe:
    """Probe this machine. Never raises; see the module docstring."""
    facts = system_facts()
    key = cache_key()
    listing = _read_cache(key) if use_cache else None
    note: str | UserMessage = ""
    if listing is None:
        listing, note = run_listing(timeout)
        if listing is not None:
            _write_cache(key, listing)
    if listing is None:
        return Probe(
            **asdict(facts),
            devices=[cpu_only_device(facts)],
            gpu_offload=False,
            llama_cpp_version="unknown",
            system_info="",
            note=note,
            cpu_cores=physical_cores(),
        )
    devices, hidden = devices_from_listing(listing)
    return Probe(
        **asdict(facts),
        devices=devices,
        gpu_offload=bool(listing.get("gpu_offload")),
        llama_cpp_version=str(listing.get("llama_cpp_version", "unknown")),
        system_info=str(listing.get("system_info", "")),
        note=note,
        hidden_devices=hidden,
        backends=list(listing.get("backends", [])),
        cpu_cores=physical_cores(),
    )
