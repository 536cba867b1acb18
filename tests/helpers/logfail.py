"""A test fails when one of our own loggers warns and the test did not say it would.

Our code logs a WARNING or worse only when something went wrong (a file set
aside, a load refused, a download retried). In a test that did not expect it,
that is a bug hiding behind a green run. The handler listens to the
``composer`` logger (so every ``composer.*`` module, not third-party noise) and
the check runs after each phase of a test: a message during the test body fails
the test, one during setup or teardown reports an error there.

A test that expects a message says so, as precisely as it can::

    @pytest.mark.allow_log("composer.settings", "WARNING", match="set aside")

``logger`` covers that logger and its children; ``level`` is the highest level
allowed (default WARNING, so an ERROR still fails); ``match`` is a regular
expression searched in the message (default: any message). Several markers may
be stacked, and a module may set them in ``pytestmark``.

When the test itself fails, the log messages are not reported again here:
pytest already prints them under "Captured log".
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Generator
from typing import Any

import pytest

OUR_LOGGER = "composer"
MIN_LEVEL = logging.WARNING


class _Recorder(logging.Handler):
    """Keeps the WARNING-or-worse records of our loggers until the next check."""

    def __init__(self) -> None:
        super().__init__(level=MIN_LEVEL)
        self._records: list[logging.LogRecord] = []
        self._guard = threading.Lock()  # engine and download threads log too

    def emit(self, record: logging.LogRecord) -> None:
        with self._guard:
            self._records.append(record)

    def take(self) -> list[logging.LogRecord]:
        with self._guard:
            records, self._records = self._records, []
        return records


_recorder = _Recorder()


def _level(value: Any) -> int:
    if isinstance(value, int):
        return value
    number = logging.getLevelName(str(value).upper())
    if not isinstance(number, int):
        raise pytest.UsageError(f"allow_log: unknown level {value!r}")
    return number


def _allowances(item: pytest.Item) -> list[tuple[str, int, re.Pattern[str] | None]]:
    allowed = []
    for mark in item.iter_markers("allow_log"):
        kwargs = dict(mark.kwargs)
        args = list(mark.args)
        logger = kwargs.pop("logger", None) or (args.pop(0) if args else None)
        level = kwargs.pop("level", None) or (args.pop(0) if args else "WARNING")
        match = kwargs.pop("match", None)
        if not logger or args or kwargs:
            raise pytest.UsageError(
                f"{item.nodeid}: use allow_log(logger, level='WARNING', match=None), "
                f"got args={mark.args} kwargs={mark.kwargs}"
            )
        allowed.append((logger, _level(level), re.compile(match) if match else None))
    return allowed


def _is_allowed(record: logging.LogRecord, allowed) -> bool:
    for logger, level, match in allowed:
        if record.name != logger and not record.name.startswith(logger + "."):
            continue
        if record.levelno > level:
            continue
        if match is not None and not match.search(record.getMessage()):
            continue
        return True
    return False


def _check(item: pytest.Item, when: str) -> None:
    records = _recorder.take()
    if not records:
        return
    allowed = _allowances(item)
    unexpected = [record for record in records if not _is_allowed(record, allowed)]
    if not unexpected:
        return
    lines = "\n".join(
        f"  {record.levelname} {record.name}: {record.getMessage()}" for record in unexpected
    )
    first = unexpected[0]
    pytest.fail(
        f"unexpected log message(s) from our own loggers during {when}:\n{lines}\n"
        f"If the test expects it, say so: "
        f'@pytest.mark.allow_log("{first.name}", "{first.levelname}", match=...)',
        pytrace=False,
    )


def _checked_phase(item: pytest.Item, when: str) -> Generator[None, Any, Any]:
    _recorder.take()  # what earlier phases or stray threads left belongs to no one here
    try:
        result = yield
    except BaseException:
        _recorder.take()  # the phase failed or skipped on its own; that says more
        raise
    _check(item, when)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _checked_phase(item, "setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _checked_phase(item, "the test"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _checked_phase(item, "teardown"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "allow_log(logger, level='WARNING', match=None): the test expects this log message "
        "from our own loggers (tests/helpers/logfail.py)",
    )
    logging.getLogger(OUR_LOGGER).addHandler(_recorder)


def pytest_unconfigure(config: pytest.Config) -> None:
    logging.getLogger(OUR_LOGGER).removeHandler(_recorder)
