"""The real OS keychain in tests: a private Secret Service, or none at all.

secret_service starts a private session bus and gnome-keyring-daemon under a
temporary HOME (the dbus and gnome-keyring packages; .ci/run installs them),
so a developer's real keychain is never touched. Only where those tools are
missing but a Secret Service already runs is that one used, with throwaway
item names. no_keychain makes keyring find no backend, as on a desktop without one.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import time
import warnings

import pytest


def _secret_service_works() -> bool:
    from keyring.backends import SecretService

    try:
        return SecretService.Keyring.priority > 0
    except Exception:
        return False


@pytest.fixture
def secret_service(tmp_path, monkeypatch):
    import keyring
    import keyring.errors
    from keyring.backends import SecretService

    tools = all(shutil.which(tool) for tool in ("dbus-daemon", "gnome-keyring-daemon"))
    if not tools and not _secret_service_works():
        pytest.fail(
            "No Secret Service: install the dbus and gnome-keyring packages "
            "(.ci/run does) to test the keychain for real"
        )
    started: list[subprocess.Popen] = []
    previous = keyring.get_keyring()
    try:
        if tools:
            _private_keyring(tmp_path, monkeypatch, started)
        backend = SecretService.Keyring()
        keyring.set_keyring(backend)
        # The daemon may answer on the bus a moment before its collection is
        # open; on a loaded two-core machine that took over 20 s once.
        deadline = time.monotonic() + 60
        while True:
            try:
                backend.set_password("composer-test", "ready", "yes")
                backend.delete_password("composer-test", "ready")
                break
            except Exception:
                # KeyringError, or secretstorage's own errors while the daemon
                # has not loaded its login collection yet (it then tries to
                # prompt for a new one): a readiness wait retries them all.
                assert time.monotonic() < deadline, "the test keyring never unlocked"
                with warnings.catch_warnings():  # the failed attempt's D-Bus socket, closed now
                    warnings.simplefilter("ignore", ResourceWarning)
                    gc.collect()
                time.sleep(0.1)
        yield
    finally:
        keyring.set_keyring(previous)
        # A failed attempt above leaves its D-Bus connection to the garbage
        # collector: close those now, here, rather than in whatever test runs
        # when the collector next comes by (an unclosed-socket warning there).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()
        for proc in reversed(started):
            # Each runs in a process group of its own, with whatever it started
            # (the bus may start a keyring daemon on demand): end the group.
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
            if proc.stdout is not None:
                proc.stdout.close()


def _private_keyring(tmp_path, monkeypatch, started: list[subprocess.Popen]) -> None:
    """A session bus and an unlocked gnome-keyring under a temporary HOME."""
    env = {**os.environ, "HOME": str(tmp_path)}
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    started.append(bus)
    address = bus.stdout.readline().strip()
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
        start_new_session=True,
    )
    started.append(daemon)
    daemon.stdin.write("test-keyring-password")
    daemon.stdin.close()
    # Ask the bus nothing before the daemon has made the login keyring from
    # the password on stdin: an earlier request would make the bus start a
    # second, locked daemon that tries to prompt.
    login = tmp_path / ".local" / "share" / "keyrings" / "login.keyring"
    deadline = time.monotonic() + 20
    while not login.exists():
        assert time.monotonic() < deadline, "gnome-keyring-daemon did not come up"
        time.sleep(0.05)
    while not _secret_service_works():
        assert time.monotonic() < deadline, "gnome-keyring-daemon did not register"
        time.sleep(0.05)


@pytest.fixture
def no_keychain():
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # what keyring itself uses when nothing is available
    yield
    keyring.set_keyring(previous)
