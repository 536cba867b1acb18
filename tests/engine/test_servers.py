"""The servers the user added: a private servers.json, API keys only in the real keychain."""

from __future__ import annotations

import json
import os
import stat

import pytest

from composer import APP_ID
from composer.engine.servers import (
    Server,
    ServerStore,
    ServersUnreadable,
    api_key_name,
    save_api_key,
    stored_api_key,
)


def test_servers_round_trip_privately_with_the_key_only_in_the_keychain(secret_service, tmp_path):
    import keyring

    store = ServerStore(tmp_path / "config")
    server = Server("s1", "Team", "https://llm.example.org/v1", model="big").with_consent(True)
    store.save([server, Server("s2", "", "http://10.0.0.2:8080")])
    save_api_key("s1", "sk-secret-value")
    loaded = store.load()
    assert loaded[0] == server and loaded[0].consented and loaded[0].consented_at
    assert loaded[1].label == "10.0.0.2:8080" and not loaded[1].consented
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.path.parent).st_mode) == 0o700
    assert "sk-secret-value" not in store.path.read_text()
    assert keyring.get_password(APP_ID, api_key_name("s1")) == "sk-secret-value"
    assert server.config().api_key == "sk-secret-value"
    assert server.config().host == "llm.example.org"
    assert store.remove(loaded, "s1") == [loaded[1]]
    assert stored_api_key("s1") is None  # removing the server forgets its key


@pytest.mark.allow_log("composer.engine.servers", "WARNING", match="unreadable")
def test_a_damaged_file_is_set_aside_with_a_sentence(tmp_path):
    store = ServerStore(tmp_path)
    store.path.write_text("{not json")
    with pytest.raises(ServersUnreadable, match="kept as") as caught:
        store.load()
    assert caught.value.kept_as is not None and caught.value.kept_as.read_text() == "{not json"
    assert not store.path.exists()
    assert store.load() == []


@pytest.mark.allow_log("composer.engine.servers", "WARNING", match="malformed")
def test_malformed_entries_are_skipped(tmp_path):
    store = ServerStore(tmp_path)
    good = {"id": "a", "name": "", "base_url": "http://127.0.0.1:1", "consented": True}
    bad = [{"id": "b"}, {"id": "c", "base_url": "http://x", "consented": "yes"}, "junk"]
    store.path.write_text(json.dumps({"servers": [good, *bad]}))
    servers = store.load()
    assert [s.id for s in servers] == ["a", "c"]
    assert servers[0].consented and not servers[1].consented  # "yes" is not consent


def test_without_a_keychain_no_key_is_read_or_written(no_keychain, tmp_path):
    from composer.secrets import SecretStoreError

    assert stored_api_key("s1") is None
    with pytest.raises(SecretStoreError):
        save_api_key("s1", "sk-x")


def test_forget_everything_forgets_the_servers_and_their_keys(secret_service, app_paths_tmp):
    from composer.privacy import forget_everything

    store = ServerStore(app_paths_tmp.config)
    store.save([Server("s9", "", "https://llm.example.org")])
    save_api_key("s9", "sk-to-forget")
    report = forget_everything(app_paths_tmp)
    assert report.secrets >= 1 and not report.problems
    assert stored_api_key("s9") is None
    assert not store.path.exists()
