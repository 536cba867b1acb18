"""One call for the hardware report: probe (cached) + the model's header -> a plan.

Runs on a worker thread, never the GUI thread: the first probe of a session
starts a child process (about half a second; up to its timeout when a
driver hangs).
"""

from __future__ import annotations

from pathlib import Path

from composer.hardware.plan import DevicePlan, ModelFacts, Override, make_plan
from composer.hardware.probe import Probe, probe
from composer.modelfile.gguf import GGUFInfo, read_gguf


def plan_for_model(
    model: str | Path | GGUFInfo,
    override: Override | None = None,
    found: Probe | None = None,
    timeout: float = 20.0,
) -> tuple[Probe, DevicePlan]:
    """(probe, plan) for a model file; raises GGUFError for a file that is not a model."""
    info = model if isinstance(model, GGUFInfo) else read_gguf(model)
    found = found if found is not None else probe(timeout=timeout)
    return found, make_plan(found, ModelFacts.from_gguf(info), override)
