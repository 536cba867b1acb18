"""Which catalog models fit this computer, judged off the GUI thread.

The hardware probe runs llama.cpp in a child process (seconds on a cold
start), so the welcome page and the Models window ask for verdicts on a
thread pool and show them when they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from composer.models.catalog import CatalogEntry


def default_probe() -> object:
    from composer.hardware.probe import probe

    return probe()


def speed_basis_for(found: Any) -> Any:
    """What writing-speed estimates stand on here (a measured model, else a bandwidth probe)."""
    from composer.hardware.plan import default_threads
    from composer.hardware.speed import speed_basis

    return speed_basis(found.cpu_name, default_threads(found))


class VerdictJob(QRunnable):
    """assess(entries, probe()) on a pool thread; the result arrives by signal."""

    class Bridge(QObject):
        sig_done = Signal(object)  # list[Verdict], or the Exception that stopped it

    def __init__(
        self, entries: list[CatalogEntry], probe_fn: Callable[[], object] = default_probe
    ) -> None:
        super().__init__()
        # Owned by the application, not by whoever asked: the window that
        # started the job may be gone before the probe answers.
        self.bridge = VerdictJob.Bridge(QCoreApplication.instance())
        self._entries = entries
        self._probe_fn = probe_fn

    def run(self) -> None:
        from composer.models.catalog import assess

        try:
            found: Any = self._probe_fn()
            result: object = assess(self._entries, found, speed_basis_for(found))
        except Exception as exc:  # shown as "unknown fit", never fatal
            result = exc
        self.bridge.sig_done.emit(result)
        self.bridge.deleteLater()
