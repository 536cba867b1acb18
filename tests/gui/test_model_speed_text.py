"""The welcome page and the Models window say how fast a model writes, in words."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from composer.gui.speed_text import speed_text
from composer.gui.widgets.welcome_page import WelcomePage
from composer.hardware.probe import Probe
from composer.hardware.speed import USEFUL_TOKENS_PER_S
from composer.models.catalog import load_catalog

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"


def test_speed_in_words():
    assert speed_text(None) == ""
    assert speed_text(20.0) == speed_text(20.4)  # 15 words: whole words
    assert "15" in speed_text(20.0)
    assert "30" in speed_text(41.0)  # 30.75 words: rounded to 5
    assert speed_text(0.5) != speed_text(1.5)  # below one word, said so


def test_welcome_page_recommends_a_model_that_writes_usefully_and_says_how_fast(
    qtbot, app_paths_tmp
):
    probe = Probe.from_dict(json.loads((PROBES / "this_machine_cpu_build.json").read_text()))
    page = WelcomePage(app_paths_tmp.models, probe_fn=lambda: probe)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.recommended is not None, timeout=20_000)
    QThreadPool.globalInstance().waitForDone()
    text = page.findChild(QLabel, "recommendationDetails").text()
    # The estimate comes from this machine's bandwidth probe (or a measured model).
    from composer.gui.verdict_job import speed_basis_for
    from composer.hardware.plan import make_plan
    from composer.hardware.speed import estimate

    entry = page.recommended
    speed = estimate(make_plan(probe, entry.facts()), entry.size, speed_basis_for(probe))
    assert speed is not None and speed_text(speed) in text
    smaller_useful = [
        e
        for e in load_catalog()
        if (s := estimate(make_plan(probe, e.facts()), e.size, speed_basis_for(probe)))
        and s >= USEFUL_TOKENS_PER_S
    ]
    if smaller_useful:
        assert speed >= USEFUL_TOKENS_PER_S
