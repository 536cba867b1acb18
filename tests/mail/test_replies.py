"""Reply, Reply all and Forward on real-world messages: recipients, subject, quote, thread."""

from __future__ import annotations

import re
import stat
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.mail_corpus import CORPUS, EXPECTED, FILES, Expected, damaged

from composer.mail.accounts import Account
from composer.mail.addresses import Address, idna_address, parse_address_list
from composer.mail.drafts import Draft, DraftStore, new_draft_name
from composer.mail.message import OpenedMessage, parse_message, read_message
from composer.mail.outgoing import build_message, message_bytes
from composer.mail.replies import (
    MAX_REFERENCES,
    ForwardError,
    ForwardLabels,
    format_date,
    forward_draft,
    forward_subject,
    quote_body,
    reply_draft,
    reply_references,
    reply_subject,
)

ME = "me@example.org"
PARIS = timezone(timedelta(hours=1))


def _message(**fields: object) -> OpenedMessage:
    base = OpenedMessage(
        subject="Lunch",
        sender=Address("Anna Berg", "anna@example.com"),
        to=(Address("Me", ME), Address("Bob", "bob@example.com")),
        cc=(Address("Carl", "carl@example.com"), Address("", "ME@EXAMPLE.ORG")),
        date=datetime(2025, 3, 3, 10, 2, 59, tzinfo=PARIS),
        message_id="<m2@example.com>",
        body="Are you free?\n\n> Earlier text\n>> older\n\nAnna   ",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def _addrs(field: str) -> list[str]:
    valid, invalid = parse_address_list(field)
    assert invalid == []
    return [a.addr for a in valid]


# --- Subjects -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Lunch", "Re: Lunch"),
        ("Re: Lunch", "Re: Lunch"),
        ("RE: Lunch", "Re: Lunch"),
        ("re : Lunch", "Re: Lunch"),
        ("Re: Re: RE:Lunch", "Re: Lunch"),
        ("Re[2]: Lunch", "Re: Lunch"),
        ("Re(3): Lunch", "Re: Lunch"),
        ("AW: Re: Lunch", "Re: Lunch"),
        ("SV: Lunch", "Re: Lunch"),
        ("Fwd: Lunch", "Re: Fwd: Lunch"),  # the forward is part of what is answered
        ("Re: Fwd: Lunch", "Re: Fwd: Lunch"),
        ("Réponse: Lunch", "Re: Réponse: Lunch"),  # not a marker: a word of the subject
        ("Recipe: cake", "Re: Recipe: cake"),
        ("  Lunch   at\tnoon ", "Re: Lunch at noon"),
        ("", "Re:"),
    ],
)
def test_reply_subject(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


def test_reply_subject_with_a_translated_prefix() -> None:
    assert reply_subject("AW: Mittag", "AW: ") == "AW: Mittag"
    assert reply_subject("Re: Mittag", "AW: ") == "AW: Mittag"
    assert reply_subject("RÉF : Déjeuner", "Réf : ") == "Réf : Déjeuner"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Lunch", "Fwd: Lunch"),
        ("Fwd: Lunch", "Fwd: Lunch"),
        ("FW: Fwd: fw:Lunch", "Fwd: Lunch"),
        ("WG: Lunch", "Fwd: Lunch"),
        ("Re: Lunch", "Fwd: Re: Lunch"),
        ("Fwd: Re: Lunch", "Fwd: Re: Lunch"),
    ],
)
def test_forward_subject(subject: str, expected: str) -> None:
    assert forward_subject(subject) == expected


# --- Recipients -------------------------------------------------------------------


def test_reply_goes_to_the_sender() -> None:
    draft = reply_draft(_message(), own_addresses=[ME])
    assert draft.to == "Anna Berg <anna@example.com>" and draft.cc == ""


def test_reply_goes_to_reply_to() -> None:
    message = _message(reply_to=(Address("List", "list@example.net"),))
    assert reply_draft(message, own_addresses=[ME]).to == "List <list@example.net>"


def test_reply_to_own_message_goes_to_its_recipients() -> None:
    message = _message(sender=Address("Me", "Me@Example.org"))
    draft = reply_draft(message, own_addresses=[ME])
    assert _addrs(draft.to) == ["bob@example.com"]


def test_reply_to_a_note_to_oneself_stays_with_oneself() -> None:
    message = _message(sender=Address("Me", ME), to=(Address("Me", ME),), cc=())
    assert _addrs(reply_draft(message, own_addresses=[ME]).to) == [ME]


