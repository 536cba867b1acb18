"""Sending to a real SMTP server on loopback: what arrives, and every failure in words."""

from __future__ import annotations

import email
import email.policy
import re
import threading
import time

import pytest
from helpers.smtp_server import HANG_UP, HOST, PASSWORD, SILENT, dripped, endless

from composer.mail.drafts import Draft
from composer.mail.message import parse_message
from composer.mail.outgoing import build_message, envelope_recipients, message_bytes
from composer.mail.smtp_send import QUOTE_CHARS, SendError, readable_size, send_message

DRAFT = Draft(
    to="Jürgen Müller <jurgen@example.com>, bob@example.net",
    cc="Chloé <chloe@example.org>",
    bcc="hidden@example.com",
    subject="Réunion — résumé",
    body="Bonjour,\n\nvoici le résumé.\n",
)


def send(server, draft=DRAFT, password=PASSWORD, account=None, **options):
    account = account or server.account()
    options.setdefault("ssl_context", server.client_context)
    options.setdefault("timeout", 10)
    message = build_message(draft, account)
    send_message(message, account, password, recipients=envelope_recipients(draft), **options)
    return message


def failure(callable_, *args, **kwargs) -> SendError:
    with pytest.raises(SendError) as info:
        callable_(*args, **kwargs)
    return info.value


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_the_server_receives_exactly_the_message(smtp_server, tmp_path, mode):
    server = smtp_server(mode)
    attachment = tmp_path / "données.bin"
    attachment.write_bytes(bytes(range(256)) * 40)
    draft = Draft(**{**DRAFT.__dict__, "attachments": (str(attachment),)})
    sent = send(server, draft)

    [got] = server.received
    assert got.mail_from == "anna@example.org"
    assert got.rcpt_tos == [
        "jurgen@example.com",
        "bob@example.net",
        "chloe@example.org",
        "hidden@example.com",
    ]
    parsed = email.message_from_bytes(got.data, policy=email.policy.default)
    assert b"hidden@example.com" not in got.data  # Bcc only in the envelope
    assert parsed["Bcc"] is None
    assert str(parsed["Subject"]) == "Réunion — résumé"
    assert b"=?utf-8?" in got.data  # RFC 2047, not raw UTF-8 in a header
    assert "SMTPUTF8" not in got.mail_options  # plain mailboxes: plain mail
    assert parsed["From"].addresses[0].display_name == "Anna Müller"
    assert parsed["To"].addresses[0].display_name == "Jürgen Müller"
    assert parsed["Message-ID"] == sent["Message-ID"]
    body = parsed.get_body(("plain",)).get_content().replace("\r\n", "\n")  # as on the wire
    assert body == "Bonjour,\n\nvoici le résumé.\n"
    [part] = list(parsed.iter_attachments())
    assert part.get_filename() == "données.bin"
    assert part.get_content() == attachment.read_bytes()


def test_a_plain_server_without_login(smtp_server):
    server = smtp_server("none")
    send(server, account=server.account(username=""), password=None)
    assert len(server.received) == 1


def test_wrong_password(smtp_server):
    server = smtp_server("starttls")
    error = failure(send, server, password="wrong")
    assert error.kind == "auth"
    assert "user name or password" in str(error) and HOST in str(error)
    assert server.received == []


def test_untrusted_certificate_names_the_host(smtp_server):
    import ssl

    server = smtp_server("tls")
    error = failure(send, server, ssl_context=ssl.create_default_context())
    assert error.kind == "tls_untrusted"
    assert f"certificate of {HOST} is not trusted" in str(error)


def test_certificate_for_another_name(smtp_server):
    server = smtp_server("starttls", cert_names=("mail.example.test",))
    error = failure(send, server)
    assert error.kind == "tls_hostname"
    assert HOST in str(error) and "another name" in str(error)


def test_closed_port_is_unreachable(smtp_server, closed_port):
    server = smtp_server("none")
    error = failure(send, server, account=server.account(port=closed_port))
    assert error.kind == "unreachable"
    assert f"{HOST}:{closed_port}" in str(error) and "refused" in str(error).lower()


