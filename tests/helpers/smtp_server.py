"""A real SMTP server on loopback (aiosmtpd) with a test CA (trustme), for send tests.

smtp_server(mode=...) starts one: "starttls" (STARTTLS required before AUTH),
"tls" (implicit TLS) or "none" (plain, no STARTTLS offered). AUTH LOGIN/PLAIN
accepts USER/PASSWORD only. A recipient whose address starts with "nobody@"
is refused with 550. Every accepted message lands in server.received as
(mail_from, rcpt_tos, raw bytes, MAIL FROM options). SMTPUTF8 is offered unless
enable_SMTPUTF8=False is given. Only 127.0.0.1 is ever used.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from composer.mail.accounts import Account

HOST = "127.0.0.1"
USER = "anna"
PASSWORD = "correct horse ✓"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    mail_options: list[str] = field(default_factory=list)  # MAIL FROM's: SIZE=, SMTPUTF8


@dataclass
class SmtpServer:
    port: int
    mode: str
    client_context: ssl.SSLContext
    received: list[Received] = field(default_factory=list)

    def account(self, **changes: object) -> Account:
        values: dict[str, object] = {
            "id": "acc1",
            "name": "Anna Müller",
            "address": "anna@example.org",
            "host": HOST,
            "port": self.port,
            "security": self.mode,
            "username": USER,
        }
        values.update(changes)
        return Account(**values)  # type: ignore[arg-type]


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.server.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                envelope.original_content,
                list(envelope.mail_options),
            )
        )
        return "250 Message accepted"


def _authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535


@pytest.fixture(scope="session")
def test_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def trusted_ca(test_ca, tmp_path, monkeypatch) -> None:
    """The test CA trusted as a system's would be (SSL_CERT_FILE), for the app's own TLS path."""
    pem = tmp_path / "test-ca.pem"
    test_ca.cert_pem.write_to_path(str(pem))
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))


@pytest.fixture
def smtp_server(test_ca) -> Iterator:
    """smtp_server(mode="starttls", cert_names=("127.0.0.1", "localhost"), **aiosmtpd options)."""
    controllers: list[Controller] = []

    def start(
        mode: str = "starttls", cert_names: tuple[str, ...] = (HOST, "localhost"), **options
    ) -> SmtpServer:
        server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        test_ca.issue_cert(*cert_names).configure_cert(server_ctx)
        client_ctx = ssl.create_default_context()
        test_ca.configure_trust(client_ctx)
        server = SmtpServer(free_port(), mode, client_ctx)
        kwargs: dict[str, object] = {
            "authenticator": _authenticate,
            # aiosmtpd hides AUTH behind implicit TLS when it requires TLS for it
            # (it only counts STARTTLS), so that check is for STARTTLS only.
            "auth_require_tls": mode == "starttls",
        }
        if mode == "starttls":
            kwargs.update(tls_context=server_ctx, require_starttls=True)
        elif mode == "tls":
            kwargs.update(ssl_context=server_ctx)
        kwargs.update(options)
        controller = Controller(_Handler(server), hostname=HOST, port=server.port, **kwargs)
        controller.start()
        controllers.append(controller)
        return server

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts TCP connections and never says a word."""
    with socket.socket() as listener:
        listener.bind((HOST, 0))
        listener.listen(8)
        yield int(listener.getsockname()[1])


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    return free_port()
