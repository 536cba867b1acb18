"""The user's own mailbox on a real Dovecot: Sent copies, drafts replaced, the inbox, every error."""

from __future__ import annotations

import ssl
import threading
import time

import pytest
from helpers.imap_server import HOST, PASSWORD, call

from composer.mail import imap_mailbox
from composer.mail.drafts import Draft
from composer.mail.imap_client import connect
from composer.mail.imap_errors import ImapError
from composer.mail.imap_folders import DRAFTS, SENT, find_folder, list_folders
from composer.mail.imap_mailbox import (
    append_sent,
    fetch_message,
    mark_answered,
    recent_messages,
    save_draft,
)
from composer.mail.outgoing import build_message, message_bytes


def sent_bytes(account, subject="Réunion — résumé", body="Bonjour,\n\nvoici le résumé.\n") -> bytes:
    draft = Draft(to="bob@example.net", bcc="hidden@example.com", subject=subject, body=body)
    message = build_message(draft, account)
    message["Bcc"] = draft.bcc  # the Sent copy keeps Bcc, the wire does not
    return message_bytes(message)


def message_id_header(data: bytes) -> bytes:
    return next(line for line in data.split(b"\r\n") if line.startswith(b"Message-ID: "))


def options(server):
    return {"ssl_context": server.client_context, "timeout": 10}


def failure(callable_, *args, **kwargs) -> ImapError:
    with pytest.raises(ImapError) as info:
        call(callable_, *args, **kwargs)
    return info.value


# -- Sent ------------------------------------------------------------------------------------


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_sent_copy_found_by_special_use_is_stored_exactly_and_read(dovecot, security):
    user = dovecot.user()
    account = dovecot.account(user, security)
    data = sent_bytes(account)

    copy = call(append_sent, account, PASSWORD, data, **options(dovecot))

    assert copy.folder == "Sent" and copy.folder_name == "Sent"
    [stored] = dovecot.peek(user, "Sent")
    assert stored.data == data  # the exact bytes, Bcc included
    assert b"hidden@example.com" in stored.data
    assert stored.flags == {"\\Seen"}
    assert copy.uid == stored.uid and copy.uidvalidity
    assert copy.message_id and copy.message_id.encode() in data
    assert dovecot.peek(user, "INBOX") == []


def test_sent_copy_found_by_name_when_nothing_is_marked(dovecot_plain_names):
    server = dovecot_plain_names
    user = server.user()
    server.create(user, "Sent Items")
    server.create(user, "Archive")
    account = server.account(user)

    copy = call(append_sent, account, PASSWORD, sent_bytes(account), **options(server))

    assert copy.folder == "Sent Items"
    [stored] = server.peek(user, "Sent Items")
    assert stored.flags == {"\\Seen"}


def test_no_sent_folder_is_folder_missing(dovecot_plain_names):
    server = dovecot_plain_names
    user = server.user()
    account = server.account(user)
    error = failure(append_sent, account, PASSWORD, sent_bytes(account), **options(server))
    assert error.kind == "folder_missing"
    assert "No Sent folder was found on 127.0.0.1" in str(error)
    assert "Sent Items" in str(error)  # the names that were looked for


def test_folder_names_in_modified_utf7_are_read(dovecot_plain_names):
    server = dovecot_plain_names
    user = server.user()
    server.create(user, "&AMk-l&AOk-ments envoy&AOk-s")  # Éléments envoyés
    with connect(server.account(user), PASSWORD, **options(server)) as session:
        names = {f.name: f.wire for f in list_folders(session)}
        assert names["Éléments envoyés"] == "&AMk-l&AOk-ments envoy&AOk-s"
        with pytest.raises(ImapError) as info:
            find_folder(session, DRAFTS)
        assert info.value.kind == "folder_missing"


def test_special_use_list_finds_both_folders(dovecot):
    user = dovecot.user()
    with connect(dovecot.account(user), PASSWORD, **options(dovecot)) as session:
        assert "SPECIAL-USE" in session.capabilities
        assert find_folder(session, SENT).wire == "Sent"
        assert find_folder(session, DRAFTS).wire == "Drafts"


# -- Drafts ----------------------------------------------------------------------------------


