"""Hostile mail through what a user does: open it, Reply (all) or Forward, type, Send.

The message that reaches a real SMTP server (aiosmtpd) and the Sent copy hold
exactly the headers the app writes, whatever the opened message or the link
held; the Bcc field the user sees is the whole envelope beyond To and Cc.
"""

from __future__ import annotations

import email
import email.policy

import pytest
from helpers.compose import open_message_and_wait, was_sent
from helpers.hostile_mail import LINKS, MESSAGES, OUR_HEADERS, b_word, header_names
from helpers.smtp_server import PASSWORD

from composer.mail import accounts
from composer.mail.accounts import AccountStore

TIMEOUT_MS = 30_000


@pytest.fixture(autouse=True)
def fresh_session_passwords(monkeypatch):
    monkeypatch.setattr(accounts, "SESSION_PASSWORDS", accounts.PasswordCache())


@pytest.fixture
def server(smtp_account):
    return smtp_account


def send_and_read(qtbot, window, server, app_paths_tmp) -> tuple[bytes, list[str]]:
    if not window.to_field.text().strip():
        window.to_field.setText("friend@example.net")
    window.body.textCursor().insertText("Tuesday is better for me.\n")
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)
    [got] = server.received
    names = header_names(got.data)
    assert set(names) <= OUR_HEADERS and len(names) == len(set(names)), names
    [kept] = list((app_paths_tmp.data / "sent").iterdir())
    assert header_names(kept.read_bytes()) == names  # the Sent copy is what went out
    return got.data, got.rcpt_tos


def by_name(items, name):
    return next(item for item in items if item.name == name)


@pytest.mark.parametrize("action", ["reply", "reply_all", "forward"])
@pytest.mark.parametrize("name", ["subject_nested_0", "subject_nested_html", "cc_nested"])
def test_replying_to_or_forwarding_a_crafted_message_sends_only_our_headers(
    qtbot, make_manager, server, app_paths_tmp, tmp_path, action, name
):
    path = tmp_path / f"{name}.eml"
    path.write_bytes(by_name(MESSAGES, name).bytes(0))
    manager = make_manager()
    message = open_message_and_wait(manager, path)
    getattr(message, f"{action}_action").trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1, timeout=TIMEOUT_MS)
    (window,) = manager.compose_windows()
    assert "\n" not in window.subject_field.text()
    data, recipients = send_and_read(qtbot, window, server, app_paths_tmp)
    assert not any("evil.example" in r for r in recipients)
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert parsed["Reply-To"] is None and parsed["Bcc"] is None
    assert parsed.get_content_type() in ("text/plain", "multipart/mixed")


@pytest.mark.parametrize(
    "name", ["mailto_subject_nested_0", "mailto_raw_crlf_subject", "mailto_to_crlf"]
)
def test_a_crafted_mail_link_cannot_hide_a_bcc(qtbot, make_manager, server, app_paths_tmp, name):
    manager = make_manager()
    window = manager.open_mailto(by_name(LINKS, name).bytes(0).decode())
    assert window is not None and window.bcc_field.text() == ""
    if "@" not in window.to_field.text() or "evil" in window.to_field.text():
        window.to_field.setText("anna@example.org")  # the address check names the bad one
    data, recipients = send_and_read(qtbot, window, server, app_paths_tmp)
    assert recipients == ["anna@example.org"]
    assert b"\nBcc:" not in data.replace(b"\r\n", b"\n")


def test_an_account_name_hiding_a_header_is_sent_as_a_name(
    qtbot, no_model_window, server, app_paths_tmp
):
    account = server.account(name=b_word(b_word("Me\r\nBcc: stolen@evil.example")))
    AccountStore(app_paths_tmp.config).save([account])
    accounts.SESSION_PASSWORDS.put(account.id, PASSWORD)
    window = no_model_window()
    window.to_field.setText("anna@example.org")
    window.subject_field.setText("Friday")
    _, recipients = send_and_read(qtbot, window, server, app_paths_tmp)
    assert recipients == ["anna@example.org"]
