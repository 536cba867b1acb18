"""Server mode from the compose window: llama-cpp-python's own server, consent, failures, secrets.

The server is real (tests/helpers/llama_server.py, on loopback with the
starter model); so are the keychain (a private Secret Service) and the
misbehaving proxy that records what reaches it. The server answers a prompt
it has just seen whole with nothing (its prefix cache): every test asks
something of its own.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from helpers.compose import GEN_TIMEOUT_MS, wait_not_generating, wait_ready
from helpers.fault_server import FaultServer
from helpers.llama_server import API_KEY
from helpers.review import use_it_anyway
from helpers.smtp_server import free_port
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from composer import APP_ID
from composer.assist.actions import Action
from composer.engine.remote import ServerConfig
from composer.engine.servers import ServerStore, api_key_name
from composer.gui.assistant_controller import AssistantState
from composer.settings import Settings


def answer_consent(accept: bool, seen: list[str] | None = None) -> None:
    def click():
        box = QApplication.activeModalWidget()
        assert box.objectName() == "serverConsent"
        if seen is not None:
            seen.append(box.windowTitle() + " " + box.text())
        box.findChild(QPushButton, "consentAccept" if accept else "consentRefuse").click()

    QTimer.singleShot(0, click)


def add_server(window, url: str, key: str = ""):
    """Settings > Assistant, a new server saved with *url* and *key*; the servers page."""
    window.show_server_settings()
    page = window.settings_dialog.assistant.servers
    page.start_new()
    page.address.setText(url)
    page.api_key.setText(key)
    page.save.click()
    return page


def choose_server(window, accept: bool, seen: list[str] | None = None) -> None:
    answer_consent(accept, seen)
    window.settings_dialog.assistant.server.click()


def test_draft_stop_switch_and_accept_on_a_server(
    qtbot, open_window, llama_server, secret_service, starter_model_path
):
    import keyring

    window = open_window(
        assistant="off", model_path=str(starter_model_path), context_size=2048, max_tokens=200
    )
    page = add_server(window, llama_server, API_KEY)
    host = ServerConfig(llama_server).host

    # The servers file is private and holds no key; the keychain has it.
    path = ServerStore(window.paths.config).path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert API_KEY not in path.read_text()
    server_id = json.loads(path.read_text())["servers"][0]["id"]
    assert keyring.get_password(APP_ID, api_key_name(server_id)) == API_KEY
    assert page.api_key.text() == ""  # never shown back

    page.fetch.click()
    qtbot.waitUntil(lambda: page.model.count() > 0, timeout=30_000)
    model = page.model.currentText()
    page.test.click()
    qtbot.waitUntil(lambda: page.test.isEnabled() and model in page.result.text(), timeout=60_000)
    assert host not in page.result.text()  # failures name the host; this is the report
    page.save.click()

    seen: list[str] = []
    choose_server(window, accept=True, seen=seen)
    assert host in seen[0]  # the opt-in says where the text goes
    assert window.settings.assistant == "server"
    assert Settings.load(window.paths.settings_file).server_id == server_id
    assert json.loads(path.read_text())["servers"][0]["consented"] is True
    wait_ready(qtbot, window)
    assert window.assistant.model_info.device == host
    # The server names its model by its path there: the status bar keeps the file's name.
    assert host in window.where_text_goes.text()
    assert Path(model).name in window.where_text_goes.text()
    assert not window.assistant_panel.use_local.isVisible()

    window.assistant_panel.prompt.setText(
        "write a long letter to Ines about the server move in June"
    )
    window.assistant_panel.request(Action.DRAFT)
    qtbot.waitUntil(
        lambda: len(window.assistant_panel.suggestion_text()) > 5, timeout=GEN_TIMEOUT_MS
    )
    window.commands["stop"].trigger()
    wait_not_generating(qtbot, window)
    assert window.assistant.state is AssistantState.REVIEW
    partial = window.assistant_panel.review.session.ticked_text()
    assert partial.strip()

    # Back to this computer: the draft and the suggestion stay.
    window.settings_dialog.assistant.on.click()
    assert window.settings.assistant == "local"
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.REVIEW, timeout=120_000)
    assert window.assistant.model_info.device != host
    assert host not in window.where_text_goes.text()
    assert window.assistant_panel.review.session.ticked_text() == partial
    window.assistant_panel.accept_button.click()
    use_it_anyway(window.assistant_panel.review)
    assert window.body.toPlainText() == partial
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == ""


@pytest.mark.parametrize("failure", ["wrong key", "stopped"])
def test_a_refusing_or_stopped_server_says_so_and_offers_local_without_switching(
    qtbot, open_window, llama_server, secret_service, starter_model_path, failure
):
    window = open_window(assistant="off", model_path=str(starter_model_path), context_size=2048)
    url = llama_server if failure == "wrong key" else f"http://127.0.0.1:{free_port()}/v1"
    host = ServerConfig(url).host
    add_server(window, url, "not-the-key" if failure == "wrong key" else "")
    window.body.setPlainText("Dear Ines, the move is on Tuesday.")
    choose_server(window, accept=True)
    use_local = window.assistant_panel.use_local
    qtbot.waitUntil(use_local.isVisible, timeout=30_000)
    assert host in window.assistant_panel.model_note.text()  # the server's sentence
    assert ("401" in window.assistant_panel.model_note.text()) is (failure == "wrong key")
    assert window.settings.assistant == "server"  # not switched
    assert window.assistant.model_info is None
    assert "On this computer" not in window.where_text_goes.text()
    use_local.click()
    assert window.settings.assistant == "local"
    wait_ready(qtbot, window)
    assert window.settings_dialog.assistant.on.isChecked()  # Settings shows the switch
    assert not use_local.isVisible()
    assert window.body.toPlainText() == "Dear Ines, the move is on Tuesday."


def test_refused_consent_sends_nothing_and_withdrawn_consent_stops_sending(
    qtbot, open_window, llama_server, secret_service
):
    upstream = llama_server.removesuffix("/v1")
    fault = FaultServer(upstream)
    try:
        window = open_window(assistant="off")
        page = add_server(window, fault.url, API_KEY)  # the key is forwarded, not checked here
        choose_server(window, accept=False)
        assert window.settings.assistant == "off"
        assert window.settings_dialog.assistant.off.isChecked()
        assert not json.loads(page.store.path.read_text())["servers"][0]["consented"]
        assert fault.script.requests == []  # nothing reached the server

        choose_server(window, accept=True)
        wait_ready(qtbot, window)
        assert fault.script.requests  # now it was asked (its models)
        page.withdraw.click()
        assert window.assistant.model_info is None
        assert window.assistant.state is AssistantState.NO_MODEL
        assert window.assistant_panel.use_local.isVisible()
        assert fault.url.split("/")[2] not in window.where_text_goes.text()
        before = len(fault.script.requests)
        window.body.setPlainText("Nothing of this may leave.")
        assert not window.assistant_panel.action_buttons[Action.PROOFREAD].isEnabled()
        assert len(fault.script.requests) == before
    finally:
        fault.close()


def test_the_welcome_page_offers_a_server(qtbot, open_window):
    window = open_window(assistant="")
    button = window.welcome.server_button
    assert button.objectName() == "useServer" and button.accessibleName()
    button.click()
    dialog = window.settings_dialog
    assert dialog.isVisible() and dialog.current_page() is dialog.assistant
    assert dialog.assistant.servers.address.hasFocus() or not dialog.isActiveWindow()


def test_every_window_follows_the_server_and_its_withdrawal(
    qtbot, make_manager, llama_server, secret_service
):
    manager = make_manager("", assistant="off", max_tokens=24)
    manager.start([])
    first = manager.windows[0]
    first.commands["new_message"].trigger()
    second = manager.compose_windows()[1]
    host = ServerConfig(llama_server).host
    page = add_server(first, llama_server, API_KEY)
    choose_server(first, accept=True)
    wait_ready(qtbot, first)
    wait_ready(qtbot, second)
    assert first.assistant.model_info is second.assistant.model_info
    for window in (first, second):
        assert window.settings.assistant == "server"
        assert host in window.where_text_goes.text()
    second.assistant.run_action(Action.DRAFT, "a note to Pia about the window test")
    wait_not_generating(qtbot, second)
    assert second.assistant.state is AssistantState.REVIEW
    page.withdraw.click()  # in the first window's settings: no window sends any more
    for window in (first, second):
        assert window.assistant.model_info is None
        assert host not in window.where_text_goes.text()
    assert second.assistant_panel.review.session.ticked_text()  # the suggestion is kept


def test_the_servers_page_guards_consent_and_reports_plainly(qtbot, open_window, tmp_path):
    window = open_window(assistant="off")
    window.show_server_settings()
    assistant = window.settings_dialog.assistant
    page = assistant.servers
    assistant.server.click()  # no server yet: nothing to agree to, the choice stays
    assert assistant.off.isChecked() and page.result.text()
    assert window.settings.assistant == "off"

    page.address.setText("ftp://example.org")
    page.save.click()
    assert not page.servers  # not an address the assistant can use
    page.address.setText("http://127.0.0.1:9/v1")
    page.save.click()
    choose_server(window, accept=True)
    assert page.servers[0].consented and page.withdraw.isEnabled()
    # Another host is another server to agree to.
    page.address.setText("http://127.0.0.2:9/v1")
    page.save.click()
    assert not page.servers[0].consented and not page.withdraw.isEnabled()

    missing = tmp_path / "no-such-ca.pem"
    page.ca_bundle.setText(str(missing))
    page.test.click()
    qtbot.waitUntil(lambda: str(missing) in page.result.text(), timeout=10_000)
    assert page.test.isEnabled()


def server_window(qtbot, open_window, url: str, **settings):
    """A compose window whose assistant runs on the server at *url* (consent given)."""
    window = open_window(assistant="off", **settings)
    add_server(window, url, API_KEY)
    choose_server(window, accept=True)
    wait_ready(qtbot, window)
    return window


def test_the_stale_edit_guard_works_on_a_server(qtbot, open_window, llama_server, secret_service):
    window = server_window(qtbot, open_window, llama_server, max_tokens=40)
    body = "Hi Noor,\n\nthe server report is late becuase the logs came on monday.\n\nBest,\nLi"
    window.body.setPlainText(body)
    window.assistant_panel.request(Action.FORMAL)
    wait_not_generating(qtbot, window)
    assert window.assistant.state is AssistantState.REVIEW
    cursor = window.body.textCursor()
    cursor.setPosition(body.index("late"))
    cursor.insertText("very ")
    edited = window.body.toPlainText()
    window.assistant_panel.accept_button.click()
    assert window.body.toPlainText() == edited  # never overwrites the user's edit
    assert window.assistant_panel.review.rerun_button.isVisibleTo(window)


def test_where_text_goes_in_french(qtbot, open_window, llama_server, secret_service, qapp):
    from PySide6.QtCore import QLocale

    from composer import i18n

    default = QLocale()
    assert i18n.install_translators("fr") == "fr"
    try:
        window = server_window(qtbot, open_window, llama_server)
        host = ServerConfig(llama_server).host
        assert window.where_text_goes.text().startswith(f"Envoyé à {host} · ")
        assert host in window.where_text_goes.toolTip()
    finally:
        i18n.remove_translators()
        QLocale.setDefault(default)
