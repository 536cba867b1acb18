"""Folder names in modified UTF-7, the IMAP data parser and the envelope line, without a server."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from composer.mail import imap_utf7
from composer.mail.accounts import Account, AccountStore
from composer.mail.imap_envelope import internal_date, summary
from composer.mail.imap_mailbox import message_id_of
from composer.mail.imap_parse import (
    MAX_DEPTH,
    MalformedResponse,
    fetch_items,
    parse_values,
    responses,
)


@pytest.mark.parametrize(
    ("name", "wire"),
    [
        ("INBOX", "INBOX"),
        ("Éléments envoyés", "&AMk-l&AOk-ments envoy&AOk-s"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),  # RFC 3501's own example
        ("Tom & Jerry", "Tom &- Jerry"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("😀", "&2D3eAA-"),  # outside the BMP: a surrogate pair
    ],
)
def test_modified_utf7_both_ways(name, wire):
    assert imap_utf7.encode(name) == wire
    assert imap_utf7.decode(wire) == name


@pytest.mark.parametrize(
    "wire", ["&", "a&b", "&AGE-", "&Jjo!", "&2D3-", "&A=-", "caf\u00e9", "&,,,,-"]
)
def test_invalid_modified_utf7_is_refused_but_still_readable(wire):
    with pytest.raises(imap_utf7.BadFolderName):
        imap_utf7.decode(wire)
    assert imap_utf7.readable(wire) == wire


def test_values_with_literals_quotes_and_nil():
    pieces = [
        (b"7 (UID 12 FLAGS (\\Seen $Label) BODY[HEADER.FIELDS (FROM)] {5}", b"ab\r\nc"),
        b' X "q\\"uo\\\\te" Y NIL)',
    ]
    number, items = fetch_items(pieces)
    assert number == 7
    assert items == {
        "UID": "12",
        "FLAGS": ["\\Seen", "$Label"],
        "BODY[HEADER.FIELDS (FROM)]": b"ab\r\nc",
        "X": b'q"uo\\te',
        "Y": None,
    }


def test_responses_are_cut_where_each_ends():
    data = [(b"1 (BODY[] {1}", b"x"), b")", b"2 (UID 5)", None]
    assert list(responses(data)) == [[(b"1 (BODY[] {1}", b"x"), b")"], [b"2 (UID 5)"]]


@pytest.mark.parametrize(
    "pieces",
    [
        [b"(" * (MAX_DEPTH + 2) + b")" * (MAX_DEPTH + 2)],
        [b'1 (UID "unterminated)'],
        [b"1 (UID 5"],
        [(b"1 (BODY[] {9}", b"short")],
        [b"1 (UID 5) {3}"],
        [b"1 (UID 5 FLAGS)"],  # a name without a value
        [b"1 ()) ("],
    ],
)
def test_malformed_answers_are_refused(pieces):
    with pytest.raises(MalformedResponse):
        fetch_items(pieces)


def test_many_items_are_refused_not_exhausting():
    with pytest.raises(MalformedResponse):
        parse_values([b"(" + b"a " * 200_000 + b")"])


ENVELOPE = (
    b'(UID 9 FLAGS (\\Seen \\Answered) RFC822.SIZE 2048 INTERNALDATE "01-Dec-2025 10:00:00 +0100" '
    b'ENVELOPE ("Mon, 1 Dec 2025 09:30:00 -0500" "=?utf-8?q?R=C3=A9union?=\x1b[2J" '
    b'(("=?iso-8859-1?q?Zo=EB?=" NIL "zoe" "example.org")) NIL NIL NIL NIL NIL NIL "<id@example.org>"))'
)


def test_an_envelope_becomes_a_list_line():
    _, items = fetch_items([b"3 " + ENVELOPE])
    line = summary("INBOX", 77, items)
    assert line is not None
    assert (line.ref.folder, line.ref.uidvalidity, line.ref.uid) == ("INBOX", 77, 9)
    assert line.sender == "Zoë" and line.sender_address == "zoe@example.org"
    assert line.subject == "Réunion [2J"  # the escape character made a space, then trimmed
    assert line.date == datetime(2025, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert line.seen and line.answered and line.size == 2048
    assert line.message_id == "<id@example.org>"


def test_a_broken_envelope_still_gives_a_line():
    _, items = fetch_items([b'4 (UID 10 ENVELOPE ("not a date" NIL ((NIL NIL "team" NIL)) NIL) '
                            b'INTERNALDATE "05-Jan-2026 08:00:00 +0000")'])  # fmt: skip
    line = summary("INBOX", 1, items)
    assert line is not None
    assert line.sender == "" and line.subject == ""
    assert line.date == datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
    assert summary("INBOX", 1, {"FLAGS": []}) is None  # no UID: not a line


def test_internal_dates():
    assert internal_date(b" 1-Feb-2024 23:59:59 -0030") == datetime(
        2024, 2, 1, 23, 59, 59, tzinfo=timezone(-timedelta(minutes=30))
    )
    assert internal_date(b"31-Feb-2024 00:00:00 +0000") is None
    assert internal_date(b"1-Foo-2024 00:00:00 +0000") is None


def test_message_id_of_the_header_block_only():
    assert message_id_of(b"Subject: x\r\nMessage-ID:\r\n <a.b@c>\r\n\r\nbody") == "<a.b@c>"
    assert message_id_of(b"Subject: x\r\n\r\nMessage-ID: <in@body>\r\n") == ""


def test_accounts_from_before_imap_still_load(tmp_path):
    store = AccountStore(tmp_path)
    store.path.write_text(
        '{"accounts": [{"id": "a", "name": "A", "address": "a@example.org", "host": "smtp.x", '
        '"port": 465, "security": "tls"}, {"id": "b", "name": "B", "address": "b@example.org", '
        '"host": "smtp.x", "port": 587, "security": "starttls", "imap_host": "imap.x", '
        '"imap_port": "993", "imap_security": "rot13", "save_drafts_on_server": "yes"}]}',
        encoding="utf-8",
    )
    old, odd = store.load()
    assert old.imap_host == "" and not old.has_imap and not old.save_drafts_on_server
    assert old.imap_login == "a@example.org"  # no user name at all: the address
    # A damaged IMAP side falls back to its defaults (never a weaker security).
    assert (odd.imap_port, odd.imap_security, odd.save_drafts_on_server) == (0, "tls", False)
    assert odd.imap_port_or_default == 993


def test_imap_side_round_trips(tmp_path):
    store = AccountStore(tmp_path)
    account = Account(
        id="a", name="A", address="a@example.org", host="smtp.x", username="anna",
        imap_host="imap.x", imap_port=0, imap_security="starttls", save_drafts_on_server=True,
    )  # fmt: skip
    store.save([account])
    [loaded] = store.load()
    assert loaded == account
    assert loaded.imap_port_or_default == 143 and loaded.imap_login == "anna"
