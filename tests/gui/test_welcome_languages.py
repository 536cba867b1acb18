"""The welcome page recommends only a model that writes the interface's and the user's language.

Issue 24: in the French interface, OLMo 2 1B (English only) was recommended.
The speed basis is this machine's (however busy it is): only the language
rule is asserted, which holds at any speed.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QPushButton

from composer.gui.verdict_job import languages_here
from composer.gui.widgets.welcome_page import WelcomePage
from composer.hardware.probe import Probe

PROBES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
WAIT_MS = 20_000


def _probe() -> Probe:
    return Probe.from_dict(json.loads((PROBES / "this_machine_cpu_build.json").read_text()))


def _details(page: WelcomePage) -> str:
    return page.findChild(QLabel, "recommendationDetails").text()


def test_the_interface_language_comes_first_then_the_answers(qapp):
    assert languages_here() == ("en",)  # no translator installed: the English interface
    assert languages_here(("fr", "", "en")) == ("en", "fr")


def test_the_recommendation_writes_the_answer_language(qtbot, app_paths_tmp):
    page = WelcomePage(app_paths_tmp.models, probe_fn=_probe, answer_languages=("fr",))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.recommended is not None, timeout=WAIT_MS)
    QThreadPool.globalInstance().waitForDone()
    assert "fr" in page.recommended.languages
    assert page.recommended.name in _details(page)


def test_no_model_writing_the_language_means_no_recommendation_said_so(qtbot, app_paths_tmp):
    page = WelcomePage(app_paths_tmp.models, probe_fn=_probe, answer_languages=("tlh",))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: "your language" in _details(page), timeout=WAIT_MS)
    QThreadPool.globalInstance().waitForDone()
    assert page.recommended is None
    assert not page.findChild(QPushButton, "downloadRecommended").isEnabled()
