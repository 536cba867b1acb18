"""Opening real-world messages: headers, text, attachments, and never a crash."""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.mail_corpus import CORPUS, EXPECTED, FILES, Expected, damaged

from composer.mail.addresses import Address
from composer.mail.message import (
    MAX_MESSAGE_BYTES,
    Attachment,
    MessageUnreadable,
    OpenedMessage,
    parse_message,
    read_message,
    safe_filename,
)
from composer.messages import UserMessage


def test_corpus_is_complete() -> None:
    on_disk = sorted(path.name for path in CORPUS.glob("*.eml"))
    assert on_disk == sorted(FILES)
    assert len(on_disk) >= 15


@pytest.mark.parametrize("expected", EXPECTED, ids=FILES)
def test_corpus_message_opens(expected: Expected) -> None:
    message = read_message(CORPUS / expected.file)
    assert message.subject == expected.subject
    assert message.sender is not None and message.sender.addr == expected.sender
    assert expected.snippet in message.body
    assert tuple(a.filename for a in message.attachments) == expected.attachments
    assert message.body_from_html == expected.html
    assert len(message.problems) == expected.problems, [str(p) for p in message.problems]
    assert all(isinstance(p, UserMessage) and p.context == "Message" for p in message.problems)
    assert (message.date is not None) == expected.dated
    if message.date is not None:
        assert message.date.tzinfo is not None
    assert "\r" not in message.body and "\x00" not in message.body
    assert message.body == message.body.strip("\n")


def test_headers_in_many_charsets() -> None:
    gmail = read_message(CORPUS / "gmail_pdf_attachment.eml")
    assert gmail.sender == Address("Zoë García", "zoe.garcia@gmail.com")
    assert gmail.to == (
        Address("Jamie Lee", "jamie.lee@example.com"),
        Address("李明", "li.ming@example.cn"),
    )
    assert read_message(CORPUS / "iso2022jp.eml").sender == Address(
        "佐藤 花子", "hanako.sato@example.jp"
    )
    assert read_message(CORPUS / "mbox_from_line.eml").sender == Address(
        "Anna Jörgensen", "anna@example.org"
    )
    utf8 = read_message(CORPUS / "raw_utf8_headers.eml")
    assert utf8.to == (Address("Ελένη Παπαδοπούλου", "eleni@example.gr"),)
    assert utf8.message_id == "<utf8hdr-1@bücher.example>"


def test_conversation_headers() -> None:
    message = read_message(CORPUS / "thunderbird_flowed.eml")
    assert message.message_id == "<8f2c1d4e-5a6b-4c3d-9e8f-0a1b2c3d4e5f@example.net>"
    assert message.in_reply_to == "<c3@example.org>"
    assert message.references == ("<a1@example.org>", "<b2@example.org>", "<c3@example.org>")
    assert message.cc == (Address("Chloé Durand", "chloe@example.org"),)
    assert message.date == datetime(2025, 3, 3, 10, 2, 17, tzinfo=timezone(timedelta(hours=1)))
    assert message.date is not None and message.date.utcoffset() == timedelta(hours=1)
    outlook = read_message(CORPUS / "outlook_alternative_1252.eml")
    assert outlook.to == (Address("Schmidt, Anna", "anna.schmidt@fabrikam.example"),)
    assert outlook.cc == (
        Address("Finance Team", "finance@contoso.example"),
        Address("", "bob@fabrikam.example"),
    )
    digest = read_message(CORPUS / "mailing_list_digest.eml")
    assert digest.reply_to == (Address("", "python-list@python.example.org"),)


def test_flowed_text_is_joined_but_quotes_and_signature_stay() -> None:
    body = read_message(CORPUS / "thunderbird_flowed.eml").body
    assert "> Voici l'ordre du jour de lundi. N'hésitez pas à compléter la liste si quelque" in body
    assert body.endswith("\n\n-- \nRenée Lefèvre")


def test_plain_text_preferred_over_html() -> None:
    message = read_message(CORPUS / "outlook_alternative_1252.eml")
    assert not message.body_from_html
    assert "MsoNormal" not in message.body and "<" not in message.body


def test_html_only_message_reads_as_text() -> None:
    body = read_message(CORPUS / "html_only_newsletter.eml").body
    assert body.startswith("Café Nouvelles – mars\n\nChers amis du café,")
    assert "- Crème brûlée\n- Tarte fine aux pommes" in body
    assert "Preview text" not in body and "tracking" not in body and "Newsletter" not in body
    # a link whose text is its address is not repeated
    assert "Se désabonner : https://cafe.example.fr/unsub" in body
    assert "(https://cafe.example.fr/unsub)" not in body