def test_a_draft_replaces_its_previous_copy(dovecot):
    user = dovecot.user()
    account = dovecot.account(user)
    first = sent_bytes(account, subject="Brouillon", body="Premier jet.\n")
    second = sent_bytes(account, subject="Brouillon", body="Second jet, plus long.\n")

    copy1 = call(save_draft, account, PASSWORD, first, **options(dovecot))
    [stored] = dovecot.peek(user, "Drafts")
    assert stored.data == first and stored.flags == {"\\Draft", "\\Seen"}
    assert copy1.uid == stored.uid

    copy2 = call(save_draft, account, PASSWORD, second, previous=copy1, **options(dovecot))
    [stored] = dovecot.peek(user, "Drafts")  # the old copy is gone, not just flagged
    assert stored.data == second and stored.uid == copy2.uid != copy1.uid
    assert copy2.left_behind == ()


def test_a_draft_whose_uid_is_unknown_is_found_by_message_id(dovecot):
    user = dovecot.user()
    account = dovecot.account(user)
    copy1 = call(
        save_draft, account, PASSWORD, sent_bytes(account, body="First.\n"), **options(dovecot)
    )
    # As after a server without UIDPLUS: no UID, only the Message-ID to go by.
    lost = imap_mailbox.StoredCopy(copy1.folder, copy1.folder_name, None, None, copy1.message_id)
    other = sent_bytes(account, body="Another draft.\n")
    dovecot.fill(user, "Drafts", [other], "(\\Draft)")

    again = sent_bytes(account, body="Again.\n").replace(
        message_id_header(sent_bytes(account)), f"Message-ID: {copy1.message_id}".encode()
    )
    call(save_draft, account, PASSWORD, again, previous=lost, **options(dovecot))

    assert sorted(p.data for p in dovecot.peek(user, "Drafts")) == sorted([other, again])


# -- the inbox -------------------------------------------------------------------------------


def inbox_message(n: int) -> bytes:
    return (
        f"From: =?utf-8?q?Sender_N=C2=B0{n}?= <s{n}@example.com>\r\n"
        f"To: anna@example.org\r\n"
        f"Subject: =?utf-8?q?Message_n=C2=B0_{n}?=\r\n"
        f"Date: Mon, 1 Dec 2025 10:{n:02d}:00 +0100\r\n"
        f"Message-ID: <m{n}@example.com>\r\n"
        f"\r\n"
        f"Body {n}\r\n"
    ).encode()


def test_the_newest_50_of_60_newest_first_and_none_marked_read(dovecot):
    user = dovecot.user()
    dovecot.fill(user, "INBOX", [inbox_message(n) for n in range(60)])
    account = dovecot.account(user)

    listed = call(recent_messages, account, PASSWORD, **options(dovecot))

    assert len(listed) == 50
    assert [m.subject for m in listed[:2]] == ["Message n° 59", "Message n° 58"]
    assert listed[-1].subject == "Message n° 10"
    first = listed[0]
    assert first.sender == "Sender N°59" and first.sender_address == "s59@example.com"
    assert first.date is not None and first.date.isoformat() == "2025-12-01T10:59:00+01:00"
    assert first.size == len(inbox_message(59)) and first.message_id == "<m59@example.com>"
    assert not first.seen and not first.answered
    assert len({m.ref.uid for m in listed}) == 50

    raw = call(fetch_message, account, PASSWORD, first.ref, **options(dovecot))
    assert raw == inbox_message(59)
    assert all(flags == set() for flags in dovecot.flags(user, "INBOX").values())  # still unread

    call(mark_answered, account, PASSWORD, first.ref, **options(dovecot))
    flags = dovecot.flags(user, "INBOX")
    assert flags[first.ref.uid] == {"\\Answered"}
    assert sum(1 for f in flags.values() if f) == 1
    again = call(recent_messages, account, PASSWORD, limit=1, **options(dovecot))
    assert again[0].answered and not again[0].seen


def test_an_empty_inbox_lists_nothing(dovecot):
    user = dovecot.user()
    assert call(recent_messages, dovecot.account(user), PASSWORD, **options(dovecot)) == []


def test_a_message_too_large_to_open_is_not_downloaded(dovecot):
    user = dovecot.user()
    dovecot.fill(user, "INBOX", [inbox_message(1)])
    account = dovecot.account(user)
    [line] = call(recent_messages, account, PASSWORD, **options(dovecot))
    error = failure(fetch_message, account, PASSWORD, line.ref, max_size=50, **options(dovecot))
    assert error.kind == "too_large"


