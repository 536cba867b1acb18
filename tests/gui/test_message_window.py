"""Opening messages: the message window on real-world files, reply and forward, broken files."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from helpers.compose import open_message_and_wait
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from composer import i18n
from composer.gui.compose_window import ComposeWindow
from composer.gui.message_window import MessageWindow

CORPUS = Path(__file__).parents[1] / "fixtures" / "mail"


def open_one(manager, name: str) -> MessageWindow:
    window = open_message_and_wait(manager, CORPUS / name)
    assert isinstance(window, MessageWindow) and window.isVisible()
    return window


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.eml")))
def test_every_corpus_message_opens(qtbot, make_manager, name):
    manager = make_manager()
    window = open_one(manager, name)
    assert window.windowTitle()
    assert window.text.isReadOnly()
    shown_problems = window.problems_note.isVisibleTo(window)
    assert shown_problems == bool(window.message.problems or window.message.body_from_html)


def test_headers_body_and_attachments_are_shown_and_saved(qtbot, make_manager, tmp_path):
    window = open_one(make_manager(), "gmail_pdf_attachment.eml")
    assert window.from_field.text() == "Zoë García <zoe.garcia@gmail.com>"
    assert "li.ming@example.cn" in window.to_field.text()
    assert window.subject_field.text() == "Tickets for Saturday 🎉"
    assert window.date_field.text()
    assert "see you at the café at 7!" in window.text.toPlainText()
    assert not window.cc_field.isVisibleTo(window)
    assert window.attachments.count() == 1
    assert window.attachments.item(0).text().startswith("tickets-saturday.pdf (")
    target = tmp_path / "saved.pdf"
    job = window.save_attachment(0, target)  # written on a thread: the window goes on
    qtbot.waitUntil(lambda: not job.running)
    assert window.statusBar().currentMessage() == "Saved saved.pdf."
    assert target.read_bytes() == window.message.attachments[0].data
    job = window.save_attachment(0, target / "x.pdf")  # a file is no folder
    qtbot.waitUntil(lambda: not job.running)
    assert window.statusBar().currentMessage().startswith("Could not save x.pdf: ")  # said why


def test_a_damaged_message_shows_what_could_be_read_and_says_what_could_not(qtbot, make_manager):
    window = open_one(make_manager(), "broken_base64.eml")
    note = window.problems_note.text()
    assert "damaged" in note and "protokoll.pdf" in note
    assert window.text.toPlainText().strip()
    assert window.attachments.count() == 1


def test_a_file_that_is_no_message_gets_a_clear_sentence(qtbot, make_manager, tmp_path):
    manager = make_manager()
    not_mail = tmp_path / "notes.eml"
    not_mail.write_bytes(b"\x00\x01 nothing like an email")
    assert open_message_and_wait(manager, not_mail) is None
    assert open_message_and_wait(manager, tmp_path / "missing.eml") is None
    boxes = [w for w in manager.windows if isinstance(w, QMessageBox)]
    assert len(boxes) == 2 and all(b.objectName() == "openProblemBox" for b in boxes)
    assert all(b.text() and b.isVisible() for b in boxes)


def test_open_items_route_messages_and_links_and_a_bad_one_leaves_the_others(qtbot, make_manager):
    manager = make_manager()
    good = CORPUS / "thunderbird_flowed.eml"
    manager.start([str(good), good.as_uri(), str(CORPUS / "nope.eml")])
    qtbot.waitUntil(lambda: len(manager.windows) == 3, timeout=30_000)
    kinds = [type(w).__name__ for w in manager.windows]
    assert kinds.count("MessageWindow") == 2  # a path and a file:// URL (desktop %U)
    assert kinds.count("QMessageBox") == 1
    assert kinds.count("ComposeWindow") == 0  # items given: no empty compose window


def test_dropped_or_chosen_files_open_message_windows(qtbot, make_manager):
    manager = make_manager()
    manager.start([])
    compose = manager.windows[0]
    compose.sig_open_message_files.emit([str(CORPUS / "no_date.eml")])
    qtbot.waitUntil(lambda: len(manager.windows) == 2, timeout=30_000)
    assert [type(w) for w in manager.windows] == [ComposeWindow, MessageWindow]


def test_reply_opens_a_compose_window_in_the_conversation_that_survives_autosave(
    qtbot, make_manager
):
    manager = make_manager()
    message = open_one(manager, "gmail_pdf_attachment.eml")
    message.reply_action.trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1)
    (reply,) = manager.compose_windows()
    assert reply.to_field.text() == "Zoë García <zoe.garcia@gmail.com>"
    assert reply.cc_field.text() == ""
    assert reply.subject_field.text() == "Re: Tickets for Saturday 🎉"
    body = reply.body.toPlainText()
    assert "Zoë García wrote:" in body and "> Hey both," in body
    draft = reply.current_draft()
    assert draft.in_reply_to == "<CAHk9Zr2pQ8hV4=dKs1t+Lx0@mail.gmail.com>"
    assert draft.references.split() == ["<CAF1x@mail.gmail.com>", draft.in_reply_to]
    reply.save_draft()
    name = reply.autosave.store.path.name
    reply.close()
    qtbot.waitUntil(lambda: not manager.compose_windows())
    again = manager.new_compose(draft_name=name)  # File > Drafts > Open
    assert again.current_draft() == draft  # the conversation came back with the text


def test_reply_all_leaves_out_the_users_own_address(qtbot, make_manager, app_paths_tmp):
    from composer.mail.accounts import Account, AccountStore

    me = Account(id="a1", name="Anna", address="Anna.Schmidt@fabrikam.example", host="smtp.x")
    AccountStore(app_paths_tmp.config).save([me])
    manager = make_manager()
    message = open_one(manager, "outlook_alternative_1252.eml")
    message.reply_all_action.trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1)
    (reply,) = manager.compose_windows()
    everyone = reply.to_field.text() + ", " + reply.cc_field.text()
    assert "mark.thompson@contoso.example" in reply.to_field.text()
    assert "finance@contoso.example" in everyone and "bob@fabrikam.example" in everyone
    assert "anna.schmidt" not in everyone.lower()
    assert reply.subject_field.text() == "Re: Invoice Q1 – final numbers"  # not "Re: RE:"


def test_forward_keeps_the_attachments_and_the_text(qtbot, make_manager, app_paths_tmp):
    manager = make_manager()
    message = open_one(manager, "gmail_pdf_attachment.eml")
    message.forward_action.trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1)
    (forward,) = manager.compose_windows()
    assert forward.subject_field.text() == "Fwd: Tickets for Saturday 🎉"
    assert forward.to_field.text() == ""
    body = forward.body.toPlainText()
    assert "Forwarded message" in body and "see you at the café" in body
    (copied,) = forward.current_draft().attachments
    assert Path(copied).read_bytes() == message.message.attachments[0].data
    assert Path(copied).is_relative_to(app_paths_tmp.drafts)  # private, forgotten with drafts
    assert forward.current_draft().in_reply_to == ""


@pytest.fixture
def french(qapp):
    default = QLocale()
    assert i18n.install_translators("fr") == "fr"
    yield
    i18n.remove_translators()
    QLocale.setDefault(default)


def test_reply_and_forward_in_french(qtbot, make_manager, french):
    manager = make_manager()
    message = open_one(manager, "gmail_pdf_attachment.eml")
    message.reply_action.trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1)
    message.forward_action.trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 2)
    reply, forward = manager.compose_windows()
    assert "Zoë García a écrit :" in reply.body.toPlainText()
    assert "mars 2025" in reply.body.toPlainText()  # the date in French words
    assert "Message transféré" in forward.body.toPlainText()


def test_message_window_is_named_and_its_mnemonics_unique_in_both_languages(
    qtbot, make_manager, french
):
    from test_accessibility import check, without_buddy
    from test_keyboard import duplicates, window_mnemonics

    window = open_one(make_manager(), "gmail_pdf_attachment.eml")  # in French (fixture)
    check(window)
    assert without_buddy(window) == []
    assert duplicates(window_mnemonics(window)) == {}
    assert window.from_field.accessibleName() == "De"
    assert window.reply_action.shortcut().toString() == "Ctrl+R"
    i18n.remove_translators()
    english = open_one(make_manager(), "gmail_pdf_attachment.eml")
    check(english)
    assert duplicates(window_mnemonics(english)) == {}


def test_discarding_a_forward_removes_its_copies_of_the_attachments(qtbot, make_manager):
    manager = make_manager()
    open_one(manager, "gmail_pdf_attachment.eml").forward_action.trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1)
    (forward,) = manager.compose_windows()
    (copied,) = forward.current_draft().attachments
    forward.save_draft()
    forward.discard_message(confirm=False)
    assert not Path(copied).exists()


def test_an_eml_dropped_on_a_compose_window_opens_in_a_message_window(qtbot, make_manager):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    manager = make_manager()
    manager.start([])
    (compose,) = manager.compose_windows()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(CORPUS / "iso2022jp.eml"))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    compose.dropEvent(drop)
    qtbot.waitUntil(lambda: any(isinstance(w, MessageWindow) for w in manager.windows))
    (opened,) = [w for w in manager.windows if isinstance(w, MessageWindow)]
    assert opened.path == CORPUS / "iso2022jp.eml"
    assert compose.current_draft().attachments == ()  # opened, not attached


def _newsletter(path: Path, rows: int) -> Path:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "news@shop.example", "me@x.org", "Soldes"
    row = "<tr><td><a href='https://shop.example/p'>Article</a></td><td><b>12,00 €</b></td></tr>"
    message.set_content(f"<html><body><table>{row * rows}</table></body></html>", subtype="html")
    path.write_bytes(bytes(message))
    return path


def test_a_small_message_is_read_on_a_thread_too(qtbot, make_manager, tmp_path):
    """Small files are parsed off the GUI thread as well (nested parts under 256 KB held
    the parser for seconds): open_message() returns before the message is read."""
    manager = make_manager()
    path = _newsletter(tmp_path / "soldes.eml", rows=30)
    job = manager.open_message(path)
    assert QApplication.overrideCursor() is not None  # reading, not read
    assert not any(isinstance(w, MessageWindow) for w in manager.windows)
    qtbot.waitUntil(lambda: not job.running)
    (window,) = [w for w in manager.windows if isinstance(w, MessageWindow)]
    assert window.text.toPlainText().count("Article") == 30
    assert QApplication.overrideCursor() is None


def test_a_big_newsletter_opens_while_the_windows_go_on(qtbot, make_manager, tmp_path):
    """A big HTML message is read on a thread: meanwhile this thread's events go on
    (read at once, the GUI thread would be stuck in the HTML parser throughout)."""
    manager = make_manager()
    path = _newsletter(tmp_path / "soldes.eml", rows=8000)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(QApplication.overrideCursor() is not None))
    timer.start(5)
    window = open_message_and_wait(manager, path)
    timer.stop()
    assert isinstance(window, MessageWindow) and window.isVisible()
    assert window.text.toPlainText().count("Article") == 8000
    assert ticks.count(True) >= 3  # events went on, under a busy cursor
    assert QApplication.overrideCursor() is None


def test_a_big_file_that_is_no_message_still_gets_its_sentence(qtbot, make_manager, tmp_path):
    manager = make_manager()
    not_mail = tmp_path / "dump.eml"
    not_mail.write_bytes(b"\x00\x01" * 300_000)
    assert open_message_and_wait(manager, not_mail) is None
    [box] = [w for w in manager.windows if isinstance(w, QMessageBox)]
    assert box.objectName() == "openProblemBox" and box.text()


def test_a_huge_one_line_message_shows_its_beginning_in_short_lines_with_a_note(
    qtbot, make_manager, tmp_path
):
    from composer.gui.message_window import MAX_SHOWN_CHARS
    from composer.mail.long_lines import MAX_LINE_CHARS

    path = tmp_path / "one-line.eml"
    path.write_bytes(
        b"From: a@example.org\nSubject: big\n\n" + b"x" * (3 * MAX_SHOWN_CHARS) + b"\n"
    )
    window = open_message_and_wait(make_manager(), path)
    shown = window.text.toPlainText()
    assert len(shown) <= MAX_SHOWN_CHARS + MAX_SHOWN_CHARS // MAX_LINE_CHARS
    assert max(map(len, shown.split("\n"))) <= MAX_LINE_CHARS
    assert "too long to show whole" in window.problems_note.text()
    assert window.problems_note.isVisibleTo(window)
    assert len(window.message.body) == 3 * MAX_SHOWN_CHARS  # the message itself is whole


def test_tens_of_thousands_of_attachments_are_listed_in_part_and_forwarded_whole(
    qtbot, make_manager, tmp_path
):
    from helpers.hostile_mail import _with_attachments

    from composer.gui.message_window import MAX_LISTED_ATTACHMENTS

    path = tmp_path / "files.eml"
    path.write_bytes(_with_attachments(MAX_LISTED_ATTACHMENTS + 500))
    manager = make_manager()
    window = open_message_and_wait(manager, path)
    assert window.attachments.count() == MAX_LISTED_ATTACHMENTS + 1
    assert "500" in window.attachments.item(MAX_LISTED_ATTACHMENTS).text()
    window.forward_action.trigger()
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1, timeout=30_000)
    (forward,) = manager.compose_windows()
    (attached,) = forward.current_draft().attachments
    assert Path(attached).read_bytes() == path.read_bytes()


def test_reply_all_to_thousands_is_refused_with_the_count_and_the_fields_stay_short(
    qtbot, make_manager, tmp_path
):
    from composer.gui.message_window import MAX_LISTED_ADDRESSES

    cc = ", ".join(f"U {i} <u{i}@example.org>" for i in range(5_000))
    path = tmp_path / "crowd.eml"
    path.write_bytes(
        f"From: a@example.org\nTo: me@example.com\nCc: {cc}\nSubject: x\n\nhi\n".encode()
    )
    manager = make_manager()
    window = open_message_and_wait(manager, path)
    assert window.cc_field.text().count("@") == MAX_LISTED_ADDRESSES
    assert "4,800" in window.cc_field.text() or "4800" in window.cc_field.text()
    window.reply_all_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "forwardProblemBox") is not None)
    box = window.findChild(QMessageBox, "forwardProblemBox")
    assert "5002" in box.text() and "1000" in box.text()  # sender, me, 5,000 in Cc
    assert manager.compose_windows() == []
    window.reply_action.trigger()  # the sender alone is fine
    qtbot.waitUntil(lambda: len(manager.compose_windows()) == 1)
