"""Accounts on disk (private, atomic, damage set aside) and their passwords (keychain or memory)."""

from __future__ import annotations

import json
import os
import stat
import uuid

import keyring
import pytest

from composer import APP_ID
from composer.mail import accounts
from composer.mail.accounts import Account, AccountStore, AccountsUnreadable


def make(account_id: str = "a1", **changes) -> Account:
    values = {
        "id": account_id,
        "name": "Zoë",
        "address": "zoe@example.org",
        "host": "smtp.example.org",
        "port": 465,
        "security": "tls",
        "username": "zoe",
        "signature": "Zoë\n+33 1 23",
    }
    values.update(changes)
    return Account(**values)


@pytest.fixture(autouse=True)
def fresh_session_passwords(monkeypatch):
    monkeypatch.setattr(accounts, "SESSION_PASSWORDS", accounts.PasswordCache())


def test_round_trip_private_files(tmp_path):
    store = AccountStore(tmp_path / "config")
    saved = [make("a1"), make("b2", name="Work", security="starttls", port=587)]
    store.save(saved)
    assert store.load() == saved
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    text = store.path.read_text(encoding="utf-8")
    assert "password" not in text  # never a secret in the file
    assert accounts.find_account(saved, "") is saved[0]  # the default is the first
    assert accounts.find_account(saved, "b2") is saved[1]
    assert accounts.find_account(saved, "gone") is saved[0]
    assert accounts.find_account([], "") is None


def test_no_file_no_accounts(tmp_path):
    assert AccountStore(tmp_path).load() == []


@pytest.mark.allow_log("composer.mail.accounts", "WARNING", match="unreadable")
@pytest.mark.parametrize("content", ["{not json", '{"accounts": 3}', "[]"])
def test_damaged_file_is_set_aside_with_a_message(tmp_path, content):
    store = AccountStore(tmp_path)
    store.path.write_text(content, encoding="utf-8")
    with pytest.raises(AccountsUnreadable) as info:
        store.load()
    kept = info.value.kept_as
    assert kept is not None and kept.read_text(encoding="utf-8") == content
    assert str(kept) in str(info.value) and "Settings > Accounts" in str(info.value)
    assert store.load() == []  # the next start is clean, the bytes kept


@pytest.mark.allow_log("composer.mail.accounts", "WARNING", match="malformed")
def test_malformed_entries_are_skipped(tmp_path):
    store = AccountStore(tmp_path)
    good = make()
    raw = {
        "accounts": [
            good.__dict__,
            {"id": "x", "port": "25"},
            {**good.__dict__, "id": "y", "security": "ssl3"},
        ]
    }
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    assert store.load() == [good]


def test_default_ports():
    assert [accounts.default_port(s) for s in ("starttls", "tls", "none")] == [587, 465, 25]
    assert make(port=0, security="starttls") != accounts.with_default_port(
        make(port=0, security="starttls")
    )
    assert accounts.with_default_port(make(port=0, security="none")).port == 25
    assert make().domain == "example.org"


def test_password_in_the_real_keychain_and_removed_with_the_account(secret_service, tmp_path):
    account_id = f"test-{uuid.uuid4().hex}"
    store = AccountStore(tmp_path)
    kept = [make(account_id), make("other")]
    store.save(kept)
    accounts.remember_password(account_id, "pässword", in_keychain=True)
    assert keyring.get_password(APP_ID, f"smtp-password:{account_id}") == "pässword"
    accounts.SESSION_PASSWORDS.forget(account_id)
    assert accounts.stored_password(account_id) == "pässword"  # from the keychain

    left = store.remove(kept, account_id)
    assert [a.id for a in left] == ["other"] and store.load() == left
    assert keyring.get_password(APP_ID, f"smtp-password:{account_id}") is None
    assert accounts.stored_password(account_id) is None


def test_without_a_keychain_the_password_stays_in_memory_only(no_keychain, composer_home):
    assert accounts.stored_password("a1") is None
    accounts.remember_password("a1", "typed once", in_keychain=False)
    assert accounts.stored_password("a1") == "typed once"
    assert not composer_home.exists() or not any(composer_home.rglob("*"))
    accounts.forget_password("a1")
    assert accounts.stored_password("a1") is None


def test_forget_everything_removes_account_passwords_and_sent_mail(secret_service, app_paths_tmp):
    from composer.mail.drafts import Draft
    from composer.mail.outgoing import build_message
    from composer.mail.sent import keep_sent
    from composer.privacy import forget_everything

    account_id = f"test-{uuid.uuid4().hex}"
    AccountStore(app_paths_tmp.config).save([make(account_id)])
    accounts.remember_password(account_id, "secret", in_keychain=True)
    keep_sent(build_message(Draft(to="a@b.example", subject="s"), None), app_paths_tmp.data)
    report = forget_everything(app_paths_tmp)
    assert report.secrets == 1 and report.sent == 1 and not report.problems
    assert keyring.get_password(APP_ID, f"smtp-password:{account_id}") is None
    assert not (app_paths_tmp.data / "sent").exists()
    assert not (app_paths_tmp.config / "accounts.json").exists()
