"""Settings > Accounts: add, edit, remove, the password in the keychain, the "None" warning."""

from __future__ import annotations

import uuid

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from composer import APP_ID
from composer.mail import accounts
from composer.mail.accounts import AccountStore


@pytest.fixture(autouse=True)
def fresh_session_passwords(monkeypatch):
    monkeypatch.setattr(accounts, "SESSION_PASSWORDS", accounts.PasswordCache())


@pytest.fixture
def page(no_model_window):
    window = no_model_window()
    window.show_settings()
    dialog = window.settings_dialog
    dialog.show_page(dialog.accounts)
    yield dialog.accounts
    dialog.close()


def fill(page, name="Anna", address="anna@example.org", host="smtp.example.org", user="anna"):
    page.name.setText(name)
    page.address.setText(address)
    page.host.setText(host)
    page.username.setText(user)


def answer_warning(button):
    def click():
        box = QApplication.activeModalWidget()
        assert box.objectName() == "unencryptedWarning"
        assert "travel in the clear" in box.text()
        box.button(button).click()

    QTimer.singleShot(0, click)


def test_add_edit_remove_with_the_password_in_the_keychain(page, app_paths_tmp, secret_service):
    window = page.window().parent()
    fill(page)
    page.password.setText("s3cret ✓")
    page.signature.setPlainText("Anna\nExample Ltd")
    account = page.save_current()
    assert account is not None and "system keychain" in page.status.text()
    name = f"smtp-password:{account.id}"
    assert keyring.get_password(APP_ID, name) == "s3cret ✓"
    store = AccountStore(app_paths_tmp.config)
    assert store.load() == [account] and account.port == 587 and account.security == "starttls"
    assert "s3cret" not in store.path.read_text(encoding="utf-8")
    assert window.sending.account() == account  # the window knows at once

    page.list.setCurrentRow(0)
    assert page.name.text() == "Anna" and page.password.text() == ""
    assert page.password.placeholderText()  # says one is stored
    page.name.setText("Anna Müller")
    edited = page.save_current()
    assert edited.id == account.id and store.load()[0].name == "Anna Müller"
    assert keyring.get_password(APP_ID, name) == "s3cret ✓"  # unchanged when left empty

    page.new_account()
    fill(page, name="Work", address="anna@work.example")
    second = page.save_current()
    assert [a.id for a in store.load()] == [account.id, second.id]
    assert window.sending.from_selector.isVisibleTo(window)  # two accounts: From shows

    page.remove_account(account.id)
    assert [a.id for a in store.load()] == [second.id]
    assert keyring.get_password(APP_ID, name) is None
    assert page.list.count() == 1


def test_without_a_keychain_the_password_is_kept_for_this_run(page, app_paths_tmp, no_keychain):
    fill(page)
    page.password.setText("typed")
    account = page.save_current()
    assert "never in a file" in page.status.text()
    assert accounts.SESSION_PASSWORDS.get(account.id) == "typed"
    files = [p for p in app_paths_tmp.config.parent.rglob("*") if p.is_file()]
    assert all(b"typed" not in p.read_bytes() for p in files)


def test_invalid_address_and_missing_server_are_refused(page, app_paths_tmp):
    fill(page, address="anna@example")
    assert page.save_current() is None and "not a valid email address" in page.status.text()
    fill(page, host="")
    assert page.save_current() is None and "SMTP" in page.status.text()
    assert AccountStore(app_paths_tmp.config).load() == []


def test_security_none_only_after_the_warning(page):
    assert page.port.value() == 587
    tls = page.security.findData("tls")
    page.security.setCurrentIndex(tls)
    assert page.port.value() == 465  # the usual port follows the security
    none = page.security.findData("none")
    answer_warning(QMessageBox.StandardButton.Cancel)
    page.security.setCurrentIndex(none)
    assert page.security.currentData() == "tls" and page.port.value() == 465
    answer_warning(QMessageBox.StandardButton.Yes)
    page.security.setCurrentIndex(none)
    assert page.security.currentData() == "none" and page.port.value() == 25


def test_attachment_warning_limit_is_a_setting(page, app_paths_tmp):
    from composer.settings import Settings

    window = page.window().parent()
    page.warning_mb.setValue(40)
    assert window.settings.attachment_warning_mb == 40
    assert Settings.load(app_paths_tmp.settings_file).attachment_warning_mb == 40
    assert window.attachments.warning_mb == 40


def test_unique_ids(page):
    fill(page)
    first = page.save_current()
    page.new_account()
    fill(page, address=f"{uuid.uuid4().hex[:6]}@example.org")
    assert page.save_current().id != first.id


def test_test_connection_against_a_real_server(page, smtp_server, trusted_ca, qtbot):
    from helpers.smtp_server import HOST, PASSWORD, USER

    server = smtp_server("starttls")
    fill(page, host=HOST, user=USER)
    page.port.setValue(server.port)
    page.password.setText("wrong")
    page.test_button.click()
    qtbot.waitUntil(lambda: not page.testing, timeout=15_000)
    assert "user name or password" in page.status.text()
    page.password.setText(PASSWORD)
    page.test_button.click()
    qtbot.waitUntil(lambda: not page.testing, timeout=15_000)
    assert page.status.text() == "The connection and the login work."
    assert server.received == []


def test_test_connection_without_a_user_name_does_not_claim_a_login(
    page, smtp_server, trusted_ca, qtbot
):
    from helpers.smtp_server import HOST

    server = smtp_server("starttls")
    fill(page, host=HOST, user="")
    page.port.setValue(server.port)
    page.test_button.click()
    qtbot.waitUntil(lambda: not page.testing, timeout=15_000)
    assert page.status.text().startswith("The connection works. No user name is set")
    assert "login work" not in page.status.text()
