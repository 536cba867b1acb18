"""The app's windows: several compose windows, one engine, drafts per window, the end."""

from __future__ import annotations

from helpers.compose import open_message_and_wait

from composer.gui.compose_window import ComposeWindow
from composer.mail.drafts import Draft, DraftStore, new_draft_name, saved_drafts


def body_of(window: ComposeWindow) -> str:
    return window.body.toPlainText()


def test_no_items_one_compose_window_and_the_app_ends_with_the_last_one(qtbot, make_manager):
    manager = make_manager()
    manager.start([])
    assert [type(w) for w in manager.windows] == [ComposeWindow]
    first = manager.windows[0]
    first.commands["new_message"].trigger()
    assert len(manager.compose_windows()) == 2
    second = manager.compose_windows()[1]
    assert second is not first and second.isVisible()
    assert second.engine is first.engine is manager.engine  # one engine for the app
    ended = []
    manager.sig_all_closed.connect(lambda: ended.append(True))
    first.close()
    qtbot.waitUntil(lambda: len(manager.windows) == 1)
    assert not ended  # one window is still open
    second.close()
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert not manager.engine.engine_thread.isRunning()


def test_each_window_writes_its_own_draft_and_all_come_back(qtbot, make_manager, app_paths_tmp):
    manager = make_manager()
    manager.start([])
    first = manager.windows[0]
    first.commands["new_message"].trigger()
    second = manager.compose_windows()[1]
    first.subject_field.setText("One")
    qtbot.keyClicks(first.body, "first message")
    second.subject_field.setText("Two")
    qtbot.keyClicks(second.body, "second message")
    first.save_draft()
    second.save_draft()
    names = {first.autosave.store.path.name, second.autosave.store.path.name}
    assert len(names) == 2
    assert {s.name for s in saved_drafts(app_paths_tmp.drafts)} == names
    manager.close_all()
    qtbot.waitUntil(lambda: not manager.windows)

    again = make_manager()
    again.start([])
    bodies = sorted(body_of(w) for w in again.compose_windows())
    assert bodies == ["first message", "second message"]


def test_a_draft_open_in_a_running_window_is_not_reopened_twice(qtbot, make_manager):
    running = make_manager()
    running.start([])
    window = running.windows[0]
    window.body.setPlainText("still being written")
    window.save_draft()
    other = make_manager()  # a second Composer started meanwhile
    other.start([])
    assert [body_of(w) for w in other.compose_windows()] == [""]


def test_a_legacy_main_draft_is_migrated(qtbot, make_manager, app_paths_tmp):
    (app_paths_tmp.drafts / "current-draft.json").write_text('{"body": "from before"}')
    (app_paths_tmp.drafts / "draft-4194999-1.json").write_text('{"body": "from a second one"}')
    manager = make_manager()
    manager.start([])
    assert sorted(body_of(w) for w in manager.compose_windows()) == [
        "from a second one",
        "from before",
    ]
    assert not (app_paths_tmp.drafts / "current-draft.json").exists()


def test_drafts_dialog_reopens_and_deletes_after_confirmation(qtbot, make_manager, app_paths_tmp):
    folder = app_paths_tmp.drafts
    manager = make_manager()
    manager.start([])
    # Written by instances that are gone, after this one started.
    kept, doomed = new_draft_name(), new_draft_name()
    DraftStore(folder, kept).save(Draft(to="anna@example.com", subject="Kept", body="a"))
    DraftStore(folder, doomed).save(Draft(subject="Doomed", body="b"))
    manager.windows[0].commands["drafts"].trigger()
    dialog = manager.drafts_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.list.topLevelItem(i).text(0): dialog.list.topLevelItem(i)
        for i in range(dialog.list.topLevelItemCount())
    }
    assert set(rows) == {"Kept", "Doomed"}  # the empty window's draft is not saved
    assert rows["Kept"].text(1) == "anna@example.com"

    dialog.list.setCurrentItem(rows["Doomed"])
    dialog.delete_button.click()
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    box.button(box.StandardButton.No).click()
    assert (folder / doomed).exists()
    dialog.delete_button.click()
    dialog.confirmation.button(box.StandardButton.Yes).click()
    assert not (folder / doomed).exists()

    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    dialog.reopen_button.click()
    reopened = manager.compose_windows()[-1]
    assert reopened.subject_field.text() == "Kept"
    assert reopened.autosave.store.path.name == kept
    assert dialog.list.topLevelItem(0).text(3)  # now shown as open in a window
    assert not dialog.delete_button.isEnabled()
    dialog.reopen_button.click()  # already open: that window comes forward, no second one
    assert len(manager.compose_windows()) == 2