def test_html_blockquote_becomes_quoting() -> None:
    body = read_message(CORPUS / "gmail_html_reply.eml").body
    assert "Tomasz <tomasz@example.pl> napisał(a):" in body
    assert body.endswith("\n> Kto jedzie w sobotę?")


def test_inline_image_is_an_attachment_with_its_content_id() -> None:
    (image,) = read_message(CORPUS / "apple_mail_inline_image.eml").attachments
    assert image.content_type == "image/png"
    assert image.content_id == "<C1D2E3F4-A5B6-7C8D-9E0F-1A2B3C4D5E6F>"
    assert image.data.startswith(b"\x89PNG\r\n\x1a\n") and image.size == len(image.data)


def test_pdf_attachment_bytes_are_decoded() -> None:
    (pdf,) = read_message(CORPUS / "gmail_pdf_attachment.eml").attachments
    assert pdf == Attachment(
        "tickets-saturday.pdf", "application/pdf", pdf.data, content_id="<f_m7x1abc0>"
    )
    assert pdf.data.startswith(b"%PDF-1.4") and pdf.data.endswith(b"%%EOF\n")


def test_attached_message_is_an_eml_that_opens() -> None:
    (inner,) = read_message(CORPUS / "forward_as_attachment.eml").attachments
    assert inner.content_type == "message/rfc822"
    opened = parse_message(inner.data)
    assert opened.subject == "Привет"
    assert opened.sender == Address("Иван", "ivan@example.ru")
    assert opened.body == "Привет, Ольга!"


def test_bounce_keeps_the_report_and_the_returned_message() -> None:
    message = read_message(CORPUS / "postfix_bounce.eml")
    assert message.sender == Address("Mail Delivery System", "MAILER-DAEMON@mx1.example.com")
    status, returned = message.attachments
    assert b"Status: 5.1.1" in status.data
    assert parse_message(returned.data).message_id == "<lunch-1@example.com>"


def test_calendar_alternative_is_kept_as_a_file() -> None:
    (invite,) = read_message(CORPUS / "outlook_invitation.eml").attachments
    assert invite.content_type == "text/calendar"
    assert b"BEGIN:VCALENDAR" in invite.data


def test_hostile_attachment_names_are_made_safe() -> None:
    names = [a.filename for a in read_message(CORPUS / "raw_utf8_headers.eml").attachments]
    assert names == ["bashrc", "invoicegpj.exe", "attachment.png"]


def test_broken_parts_lose_only_themselves() -> None:
    message = read_message(CORPUS / "broken_base64.eml")
    assert message.body == "Das Protokoll der Sitzung ist angehängt. Viele Grüße, Jonas"
    (pdf,) = message.attachments
    assert pdf.data.startswith(b"%PDF-1.4")  # what was there before the cut
    cut = read_message(CORPUS / "missing_end_boundary.eml")
    assert cut.attachments[0].data == bytes(range(cut.attachments[0].size))


def test_invalid_date_keeps_its_text() -> None:
    message = read_message(CORPUS / "garbled_headers.eml")
    assert message.date is None and message.date_text == "sometime last Tuesday"
    assert message.message_id == ""  # "no angle brackets here" is no message id
    assert message.to == (Address("", "victim@example.org"),)


def test_minus_zero_zone_is_utc() -> None:
    message = read_message(CORPUS / "missing_end_boundary.eml")
    assert message.date == datetime(2025, 3, 14, 18, 0, tzinfo=timezone.utc)


def test_mbox_from_line_is_not_a_header() -> None:
    data = (CORPUS / "mbox_from_line.eml").read_bytes()
    assert data.startswith(b"From anna@example.org ")
    assert parse_message(data) == parse_message(data.split(b"\n", 1)[1])


def test_iso_8859_1_label_on_windows_1252_text() -> None:
    data = (
        b"From: a@example.org\nSubject: =?iso-8859-1?q?caf=E9_=96_bar?=\n"
        b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
        b"It\x92s \x93quoted\x94 \x80 5\n"
    )
    message = parse_message(data)
    assert message.subject == "café – bar"
    assert message.body == "It’s “quoted” € 5"
    assert message.problems == ()


def test_undecodable_text_is_replaced_and_said() -> None:
    data = b"From: a@example.org\nContent-Type: text/plain; charset=utf-8\n\nok \x81\x8d\x90 end\n"
    message = parse_message(data)
    assert message.body.startswith("ok ") and message.body.endswith(" end")
    assert len(message.problems) == 1


def test_utf_8_label_on_latin_1_text_is_read_without_loss() -> None:
    data = b"From: a@example.org\nContent-Type: text/plain; charset=utf-8\n\nGr\xfc\xdfe\n"
    assert parse_message(data).body == "Grüße"