def test_reply_all_without_own_address_and_duplicates() -> None:
    message = _message(
        to=(Address("Me", ME), Address("Bob", "bob@example.com"), Address("A", "ANNA@example.com")),
        cc=(
            Address("Carl", "carl@example.com"),
            Address("", "me@EXAMPLE.org"),
            Address("B", "Bob@Example.com"),
        ),
    )
    draft = reply_draft(message, own_addresses=[ME, "other-me@example.org"], reply_all=True)
    assert draft.to == "Anna Berg <anna@example.com>, Bob <bob@example.com>"
    assert draft.cc == "Carl <carl@example.com>"


def test_reply_all_when_only_cc_is_left() -> None:
    message = _message(
        sender=Address("Me", ME), to=(Address("", ME),), cc=(Address("Carl", "carl@example.com"),)
    )
    draft = reply_draft(message, own_addresses=[ME], reply_all=True)
    assert draft.to == "Carl <carl@example.com>" and draft.cc == ""


# --- Body and thread -----------------------------------------------------------


def test_reply_body_attribution_and_quote() -> None:
    draft = reply_draft(_message(), own_addresses=[ME])
    assert draft.body == (
        "\n\nOn Mon 3 Mar 2025, 10:02, Anna Berg wrote:\n"
        "> Are you free?\n>\n>> Earlier text\n>>> older\n>\n> Anna"
    )


def test_attribution_is_translatable_and_in_the_senders_timezone() -> None:
    message = _message(date=datetime(2025, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-8))))
    draft = reply_draft(message, attribution="Le %1, %2 a écrit :", prefix="RE : ")
    assert draft.body.startswith("\n\nLe Wed 31 Dec 2025, 23:59, Anna Berg a écrit :\n> ")
    assert draft.subject == "RE : Lunch"
    french = reply_draft(
        message, attribution="Le %1, %2 a écrit :", date_text=lambda d: f"{d:%d/%m/%Y}"
    )
    assert french.body.startswith("\n\nLe 31/12/2025, Anna Berg a écrit :")


def test_attribution_uses_the_address_without_a_name_and_a_value_with_placeholders() -> None:
    message = _message(
        sender=Address("", "anna@example.com"), date=None, date_text="Lundi %2 matin"
    )
    draft = reply_draft(message)
    assert draft.body.startswith("\n\nOn Lundi %2 matin, anna@example.com wrote:\n")


def test_attribution_without_a_date() -> None:
    message = _message(date=None, date_text="")
    assert reply_draft(message).body.startswith("\n\nOn Anna Berg wrote:\n> Are you free?")
    undated = reply_draft(message, undated_attribution="%1 a écrit :")
    assert undated.body.startswith("\n\nAnna Berg a écrit :\n> Are you free?")


def test_no_sender_no_attribution_and_empty_body() -> None:
    draft = reply_draft(_message(sender=None, body="  \n"))
    assert draft.body == ""
    assert _addrs(draft.to) == [ME, "bob@example.com"]


def test_quote_body() -> None:
    assert quote_body("a  \n\n>b\n> c\n   \nd\n\n\n") == "> a\n>\n>>b\n>> c\n>\n> d"


def test_references_chain() -> None:
    message = _message(references=("<a@x>", "<b@x>"), in_reply_to="<b@x>")
    draft = reply_draft(message)
    assert draft.in_reply_to == "<m2@example.com>"
    assert draft.references == "<a@x> <b@x> <m2@example.com>"
    only_parent = _message(references=(), in_reply_to="<p@x>")
    assert reply_references(only_parent) == "<p@x> <m2@example.com>"
    again = _message(references=("<a@x>", "<m2@example.com>"))
    assert reply_references(again) == "<a@x> <m2@example.com>"
    assert reply_references(_message(message_id="")) == ""


def test_references_are_capped_keeping_the_root_and_the_latest() -> None:
    ids = tuple(f"<{n}@x>" for n in range(50))
    chain = reply_references(_message(references=ids)).split()
    assert len(chain) == MAX_REFERENCES
    assert chain[0] == "<0@x>" and chain[-1] == "<m2@example.com>" and chain[-2] == "<49@x>"


def test_account_is_carried() -> None:
    assert reply_draft(_message(), account="acc1").account == "acc1"


def test_format_date() -> None:
    assert format_date(datetime(2025, 3, 3, 9, 5, tzinfo=PARIS)) == "Mon 3 Mar 2025, 09:05"


# --- Forward ------------------------------------------------------------------------