def test_drafts_dialog_follows_the_folder(qtbot, make_manager, app_paths_tmp):
    """A draft saved, or removed, while the list is shown appears or goes by itself."""
    folder = app_paths_tmp.drafts
    DraftStore(folder, new_draft_name()).save(Draft(subject="First", body="a"))
    manager = make_manager()
    manager.show_drafts()
    dialog = manager.drafts_dialog
    assert dialog.list.topLevelItemCount() == 1

    later = new_draft_name()
    DraftStore(folder, later).save(Draft(subject="Later", body="b"))  # another window, say
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 2, timeout=5000)
    subjects = {dialog.list.topLevelItem(i).text(0) for i in range(2)}
    assert subjects == {"First", "Later"}

    (folder / later).unlink()  # sent from its window
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=5000)
    assert dialog.list.topLevelItem(0).text(0) == "First"


def test_drafts_dialog_is_named(qtbot, make_manager, app_paths_tmp):
    from PySide6.QtWidgets import QAbstractButton, QLabel
    from test_accessibility import check, without_buddy
    from test_keyboard import duplicates, mnemonic

    DraftStore(app_paths_tmp.drafts, new_draft_name()).save(Draft(subject="S", body="b"))
    manager = make_manager()
    manager.show_drafts()
    dialog = manager.drafts_dialog
    check(dialog)
    assert without_buddy(dialog) == []
    texts = [w.text() for cls in (QAbstractButton, QLabel) for w in dialog.findChildren(cls)]
    keys = [(key, text) for text in texts if (key := mnemonic(text))]
    assert len(keys) >= 3 and duplicates(keys) == {}


def test_a_mail_link_opens_a_filled_compose_window_and_a_bad_one_says_why(qtbot, make_manager):
    from PySide6.QtWidgets import QMessageBox

    from composer.mail.mailto import MAX_MAILTO_LENGTH

    manager = make_manager()
    manager.start(
        [
            "mailto:anna@example.com?subject=Caf%C3%A9%20Friday&cc=bob@example.com&body=Hi%0AAnna",
            "mailto:x@example.com?body=" + "a" * MAX_MAILTO_LENGTH,
        ]
    )
    (window,) = manager.compose_windows()
    assert window.to_field.text() == "anna@example.com"
    assert window.cc_field.text() == "bob@example.com"
    assert window.subject_field.text() == "Café Friday"
    assert window.body.toPlainText() == "Hi\nAnna"
    (box,) = [w for w in manager.windows if isinstance(w, QMessageBox)]
    assert "too long" in box.text() and box.isVisible()
    # The link's message is a draft like any other, saved from the start.
    assert [s.draft.subject for s in saved_drafts(window.paths.drafts)] == ["Café Friday"]


def test_quit_closes_every_window_and_ends_the_app(qtbot, make_manager, app_paths_tmp):
    manager = make_manager()
    manager.start([])
    manager.windows[0].commands["new_message"].trigger()
    # a note about a missing file is a window too
    open_message_and_wait(manager, app_paths_tmp.drafts.parent / "none.eml")
    first, second = manager.compose_windows()
    second.body.setPlainText("kept")
    ended = []
    manager.sig_all_closed.connect(lambda: ended.append(True))
    first.commands["quit"].trigger()
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert manager.windows == []
    assert [s.draft.body for s in saved_drafts(app_paths_tmp.drafts)] == ["kept"]


def test_a_draft_another_running_composer_writes_is_listed_but_not_deletable(
    qtbot, make_manager, app_paths_tmp
):
    from composer.gui.draft_autosave import DraftLock

    name = new_draft_name()
    DraftStore(app_paths_tmp.drafts, name).save(Draft(subject="Theirs", body="b"))
    theirs = DraftLock(app_paths_tmp.drafts, name)  # held as another instance's window would
    assert theirs.acquire()
    manager = make_manager()
    manager.start([])
    assert [body_of(w) for w in manager.compose_windows()] == [""]  # not taken from them
    manager.show_drafts()
    dialog = manager.drafts_dialog
    item = dialog.list.topLevelItem(0)
    assert item.text(0) == "Theirs" and item.text(3) == "in another Composer"
    assert not dialog.delete_button.isEnabled() and not dialog.reopen_button.isEnabled()
    theirs.release()  # that Composer closed its window
    dialog.refresh()
    assert dialog.delete_button.isEnabled() and dialog.reopen_button.isEnabled()


