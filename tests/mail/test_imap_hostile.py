"""A hostile IMAP server: every trick ends in its ImapError, with the client's memory bounded.

The fake server (a threaded socket server on loopback) speaks just enough
IMAP to get the client to the command under test, then answers it as the
test says: a 2 GB literal, untagged lines without end, a line without end,
a connection dropped in the middle of an APPEND, a full mailbox.
"""

from __future__ import annotations

import re
import socket
import socketserver
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from helpers.imap_server import call
from helpers.smtp_server import serve_tcp

from composer.mail.accounts import Account
from composer.mail.imap_client import MAX_UNTAGGED, connect
from composer.mail.imap_envelope import MessageRef
from composer.mail.imap_errors import ImapError
from composer.mail.imap_mailbox import append_sent, fetch_message, recent_messages

HOST = "127.0.0.1"
CAP = 64 * 1024 * 1024  # an "endless" answer stops here, so a broken client ends too
MEMORY_BOUND = 24 * 1024 * 1024  # well under CAP: the client did not keep what it was sent

Answer = bytes | Callable[[socket.socket, object, bytes, bytes], None]


def endless(piece: bytes) -> Answer:
    def write(conn, _reader, _tag, _rest) -> None:
        chunk = piece * max(1, 65536 // len(piece))
        for _ in range(CAP // len(chunk)):
            conn.sendall(chunk)

    return write


def then_endless(first: bytes, piece: bytes) -> Answer:
    def write(conn, reader, tag, rest) -> None:
        conn.sendall(first)
        endless(piece)(conn, reader, tag, rest)

    return write


def _authenticate(conn, reader, tag, _rest) -> None:
    conn.sendall(b"+ \r\n")
    reader.readline(10_000)
    conn.sendall(tag + b" OK Logged in\r\n")


def _append(read_whole: bool, answer: bytes | None) -> Answer:
    def handle(conn, reader, tag, rest) -> None:
        size = int(re.search(rb"\{(\d+)\}$", rest).group(1))
        conn.sendall(b"+ Ready for literal data\r\n")
        reader.read(size + 2 if read_whole else size // 2)
        if answer is None:
            raise ConnectionAbortedError  # hang up: the copy may or may not be stored
        conn.sendall(tag + b" " + answer + b"\r\n")

    return handle


DEFAULTS: dict[bytes, Answer] = {
    b"CAPABILITY": b"* CAPABILITY IMAP4rev1 AUTH=PLAIN UIDPLUS\r\nTAG OK done\r\n",
    b"AUTHENTICATE": _authenticate,
    b"LIST": b'* LIST (\\HasNoChildren \\Sent) "/" Sent\r\n* LIST () "/" INBOX\r\nTAG OK done\r\n',
    b"EXAMINE": b"* 3 EXISTS\r\n* OK [UIDVALIDITY 7] UIDs valid\r\nTAG OK [READ-ONLY] done\r\n",
    b"SELECT": b"* 3 EXISTS\r\n* OK [UIDVALIDITY 7] UIDs valid\r\nTAG OK [READ-WRITE] done\r\n",
    b"FETCH": b"TAG OK done\r\n",
    b"APPEND": _append(True, b"OK [APPENDUID 7 9] done"),
    b"LOGOUT": b"* BYE bye\r\nTAG OK done\r\n",
}


@dataclass
class FakeImap:
    port: int
    answers: dict[bytes, Answer]
    greeting: bytes = b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake ready\r\n"
    commands: list[bytes] = field(default_factory=list)

    def account(self, **changes) -> Account:
        values = {
            "id": "a", "name": "Anna", "address": "anna@example.org", "host": "smtp.example.org",
            "imap_host": HOST, "imap_port": self.port, "imap_security": "none", "imap_user": "anna",
        }  # fmt: skip
        values.update(changes)
        return Account(**values)

    def serve(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        try:
            conn.sendall(self.greeting)
            while line := reader.readline(100_000):
                tag, _, rest = line.rstrip(b"\r\n").partition(b" ")
                verb, _, rest = rest.partition(b" ")
                if verb.upper() == b"UID":
                    verb, _, rest = rest.partition(b" ")
                verb = verb.upper()
                self.commands.append(verb)
                answer = self.answers.get(verb, DEFAULTS.get(verb, b"TAG BAD unknown\r\n"))
                if callable(answer):
                    answer(conn, reader, tag, rest)
                else:
                    conn.sendall(answer.replace(b"TAG", tag))
                if verb == b"LOGOUT":
                    return
        except OSError:
            return  # the client hung up, as it should on an endless answer
        finally:
            reader.close()


@pytest.fixture
def fake_imap() -> Iterator[Callable[..., FakeImap]]:
    servers: list[socketserver.ThreadingTCPServer] = []

    def start(answers: dict[bytes, Answer] | None = None, **options) -> FakeImap:
        fake = FakeImap(0, dict(answers or {}), **options)
        server = serve_tcp(fake.serve, "fake-imap")
        fake.port = int(server.server_address[1])
        servers.append(server)
        return fake

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def failure(callable_, *args, **kwargs) -> ImapError:
    with pytest.raises(ImapError) as info:
        call(callable_, *args, timeout=10, **kwargs)
    return info.value


def bounded_failure(callable_, *args, **kwargs) -> ImapError:
    """failure(), with the memory Python allocated meanwhile checked against MEMORY_BOUND."""
    tracemalloc.start()
    try:
        error = failure(callable_, *args, **kwargs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"{peak} bytes"
    return error


REF = MessageRef("INBOX", 7, 1)


def test_a_2gb_literal_is_refused_before_it_is_read(fake_imap):
    fake = fake_imap(
        {b"FETCH": then_endless(b"* 1 FETCH (UID 1 BODY[] {2147483648}\r\n", b"\0" * 4096)}
    )
    error = bounded_failure(fetch_message, fake.account(), "pw", REF)
    assert error.kind == "reply_too_long"
    assert "far longer than any mail server" in str(error)


def test_an_oversized_literal_in_an_envelope(fake_imap):
    # 64 KB is far more than any sender name: the inbox list does not take 10 MB for one.
    first = b'* 3 FETCH (UID 3 FLAGS () ENVELOPE ("date" {10000000}\r\n'
    fake = fake_imap({b"FETCH": then_endless(first, b"A" * 4096)})
    error = bounded_failure(recent_messages, fake.account(), "pw")
    assert error.kind == "reply_too_long"


def test_endless_untagged_lines(fake_imap):
    fake = fake_imap({b"EXAMINE": endless(b"* OK still here\r\n")})
    error = bounded_failure(recent_messages, fake.account(), "pw")
    assert error.kind == "reply_too_long"
    assert MAX_UNTAGGED * len(b"* OK still here\r\n") < CAP  # the limit, not the cap, ended it


def test_endless_fetch_answers(fake_imap):
    fake = fake_imap({b"FETCH": endless(b"* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n")})
    assert bounded_failure(recent_messages, fake.account(), "pw").kind == "reply_too_long"


def test_a_line_without_end(fake_imap):
    fake = fake_imap({b"EXAMINE": then_endless(b"* OK ", b"x" * 4096)})
    error = bounded_failure(recent_messages, fake.account(), "pw")
    assert error.kind == "reply_too_long"


def test_a_greeting_without_end(fake_imap):
    fake = fake_imap(greeting=b"* OK " + b"x" * 2_000_000)
    assert bounded_failure(recent_messages, fake.account(), "pw").kind == "reply_too_long"


def test_dropped_after_the_whole_append_may_have_stored_it(fake_imap):
    fake = fake_imap({b"APPEND": _append(True, None)})
    error = failure(append_sent, fake.account(), "pw", b"Subject: x\r\n\r\nbody\r\n")
    assert error.kind == "dropped"
    assert "may or may not be there" in str(error) and "Sent" in str(error)
    assert fake.commands.count(b"APPEND") == 1  # never sent twice


def test_dropped_in_the_middle_of_an_append(fake_imap):
    fake = fake_imap({b"APPEND": _append(False, None)})
    message = b"Subject: x\r\n\r\n" + b"0123456789\r\n" * 400_000  # 4.8 MB: more than buffers hold
    error = failure(append_sent, fake.account(), "pw", message)
    assert error.kind == "dropped"
    assert fake.commands.count(b"APPEND") == 1


@pytest.mark.parametrize(
    ("answer", "kind", "words"),
    [
        (b"NO [OVERQUOTA] Quota exceeded (mailbox for user is full)", "quota", "is full"),
        (b"NO [TOOBIG] Message too large", "too_large", "too large"),
        (b"NO [TRYCREATE] Mailbox does not exist", "folder_missing", "Sent"),
        (b"NO \x1b[31mred\x1b[0m nope", "server_said", "nope"),
    ],
)
def test_append_refusals_in_words(fake_imap, answer, kind, words):
    fake = fake_imap({b"APPEND": _append(True, answer)})
    error = failure(append_sent, fake.account(), "pw", b"Subject: x\r\n\r\nbody\r\n")
    assert error.kind == kind
    assert words in str(error) and "\x1b" not in str(error)


def test_append_over_the_announced_limit_is_not_sent(fake_imap):
    caps = b"* CAPABILITY IMAP4rev1 AUTH=PLAIN APPENDLIMIT=1000\r\nTAG OK done\r\n"
    fake = fake_imap({b"CAPABILITY": caps})
    error = failure(append_sent, fake.account(), "pw", b"Subject: x\r\n\r\n" + b"y" * 2000)
    assert error.kind == "too_large"
    assert b"APPEND" not in fake.commands


def test_starttls_not_offered_sends_no_password(fake_imap):
    fake = fake_imap()
    error = failure(recent_messages, fake.account(imap_security="starttls"), "pw")
    assert error.kind == "no_tls_offered"
    assert b"AUTHENTICATE" not in fake.commands


def test_a_refusing_greeting(fake_imap):
    fake = fake_imap(greeting=b"* BYE Too many connections\r\n")
    error = failure(recent_messages, fake.account(), "pw")
    assert error.kind == "server_said"
    assert "Too many connections" in str(error)


def test_garbage_fetch_answers_are_unreadable(fake_imap):
    fake = fake_imap({b"FETCH": b'* 3 FETCH (UID 3 ENVELOPE ("unterminated)\r\nTAG OK done\r\n'})
    assert failure(recent_messages, fake.account(), "pw").kind == "unreadable_answer"


def test_a_silent_server_times_out(silent_server):
    account = Account(
        id="a", name="A", address="a@example.org", host="h", imap_host=HOST,
        imap_port=silent_server, imap_security="none",
    )  # fmt: skip
    with pytest.raises(ImapError) as info:
        connect(account, "pw", timeout=0.3)
    assert info.value.kind == "timeout"
    assert "within 0.3 seconds" in str(info.value)


def test_cancel_while_the_server_streams(fake_imap):
    cancel = threading.Event()

    # A slow, endless stream within every limit: only Cancel ends it.
    def slow(conn, _reader, _tag, _rest) -> None:
        while not cancel.is_set():
            conn.sendall(b"* OK x\r\n")
            time.sleep(0.01)
        time.sleep(5)  # then silence: the client must not be waiting for it

    fake = fake_imap({b"EXAMINE": slow})
    threading.Timer(0.3, cancel.set).start()
    error = failure(recent_messages, fake.account(), "pw", cancel=cancel)
    assert error.kind == "cancelled"