def test_a_message_whose_folder_changed_is_gone(dovecot):
    user = dovecot.user()
    dovecot.fill(user, "INBOX", [inbox_message(1)])
    account = dovecot.account(user)
    [line] = call(recent_messages, account, PASSWORD, **options(dovecot))
    stale = imap_mailbox.MessageRef(line.ref.folder, line.ref.uidvalidity + 1, line.ref.uid)
    assert (
        failure(fetch_message, account, PASSWORD, stale, **options(dovecot)).kind == "message_gone"
    )
    missing = imap_mailbox.MessageRef(line.ref.folder, line.ref.uidvalidity, line.ref.uid + 100)
    assert (
        failure(mark_answered, account, PASSWORD, missing, **options(dovecot)).kind
        == "message_gone"
    )


# -- errors ----------------------------------------------------------------------------------


def test_wrong_password_is_auth(dovecot_factory):
    server = dovecot_factory()  # its own: Dovecot then slows every login from here
    error = failure(recent_messages, server.account(server.user()), "wrong", **options(server))
    assert error.kind == "auth"
    assert "user name or password" in str(error) and HOST in str(error)
    assert "AUTHENTICATIONFAILED" in str(error)  # the server's own words, quoted


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_untrusted_certificate(dovecot, security):
    user = dovecot.user()
    account = dovecot.account(user, security)
    error = failure(recent_messages, account, PASSWORD, ssl_context=ssl.create_default_context())
    assert error.kind == "tls_untrusted"
    assert f"certificate of {HOST} is not trusted" in str(error)


def test_certificate_for_another_name(dovecot_factory):
    server = dovecot_factory(cert_names=("mail.example.test",))
    error = failure(recent_messages, server.account(server.user()), PASSWORD, **options(server))
    assert error.kind == "tls_hostname"
    assert "another name than 127.0.0.1" in str(error)


def test_implicit_tls_port_spoken_to_in_plain(dovecot):
    account = dovecot.account(dovecot.user(), "starttls", imap_port=dovecot.imaps_port)
    # The TLS server waits for a handshake, the client for a greeting.
    error = failure(
        recent_messages, account, PASSWORD, ssl_context=dovecot.client_context, timeout=1
    )
    assert error.kind in ("dropped", "timeout", "unreadable_answer", "server_said")


def test_closed_port_is_unreachable(dovecot, closed_port):
    account = dovecot.account(dovecot.user(), imap_port=closed_port)
    error = failure(recent_messages, account, PASSWORD, **options(dovecot))
    assert error.kind == "unreachable"
    assert f"{HOST}:{closed_port}" in str(error)


def test_no_imap_server_set(dovecot):
    account = dovecot.account("x", imap_host="")
    assert failure(recent_messages, account, PASSWORD).kind == "unreachable"


def test_cancel_before_and_during(dovecot, silent_server):
    user = dovecot.user()
    cancel = threading.Event()
    cancel.set()
    error = failure(
        recent_messages, dovecot.account(user), PASSWORD, cancel=cancel, **options(dovecot)
    )
    assert error.kind == "cancelled"

    # A server that never answers: Cancel ends the wait long before the timeout.
    cancel = threading.Event()
    account = dovecot.account(user, "starttls", imap_port=silent_server)
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    error = failure(
        recent_messages,
        account,
        PASSWORD,
        cancel=cancel,
        ssl_context=dovecot.client_context,
        timeout=30,
    )
    assert error.kind == "cancelled"
    assert time.monotonic() - started < 20


def test_a_session_does_several_things(dovecot):
    user = dovecot.user()
    account = dovecot.account(user)
    dovecot.fill(user, "INBOX", [inbox_message(n) for n in range(3)])
    with connect(account, PASSWORD, **options(dovecot)) as session:
        listed = imap_mailbox.list_recent(session, 2)
        assert [m.subject for m in listed] == ["Message n° 2", "Message n° 1"]
        assert imap_mailbox.read_message(session, listed[1].ref) == inbox_message(1)
        imap_mailbox.store_sent(session, sent_bytes(account))
        imap_mailbox.flag_answered(session, listed[1].ref)
    assert len(dovecot.peek(user, "Sent")) == 1
