"""Sending from a compose window to a real SMTP server on loopback (aiosmtpd, a test CA).

The CA is trusted the way a user's system would trust one (SSL_CERT_FILE), so
the window's own TLS path is what runs.
"""

from __future__ import annotations

import email
import email.policy

import pytest
from helpers.compose import was_sent
from helpers.smtp_server import HANG_UP, PASSWORD, SILENT, endless
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from composer.mail import accounts
from composer.mail.accounts import AccountStore

TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def fresh_session_passwords(monkeypatch):
    monkeypatch.setattr(accounts, "SESSION_PASSWORDS", accounts.PasswordCache())


@pytest.fixture
def server(smtp_server, trusted_ca):
    return smtp_server("starttls")


def with_account(app_paths_tmp, account, password=PASSWORD):
    AccountStore(app_paths_tmp.config).save([account])
    if password is not None:
        accounts.SESSION_PASSWORDS.put(account.id, password)


def write(window, to="Jürgen <j@example.com>", subject="Réunion", body="Bonjour"):
    window.to_field.setText(to)
    window.bcc_field.setText("hidden@example.com")
    window.subject_field.setText(subject)
    cursor = window.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.insertText(body)  # typed above the signature the window put in


def error_text(qtbot, window) -> str:
    qtbot.waitUntil(lambda: window.sending.error_box is not None, timeout=TIMEOUT_MS)
    box = window.sending.error_box
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    box.close()
    return text


def test_send_delivers_keeps_a_copy_and_closes(
    no_model_window, app_paths_tmp, server, tmp_path, qtbot
):
    with_account(app_paths_tmp, server.account(signature="Anna"))
    window = no_model_window()
    write(window)
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 " + bytes(range(256)))
    window.attachments.add_files([report])
    window.autosave.save()
    assert window.autosave.store.path.exists()

    window.commands["send"].trigger()
    assert window.sending.progress.isVisibleTo(window) and not window.centralWidget().isEnabled()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)

    [got] = server.received
    assert got.rcpt_tos == ["j@example.com", "hidden@example.com"]
    parsed = email.message_from_bytes(got.data, policy=email.policy.default)
    assert str(parsed["Subject"]) == "Réunion" and parsed["Bcc"] is None
    sent_body = parsed.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert sent_body == "Bonjour\n\n-- \nAnna\n"  # the signature as the window showed it
    [part] = list(parsed.iter_attachments())
    assert part.get_filename() == "report.pdf" and part.get_content() == report.read_bytes()
    [kept] = list((app_paths_tmp.data / "sent").iterdir())
    assert kept.read_bytes() == got.data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert not window.autosave.store.path.exists()  # the draft is gone once sent


def test_wrong_password_says_so_and_keeps_the_draft(no_model_window, app_paths_tmp, server, qtbot):
    with_account(app_paths_tmp, server.account(), password="wrong")
    window = no_model_window()
    write(window)
    before = window.current_draft()
    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    assert "user name or password" in text
    assert window.isVisible() and window.centralWidget().isEnabled()
    assert window.current_draft() == before and server.received == []
    assert accounts.SESSION_PASSWORDS.get("acc1") is None  # a wrong password is not reused


def test_untrusted_server_certificate(no_model_window, app_paths_tmp, smtp_server, qtbot):
    server = smtp_server("tls")  # its CA is not trusted here
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window)
    window.commands["send"].trigger()
    assert "is not trusted" in error_text(qtbot, window)
    assert window.current_draft().to.startswith("Jürgen")


def test_refused_recipient_named(no_model_window, app_paths_tmp, server, qtbot):
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window, to="ok@example.com, nobody@example.com")
    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    assert "nobody@example.com" in text and "Nothing was sent" in text
    assert server.received == []


def test_an_international_mailbox_is_delivered_and_kept_as_sent(
    no_model_window, app_paths_tmp, server, qtbot
):
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window, to="José <josé@exämple.com>")
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)

    [got] = server.received
    assert got.rcpt_tos == ["josé@xn--exmple-cua.com", "hidden@example.com"]
    assert "SMTPUTF8" in got.mail_options
    [kept] = list((app_paths_tmp.data / "sent").iterdir())
    assert kept.read_bytes() == got.data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert "josé@xn--exmple-cua.com".encode() in kept.read_bytes()


def test_a_server_without_smtputf8_names_the_mailbox_and_keeps_the_draft(
    no_model_window, app_paths_tmp, smtp_server, trusted_ca, qtbot
):
    server = smtp_server("starttls", enable_SMTPUTF8=False)
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window, to="José <josé@exämple.com>")
    before = window.current_draft()
    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    assert "josé@exämple.com" in text and "SMTPUTF8" in text and "Nothing was sent" in text
    assert window.isVisible() and window.current_draft() == before and server.received == []


