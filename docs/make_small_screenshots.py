"""Regenerate docs/screenshots/small/: the windows at 800×600 and 1280×800, English and French.

The same run as tests/gui/test_small_screens.py (a virtual X display framed
by openbox, the fake engine), keeping the pictures a person would look at:
after the welcome page, a review, the Settings' Assistant page.

Needs Debian's xvfb, openbox and x11-utils:
    .venv/bin/python docs/make_small_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from helpers.x_display import x_display  # noqa: E402

OUT = REPO / "docs" / "screenshots" / "small"
KEPT = ("after-welcome", "review", "settings-2")  # settings-2: the Assistant page
CASES = [(800, 600, "en"), (800, 600, "fr"), (1280, 800, "en"), (1280, 800, "fr")]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for width, height, language in CASES:
        with tempfile.TemporaryDirectory(prefix="composer-small-") as scratch:
            tmp = Path(scratch)
            with x_display(width, height, tmp) as env:
                env.update(QT_QPA_PLATFORM="xcb", COMPOSER_HOME=str(tmp / "home"))
                subprocess.run(
                    [sys.executable, str(REPO / "tests/gui/screen_child.py"), str(tmp), language],
                    env=env,
                    check=True,
                    timeout=300,
                )
            for name in KEPT:
                target = OUT / f"{width}x{height}-{language}-{name}.png"
                shutil.copyfile(tmp / f"{name}.png", target)
                print(target.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
