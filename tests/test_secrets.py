"""composer.secrets against a real Secret Service, and with no keychain at all.

The fixtures (tests/helpers/keychain.py) start a private session bus and
gnome-keyring-daemon, so a developer's real keychain is never touched.
"""

from __future__ import annotations

import uuid

import pytest

from composer import APP_ID, secrets


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