def test_unknown_host_is_unreachable(smtp_server):
    server = smtp_server("none")
    # .invalid never resolves (RFC 2606): no query leaves a well-behaved resolver.
    error = failure(send, server, account=server.account(host="smtp.composer.invalid"))
    assert error.kind == "unreachable"
    assert "smtp.composer.invalid" in str(error)


def test_a_server_that_never_answers_times_out(smtp_server, silent_server):
    server = smtp_server("none")
    error = failure(send, server, account=server.account(port=silent_server), timeout=0.5)
    assert error.kind == "timeout"
    assert "within 0.5 seconds" in str(error)


def test_refused_recipient_is_named_and_nothing_is_sent(smtp_server):
    server = smtp_server("starttls")
    draft = Draft(to="ok@example.com, nobody@example.com", subject="x", body="y")
    error = failure(send, server, draft)
    assert error.kind == "recipient_rejected"
    assert "nobody@example.com" in str(error) and "No such user" in str(error)
    assert "ok@example.com" not in str(error)
    assert server.received == []


INTERNATIONAL = Draft(
    to="José <josé@exämple.com>, bob@example.net", bcc="李@例え.jp", subject="Hola", body="¡Hola!\n"
)


def test_international_mailboxes_travel_as_smtputf8(smtp_server):
    """RFC 6531/6532: a mailbox name with accents or in another script has no ASCII
    form; the envelope and the headers carry it in UTF-8 (domains stay IDNA)."""
    server = smtp_server("starttls")
    sent = send(server, INTERNATIONAL)

    [got] = server.received
    assert got.rcpt_tos == ["josé@xn--exmple-cua.com", "bob@example.net", "李@xn--r8jz45g.jp"]
    assert "SMTPUTF8" in got.mail_options
    assert "josé@xn--exmple-cua.com".encode() in got.data  # raw UTF-8, not an encoded word
    assert "李".encode() not in got.data  # Bcc only in the envelope
    opened = parse_message(got.data)  # as the app opens a received or sent .eml
    assert [(a.name, a.addr) for a in opened.to] == [
        ("José", "josé@xn--exmple-cua.com"),
        ("", "bob@example.net"),
    ]
    assert opened.message_id == sent["Message-ID"] and opened.body.strip() == "¡Hola!"


@pytest.mark.parametrize("draft", [INTERNATIONAL, Draft(to="a@example.com", bcc="李@例え.jp")])
def test_a_server_without_smtputf8_is_named_and_nothing_is_sent(smtp_server, draft):
    server = smtp_server("starttls", enable_SMTPUTF8=False)
    error = failure(send, server, draft)
    assert error.kind == "no_smtputf8"
    assert "SMTPUTF8" in str(error) and HOST in str(error)
    assert "李@例え.jp" in str(error)  # the mailbox it cannot take (Bcc too), as written
    assert "UnicodeEncodeError" not in str(error)
    assert server.received == []


def test_too_large_for_the_advertised_size(smtp_server, tmp_path):
    server = smtp_server("starttls", data_size_limit=20_000)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF" + b"x" * 30_000)
    draft = Draft(to="a@example.com", subject="big", body="see", attachments=(str(big),))
    error = failure(send, server, draft)
    assert error.kind == "too_large"
    assert "too large" in str(error) and "at most 20 KB" in str(error)  # not "0.0 MB"
    assert "server: 42 KB," in str(error)  # 30 KB base64-encoded, plus headers
    assert server.received == []


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (850, "850 bytes"),
        (1_000, "1.0 KB"),
        (40_123, "40 KB"),
        (999_600, "1.0 MB"),
        (1_234_567, "1.2 MB"),
        (25_000_000, "25 MB"),
    ],
)
def test_sizes_read_as_a_person_would(size, shown):
    assert str(readable_size(size)) == shown