def test_plain_alternative_that_is_empty_gives_way_to_html() -> None:
    data = (
        b"From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n"
        b"--b\nContent-Type: text/plain\n\n \n--b\nContent-Type: text/html\n\n<p>Real text</p>\n--b--\n"
    )
    message = parse_message(data)
    assert message.body == "Real text" and message.body_from_html


def test_nested_too_deep_is_cut_not_crashed() -> None:
    depth = 200
    head = b"From: a@example.org\nMIME-Version: 1.0\n"
    parts = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i) for i in range(depth)
    )
    data = head + parts + b"Content-Type: text/plain\n\ndeep\n"
    message = parse_message(data)
    assert message.body == ""
    assert message.problems


def test_empty_or_binary_data_is_not_a_message() -> None:
    for data in (
        b"",
        b"\n\n",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ):
        with pytest.raises(MessageUnreadable):
            parse_message(data)


def test_a_text_without_mail_headers_is_shown_as_text_with_a_note() -> None:
    for data, first_line in (
        (b"just some text\nwith lines\n", "just some text"),
        (b"Note: buy milk\n\n", "Note: buy milk"),
        (b"Hello Anna,\nsee you: Friday \xe2\x80\x94 Marc\n", "Hello Anna,"),
    ):
        opened = parse_message(data)
        assert opened.body.splitlines()[0] == first_line
        assert [p.text for p in opened.problems] == [
            "This file has no mail headers: it is shown as plain text."
        ]
    assert "Marc" in parse_message(b"Hello Anna,\nsee you: Friday \xe2\x80\x94 Marc\n").body


def test_too_large_is_refused_before_parsing() -> None:
    with pytest.raises(MessageUnreadable) as caught:
        parse_message(b"x" * (MAX_MESSAGE_BYTES + 1))
    assert caught.value.message.args == ("64",)


def test_read_message_errors_are_sentences(tmp_path: Path) -> None:
    cases: dict[str, Path] = {
        "There is no file %1.": tmp_path / "missing.eml",
        "%1 is a folder, not an email message.": tmp_path,
    }
    fifo = tmp_path / "fifo.eml"
    os.mkfifo(fifo)
    cases["%1 is not a regular file, so it cannot be opened."] = fifo
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    cases["%1 is empty."] = empty
    for text, path in cases.items():
        with pytest.raises(MessageUnreadable) as caught:
            read_message(path)
        assert caught.value.message.text == text
        assert caught.value.message.args == (str(path),)


def test_read_message_refuses_a_socket(tmp_path: Path) -> None:
    path = tmp_path / "s.eml"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(MessageUnreadable):
            read_message(path)
    finally:
        server.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_read_message_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.eml"
    path.write_bytes((CORPUS / "no_date.eml").read_bytes())
    path.chmod(0)
    with pytest.raises(MessageUnreadable) as caught:
        read_message(path)
    assert caught.value.message.text == "You are not allowed to read %1."


def test_read_message_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.eml"
    with path.open("wb") as handle:
        handle.truncate(MAX_MESSAGE_BYTES + 10)  # sparse: no real disk used
    with pytest.raises(MessageUnreadable) as caught:
        read_message(path)
    assert "larger than" in caught.value.message.text


@pytest.mark.parametrize(
    ("name", "content_type", "safe"),
    [
        ("report.pdf", "application/pdf", "report.pdf"),
        ("../../etc/passwd", "text/plain", "passwd"),
        ("C:\\Users\\x\\evil.exe", "application/octet-stream", "evil.exe"),
        ("..", "application/pdf", "attachment.pdf"),
        ("", "image/png", "attachment.png"),
        ("", "message/rfc822", "attachment.eml"),
        ("", "application/x-unknown-thing", "attachment.bin"),
        (".hidden", "text/plain", "hidden"),
        ("a\x00b\x1fc\x7f.txt", "text/plain", "abc.txt"),
        ("photo\u202egpj.exe", "image/jpeg", "photogpj.exe"),
        ('a<b>c:d"e|f?g*h.txt', "text/plain", "a_b_c_d_e_f_g_h.txt"),
        ("trailing dots... ", "text/plain", "trailing dots"),
        ("  spaced   name .txt", "text/plain", "spaced name .txt"),
        ("Cafe\u0301.txt", "text/plain", "Café.txt"),
    ],
)
def test_safe_filename(name: str, content_type: str, safe: str) -> None:
    assert safe_filename(name, content_type) == safe


def test_safe_filename_caps_length_and_keeps_extension() -> None:
    safe = safe_filename("x" * 500 + ".pdf")
    assert len(safe) <= 150 and safe.endswith(".pdf")


# --- Robustness: damaged copies of every corpus message -----------------------

VARIANTS = 24


