"""composer.secrets against a real Secret Service, and with no keychain at all.

The fixture starts a private session bus and gnome-keyring-daemon under a
temporary HOME (the dbus and gnome-keyring packages; .ci/run installs them),
so a developer's real keychain is never touched. Only where those tools are
missing but a Secret Service already runs is that one used, with throwaway
item names.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import uuid

import pytest

from composer import APP_ID, secrets


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
        # The daemon may answer on the bus a moment before its collection is open.
        deadline = time.monotonic() + 20
        while True:
            try:
                backend.set_password("composer-test", "ready", "yes")
                backend.delete_password("composer-test", "ready")
                break
            except keyring.errors.KeyringError:
                assert time.monotonic() < deadline, "the test keyring never unlocked"
                time.sleep(0.1)
        yield
    finally:
        keyring.set_keyring(previous)
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


def test_round_trip_in_the_real_secret_service(secret_service):
    import keyring

    name = f"test-{uuid.uuid4().hex}"
    assert secrets.keychain_available()
    assert secrets.get_secret(name) is None
    secrets.set_secret(name, "hf_abc123")
    assert secrets.get_secret(name) == "hf_abc123"
    assert keyring.get_password(APP_ID, name) == "hf_abc123"  # stored under the app's service
    secrets.set_secret(name, "hf_new")
    assert secrets.get_secret(name) == "hf_new"
    assert secrets.delete_secret(name) is True
    assert secrets.get_secret(name) is None
    assert secrets.delete_secret(name) is False


def test_no_keychain_is_a_clear_error_and_nothing_is_written(no_keychain, composer_home):
    assert not secrets.keychain_available()
    with pytest.raises(secrets.SecretStoreError, match="No system keychain"):
        secrets.set_secret(secrets.HF_TOKEN, "hf_abc123")
    with pytest.raises(secrets.SecretStoreError, match="never stores secrets in plain files"):
        secrets.get_secret(secrets.HF_TOKEN)
    assert not composer_home.exists() or not any(composer_home.rglob("*"))


def test_empty_secret_is_refused(secret_service):
    with pytest.raises(ValueError):
        secrets.set_secret("test-empty", "")


def test_hub_token_lookup_survives_a_missing_keychain(no_keychain):
    from composer.models.hub import stored_token

    assert stored_token() is None


def test_cli_login_and_logout_use_the_keychain(secret_service, composer_home, capsys, monkeypatch):
    import io

    from composer.models.cli import run

    monkeypatch.setattr(secrets, "HF_TOKEN", f"test-{uuid.uuid4().hex}")
    monkeypatch.setattr("sys.stdin", io.StringIO("hf_from_stdin\n"))
    assert run(["login"]) == 0
    assert secrets.get_secret(secrets.HF_TOKEN) == "hf_from_stdin"
    assert run(["logout"]) == 0
    assert secrets.get_secret(secrets.HF_TOKEN) is None
    assert "removed" in capsys.readouterr().out


def test_cli_logout_with_nothing_stored_says_so(secret_service, composer_home, capsys, monkeypatch):
    from composer.models.cli import run

    monkeypatch.setattr(secrets, "HF_TOKEN", f"test-{uuid.uuid4().hex}")
    assert secrets.get_secret(secrets.HF_TOKEN) is None
    assert run(["logout"]) == 0
    out = capsys.readouterr().out
    assert "No token was stored" in out and "removed from" not in out
    assert secrets.delete_secret(secrets.HF_TOKEN) is False


def test_forget_everything_removes_stored_secrets(secret_service, app_paths_tmp):
    from composer.privacy import forget_everything

    secrets.set_secret(secrets.HF_TOKEN, "hf_secret_value")
    report = forget_everything(app_paths_tmp)
    assert report.secrets == 1 and not report.problems
    assert secrets.get_secret(secrets.HF_TOKEN) is None
    assert forget_everything(app_paths_tmp).secrets == 0  # nothing left to remove
