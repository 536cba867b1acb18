"""The servers the user added: a private servers.json, API keys only in the real keychain."""

from __future__ import annotations

import json
import os
import stat

import pytest

from composer import APP_ID
from composer.engine.remote import address_problem, url_origin
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


# -- addresses and consent per origin ------------------------------------------


def test_an_origin_tells_scheme_host_and_port_apart():
    assert url_origin("https://LLM.example.org/v1") == "https://llm.example.org:443"
    assert url_origin("https://llm.example.org:443/x") == "https://llm.example.org:443"
    assert url_origin("http://llm.example.org/v1") == "http://llm.example.org:80"
    assert url_origin("https://llm.example.org:8443") == "https://llm.example.org:8443"
    assert url_origin("http://anna:pw@[::1]:8080/v1") == "http://[::1]:8080"
    server = Server("s1", "", "http://anna:pw@10.0.0.2:8080/v1")
    assert server.host == "10.0.0.2:8080" and "pw" not in server.label


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("https://anna:hunter2@llm.example.org/v1", "user name or password"),
        ("https://anna@llm.example.org/v1", "user name or password"),
        ("ftp://llm.example.org", "starting with https://"),
        ("llm.example.org/v1", "starting with https://"),
        ("https://llm.example.org:99999/v1", "port from 1 to 65535"),
        ("https://llm.example.org:0/v1", "port from 1 to 65535"),
        ("https://llm.example.org:abc/v1", "port from 1 to 65535"),
        ("https:///v1", "starting with https://"),
        ("https://llm.example.org/v1?key=1", "must not contain"),
        ("https://llm.exa mple.org/v1", "spaces or invisible"),
        ("https://llm.example.org/\u202ev1", "spaces or invisible"),
    ],
)
def test_an_unusable_address_is_refused_with_a_sentence(address, words):
    problem = address_problem(address)
    assert problem is not None and words in str(problem)
    assert "hunter2" not in str(problem)


def test_a_usable_address_passes():
    for address in ("https://llm.example.org/v1", "http://127.0.0.1:8080", "http://[::1]:9/v1"):
        assert address_problem(address) is None, address


def test_consent_is_kept_for_its_origin_only(tmp_path):
    store = ServerStore(tmp_path)
    given = Server("s1", "", "https://llm.example.org/v1").with_consent(True)
    assert given.consented_origin == "https://llm.example.org:443"
    legacy = {"id": "s2", "base_url": "https://old.example.org", "consented": True}
    store.save([given])
    raw = json.loads(store.path.read_text())
    moved = dict(raw["servers"][0], id="s3", base_url="http://llm.example.org/v1")
    raw["servers"] += [legacy, moved]
    store.path.write_text(json.dumps(raw))
    loaded = {s.id: s for s in store.load()}
    assert loaded["s1"].consented  # the same origin
    assert loaded["s2"].consented  # a file from before origins were recorded
    assert not loaded["s3"].consented and not loaded["s3"].consented_at  # https became http


@pytest.fixture
def servers_page(qtbot, tmp_path, no_keychain):
    from composer.gui.dialogs.servers_page import ServersPage

    page = ServersPage(tmp_path / "config")
    qtbot.addWidget(page)
    return page


def _answer_consent(accept: bool, seen: list[str]) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None and box.objectName() == "serverConsent"
        seen.append(box.windowTitle() + " " + box.text())
        box.findChild(QPushButton, "consentAccept" if accept else "consentRefuse").click()

    QTimer.singleShot(0, click)


def _save(page, address: str) -> None:
    page.address.setText(address)
    page.save.click()


def test_the_page_asks_again_when_the_origin_changes_and_shows_it(servers_page):
    page = servers_page
    page.start_new()
    _save(page, "https://llm.example.org/v1")
    seen: list[str] = []
    _answer_consent(True, seen)
    assert page.use_selected()
    assert "https://llm.example.org:443" in seen[0]  # the whole origin, scheme and port
    assert "https://llm.example.org:443" in page.consent.text()

    _save(page, "https://llm.example.org/v1/")  # the same origin: consent stays
    assert page.selected().consented

    _save(page, "http://llm.example.org/v1")  # plain http: asked again
    assert not page.selected().consented
    _answer_consent(False, seen)
    assert not page.use_selected()
    assert "http://llm.example.org:80" in seen[1]
    assert not ServerStore(page.store.path.parent).load()[0].consented

    _answer_consent(True, seen)
    assert page.use_selected()
    _save(page, "http://llm.example.org:8080/v1")  # another port: another program, maybe
    assert not page.selected().consented


def test_the_page_refuses_an_address_with_a_password(servers_page):
    page = servers_page
    page.start_new()
    _save(page, "https://anna:hunter2@llm.example.org/v1")
    assert "user name or password" in page.result.text()
    assert "hunter2" not in page.result.text()
    assert page.servers == [] and not page.store.path.exists()  # never saved