def test_invalid_address_flagged_before_anything_is_sent(
    no_model_window, app_paths_tmp, server, qtbot
):
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window, to="ok@example.com, anna@example")
    window.cc_field.setText("bob at example.com")
    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    assert "anna@example" in text and "bob at example.com" in text
    assert window.to_field.property("invalid") and window.cc_field.property("invalid")
    assert (
        window.focusWidget() is window.to_field and window.to_field.selectedText() == "anna@example"
    )
    assert not window.sending.busy and server.received == []
    window.to_field.setText("ok@example.com")
    assert not window.to_field.property("invalid")  # typing clears the mark


def test_no_recipient(no_model_window, app_paths_tmp, server, qtbot):
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window, to="")
    window.bcc_field.clear()
    window.commands["send"].trigger()
    assert "no recipient" in error_text(qtbot, window)


def test_no_account_opens_settings_accounts(no_model_window, qtbot):
    window = no_model_window()
    write(window)
    window.commands["send"].trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.current_page() is dialog.accounts
    assert dialog.accounts.note.isVisibleTo(dialog) and "SMTP" in dialog.accounts.note.text()
    dialog.close()


def test_password_asked_once_when_there_is_no_keychain(
    no_model_window, app_paths_tmp, server, no_keychain, qtbot
):
    with_account(app_paths_tmp, server.account(), password=None)
    window = no_model_window()
    write(window)
    asked = []

    def answer():
        dialog = QApplication.activeModalWidget()
        asked.append(dialog.objectName())
        assert not dialog.remember.isVisibleTo(dialog)  # no keychain to remember it in
        dialog.password.setText(PASSWORD)
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)
    assert asked == ["passwordDialog"] and len(server.received) == 1
    assert accounts.SESSION_PASSWORDS.get("acc1") == PASSWORD  # this run only
    assert PASSWORD.encode() not in b"".join(
        p.read_bytes() for p in app_paths_tmp.config.parent.rglob("*") if p.is_file()
    )


def test_cancel_keeps_the_draft(no_model_window, app_paths_tmp, smtp_server, silent_server, qtbot):
    server = smtp_server("none")
    with_account(app_paths_tmp, server.account(port=silent_server, username=""), None)
    window = no_model_window()
    write(window)
    window.commands["send"].trigger()
    assert window.sending.cancel_button.isVisibleTo(window)
    window.sending.cancel_button.click()
    qtbot.waitUntil(lambda: not window.sending.busy, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.centralWidget().isEnabled(), timeout=TIMEOUT_MS)
    assert window.isVisible() and window.sending.error_box is None
    assert window.current_draft().subject == "Réunion"


def test_from_selector_with_several_accounts(no_model_window, app_paths_tmp, server, qtbot):
    first = server.account()
    second = server.account(id="acc2", name="Work", address="anna@work.example")
    AccountStore(app_paths_tmp.config).save([first, second])
    accounts.SESSION_PASSWORDS.put("acc2", PASSWORD)
    window = no_model_window()
    assert window.sending.from_selector.isVisibleTo(window)
    window.sending.select_account("acc2")
    assert window.current_draft().account == "acc2"
    write(window)
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: bool(server.received), timeout=TIMEOUT_MS)
    assert server.received[0].mail_from == "anna@work.example"


def test_save_as_eml_without_an_account(no_model_window, tmp_path):
    window = no_model_window()
    write(window)
    note = tmp_path / "note.txt"
    note.write_text("hello", encoding="utf-8")
    window.attachments.add_files([note])
    path = window.sending.save_as_eml(tmp_path / "out.eml")
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert parsed["From"].addresses[0].addr_spec == "me@localhost"
    assert str(parsed["Subject"]) == "Réunion" and parsed["Bcc"] is None
    assert [p.get_filename() for p in parsed.iter_attachments()] == ["note.txt"]


def test_ctrl_return_is_send(no_model_window):
    window = no_model_window()
    assert [k.toString() for k in window.commands["send"].shortcuts()] == ["Ctrl+Return"]