def test_sizes_that_round_alike_get_more_digits(scripted_smtp):
    server = scripted_smtp()
    account = server.account(username="")
    draft = Draft(to="a@example.com", subject="x", body="y" * 2000)
    size = len(message_bytes(build_message(draft, account)))
    # Over by 10 bytes: both would read "2.x KB", which says nothing.
    server.answers["EHLO"] = f"250-scripted.test\r\n250 SIZE {size - 10}\r\n".encode()
    error = failure(send, server, draft, account=account)
    assert error.kind == "too_large"
    found = re.search(r"server: (.+?), and it accepts at most (.+?)\. Remove", str(error))
    assert found and found[1] != found[2] and found[1].endswith(" KB"), str(error)


def test_starttls_not_offered(smtp_server):
    server = smtp_server("none")
    error = failure(send, server, account=server.account(security="starttls"))
    assert error.kind == "no_tls_offered"
    assert "STARTTLS" in str(error) and server.received == []


def test_cancel_closes_the_connection_and_nothing_is_sent(smtp_server, silent_server):
    server = smtp_server("none")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    error = failure(
        send, server, account=server.account(port=silent_server), timeout=20, cancel=cancel
    )
    assert error.kind == "cancelled"
    assert time.monotonic() - started < 5  # not the 20 s timeout
    assert "cancelled" in str(error)


def test_cancel_at_once_while_connecting(smtp_server, silent_server):
    server = smtp_server("none")
    cancel = threading.Event()
    cancel.set()  # before the socket even exists
    error = failure(
        send, server, account=server.account(port=silent_server), timeout=20, cancel=cancel
    )
    assert error.kind == "cancelled"


def test_no_recipient(smtp_server):
    server = smtp_server("none")
    error = failure(send, server, Draft(subject="x", body="y"))
    assert error.kind == "recipient_rejected" and "no recipient" in str(error)


def test_check_connection(smtp_server):
    from composer.mail.smtp_send import check_connection

    server = smtp_server("tls")
    check_connection(server.account(), PASSWORD, ssl_context=server.client_context, timeout=10)
    with pytest.raises(SendError) as info:
        check_connection(server.account(), "nope", ssl_context=server.client_context, timeout=10)
    assert info.value.kind == "auth" and server.received == []


# -- hostile and broken servers (tests/helpers/smtp_server.py: scripted_smtp) --------------

PLAIN = Draft(to="bob@example.net", subject="Hello", body="Hello Bob\n")


def plain_send(server, **options):
    return send(server, PLAIN, account=server.account(username=""), **options)


@pytest.mark.parametrize(
    ("after_dot", "reason"),
    [(HANG_UP, "connection closed"), (SILENT, "no answer within 1 seconds")],
    ids=["closed", "silent"],
)
def test_no_answer_after_the_final_dot_is_delivery_unknown(scripted_smtp, after_dot, reason):
    """The server has the whole message: it may deliver it, so not "Nothing was sent"."""
    server = scripted_smtp({".": after_dot})
    error = failure(plain_send, server, timeout=1)
    assert error.kind == "delivery_unknown"
    text = str(error)
    assert "may or may not have been delivered" in text and reason in text
    assert "Sent folder" in text and "Nothing was sent" not in text
    assert len(server.messages) == 1 and b"Hello Bob" in server.messages[0]


def test_cancel_after_the_final_dot_is_delivery_unknown(scripted_smtp):
    server = scripted_smtp({".": SILENT})
    cancel = threading.Event()

    def cancel_once_the_data_is_in() -> None:
        server.got_data.wait(20)
        cancel.set()

    threading.Thread(target=cancel_once_the_data_is_in, daemon=True).start()
    error = failure(plain_send, server, timeout=20, cancel=cancel)
    assert error.kind == "delivery_unknown"
    assert "cancelled while waiting" in str(error) and "Nothing was sent" not in str(error)


def test_a_clear_no_after_the_final_dot_is_still_a_refusal(scripted_smtp):
    server = scripted_smtp({".": b"554 5.7.1 Message rejected as spam\r\n"})
    error = failure(plain_send, server)
    assert error.kind == "server_rejected" and "rejected as spam" in str(error)


