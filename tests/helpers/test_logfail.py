"""The log check itself: what fails, what an allow_log marker lets through."""

from __future__ import annotations

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]

INNER = """
import logging
import threading

import pytest

log = logging.getLogger("composer.demo")


def test_unexpected_warning_fails():
    log.warning("disk full")


def test_info_is_fine():
    log.info("hello")


def test_other_loggers_are_not_checked():
    logging.getLogger("urllib3").warning("retrying")


@pytest.mark.allow_log("composer.demo", "WARNING", match="set aside")
def test_expected_warning_passes():
    log.warning("settings.json set aside as settings.json.bad")


@pytest.mark.allow_log("composer")
def test_parent_logger_covers_children():
    log.warning("anything")


@pytest.mark.allow_log("composer.demo", "WARNING")
def test_error_above_the_allowed_level_fails():
    log.error("broken")


@pytest.mark.allow_log("composer.demo", match="set aside")
def test_other_message_fails():
    log.warning("something else")


@pytest.mark.allow_log("composer.other")
def test_other_logger_fails():
    log.warning("not composer.other")


def test_warning_from_a_thread_fails():
    thread = threading.Thread(target=log.warning, args=("from a worker thread",))
    thread.start()
    thread.join()


@pytest.fixture
def noisy():
    yield
    log.warning("while tearing down")


def test_warning_in_teardown_is_an_error(noisy):
    pass


def test_own_failure_is_reported_as_is():
    log.warning("before the failure")
    assert 1 == 2
"""


def test_logfail(pytester, monkeypatch):
    pytester.makepyfile(test_inner=INNER)
    monkeypatch.setenv("PYTHONPATH", str(TESTS_DIR))
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    result = pytester.runpytest_subprocess("-p", "helpers.logfail", "--strict-markers", "-rfE")
    result.assert_outcomes(passed=5, failed=6, errors=1)
    result.stdout.fnmatch_lines_random(
        [
            "FAILED *::test_unexpected_warning_fails*",
            "*WARNING composer.demo: disk full*",
            '*@pytest.mark.allow_log("composer.demo", "WARNING", match=...)*',
            "FAILED *::test_error_above_the_allowed_level_fails*",
            "FAILED *::test_other_message_fails*",
            "FAILED *::test_other_logger_fails*",
            "FAILED *::test_warning_from_a_thread_fails*",
            "ERROR *::test_warning_in_teardown_is_an_error*",
            "FAILED *::test_own_failure_is_reported_as_is*assert 1 == 2*",
        ]
    )
    assert "unexpected log message(s) from our own loggers during teardown" in result.stdout.str()
