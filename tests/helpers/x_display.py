"""A real X display with a window manager, for tests that look at windows as a person does.

Xvfb gives a screen of a chosen size; openbox frames, places and clamps the
windows as a desktop would (offscreen Qt does none of that). Both come from
Debian's packages (xvfb, openbox, x11-utils), which .ci/run installs; without
them the tests skip, unless COMPOSER_REQUIRE_X11=1 (CI) makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "openbox", "xprop")
START_TIMEOUT_S = 30.0  # a busy two-core machine starts both in well under a second


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    why = f"no {', '.join(missing)} (apt-get install xvfb openbox x11-utils)"
    if os.environ.get("COMPOSER_REQUIRE_X11") == "1":
        pytest.fail(why)
    pytest.skip(why)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """terminate(), then kill() if it is still there after 5 seconds."""
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wm_running(env: dict[str, str]) -> bool:
    found = subprocess.run(
        ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
        env=env,
        capture_output=True,
        text=True,
        timeout=10,
    )
    return "window id" in found.stdout


@contextmanager
def x_display(width: int, height: int, home: Path) -> Iterator[dict[str, str]]:
    """An environment whose DISPLAY is a fresh WIDTHxHEIGHT screen managed by openbox."""
    require_tools()
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            number = pipe.readline().decode().strip()  # written once the server listens
        if not number:
            pytest.fail("Xvfb did not start")
        env = dict(
            os.environ, DISPLAY=f":{number}", HOME=str(home), XDG_CONFIG_HOME=str(home / "config")
        )
        env.pop("WAYLAND_DISPLAY", None)
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _wm_running(env):
                if manager.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("openbox did not start on the test display")
                time.sleep(0.1)
            yield env
        finally:
            stop_process(manager)
    finally:
        stop_process(server)
