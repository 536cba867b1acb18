"""Facts about the computer itself: OS, processor, memory, power source.

Memory, cores and the power source come from psutil; what it lacks (the OS
and CPU names, Apple's performance-core count) is read here. Every reader
returns None or a safe default rather than raising: a refused system call
must never stop the app from starting.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psutil


@dataclass
class SystemFacts:
    os: str
    arch: str
    cpu_name: str
    cpu_count: int
    ram_total: int
    ram_available: int
    on_battery: bool | None


def os_name() -> str:
    if sys.platform == "darwin":
        return f"macOS {platform.mac_ver()[0]}".strip()
    if sys.platform == "win32":
        return f"Windows {platform.release()} ({platform.version()})"
    if sys.platform.startswith("linux"):
        pretty = _os_release().get("PRETTY_NAME")
        return f"Linux {platform.release()}" + (f" ({pretty})" if pretty else "")
    return f"{platform.system()} {platform.release()}"


def _os_release() -> dict[str, str]:
    try:
        text = Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
    return {key: value.strip().strip('"') for key, value in pairs}


def arch_name() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine) or "unknown"


def cpu_name() -> str:
    if sys.platform.startswith("linux"):
        try:
            for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
                # x86 says "model name"; many ARM kernels only "Hardware"/"Model".
                if re.match(r"(model name|Hardware|Model)\s*:", line):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
    if sys.platform == "darwin":
        name = _run(["sysctl", "-n", "machdep.cpu.brand_string"])
        if name:
            return name
    return platform.processor() or platform.machine() or "unknown"


def physical_cores() -> int:
    """Physical cores (0 when unknown); on Apple silicon the performance cores only.

    llama.cpp's matmuls gain little from hyper-threads, and on Apple silicon
    the efficiency cores slow it down (psutil does not tell the two apart).
    """
    if sys.platform == "darwin":
        value = _run(["sysctl", "-n", "hw.perflevel0.physicalcpu"])
        if value and value.isdigit():
            return int(value)
    try:
        return int(psutil.cpu_count(logical=False) or 0)
    except (OSError, RuntimeError):
        return 0


def memory() -> tuple[int, int]:
    """(total, available) bytes of RAM; (0, 0) where it cannot be read."""
    try:
        found = psutil.virtual_memory()
    except (OSError, RuntimeError):
        return 0, 0
    return int(found.total), int(found.available)


def on_battery() -> bool | None:
    """True on battery, False on mains, None for a desktop or when unknown."""
    try:
        battery = psutil.sensors_battery()
    except (OSError, RuntimeError, NotImplementedError):
        return None
    if battery is None or battery.power_plugged is None:
        return None  # a desktop: the question does not arise
    return not battery.power_plugged


def _run(command: list[str]) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def system_facts() -> SystemFacts:
    total, available = memory()
    return SystemFacts(
        os=os_name(),
        arch=arch_name(),
        cpu_name=cpu_name(),
        cpu_count=os.cpu_count() or 1,
        ram_total=total,
        ram_available=available,
        on_battery=on_battery(),
    )
