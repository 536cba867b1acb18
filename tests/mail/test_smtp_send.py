"""Sending to a real SMTP server on loopback: what arrives, and every failure in words."""

from __future__ import annotations

import email
import email.policy
import threading
import time

import pytest
from helpers.smtp_server import HOST, PASSWORD

from composer.mail.drafts import Draft
from composer.mail.message import parse_message
from composer.mail.outgoing import build_message, envelope_recipients
from composer.mail.smtp_send import SendError, send_message

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
    assert "too large" in str(error) and "0.0 MB" in str(error)  # 20 kB = 0.0 MB
    assert server.received == []


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