def test_after_a_crash_with_many_drafts_the_newest_come_back_and_the_list_shows_all(
    qtbot, make_manager, app_paths_tmp
):
    import os

    from composer.gui.windows import MAX_REOPENED_AT_START

    for i in range(MAX_REOPENED_AT_START + 2):
        name = new_draft_name()
        DraftStore(app_paths_tmp.drafts, name).save(Draft(subject=f"d{i}", body="b"))
        os.utime(app_paths_tmp.drafts / name, (1000 + i, 1000 + i))
    manager = make_manager()
    manager.start([])
    subjects = {w.subject_field.text() for w in manager.compose_windows()}
    assert subjects == {f"d{i}" for i in range(2, MAX_REOPENED_AT_START + 2)}
    assert manager.drafts_dialog is not None and manager.drafts_dialog.isVisible()
    assert manager.drafts_dialog.list.topLevelItemCount() == MAX_REOPENED_AT_START + 2


def test_first_run_shows_the_welcome_page_and_a_choice_in_one_window_is_everyones(
    qtbot, make_manager
):
    manager = make_manager("", assistant="")
    manager.start([])
    first = manager.windows[0]
    assert first.welcome is not None and first.welcome.isVisibleTo(first)
    first.commands["new_message"].trigger()
    second = manager.compose_windows()[1]
    first.welcome.sig_no_assistant.emit()  # "No assistant" on the welcome page
    assert manager.settings.assistant == "off"
    assert not first.side.isVisibleTo(first)
    assert not second.side.isVisibleTo(second)  # the other window follows


def test_forget_everything_in_one_window_empties_the_others_too(qtbot, make_manager, app_paths_tmp):
    manager = make_manager()
    manager.start([])
    first = manager.windows[0]
    first.commands["new_message"].trigger()
    second = manager.compose_windows()[1]
    for window, text in ((first, "one"), (second, "two")):
        window.body.setPlainText(text)
        window.save_draft()
    first.forget_everything()  # what Yes in Settings > Privacy runs
    assert second.body.toPlainText() == "" and second.welcome is not None
    manager.close_all()
    qtbot.waitUntil(lambda: not manager.windows)
    assert saved_drafts(app_paths_tmp.drafts) == []  # nothing written back on close


def test_one_download_queue_and_one_models_window_for_all_windows(qtbot, make_manager):
    manager = make_manager()
    manager.start([])
    first = manager.windows[0]
    first.commands["new_message"].trigger()
    first, second = manager.compose_windows()
    assert first.services is second.services is manager.services
    assert first.side.downloads() is second.side.downloads()  # one queue, not one a window
    first.show_models()
    dialog = first.models_dialog
    assert dialog is not None and dialog.isVisible()
    second.show_models()  # File > Models in the other window raises the same one
    assert second.models_dialog is dialog
    qtbot.waitUntil(lambda: not dialog.is_working(), timeout=20_000)
    queue = manager.services.downloads()
    first.close()  # a window closing leaves the shared queue running
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1)
    assert manager.services.downloading and manager.services.downloads() is queue
    ended = []
    manager.sig_all_closed.connect(lambda: ended.append(True))
    second.close()
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert not manager.services.downloading  # the app's end pauses and ends it


def test_one_settings_window_acting_for_the_window_it_was_last_opened_from(
    qtbot, make_manager, app_paths_tmp
):
    from composer.mail.accounts import Account, AccountStore

    manager = make_manager()
    manager.start([])
    manager.windows[0].commands["new_message"].trigger()
    first, second = manager.compose_windows()
    first.show_settings()
    dialog = first.settings_dialog
    assert dialog is not None and dialog.parent() is first
    second.show_settings()  # the same window, now over the second one
    assert second.settings_dialog is dialog and dialog.parent() is second
    assert manager.services.settings_link.host is second
    # An account saved there reaches both windows' From lists.
    AccountStore(app_paths_tmp.config).save(
        [
            Account(id="a1", name="Anna", address="anna@example.org", host="smtp.example.org"),
            Account(id="b2", name="Bob", address="bob@example.org", host="smtp.example.org"),
        ]
    )
    dialog.accounts.sig_accounts_changed.emit("b2")
    for window in (first, second):
        assert window.sending.from_selector.count() == 2
    assert second.sending.account_id() == "b2"  # the window Settings acts for selects it
    # The window it acts for closes: the Settings window goes with it, the other stays usable.
    second.close()
    qtbot.waitUntil(lambda: manager.services.settings_link.dialog is None)
    first.show_settings()
    assert first.settings_dialog is not None and first.settings_dialog is not dialog
