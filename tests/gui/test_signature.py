"""The signature in the body: seen while writing, above the quote, one separator, per account."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from composer.mail.accounts import Account, AccountStore
from composer.mail.drafts import Draft

ANNA = Account(id="a", name="Anna", address="anna@example.org", host="h", signature="Anna\nAcme")
# Typed with its own separator: the message still has one "-- " line.
WORK = Account(id="w", name="Anna", address="anna@work.example", host="h", signature="-- \nDr. A.")


def accounts(app_paths_tmp, *saved: Account) -> None:
    AccountStore(app_paths_tmp.config).save(list(saved))


def test_a_new_message_shows_the_signature_with_the_cursor_above_it(
    qtbot, no_model_window, app_paths_tmp
):
    accounts(app_paths_tmp, ANNA)
    window = no_model_window()
    assert window.body.toPlainText() == "\n\n-- \nAnna\nAcme\n"
    assert window.body.textCursor().position() == 0  # typing starts above the signature
    assert window._draft_to_keep().is_empty()  # nothing typed: no draft, no "discard?" question


def test_a_reply_has_it_above_the_quote(qtbot, app_paths_tmp):
    accounts(app_paths_tmp, ANNA)
    reply = Draft(
        to="tom@example.net", subject="Re: Friday", body="\n\nOn Friday, Tom wrote:\n> Hi\n"
    )
    from composer.gui.compose_window import ComposeWindow
    from composer.settings import Settings

    window = ComposeWindow(Settings(assistant="off"), app_paths_tmp, draft=reply)
    qtbot.addWidget(window)
    body = window.body.toPlainText()
    assert body == "\n\n-- \nAnna\nAcme\n\nOn Friday, Tom wrote:\n> Hi\n"
    assert body.count("-- \n") == 1


def test_choosing_another_account_swaps_an_untouched_signature(
    qtbot, no_model_window, app_paths_tmp
):
    accounts(app_paths_tmp, ANNA, WORK)
    window = no_model_window()
    cursor = window.body.textCursor()
    cursor.insertText("See you Friday.")
    window.sending.select_account("w")
    assert window.body.toPlainText() == "See you Friday.\n\n-- \nDr. A.\n"  # one separator
    window.commands["undo"].trigger()  # one step back: the first signature
    assert window.body.toPlainText() == "See you Friday.\n\n-- \nAnna\nAcme\n"


def test_an_edited_signature_is_the_users_and_stays(qtbot, no_model_window, app_paths_tmp):
    accounts(app_paths_tmp, ANNA, WORK)
    window = no_model_window()
    cursor = window.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("Sent from the train")
    window.sending.select_account("w")
    assert window.body.toPlainText().endswith("-- \nAnna\nAcme\nSent from the train")
    assert "Dr. A." not in window.body.toPlainText()


def test_a_reopened_draft_is_not_signed_twice(qtbot, no_model_window, app_paths_tmp):
    accounts(app_paths_tmp, ANNA)
    first = no_model_window()
    first.body.textCursor().insertText("Dear Tom,")
    first.autosave.save()
    name = first.autosave.store.path.name
    from composer.gui.compose_window import ComposeWindow
    from composer.settings import Settings

    first.autosave.close()
    again = ComposeWindow(Settings(assistant="off"), app_paths_tmp, draft_name=name)
    qtbot.addWidget(again)
    assert again.body.toPlainText().count("-- \n") == 1


def test_a_reply_from_an_account_without_signature_gets_one_above_the_quote_on_switching(
    qtbot, app_paths_tmp
):
    from composer.gui.compose_window import ComposeWindow
    from composer.settings import Settings

    plain = Account(id="p", name="Anna", address="anna@home.example", host="h")
    accounts(app_paths_tmp, plain, WORK)
    reply = Draft(to="tom@example.net", subject="Re: Friday", body="\n\nTom wrote:\n> Hi\n")
    window = ComposeWindow(Settings(assistant="off"), app_paths_tmp, draft=reply)
    qtbot.addWidget(window)
    assert "-- " not in window.body.toPlainText()
    window.sending.select_account("w")
    assert window.body.toPlainText() == "\n\n-- \nDr. A.\n\nTom wrote:\n> Hi\n"
