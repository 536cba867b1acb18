"""`composer --hardware-report`: the probe and the plan as one JSON-able dict.

Meant for bug reports and scripts. It carries the model's file name and
shape, never its folder (which may hold the user's name) and never any text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from composer import __version__
from composer.hardware.advisor import plan_for_model
from composer.hardware.plan import ModelFacts, Override
from composer.hardware.probe import probe
from composer.modelfile.gguf import GGUFError, read_gguf

REPORT_VERSION = 1


def hardware_report(
    model_path: str | None,
    override: Override | None = None,
    timeout: float = 20.0,
) -> dict[str, Any]:
    found = probe(timeout=timeout)
    report: dict[str, Any] = {
        "report_version": REPORT_VERSION,
        "composer_version": __version__,
        "probe": found.to_dict(),
        "override": vars(override or Override()),
        "model": None,
        "plan": None,
    }
    if not model_path:
        report["model_error"] = "No model is selected, so there is no plan."
        return report
    try:
        info = read_gguf(model_path)
    except (GGUFError, OSError) as error:
        report["model_error"] = str(error)
        return report
    _, plan = plan_for_model(info, override, found)
    report["model"] = {
        "file": Path(model_path).name,
        "architecture": info.architecture,
        "name": info.name,
        **vars(ModelFacts.from_gguf(info)),
    }
    report["plan"] = plan.to_dict()
    return report