def _check_shape(message: OpenedMessage) -> None:
    assert isinstance(message.subject, str) and isinstance(message.body, str)
    assert message.sender is None or isinstance(message.sender, Address)
    assert message.date is None or message.date.tzinfo is not None
    for attachment in message.attachments:
        assert attachment.filename and "/" not in attachment.filename
        assert not attachment.filename.startswith(".")
        assert isinstance(attachment.data, bytes)
    for problem in message.problems:
        assert str(problem)


@pytest.mark.parametrize("file", FILES)
def test_damaged_copies_never_crash(file: str) -> None:
    data = (CORPUS / file).read_bytes()
    for variant in range(VARIANTS):
        seed = sum(file.encode()) * 1000 + variant
        broken = damaged(data, seed)
        try:
            message = parse_message(broken)
        except MessageUnreadable:
            continue
        _check_shape(message)


def test_base64_encoded_attached_message_is_decoded() -> None:
    import base64

    inner = b"From: x@example.org\r\nSubject: Inner one\r\n\r\nhello\r\n"
    data = (
        b"From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
        b"--b\nContent-Type: text/plain\n\nsee attached\n"
        b"--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(inner)
        + b"--b--\n"
    )
    (attached,) = parse_message(data).attachments
    assert attached.data == inner and attached.filename == "Inner one.eml"


def test_message_ids_wrapped_in_encoded_words_are_unwrapped() -> None:
    data = (
        b"From: a@example.org\n"
        b"In-Reply-To: =?utf-8?q?=3Clong-id=40example=2Eorg=3E?=\n"
        b"References: <a@x> =?utf-8?q?=3Clong-id=40example=2Eorg=3E?=\n\nx\n"
    )
    message = parse_message(data)
    assert message.in_reply_to == "<long-id@example.org>"
    assert message.references == ("<a@x>", "<long-id@example.org>")


def test_empty_html_alternative_does_not_mark_the_text_as_html() -> None:
    data = (
        b"From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=m\n\n"
        b"--m\nContent-Type: multipart/alternative; boundary=b\n\n"
        b"--b\nContent-Type: text/plain\n\n\n--b\nContent-Type: text/html\n\n<p> </p>\n--b--\n"
        b"--m\nContent-Type: text/plain\n\nfooter text\n--m--\n"
    )
    message = parse_message(data)
    assert message.body == "footer text" and not message.body_from_html


def test_an_inline_text_part_with_a_file_name_is_shown_and_quoted() -> None:
    """CPython's msg_ shapes: a text part marked inline that also names a file."""
    from composer.mail.replies import reply_draft

    data = (
        b"From: Anna <anna@example.org>\nTo: me@example.com\nSubject: notes\n"
        b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
        b"Content-Type: text/plain; charset=us-ascii\n"
        b'Content-Disposition: inline; filename="notes.txt"\n\nThe agenda for Friday.\n'
        b'--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename="a.txt"\n\n'
        b"kept as a file\n--b--\n"
    )
    opened = parse_message(data)
    assert opened.body == "The agenda for Friday."
    assert [a.filename for a in opened.attachments] == ["a.txt"]
    assert "> The agenda for Friday." in reply_draft(opened).body


def test_a_sender_without_a_domain_stays_visible() -> None:
    from composer.mail.replies import reply_draft

    opened = parse_message(b"From: foo\nTo: bar@example.org\nSubject: x\n\nhello\n")
    assert opened.sender is not None and opened.sender.addr == "foo"
    draft = reply_draft(opened, undated_attribution="%1 wrote:")
    assert draft.to == "foo"  # the send check names it; it never silently disappears
    assert draft.body.splitlines()[2] == "foo wrote:"


@pytest.mark.parametrize(
    ("name", "saved"),
    [("CON", "_CON"), ("aux.pdf", "_aux.pdf"), ("LPT9.doc", "_LPT9.doc"), ("nul.tar.gz", "_nul.tar.gz"),
     ("com1 .txt", "_com1 .txt"), ("console.txt", "console.txt"), ("auxiliary.pdf", "auxiliary.pdf")],
)  # fmt: skip
def test_windows_device_names_are_renamed(name, saved) -> None:
    assert safe_filename(name) == saved


def test_a_huge_subject_and_a_huge_address_list_open_cut_or_read_linearly() -> None:
    from composer.mail.message import MAX_PARSED_HEADER

    words = " ".join(f"=?utf-8?q?w{i}?=" for i in range(20_000))
    to = ", ".join(f"User {i} <u{i}@example.org>" for i in range(5_000))
    opened = parse_message(f"From: a@example.org\nTo: {to}\nSubject: {words}\n\nx\n".encode())
    assert opened.subject.startswith("w0w1w2") and len(opened.subject) <= MAX_PARSED_HEADER
    assert len(opened.to) == 5_000 and opened.to[-1].name == "User 4999"
    assert [p.text for p in opened.problems] == [
        "The subject is too long to show whole; its beginning is shown."
    ]
