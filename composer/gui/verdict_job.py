"""Which catalog models fit this computer, judged off the GUI thread.

The hardware probe runs llama.cpp in a child process (seconds on a cold
start), so the welcome page and the Models window ask for verdicts on a
thread pool and show them when they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from composer.models.catalog import CatalogEntry
from composer.workers.jobs import Job


def default_probe() -> object:
    from composer.hardware.probe import probe

    return probe()


def speed_basis_for(found: Any) -> Any:
    """What writing-speed estimates stand on here (a measured model, else a bandwidth probe)."""
    from composer.hardware.plan import default_threads
    from composer.hardware.speed import speed_basis

    return speed_basis(found.cpu_name, default_threads(found))


def verdict_job(entries: list[CatalogEntry], probe_fn: Callable[[], object] = default_probe) -> Job:
    """assess(entries, probe()) as a Job: the verdicts by sig_done, what stopped it by sig_failed.

    A failure is shown as "unknown fit", never fatal.
    """

    def work(_cancel: object) -> object:
        from composer.models.catalog import assess

        found: Any = probe_fn()
        return assess(entries, found, speed_basis_for(found))

    return Job(work, name="verdicts")
