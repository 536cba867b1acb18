"""Facts about the computer itself: OS, processor, memory, power source.

Standard library only (no psutil), one small reader per platform. Every
reader returns None or a safe default rather than raising: a missing /proc
file or a refused system call must never stop the app from starting.
"""

from __future__ import annotations

import ctypes
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


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
    """Physical cores (0 when unknown).

    llama.cpp's matmuls gain little from hyper-threads, and on Apple silicon
    the efficiency cores slow it down.
    """
    if sys.platform.startswith("linux"):
        try:
            text = Path("/proc/cpuinfo").read_text(errors="replace")
        except OSError:
            return 0
        cores = set()
        for block in text.split("\n\n"):
            fields = {
                k.strip(): v.strip()
                for k, _, v in (line.partition(":") for line in block.splitlines())
            }
            if "core id" in fields:
                cores.add((fields.get("physical id", "0"), fields["core id"]))
        return len(cores)
    if sys.platform == "darwin":
        for key in ("hw.perflevel0.physicalcpu", "hw.physicalcpu"):
            value = _run(["sysctl", "-n", key])
            if value and value.isdigit():
                return int(value)
    return 0


def memory() -> tuple[int, int]:
    """(total, available) bytes of RAM; (0, 0) where it cannot be read."""
    if sys.platform.startswith("linux"):
        return _linux_memory()
    if sys.platform == "darwin":
        return _mac_memory()
    if sys.platform == "win32":
        return _windows_memory()
    return 0, 0


def _linux_memory() -> tuple[int, int]:
    values: dict[str, int] = {}
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            key, _, rest = line.partition(":")
            parts = rest.split()
            if parts and parts[0].isdigit():
                values[key] = int(parts[0]) * 1024
    except OSError:
        return 0, 0
    total = values.get("MemTotal", 0)
    return total, values.get("MemAvailable", values.get("MemFree", 0))


def _mac_memory() -> tuple[int, int]:
    total = int(_run(["sysctl", "-n", "hw.memsize"]) or 0)
    return total, parse_vm_stat(_run(["vm_stat"]) or "")


def parse_vm_stat(text: str) -> int:
    """Bytes macOS can hand out without swapping, from `vm_stat` output."""
    page = re.search(r"page size of (\d+) bytes", text)
    size = int(page.group(1)) if page else 16384

    def pages(label: str) -> int:
        found = re.search(rf"{label}:\s+(\d+)", text)
        return int(found.group(1)) if found else 0

    # Free + inactive + purgeable: reclaimable without paging out. Speculative
    # pages are already counted in "free" by vm_stat.
    return (pages("Pages free") + pages("Pages inactive") + pages("Pages purgeable")) * size


class _MemoryStatusEx(ctypes.Structure):
    _fields_ = [
        ("dwLength", ctypes.c_uint32),
        ("dwMemoryLoad", ctypes.c_uint32),
        ("ullTotalPhys", ctypes.c_uint64),
        ("ullAvailPhys", ctypes.c_uint64),
        ("ullTotalPageFile", ctypes.c_uint64),
        ("ullAvailPageFile", ctypes.c_uint64),
        ("ullTotalVirtual", ctypes.c_uint64),
        ("ullAvailVirtual", ctypes.c_uint64),
        ("ullAvailExtendedVirtual", ctypes.c_uint64),
    ]


def _windows_memory() -> tuple[int, int]:
    status = _MemoryStatusEx()
    status.dwLength = ctypes.sizeof(status)
    try:
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.ullTotalPhys), int(status.ullAvailPhys)
    except (AttributeError, OSError):
        pass
    return 0, 0


def on_battery() -> bool | None:
    """True on battery, False on mains, None for a desktop or when unknown."""
    if sys.platform.startswith("linux"):
        return _linux_on_battery(Path("/sys/class/power_supply"))
    if sys.platform == "darwin":
        return parse_pmset(_run(["pmset", "-g", "batt"]) or "")
    if sys.platform == "win32":
        return _windows_on_battery()
    return None


def parse_pmset(text: str) -> bool | None:
    """Power source from `pmset -g batt`; None for a Mac without a battery."""
    if "InternalBattery" not in text:
        return None  # an iMac or Mac mini prints only "Now drawing from 'AC Power'"
    if "'Battery Power'" in text:
        return True
    return False if "'AC Power'" in text else None


def _linux_on_battery(root: Path) -> bool | None:
    try:
        supplies = list(root.iterdir())
    except OSError:
        return None
    batteries = [s for s in supplies if _read(s / "type") == "Battery"]
    if not batteries:
        return None  # a desktop: the question does not arise
    mains = [s for s in supplies if _read(s / "type") in ("Mains", "USB") and _read(s / "online")]
    if any(_read(s / "online") == "1" for s in mains):
        return False
    if any(_read(b / "status") == "Discharging" for b in batteries):
        return True
    return False if mains else None


class _PowerStatus(ctypes.Structure):
    _fields_ = [
        ("ACLineStatus", ctypes.c_ubyte),
        ("BatteryFlag", ctypes.c_ubyte),
        ("BatteryLifePercent", ctypes.c_ubyte),
        ("SystemStatusFlag", ctypes.c_ubyte),
        ("BatteryLifeTime", ctypes.c_uint32),
        ("BatteryFullLifeTime", ctypes.c_uint32),
    ]


def _windows_on_battery() -> bool | None:
    status = _PowerStatus()
    try:
        if not ctypes.windll.kernel32.GetSystemPowerStatus(ctypes.byref(status)):  # type: ignore[attr-defined]
            return None
    except (AttributeError, OSError):
        return None
    if status.BatteryFlag == 128:  # "no system battery"
        return None
    return {0: True, 1: False}.get(status.ACLineStatus)


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""


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