def test_forward_body_and_labels(tmp_path: Path) -> None:
    draft = forward_draft(_message(), attachment_dir=tmp_path / "fwd", account="acc1")
    assert draft.body == (
        "\n\n---------- Forwarded message ----------\n"
        "From: Anna Berg <anna@example.com>\n"
        "Date: Mon 3 Mar 2025, 10:02\n"
        "Subject: Lunch\n"
        "To: Me <me@example.org>, Bob <bob@example.com>\n"
        "Cc: Carl <carl@example.com>, ME@EXAMPLE.ORG\n\n"
        "Are you free?\n\n> Earlier text\n>> older\n\nAnna"
    )
    assert draft.subject == "Fwd: Lunch"
    assert (draft.to, draft.in_reply_to, draft.references, draft.account) == ("", "", "", "acc1")
    assert draft.attachments == ()
    assert not (tmp_path / "fwd").exists()  # nothing to copy, no folder


def test_forward_with_translated_labels_and_missing_fields(tmp_path: Path) -> None:
    labels = ForwardLabels(
        heading="-------- Message transféré --------", sender="De :", date="Date :",
        subject="Objet :", to="À :", cc="Cc :",
    )  # fmt: skip
    message = _message(cc=(), date=None, date_text="hier")
    draft = forward_draft(message, attachment_dir=tmp_path, labels=labels, prefix="TR : ")
    assert draft.body.startswith(
        "\n\n-------- Message transféré --------\nDe : Anna Berg <anna@example.com>\n"
        "Date : hier\nObjet : Lunch\nÀ : Me <me@example.org>, Bob <bob@example.com>\n\nAre you"
    )
    assert draft.subject == "TR : Lunch"


def test_forward_copies_attachments_privately(tmp_path: Path) -> None:
    message = read_message(CORPUS / "raw_utf8_headers.eml")
    doubled = replace(message, attachments=message.attachments + message.attachments[:1])
    folder = tmp_path / "forwarded"
    draft = forward_draft(doubled, attachment_dir=folder)
    paths = [Path(p) for p in draft.attachments]
    assert [p.name for p in paths] == ["bashrc", "invoicegpj.exe", "attachment.png", "bashrc (2)"]
    for path, attachment in zip(paths, doubled.attachments, strict=True):
        assert path.is_absolute() and path.read_bytes() == attachment.data
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.parent.parent == folder.resolve()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths[0].parent.stat().st_mode) == 0o700
    # a second forward of the same message never touches the first one's files
    second = forward_draft(doubled, attachment_dir=folder)
    assert set(second.attachments).isdisjoint(draft.attachments)


