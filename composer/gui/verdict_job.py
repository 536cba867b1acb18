"""Which catalog models fit this computer, judged off the GUI thread.

The hardware probe runs llama.cpp in a child process (seconds on a cold
start), so the welcome page and the Models window ask for verdicts on a
thread pool and show them when they arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from composer.i18n import interface_language
from composer.models.catalog import CatalogEntry, wanted_languages
from composer.workers.jobs import Job


def default_probe() -> object:
    from composer.hardware.probe import probe

    return probe()


def speed_basis_for(found: Any) -> Any:
    """What writing-speed estimates stand on here (a measured model, else a bandwidth probe)."""
    from composer.hardware.plan import default_threads
    from composer.hardware.speed import speed_basis

    return speed_basis(found.cpu_name, default_threads(found))


def languages_here(answer_languages: Sequence[str] = ()) -> tuple[str, ...]:
    """The languages a recommended model must write: the interface's, then the answers'."""
    return wanted_languages(interface_language(), *answer_languages)


def verdict_job(
    entries: list[CatalogEntry],
    probe_fn: Callable[[], object] = default_probe,
    languages: Sequence[str] | None = None,
) -> Job:
    """assess(entries, probe()) as a Job: the verdicts by sig_done, what stopped it by sig_failed.

    *languages*: codes the recommendation must write; None: the interface's
    (languages_here). A failure is shown as "unknown fit", never fatal.
    """
    wanted = tuple(languages) if languages is not None else languages_here()

    def work(_cancel: object) -> object:
        from composer.models.catalog import assess

        found: Any = probe_fn()
        return assess(entries, found, speed_basis_for(found), wanted)

    return Job(work, name="verdicts")
