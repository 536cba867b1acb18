"""A real SMTP server on loopback (aiosmtpd) with a test CA (trustme), for send tests.

smtp_server(mode=...) starts one: "starttls" (STARTTLS required before AUTH),
"tls" (implicit TLS) or "none" (plain, no STARTTLS offered). AUTH LOGIN/PLAIN
accepts USER/PASSWORD only. A recipient whose address starts with "nobody@"
is refused with 550. Every accepted message lands in server.received as
(mail_from, rcpt_tos, raw bytes, MAIL FROM options). SMTPUTF8 is offered unless
enable_SMTPUTF8=False is given. Only 127.0.0.1 is ever used.

scripted_smtp(answers) starts a raw-socket server for what aiosmtpd will not
do: it answers each command from a script (a refusing greeting, 454 to AUTH,
no answer after the data's final ".", an endless reply, a reply dripped a
byte at a time). See ScriptedSmtp.
"""

from __future__ import annotations

import socket
import socketserver
import ssl
import threading
import time
from collections.abc import Callable, Iterator
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


def sender_account(changes: dict[str, object], *, port: int, security: str) -> Account:
    """The account the tests send from, on a server of theirs at *port*; *changes* win."""
    values: dict[str, object] = {
        "id": "acc1",
        "name": "Anna Müller",
        "address": "anna@example.org",
        "host": HOST,
        "port": port,
        "security": security,
        "username": USER,
    }
    values.update(changes)
    return Account(**values)  # type: ignore[arg-type]


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
        return sender_account(changes, port=self.port, security=self.mode)


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


# -- a scripted raw SMTP server -------------------------------------------------------------

SILENT = "silent"  # say nothing more; wait until the client hangs up
HANG_UP = "hang up"  # close the connection at once
Answer = bytes | str | Callable[[socket.socket], None]  # a callable writes what it likes

DEFAULT_ANSWERS: dict[str, Answer] = {
    "greeting": b"220 scripted.test ESMTP\r\n",
    "EHLO": b"250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10000000\r\n",
    "HELO": b"250 scripted.test\r\n",
    "AUTH": b"235 2.7.0 Authentication successful\r\n",
    "MAIL": b"250 2.1.0 OK\r\n",
    "RCPT": b"250 2.1.5 OK\r\n",
    "DATA": b"354 End data with <CR><LF>.<CR><LF>\r\n",
    ".": b"250 2.0.0 OK queued\r\n",  # the answer to the data's final "."
    "RSET": b"250 2.0.0 OK\r\n",
    "NOOP": b"250 2.0.0 OK\r\n",
    "QUIT": b"221 2.0.0 Bye\r\n",
}
ENDLESS_CAP = 64 * 1024 * 1024  # an "endless" answer stops here, so a broken client ends too


def endless(piece: bytes) -> Callable[[socket.socket], None]:
    """An answer without end: *piece* again and again until the client hangs up.

    endless(b"250-x\r\n") is a multi-line reply that never ends;
    endless(b"x") is one line that never ends.
    """

    def write(conn: socket.socket) -> None:
        chunk = piece * max(1, 4096 // len(piece))
        for _ in range(ENDLESS_CAP // len(chunk)):
            conn.sendall(chunk)

    return write


def dripped(answer: bytes, every_s: float) -> Callable[[socket.socket], None]:
    """*answer* one byte at a time, a byte every *every_s* seconds (each read stays alive)."""

    def write(conn: socket.socket) -> None:
        for byte in answer:
            conn.sendall(bytes([byte]))
            time.sleep(every_s)

    return write


@dataclass
class ScriptedSmtp:
    """A raw SMTP server on loopback answering from *answers* (DEFAULT_ANSWERS overridden).

    Keys: "greeting", a command's verb ("EHLO", "AUTH", "MAIL", "RCPT", "DATA",
    "QUIT"...) and "." for the answer to the data's final dot. A value is the
    raw bytes to send, SILENT, HANG_UP or a callable (endless, dripped) after
    which the connection ends. The script may be changed between connections.
    """

    port: int
    answers: dict[str, Answer]
    commands: list[str] = field(default_factory=list)  # each command line received
    messages: list[bytes] = field(default_factory=list)  # data received up to a final "."
    got_data: threading.Event = field(default_factory=threading.Event)  # a final "." came
    # Plain text only (no STARTTLS offered): any context, for the same calls as SmtpServer.
    client_context: ssl.SSLContext = field(default_factory=ssl.create_default_context)

    def account(self, **changes: object) -> Account:
        # Plain text: the script sees every command.
        return sender_account(changes, port=self.port, security="none")

    def serve(self, conn: socket.socket) -> None:
        """One connection, as the script says; any socket error simply ends it."""
        reader = conn.makefile("rb")
        try:
            if not self._answer(conn, "greeting"):
                return
            while line := reader.readline(100_000):
                command = line.decode("utf-8", "replace").strip()
                self.commands.append(command)
                verb = command.split(" ", 1)[0].upper()
                if not self._answer(conn, verb) or verb == "QUIT":
                    return
                if verb == "DATA" and self._says(verb, b"354"):
                    self.messages.append(_read_data(reader))
                    self.got_data.set()
                    if not self._answer(conn, "."):
                        return
        except OSError:
            return  # the client hung up (as it should, on an endless answer)
        finally:
            reader.close()

    def _says(self, key: str, start: bytes) -> bool:
        answer = self.answers.get(key, b"")
        return isinstance(answer, bytes) and answer.startswith(start)

    def _answer(self, conn: socket.socket, key: str) -> bool:
        """Send the answer for *key*; False when the connection is to end."""
        answer = self.answers.get(key, b"500 5.5.2 Unknown command\r\n")
        if answer == HANG_UP:
            return False
        if answer == SILENT:
            while conn.recv(4096):
                pass  # until the client gives up
            return False
        if callable(answer):
            answer(conn)
            return False
        assert isinstance(answer, bytes)
        conn.sendall(answer)
        return True


def _read_data(reader) -> bytes:
    lines = []
    while (line := reader.readline(100_000)) not in (b".\r\n", b""):
        lines.append(line)
    return b"".join(lines)


def serve_tcp(serve: Callable[[socket.socket], None], name: str) -> socketserver.ThreadingTCPServer:
    """A loopback server calling *serve* for each connection, in a thread of its own.

    Stop it with shutdown() and server_close().
    """

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            serve(self.request)

    server = socketserver.ThreadingTCPServer((HOST, 0), Handler)
    server.daemon_threads = True
    # A short poll: shutdown() waits for it at every test's end.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name=name, daemon=True)
    thread.start()
    return server


@pytest.fixture
def scripted_smtp() -> Iterator[Callable[..., ScriptedSmtp]]:
    """scripted_smtp({"AUTH": b"454 4.7.0 Try again later\r\n"}) -> a running ScriptedSmtp."""
    servers: list[socketserver.ThreadingTCPServer] = []

    def start(answers: dict[str, Answer] | None = None) -> ScriptedSmtp:
        script = ScriptedSmtp(0, {**DEFAULT_ANSWERS, **(answers or {})})
        server = serve_tcp(script.serve, "scripted-smtp")
        script.port = int(server.server_address[1])
        servers.append(server)
        return script

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