def test_forward_says_when_attachments_cannot_be_copied(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    message = read_message(CORPUS / "gmail_pdf_attachment.eml")
    with pytest.raises(ForwardError) as caught:
        forward_draft(message, attachment_dir=blocker / "sub")
    assert caught.value.message.context == "Message"


# --- On every message of the corpus ---------------------------------------------


@pytest.mark.parametrize("expected", EXPECTED, ids=FILES)
def test_reply_reply_all_and_forward_on_the_corpus(expected: Expected, tmp_path: Path) -> None:
    message = read_message(CORPUS / expected.file)
    own = [message.to[0].addr] if message.to else []
    reply = reply_draft(message, own_addresses=own)
    assert reply.subject == "Re: " + re.sub(r"^re:\s*", "", expected.subject, flags=re.IGNORECASE)
    assert _addrs(reply.to) and reply.cc == ""
    assert reply.in_reply_to == message.message_id
    if message.message_id:
        assert reply.references.split()[-1] == message.message_id
    assert reply.body.startswith("\n\n")
    quoted = reply.body.split("\n")[3:]
    assert quoted and all(line.startswith(">") for line in quoted)
    assert all(line == line.rstrip() for line in reply.body.split("\n"))

    everyone = reply_draft(message, own_addresses=own, reply_all=True)
    to, cc = _addrs(everyone.to), _addrs(everyone.cc)
    assert not {a.lower() for a in own} & {a.lower() for a in to + cc}
    assert len({a.lower() for a in to + cc}) == len(to + cc)
    assert set(_addrs(reply.to)) <= set(to) or not to

    forward = forward_draft(message, attachment_dir=tmp_path)
    assert forward.subject.startswith("Fwd: ") and forward.to == ""
    assert [Path(p).name for p in forward.attachments] == list(expected.attachments)
    assert expected.snippet in forward.body


@pytest.mark.parametrize("file", FILES)
def test_round_trip_open_reply_save_load(file: str, tmp_path: Path) -> None:
    message = read_message(CORPUS / file)
    for draft in (
        reply_draft(message, reply_all=True),
        forward_draft(message, attachment_dir=tmp_path / "att", account="acc"),
    ):
        store = DraftStore(tmp_path / "drafts", new_draft_name())
        store.save(draft)
        assert store.load() == draft


@pytest.mark.parametrize("file", FILES)
def test_round_trip_through_the_sent_message(file: str, tmp_path: Path) -> None:
    message = read_message(CORPUS / file)
    account = Account(
        id="acc", name="Zoë Sender", address="zoe@example.org", host="smtp.example.org"
    )
    for draft in (
        reply_draft(message, reply_all=True, account="acc"),
        forward_draft(message, attachment_dir=tmp_path / "att"),
    ):
        if not draft.to:
            draft = replace(draft, to="Friend <friend@example.net>")
        sent = parse_message(message_bytes(build_message(draft, account)))
        assert sent.subject == draft.subject
        assert sent.sender == Address("Zoë Sender", "zoe@example.org")
        for field, typed in ((sent.to, draft.to), (sent.cc, draft.cc)):
            expected = parse_address_list(typed)[0]
            assert [a.name for a in field] == [a.name for a in expected]
            # domains travel in their IDNA form
            assert [a.addr for a in field] == [idna_address(a) for a in expected]
        assert sent.in_reply_to == draft.in_reply_to
        assert " ".join(sent.references) == draft.references
        assert sent.body == draft.body.strip("\n")
        assert [a.filename for a in sent.attachments] == [Path(p).name for p in draft.attachments]
        for attachment, path in zip(sent.attachments, draft.attachments, strict=True):
            assert attachment.data == Path(path).read_bytes()
        assert sent.problems == ()


def test_reply_on_damaged_messages_never_fails(tmp_path: Path) -> None:
    for file in FILES:
        data = (CORPUS / file).read_bytes()
        for variant in range(6):
            try:
                message = parse_message(damaged(data, variant * 7919 + len(file)))
            except Exception:
                continue
            reply_draft(message, own_addresses=[ME], reply_all=True)
            forward_draft(message, attachment_dir=tmp_path)


def test_draft_type() -> None:
    assert isinstance(reply_draft(_message()), Draft)


def test_sent_reply_keeps_long_message_ids_as_written() -> None:
    import email

    message = read_message(CORPUS / "outlook_alternative_1252.eml")
    assert len(message.message_id) > 78
    account = Account(id="acc", name="Z", address="z@example.org", host="smtp.example.org")
    raw = email.message_from_bytes(message_bytes(build_message(reply_draft(message), account)))
    assert str(raw["In-Reply-To"]).strip() == message.message_id
    assert " ".join(str(raw["References"]).split()) == reply_references(message)


def test_a_huge_body_is_quoted_in_part_and_in_short_lines():
    from composer.mail.long_lines import MAX_LINE_CHARS
    from composer.mail.replies import MAX_QUOTED_CHARS

    opened = parse_message(b"From: a@example.org\nSubject: big\n\n" + b"x" * 10_000_000 + b"\n")
    body = reply_draft(opened).body
    assert len(body) < MAX_QUOTED_CHARS * 1.1
    assert max(map(len, body.split("\n"))) <= MAX_LINE_CHARS + 2
    assert body.rstrip().endswith("> […]")


def test_a_forward_of_many_attachments_or_a_huge_text_carries_the_original_whole(tmp_path):
    from composer.mail.replies import MAX_FORWARDED_ATTACHMENTS

    parts = "".join(
        f'--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename="f{i}.bin"\n\nx\n'
        for i in range(MAX_FORWARDED_ATTACHMENTS + 1)
    )
    original = tmp_path / "many.eml"
    original.write_bytes(
        (
            "From: a@example.org\nSubject: files\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n{parts}--b--\n"
        ).encode()
    )
    opened = parse_message(original.read_bytes())
    assert len(opened.attachments) == MAX_FORWARDED_ATTACHMENTS + 1
    draft = forward_draft(opened, attachment_dir=tmp_path / "fw", original=original)
    (attached,) = draft.attachments
    assert attached.endswith("files.eml") and Path(attached).read_bytes() == original.read_bytes()
    # Without the file, each attachment is copied as before.
    assert len(forward_draft(opened, attachment_dir=tmp_path / "fw").attachments) == 101