def test_an_unclear_answer_after_the_final_dot_is_delivery_unknown(scripted_smtp):
    server = scripted_smtp({".": b"hello?\r\n"})
    error = failure(plain_send, server)
    assert error.kind == "delivery_unknown" and "neither yes nor no" in str(error)


def test_a_refusing_greeting_is_named_with_its_text(scripted_smtp):
    server = scripted_smtp({"greeting": b"554 5.7.1 Your IP is on a blocklist\r\n"})
    error = failure(send, server, account=server.account(security="starttls"))
    assert error.kind == "greeting_refused"
    text = str(error)
    assert "refused the connection" in text and "554 5.7.1 Your IP is on a blocklist" in text
    assert "STARTTLS" not in text and "Nothing was sent" in text
    assert server.commands == []  # not one command after a refusal


def test_the_server_text_in_a_sentence_is_short_and_printable(scripted_smtp):
    hostile = b"554 \x1b[2J\x07evil\xe2\x80\xae" + b"A" * 5000 + b"\r\n"  # escapes, bidi
    server = scripted_smtp({"greeting": hostile})
    text = str(failure(plain_send, server))
    assert "evil" in text and "…" in text
    assert all(ch.isprintable() for ch in text)
    assert "A" * QUOTE_CHARS not in text and len(text) < QUOTE_CHARS + 200


def test_a_refused_recipient_reply_is_quoted_short_and_printable(scripted_smtp):
    server = scripted_smtp({"RCPT": b"550 5.1.1 \x1b[31mno\r\n"})
    error = failure(plain_send, server)
    assert error.kind == "recipient_rejected"
    assert "bob@example.net (550 5.1.1 [31mno)" in str(error)


def test_a_temporary_auth_failure_is_not_a_wrong_password(scripted_smtp):
    server = scripted_smtp({"AUTH": b"454 4.7.0 Temporary authentication failure\r\n"})
    error = failure(send, server, PLAIN, account=server.account())
    assert error.kind == "auth_unavailable"
    text = str(error)
    assert "could not check" in text and "try again later" in text and "kept" in text
    assert "Temporary authentication failure" in text
    assert "did not accept" not in text and server.messages == []


def test_a_permanent_auth_failure_is_a_wrong_password(scripted_smtp):
    server = scripted_smtp({"AUTH": b"535 5.7.8 Authentication credentials invalid\r\n"})
    error = failure(send, server, PLAIN, account=server.account())
    assert error.kind == "auth" and "did not accept the user name or password" in str(error)


def test_no_auth_offered_is_not_a_wrong_password(scripted_smtp):
    server = scripted_smtp({"EHLO": b"250 scripted.test\r\n"})
    error = failure(send, server, PLAIN, account=server.account())
    assert error.kind == "no_auth_offered" and "no AUTH offered" in str(error)


@pytest.mark.parametrize(
    "answer",
    [endless(b"250-SIZE 10000000\r\n"), endless(b"250-" + b"x" * 100)],
    ids=["lines-without-end", "a-line-without-end"],
)
def test_an_endless_ehlo_answer_is_cut(scripted_smtp, answer):
    server = scripted_smtp({"EHLO": answer})
    started = time.monotonic()
    error = failure(plain_send, server, timeout=30)
    assert error.kind == "reply_too_long"
    assert "far longer than any mail server" in str(error) and "Nothing was sent" in str(error)
    assert time.monotonic() - started < 30  # cut by size, never by the timeout


def test_a_reply_dripped_byte_by_byte_ends_at_the_timeout(scripted_smtp):
    """Each byte keeps a read alive; the whole reply still has only the timeout."""
    server = scripted_smtp({"greeting": dripped(b"220 " + b"x" * 200 + b"\r\n", 0.1)})
    error = failure(plain_send, server, timeout=1)
    assert error.kind == "timeout" and "within 1 seconds" in str(error)