@pytest.mark.parametrize(
    ("mode", "changes", "options", "expected"),
    [
        ("none", {"security": "starttls"}, {}, "does not offer STARTTLS"),
        ("starttls", {}, {"data_size_limit": 300}, "too large for the server"),
        ("starttls", {"host": "localhost", "port": None}, {}, "Cannot reach localhost:"),
    ],
    ids=["no-starttls", "too-large", "unreachable"],
)
def test_other_failures_keep_the_draft(
    no_model_window,
    app_paths_tmp,
    smtp_server,
    trusted_ca,
    closed_port,
    qtbot,
    mode,
    changes,
    options,
    expected,
):
    server = smtp_server(mode, **options)
    if changes.get("port", 0) is None:
        changes = {**changes, "port": closed_port}
    with_account(app_paths_tmp, server.account(**changes))
    window = no_model_window()
    write(window, body="A body long enough to pass a 300-byte limit. " * 4)
    before = window.current_draft()
    window.commands["send"].trigger()
    assert expected in error_text(qtbot, window)
    assert window.isVisible() and window.current_draft() == before and server.received == []


def test_typed_password_remembered_in_the_keychain(
    no_model_window, app_paths_tmp, server, secret_service, qtbot
):
    import uuid

    import keyring

    from composer import APP_ID

    account = server.account(id=f"test-{uuid.uuid4().hex}")
    with_account(app_paths_tmp, account, password=None)
    window = no_model_window()
    write(window)

    def answer():
        dialog = QApplication.activeModalWidget()
        assert dialog.remember.isVisibleTo(dialog) and dialog.remember.isChecked()
        dialog.password.setText(PASSWORD)
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)
    assert keyring.get_password(APP_ID, f"smtp-password:{account.id}") == PASSWORD
    accounts.forget_password(account.id)


def test_the_send_button_sends(no_model_window, app_paths_tmp, server, qtbot):
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window)
    assert window.send_button.accessibleName() and window.send_button.isVisibleTo(window)
    window.send_button.click()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)
    assert len(server.received) == 1


# -- hostile and broken servers (a scripted raw SMTP server) ----------------------------------


def sent_folder(app_paths_tmp) -> list:
    folder = app_paths_tmp.data / "sent"
    return list(folder.iterdir()) if folder.exists() else []


def test_no_answer_after_the_data_says_delivery_is_unknown_and_keeps_the_draft(
    no_model_window, app_paths_tmp, scripted_smtp, qtbot
):
    server = scripted_smtp({".": HANG_UP})
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window)
    window.autosave.save()
    before = window.current_draft()
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: window.sending.error_box is not None, timeout=TIMEOUT_MS)
    box = window.sending.error_box
    assert box.windowTitle() == "Perhaps sent"
    text = error_text(qtbot, window)
    assert "may or may not have been delivered" in text and "Nothing was sent" not in text
    assert len(server.messages) == 1  # the server did get it all
    assert window.isVisible() and window.current_draft() == before
    assert window.autosave.store.path.exists()  # the draft is not deleted…
    assert sent_folder(app_paths_tmp) == []  # …nor kept as sent
    assert accounts.SESSION_PASSWORDS.get("acc1") == PASSWORD  # the login worked


def test_cancel_after_the_final_dot_is_not_nothing_was_sent(
    no_model_window, app_paths_tmp, scripted_smtp, qtbot
):
    server = scripted_smtp({".": SILENT})
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window)
    before = window.current_draft()
    window.commands["send"].trigger()
    qtbot.waitUntil(server.got_data.is_set, timeout=TIMEOUT_MS)
    window.sending.cancel_button.click()
    text = error_text(qtbot, window)
    assert "cancelled while waiting" in text and "may or may not have been delivered" in text
    assert "Nothing was sent" not in text
    assert window.isVisible() and window.current_draft() == before
    assert sent_folder(app_paths_tmp) == []


def _refuse_any_password_dialog(asked: list[str]) -> None:
    """A password dialog would mean the password was forgotten: note it and close it."""
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        asked.append(dialog.objectName())
        dialog.reject()


def test_a_temporary_auth_failure_keeps_the_password_in_memory(
    no_model_window, app_paths_tmp, scripted_smtp, no_keychain, qtbot
):
    server = scripted_smtp({"AUTH": b"454 4.7.0 Temporary authentication failure\r\n"})
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    write(window)
    before = window.current_draft()
    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    assert "could not check the user name and password right now" in text
    assert "did not accept" not in text
    assert window.isVisible() and window.current_draft() == before
    assert accounts.SESSION_PASSWORDS.get("acc1") == PASSWORD

    # Later the server can check it again: the same password goes, and nobody is asked.
    server.answers["AUTH"] = b"235 2.7.0 Authentication successful\r\n"
    asked: list[str] = []
    QTimer.singleShot(200, lambda: _refuse_any_password_dialog(asked))
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)
    assert asked == [] and len(server.messages) == 1


