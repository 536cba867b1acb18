"""A person's screen: 800×600 and 1280×800, in English and French, under a real window manager.

Each case runs tests/gui/screen_child.py on a fresh Xvfb display framed by
openbox (offscreen Qt neither frames nor places windows) and judges what it
measured: every window and dialog fits the screen with its frame, the review
keeps at least 6 lines of diff and 4 rows of changes with nothing drawn over
anything else, no button is cut in half, and after the welcome page the
assistant's controls are whole. The screenshots stay in the test's folder
(docs/make_screenshots.py keeps the README's).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.x_display import x_display

CHILD = Path(__file__).with_name("screen_child.py")
CHILD_TIMEOUT_S = 240  # a handful of windows on a busy two-core machine: seconds, not minutes
MIN_DIFF_LINES = 6
MIN_CHANGE_ROWS = 4


def run_screens(tmp_path: Path, width: int, height: int, language: str) -> dict:
    out = tmp_path / "shots"
    with x_display(width, height, tmp_path) as env:
        env.update(
            QT_QPA_PLATFORM="xcb",
            COMPOSER_HOME=str(tmp_path / "home"),
            QT_SCALE_FACTOR="1",
            LANGUAGE=language,
        )
        done = subprocess.run(
            [sys.executable, str(CHILD), str(out), language],
            env=env,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S,
        )
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(800, 600), (1280, 800)], ids=["800x600", "1280x800"])
def test_every_window_fits_and_the_review_stays_usable(tmp_path, size, language):
    report = run_screens(tmp_path, *size, language)

    for step in ("welcome", "after_welcome", "review"):
        assert report[step]["fits"], (step, report[step])
        assert report[step]["cut_buttons"] == [], (step, report[step]["cut_buttons"])
    for window in report["new_windows"]:
        assert window["fits"], window
    for page in report["settings"]:
        assert page["fits"], page
        assert page["cut_buttons"] == [], page

    if size[1] >= 800:  # the default window: every choice of the welcome page without scrolling
        assert report["welcome"]["scrolls"] is False, report["welcome"]
    controls = report["after_welcome"]
    assert controls["cut_rows"] == [], controls
    if size[1] >= 800:  # room for all of them: the controls do not scroll at all
        assert not controls["scrolls"], controls

    review = report["review"]
    assert review["overlaps"] == [], review["overlaps"]
    assert review["diff_lines"] >= MIN_DIFF_LINES, review
    assert review["change_rows"] >= min(MIN_CHANGE_ROWS, review["change_count"]), review
