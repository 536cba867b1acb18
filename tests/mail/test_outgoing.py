"""The message built from a draft: headers, encodings, signature, attachments, .eml on disk."""

from __future__ import annotations

import email
import email.policy
import os
import stat
from datetime import datetime, timedelta, timezone

import pytest

from composer.mail.accounts import Account
from composer.mail.drafts import Draft
from composer.mail.outgoing import (
    build_message,
    envelope_recipients,
    message_bytes,
    save_eml,
    signature_block,
    with_signature,
)
from composer.messages import UserFacingError

ACCOUNT = Account(
    id="a1", name="Zoë Ørsted", address="zoe@bücher.example", host="h", signature="Zoë"
)
NOW = datetime(2026, 11, 28, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def parse(message) -> email.message.EmailMessage:
    return email.message_from_bytes(message_bytes(message), policy=email.policy.default)


def test_headers_encoded_and_bcc_only_in_the_envelope():
    draft = Draft(
        to='"Müller, Jürgen" <j@example.de>, b@münchen.example',
        cc="c@example.com",
        bcc="Secret <s@example.com>, B@München.example",
        subject="Grüße — été",
        body="Hallo",
        in_reply_to="<1@x>",
        references="<0@x>\n <1@x>",
    )
    message = build_message(draft, ACCOUNT, now=NOW)
    raw = message_bytes(message)
    assert raw.isascii()  # every header encoded; the body quoted-printable
    back = parse(message)
    assert str(back["Subject"]) == "Grüße — été"
    assert back["From"].addresses[0].display_name == "Zoë Ørsted"
    assert back["From"].addresses[0].domain == "xn--bcher-kva.example"
    assert [a.display_name for a in back["To"].addresses] == ["Müller, Jürgen", ""]
    assert back["Bcc"] is None and b"s@example.com" not in raw
    assert back["Date"] == "Sat, 28 Nov 2026 09:30:00 +0100"
    assert back["Message-ID"].endswith("@xn--bcher-kva.example>")
    assert back["In-Reply-To"] == "<1@x>" and back["References"] == "<0@x> <1@x>"
    assert envelope_recipients(draft) == [
        "j@example.de",
        "b@xn--mnchen-3ya.example",
        "c@example.com",
        "s@example.com",
    ]  # the second München address is the same mailbox


def test_the_body_is_sent_as_written_the_signature_added_by_the_window_only():
    message = build_message(Draft(to="a@b.example", body="Hi"), ACCOUNT, now=NOW)
    assert parse(message).get_body(("plain",)).get_content().replace("\r\n", "\n") == "Hi\n"


@pytest.mark.parametrize(
    ("typed", "block"),
    [
        ("Anna", "-- \nAnna"),
        ("-- \nAnna\nAcme", "-- \nAnna\nAcme"),  # typed with its separator: one, not two
        ("--\r\nAnna", "-- \nAnna"),
        ("\n\n", ""),
        ("-- ", ""),
    ],
)
def test_signature_block_has_one_separator(typed, block):
    assert signature_block(typed) == block


def test_the_signature_goes_under_the_users_text_and_above_the_quote():
    block = "-- \nAnna"
    assert with_signature("", block) == "\n\n-- \nAnna\n"
    reply = "\n\nOn Friday, Tom wrote:\n> See you\n"
    assert with_signature(reply, block) == "\n\n-- \nAnna\n\nOn Friday, Tom wrote:\n> See you\n"
    assert with_signature("Text from a link", block) == "Text from a link\n\n-- \nAnna\n"
    assert with_signature("x", "") == "x"


def test_attachments_types_and_rfc2231_names(tmp_path):
    pdf = tmp_path / "rapport été.pdf"
    pdf.write_bytes(b"%PDF-1.4 data")
    unknown = tmp_path / "blob.zzz-unknown"
    unknown.write_bytes(b"\x00\x01")
    draft = Draft(to="a@b.example", body="x", attachments=(str(pdf), str(unknown)))
    back = parse(build_message(draft, None, now=NOW))
    parts = list(back.iter_attachments())
    assert [p.get_content_type() for p in parts] == ["application/pdf", "application/octet-stream"]
    assert parts[0].get_filename() == "rapport été.pdf"
    assert b"filename*=utf-8''rapport%20%C3%A9t%C3%A9.pdf" in message_bytes(
        build_message(draft, None)
    )
    assert parts[0].get_content() == pdf.read_bytes()
    assert back["From"].addresses[0].addr_spec == "me@localhost"  # no account yet


def test_missing_attachment_names_the_file(tmp_path):
    gone = tmp_path / "gone.txt"
    with pytest.raises(UserFacingError, match="gone.txt"):
        build_message(Draft(to="a@b.example", attachments=(str(gone),)), ACCOUNT)


def test_save_eml_private_and_parsable(tmp_path):
    path = tmp_path / "out.eml"
    message = build_message(Draft(to="a@b.example", subject="Ça va", body="oui"), ACCOUNT)
    save_eml(message, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    back = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert str(back["Subject"]) == "Ça va"


def test_invalid_addresses_named_per_field():
    from composer.mail.outgoing import invalid_addresses

    draft = Draft(to="ok@example.com; anna@example", cc="", bcc="Bob <bob at example.com>")
    assert invalid_addresses(draft) == {"to": ["anna@example"], "bcc": ["Bob <bob at example.com>"]}
    assert invalid_addresses(Draft(to="a@b.example")) == {}