def test_a_temporary_auth_failure_keeps_the_password_in_the_keychain(
    no_model_window, app_paths_tmp, scripted_smtp, secret_service, qtbot
):
    import uuid

    import keyring

    from composer import APP_ID

    server = scripted_smtp({"AUTH": b"454 4.7.0 Temporary authentication failure\r\n"})
    account = server.account(id=f"test-{uuid.uuid4().hex}")
    with_account(app_paths_tmp, account, password=None)
    accounts.remember_password(account.id, PASSWORD, in_keychain=True)
    try:
        window = no_model_window()
        write(window)
        window.commands["send"].trigger()
        assert "right now" in error_text(qtbot, window)
        assert keyring.get_password(APP_ID, f"smtp-password:{account.id}") == PASSWORD
        assert accounts.SESSION_PASSWORDS.get(account.id) == PASSWORD
    finally:
        accounts.forget_password(account.id)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"greeting": b"554 5.7.1 Go away\r\n"}, "refused the connection (554 5.7.1 Go away)"),
        ({"EHLO": endless(b"250-SIZE 1\r\n")}, "far longer than any mail server"),
    ],
    ids=["554-greeting", "endless-ehlo"],
)
def test_a_hostile_server_keeps_the_draft(
    no_model_window, app_paths_tmp, scripted_smtp, qtbot, answers, expected
):
    server = scripted_smtp(answers)
    with_account(app_paths_tmp, server.account(security="starttls"))
    window = no_model_window()
    write(window)
    before = window.current_draft()
    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    assert expected in text and "STARTTLS" not in text and "Nothing was sent" in text
    assert window.isVisible() and window.current_draft() == before and server.messages == []


# -- too many recipients, too long an address (issue "Hostile mail": silent truncation) -------


def many(count: int, prefix: str = "person") -> list[str]:
    return [f"{prefix}{i:04d}@example.org" for i in range(count)]


def test_more_recipients_than_servers_take_are_refused_with_the_count(
    no_model_window, app_paths_tmp, server, qtbot
):
    from PySide6.QtCore import QLocale

    from composer.mail.addresses import MAX_RECIPIENTS

    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    to = many(MAX_RECIPIENTS)
    write(window, to=", ".join(to))  # + hidden@example.com in Bcc: one over the limit
    window.cc_field.setText(", ".join(a.upper() for a in to[:50]))  # the same people again
    window.autosave.save()
    before = window.current_draft()
    busy: list[bool] = []
    window.sending.controller.sig_busy.connect(busy.append)

    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    count = QLocale().toString(MAX_RECIPIENTS + 1)  # unique mailboxes: Cc repeats To
    assert f"has {count} recipients" in text
    assert f"at most {QLocale().toString(MAX_RECIPIENTS)} at once" in text
    assert busy == [] and not window.sending.busy  # no connection was even started
    assert server.received == []
    assert window.isVisible() and window.centralWidget().isEnabled()
    assert window.current_draft() == before and window.autosave.store.load() == before
    assert not window.to_field.property("invalid")  # the addresses are fine, only too many


def test_a_message_at_exactly_the_recipient_limit_is_sent(
    no_model_window, app_paths_tmp, server, qtbot
):
    from composer.mail.addresses import MAX_RECIPIENTS

    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    to = many(MAX_RECIPIENTS - 1)
    write(window, to=", ".join(to))  # + hidden@example.com in Bcc: exactly the limit
    window.cc_field.setText(", ".join(a.upper() for a in to[:50]))  # counted once
    window.commands["send"].trigger()
    qtbot.waitUntil(lambda: was_sent(window), timeout=TIMEOUT_MS)

    [got] = server.received
    assert got.rcpt_tos == [*to, "hidden@example.com"]
    assert len(got.rcpt_tos) == MAX_RECIPIENTS
    parsed = email.message_from_bytes(got.data, policy=email.policy.default)
    assert [a.addr_spec for a in parsed["To"].addresses] == to


def test_an_address_longer_than_smtp_allows_is_named_as_invalid(
    no_model_window, app_paths_tmp, server, qtbot
):
    with_account(app_paths_tmp, server.account())
    window = no_model_window()
    too_long = "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".org"  # 260 octets; RFC 5321: 254
    write(window, to=f"ok@example.org, {too_long}")
    window.commands["send"].trigger()
    text = error_text(qtbot, window)
    assert "not valid email addresses" in text and too_long in text
    assert window.to_field.property("invalid") and window.to_field.selectedText() == too_long
    assert server.received == []
