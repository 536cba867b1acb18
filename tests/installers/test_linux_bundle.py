"""The Linux installers (installers/linux/build.sh): the .deb installed and run as a user would.

The package is unpacked into a scratch root (dpkg -x, no root rights needed)
and its /usr/bin/composer launcher is started from there, offscreen, with the
starter model given by path: the frozen app must load it through the real
engine (first-use check in a child process included) and write tokens, answer
--version and --hardware-report, and open a compose window.

No package in dist/: skipped on a developer machine, a failure where CI sets
COMPOSER_REQUIRE_BUNDLE=1 (a smoke test that silently never runs proves nothing).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from composer import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
DEB = ROOT / "dist" / f"{APP_ID}_{__version__}_amd64.deb"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The scratch root the .deb was unpacked into."""
    if not DEB.is_file() or shutil.which("dpkg-deb") is None:
        message = f"no {DEB.relative_to(ROOT)} (or no dpkg-deb); run: installers/linux/build.sh"
        if os.environ.get("COMPOSER_REQUIRE_BUNDLE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    print(f"\n.deb: {DEB.stat().st_size / 1e6:.0f} MB")
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(root)], check=True)
    return root


def launch(
    root: Path,
    home: Path,
    *args: str,
    timeout: float = 300,
    program="usr/bin/composer",
    **env_extra: str,
):
    """Run the installed launcher as a user would: no venv, no source tree on the path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "GGML_VK_VISIBLE_DEVICES"}
    }
    env.update(COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen", **env_extra)
    return subprocess.run(
        [str(root / program), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=home.parent,
    )


def test_package_installs_the_launcher_desktop_entry_icon_and_metadata(installed):
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(DEB), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Package: {APP_ID}" in fields and f"Version: {__version__}" in fields
    for library in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1"):
        assert library in fields  # what Qt's xcb platform needs from the system
    launcher = installed / "usr/bin/composer"
    assert launcher.resolve() == (installed / f"opt/{APP_ID}/composer").resolve()
    desktop = (installed / f"usr/share/applications/{APP_ID}.desktop").read_text()
    assert "Exec=composer %U" in desktop and "x-scheme-handler/mailto" in desktop
    assert (installed / f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    metainfo = (installed / f"usr/share/metainfo/{APP_ID}.metainfo.xml").read_text()
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    assert not list(installed.rglob("*.gguf"))  # the starter model is not in the package


def test_every_library_the_bundle_needs_is_in_it_or_on_the_system(installed):
    bundle = installed / f"opt/{APP_ID}"
    inside = {path.name for path in bundle.rglob("*.so*")}
    system = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    missing = set()
    for library in bundle.rglob("*.so*"):
        if library.is_symlink() or not library.is_file():
            continue
        dynamic = subprocess.run(
            ["readelf", "-d", str(library)], capture_output=True, text=True
        ).stdout
        for needed in re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic):
            if needed not in inside and f"{needed} (" not in system:
                missing.add(f"{library.relative_to(bundle)} needs {needed}")
    assert not missing, sorted(missing)


def test_version(installed, tmp_path):
    result = launch(installed, tmp_path / "home", "--version", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Composer {__version__}"


def test_self_test_loads_the_model_and_writes_tokens(installed, tmp_path, starter_model_path):
    home = tmp_path / "home"
    result = launch(installed, home, "--self-test", str(starter_model_path))
    assert result.returncode == 0, result.stderr
    written = re.search(r"wrote (\d+) tokens", result.stdout)
    assert written and int(written.group(1)) > 0, result.stdout
    print(result.stdout)
    # The first-use check ran in a child process of the frozen app (`-m`).
    assert (home / "cache" / "verified-models.json").is_file()


def test_hardware_report(installed, tmp_path, starter_model_path):
    result = launch(
        installed, tmp_path / "home", "--hardware-report", "--model", str(starter_model_path)
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["composer_version"] == __version__
    # The device list comes from the probe's child process: it ran in the bundle.
    assert report["probe"]["note"] == "" and report["probe"]["devices"]
    assert report["model"]["architecture"] == "gemma3" and report["plan"] is not None
    # Spelling inside the frozen app: the system's Enchant (the .deb's Depends) with
    # the English and French Hunspell dictionaries.
    assert report["spelling"]["unavailable"] == ""
    assert {"en", "fr"} <= set(report["spelling"]["dictionaries"])


def test_a_fresh_install_has_no_model_and_says_so(installed, tmp_path):
    """The starter model is not in the package: the report says there is no model."""
    result = launch(installed, tmp_path / "home", "--hardware-report")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["model"] is None and report["plan"] is None and report["model_error"]


def test_the_app_opens_a_mail_link_in_a_window(installed, tmp_path, starter_model_path):
    """The GUI starts offscreen: a mailto: link's window saves its draft once open."""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    link = "mailto:anna@example.org?subject=Bundle%20smoke%20test"
    app = subprocess.Popen(
        [str(installed / "usr/bin/composer"), "--model", str(starter_model_path), link],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    drafts = home / "data" / "drafts"
    try:
        deadline = time.monotonic() + 60
        saved: list[Path] = []
        while time.monotonic() < deadline and app.poll() is None and not saved:
            time.sleep(0.5)
            saved = [p for p in drafts.glob("*.json") if "Bundle smoke test" in p.read_text()]
        assert app.poll() is None, app.communicate()[1]  # still running: not crashed at start
        assert saved, "no draft saved: the compose window did not open"
    finally:
        app.terminate()
        _, stderr = app.communicate(timeout=30)
    assert "Traceback" not in stderr, stderr
