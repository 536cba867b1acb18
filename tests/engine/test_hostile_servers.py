"""Server mode against servers that misbehave: slow, endless, huge, malformed, redirecting.

Every server here is real: a loopback socket server (HostileServer) whose
answer to each request is a small function written by the test, speaking raw
HTTP/1.1 so it can break the rules the way a hostile or broken server does.
Each test asserts which sentence comes back, that the call returns (a Stop,
a bound or a deadline ends it; timings are generous, never tight), and where
a server floods, that what Composer read or kept stays under its bound.
No model is needed: this is the quick suite.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from composer.engine import remote
from composer.engine.base import Cancelled, ChatMessage, GenerationRequest
from composer.engine.remote import RemoteEngine, ServerConfig, ServerError
from composer.engine.sse import EVENT_LIMIT

GENEROUS_S = 10.0  # "returns": far above what any of these takes on an idle machine
MB = 1 << 20
MODELS = json.dumps({"object": "list", "data": [{"id": "tiny", "max_model_len": 4096}]}).encode()


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Peer:
    """One accepted connection, as a test's answer function sees it."""

    def __init__(self, conn: socket.socket, server: HostileServer) -> None:
        self.conn = conn
        self.server = server

    def send(self, data: bytes) -> None:
        """Send all of *data*; OSError once the client has gone (that ends the answer)."""
        self.conn.sendall(data)
        with self.server.lock:
            self.server.sent += len(data)

    def head(self, status: int = 200, headers: dict[str, str] | None = None) -> None:
        lines = [f"HTTP/1.1 {status} Whatever"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def whole(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        headers = {"Content-Length": str(len(body)), "Connection": "close"}
        if content_type:
            headers["Content-Type"] = content_type
        self.head(status, headers)
        self.send(body)

    def events(self, *events: bytes | str, end: bool = True) -> None:
        """A streamed answer: each event as a data line (dicts and strings as JSON)."""
        self.head(200, {"Content-Type": "text/event-stream", "Connection": "close"})
        for event in events:
            data = event if isinstance(event, bytes) else event.encode()
            self.send(b"data: " + data + b"\n\n")
        if end:
            self.send(b"data: [DONE]\n\n")

    def forever(self, block: bytes, pause: float = 0.0) -> None:
        """Send *block* again and again until the client goes or the test ends."""
        while not self.server.stopping.is_set():
            self.send(block)
            if pause:
                self.server.stopping.wait(pause)

    def wait(self) -> None:
        """Say nothing until the client goes or the test ends."""
        self.conn.settimeout(0.05)
        while not self.server.stopping.is_set():
            try:
                if not self.conn.recv(1):
                    return
            except TimeoutError:
                continue


Answer = Callable[[Peer, Request], None]


@dataclass
class HostileServer:
    """A loopback HTTP server that answers every request with *answer*."""

    answer: Answer
    requests: list[Request] = field(default_factory=list)
    sent: int = 0  # body and head bytes the client accepted (or the kernel buffered)
    ended: int = 0  # connections whose answer is over (the client hung up, or it was sent)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)  # accept() looks at `stopping` this often
        self.port = self._listener.getsockname()[1]
        self._connections: list[socket.socket] = []
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def close(self) -> None:
        self.stopping.set()
        self._threads[0].join(5)  # accepts no more
        self._listener.close()
        for conn in list(self._connections):
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in self._threads[1:]:
            thread.join(5)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            self._connections.append(conn)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = _read_request(conn)
                self.requests.append(request)
                self.answer(Peer(conn, self), request)
            except OSError:
                pass  # the client went away: what the tests want
        with self.lock:
            self.ended += 1

    def all_hung_up(self) -> bool:
        """Whether every connection is over, within a generous wait (none left hanging)."""
        deadline = time.monotonic() + GENEROUS_S
        while time.monotonic() < deadline:
            if self.ended == len(self.requests):
                return True
            time.sleep(0.01)
        return False


def _read_request(conn: socket.socket) -> Request:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise ConnectionError
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    first, *lines = head.decode("latin-1").split("\r\n")
    method, path, _ = first.split(" ", 2)
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines)}
    while len(body) < int(headers.get("content-length", "0")):
        body += conn.recv(65536)
    return Request(method, path, headers, body)


def chat(answer: Answer) -> Answer:
    """*answer* for the chat request; a plain model list for GET /models."""

    def route(peer: Peer, request: Request) -> None:
        if request.path.endswith("/models"):
            peer.whole(200, MODELS)
        else:
            answer(peer, request)

    return route


@pytest.fixture
def serve() -> Iterator[Callable[[Answer], HostileServer]]:
    servers: list[HostileServer] = []

    def start(answer: Answer) -> HostileServer:
        servers.append(HostileServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def engines() -> Iterator[Callable[..., RemoteEngine]]:
    made: list[RemoteEngine] = []

    def make(url: str, **config: object) -> RemoteEngine:
        config.setdefault("connect_timeout", 5.0)
        config.setdefault("read_timeout", 5.0)
        made.append(RemoteEngine(ServerConfig(url, **config)))
        return made[-1]

    yield make
    for engine in made:
        engine.close()


def ask() -> GenerationRequest:
    return GenerationRequest((ChatMessage("user", "Thank Anna for Friday."),), max_tokens=64)


def write(engine: RemoteEngine, cancel: threading.Event | None = None) -> str:
    return "".join(engine.stream(ask(), cancel or threading.Event()))


@contextlib.contextmanager
def returns_within(seconds: float = GENEROUS_S) -> Iterator[None]:
    start = time.monotonic()
    yield
    assert time.monotonic() - start < seconds


@contextlib.contextmanager
def peak_memory_under(limit: int) -> Iterator[None]:
    """The most Python memory held at once during the block stays under *limit* bytes."""
    tracemalloc.start()
    try:
        yield
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limit, f"peak {peak / MB:.1f} MB"


def stop_after(seconds: float) -> threading.Event:
    cancel = threading.Event()
    timer = threading.Timer(seconds, cancel.set)
    timer.daemon = True
    timer.start()
    return cancel


def chunk(text: str | dict) -> str:
    """One chat-completion chunk with *text*, or the dict given."""
    found = text if isinstance(text, dict) else {"choices": [{"delta": {"content": text}}]}
    return json.dumps(found)


FINISH = chunk({"choices": [{"delta": {}, "finish_reason": "stop"}]})


# -- the model list ----------------------------------------------------------


def drip(peer: Peer, _request: Request) -> None:
    """Headers, then one byte of a body that never ends, every 50 ms."""
    peer.head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    peer.forever(b"1\r\n \r\n", pause=0.05)


def test_stop_ends_a_model_list_that_drips(serve, engines):
    server = serve(drip)
    engine = engines(server.url, read_timeout=60)
    with returns_within(), pytest.raises(Cancelled):
        engine.connect(stop_after(0.3))
    assert server.all_hung_up()  # Composer closed the connection, not just stopped waiting


def test_a_model_list_that_drips_for_ever_meets_the_whole_request_bound(serve, engines):
    engine = engines(serve(drip).url, connect_timeout=0.5, read_timeout=1.0)
    with returns_within(), pytest.raises(ServerError, match="did not finish answering within 1.5"):
        engine.list_models()


def test_stop_ends_a_model_list_never_answered(serve, engines):
    server = serve(lambda peer, _r: peer.wait())
    engine = engines(server.url, read_timeout=60)
    with returns_within(), pytest.raises(Cancelled):
        engine.connect(stop_after(0.3))
    assert server.all_hung_up()


def test_a_model_list_that_never_ends_is_cut_at_its_bound(serve, engines):
    def endless(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "application/json"})  # no length: until closed
        peer.send(b'{"data": [')
        peer.forever(b'{"id": "m"}, ' * 5000)

    server = serve(endless)
    engine = engines(server.url)
    with (
        returns_within(),
        peak_memory_under(24 * MB),
        pytest.raises(ServerError, match="larger than 8 MB"),
    ):
        engine.list_models()
    assert server.sent < remote.MODEL_LIST_LIMIT + 16 * MB  # read no further than the bound


def test_a_big_but_real_model_list_is_read_and_a_missing_model_named_briefly(serve, engines):
    listed = [
        {"id": f"org/model-{n}", "description": "A model. " * 100, "context_length": 8192}
        for n in range(4000)
    ]
    body = json.dumps({"data": listed}).encode()
    assert 3 * MB < len(body) < remote.MODEL_LIST_LIMIT
    url = serve(lambda peer, _r: peer.whole(200, body)).url
    assert len(engines(url).list_models()) == 4000
    with pytest.raises(ServerError, match="does not offer the model") as caught:
        engines(url, model="not-there").connect()
    assert len(str(caught.value)) < 500  # ten ids and "…", never 4000
    assert "org/model-0" in str(caught.value) and "org/model-3999" not in str(caught.value)


def test_a_model_list_declaring_a_huge_length_is_refused_by_its_bound(serve, engines):
    def huge(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "application/json", "Content-Length": str(10**12)})
        peer.forever(b" " * 65536)

    server = serve(huge)
    with returns_within(), pytest.raises(ServerError, match="larger than 8 MB"):
        engines(server.url).list_models()


def test_a_model_list_bomb_is_inflated_only_up_to_its_bound(serve, engines):
    bomb = gzip.compress(b" " * (40 * MB), compresslevel=9)  # ~40 KB on the wire

    def gzipped(peer: Peer, _request: Request) -> None:
        headers = {"Content-Encoding": "gzip", "Content-Length": str(len(bomb))}
        peer.head(200, {"Content-Type": "application/json", **headers})
        peer.send(bomb)

    url = serve(gzipped).url
    with (
        returns_within(),
        peak_memory_under(24 * MB),
        pytest.raises(ServerError, match="larger than 8 MB"),
    ):
        engines(url).list_models()


def test_an_unknown_compression_is_named(serve, engines):
    def brotli(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Encoding": "br", "Content-Length": "4"})
        peer.send(b"\x8b\x00\x80\x03")

    with pytest.raises(ServerError, match=r"compressed its answer in a way .* \(br\)"):
        engines(serve(brotli).url).list_models()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b'{"data": "x"}', "did not list its models"),
        (b'{"models": []}', "did not list its models"),
        (b"null", "did not list its models"),
        (b'[{"id": "m"}]', "did not list its models"),
        (b'{"data": [5, null, {"id": 7}, {"id": true}, {"id": ""}]}', "no usable id"),
        (('{"data": [{"id": "' + "m" * 5000 + '"}]}').encode(), "no usable id"),
        (b'{"data": [{"id": "a\\u0000b"}]}', "no usable id"),
        (b'{"data": []}', "offers no models"),
        (b'{"data": [' * 100_000, "nested too deeply"),
        (b'{"data": [{"id": "m"}', "did not answer like an OpenAI-compatible server"),
        (b"\xff\xfe\x00{", "did not answer like an OpenAI-compatible server"),
        (b"   ", "sent an empty answer"),
    ],
    ids=[
        "data-a-string",
        "no-data",
        "null",
        "a-bare-list",
        "mistyped-ids",
        "id-too-long",
        "id-with-a-control-character",
        "empty-list",
        "deep-nesting",
        "cut-json",
        "invalid-utf8",
        "blank",
    ],
)
def test_a_malformed_model_list_gets_a_sentence(serve, engines, body, words):
    engine = engines(serve(lambda peer, _r: peer.whole(200, body)).url)
    with pytest.raises(ServerError, match=words):
        engine.connect()


def test_mistyped_and_null_model_facts_are_ignored_not_raised(serve, engines):
    listed = {
        "data": [
            {
                "id": "m",
                "max_model_len": "4096",
                "context_length": True,
                "context_window": 10**40,
                "n_ctx": None,
                "meta": [1, 2],
            }
        ]
    }
    url = serve(lambda peer, _r: peer.whole(200, json.dumps(listed).encode())).url
    info = engines(url).connect()
    assert info.name == "m" and info.context_size == 0  # the server decides


# -- redirects, pages, headers, HTTP itself -------------------------------------


def test_a_redirect_to_another_host_is_not_followed(serve, engines):
    elsewhere = serve(chat(lambda peer, _r: peer.events(chunk("stolen"), FINISH)))
    target = f"http://user:pw@localhost:{elsewhere.port}/v1/chat/completions"

    def redirect(peer: Peer, request: Request) -> None:
        peer.head(307, {"Location": target, "Content-Length": "0"})

    engine = engines(serve(chat(redirect)).url)
    engine.connect()
    with pytest.raises(ServerError, match="sent the request on to another address") as caught:
        write(engine)
    assert f"http://localhost:{elsewhere.port}" in str(caught.value)
    assert "pw" not in str(caught.value)
    assert caught.value.status == 307
    assert elsewhere.requests == []  # nothing, and no email text, went there


def test_a_redirected_model_list_is_not_followed_either(serve, engines):
    def moved(peer: Peer, _request: Request) -> None:
        peer.head(301, {"Location": "/v2/models", "Content-Length": "0"})

    with pytest.raises(ServerError, match=r"another address \(HTTP 301, /v2/models\)"):
        engines(serve(moved).url).connect()


@pytest.mark.parametrize("where", ["models", "answer"])
def test_a_web_page_instead_of_the_api_is_named(serve, engines, where):
    page = b"<!DOCTYPE html><html><body>Sign in to the proxy</body></html>"

    def login(peer: Peer, request: Request) -> None:
        if where == "models" or not request.path.endswith("/models"):
            peer.whole(200, page, "text/html; charset=utf-8")
        else:
            peer.whole(200, MODELS)

    engine = engines(serve(login).url)
    with pytest.raises(ServerError, match="answered with a web page"):
        engine.connect()
        write(engine)


def test_a_web_page_without_its_type_is_recognised(serve, engines):
    engine = engines(
        serve(chat(lambda peer, _r: peer.whole(200, b"\n <html>Gateway</html>", ""))).url
    )
    with pytest.raises(ServerError, match="answered with a web page"):
        write(engine)


def test_stop_ends_headers_that_drip(serve, engines):
    def slow_headers(peer: Peer, _request: Request) -> None:
        peer.send(b"HTTP/1.1 200 OK\r\n")
        peer.forever(b"x", pause=0.05)  # a header line that never ends

    server = serve(chat(slow_headers))
    engine = engines(server.url, read_timeout=60)
    engine.connect()
    with returns_within(), pytest.raises(Cancelled):
        write(engine, stop_after(0.3))
    assert server.all_hung_up()


def test_an_endless_header_breaks_the_rules_of_http(serve, engines):
    def huge_header(peer: Peer, _request: Request) -> None:
        peer.send(b"HTTP/1.1 200 OK\r\nX-Pad: ")
        peer.forever(b"a" * 65536)

    engine = engines(serve(chat(huge_header)).url)
    engine.connect()
    with returns_within(), pytest.raises(ServerError, match="breaks the rules of HTTP"):
        write(engine)


def test_chunked_garbage_breaks_the_rules_of_http(serve, engines):
    def garbage(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream", "Transfer-Encoding": "chunked"})
        peer.send(b"zz-not-hex\r\ndata: hello\r\n")

    engine = engines(serve(chat(garbage)).url)
    engine.connect()
    with pytest.raises(ServerError, match="breaks the rules of HTTP"):
        write(engine)


def test_an_empty_answer_is_named(serve, engines):
    engine = engines(serve(chat(lambda peer, _r: peer.whole(200, b"", "text/event-stream"))).url)
    with pytest.raises(ServerError, match="sent an empty answer"):
        write(engine)


def test_a_connection_closed_before_any_answer_is_named(serve, engines):
    engine = engines(serve(chat(lambda peer, _r: None)).url)  # read the request, hang up
    engine.connect()
    with pytest.raises(ServerError, match="closed the connection before the answer ended"):
        write(engine)


# -- error answers ---------------------------------------------------------------


def test_an_error_answer_with_an_endless_body_is_cut_at_its_bound(serve, engines):
    def endless_error(peer: Peer, _request: Request) -> None:
        peer.head(500, {"Content-Type": "application/json"})
        peer.send(b'{"error": {"message": "')
        peer.forever(b"a" * 65536)

    server = serve(chat(endless_error))
    engine = engines(server.url)
    engine.connect()
    with (
        returns_within(),
        peak_memory_under(8 * MB),
        pytest.raises(ServerError, match=r"failed \(HTTP 500\)") as caught,
    ):
        write(engine)
    assert "The server said" not in str(caught.value)  # a cut body has no reason to quote
    assert server.sent < remote.ERROR_BODY_LIMIT + 16 * MB


def test_an_error_body_that_drips_is_not_waited_for(serve, engines, monkeypatch):
    monkeypatch.setattr(remote, "ERROR_BODY_WAIT_S", 0.3)

    def dripping_error(peer: Peer, _request: Request) -> None:
        peer.head(503, {"Content-Type": "application/json", "Content-Length": "1000000"})
        peer.forever(b" ", pause=0.05)

    engine = engines(serve(chat(dripping_error)).url, read_timeout=60)
    engine.connect()
    with returns_within(), pytest.raises(ServerError, match=r"failed \(HTTP 503\)"):
        write(engine)


def test_a_hostile_error_reason_is_quoted_short_and_printable(serve, engines):
    reason = "\u202eevil\x1b[31m\r\nlog: line " + "A" * 10_000
    body = json.dumps({"error": {"message": reason}}).encode()
    engine = engines(serve(chat(lambda peer, _r: peer.whole(400, body))).url)
    with pytest.raises(ServerError, match=r"refused the request \(HTTP 400\)") as caught:
        write(engine)
    said = str(caught.value).split("The server said: ")[1]
    assert said.startswith("evil [31m log: line AAA") and said.endswith("…")
    assert len(said) <= remote.EXCERPT_CHARS
    assert all(c.isprintable() for c in said)


def test_an_absurd_retry_after_is_not_repeated(serve, engines):
    def busy(peer: Peer, _request: Request) -> None:
        peer.head(429, {"Retry-After": "99999999999999999999", "Content-Length": "0"})

    engine = engines(serve(chat(busy)).url)
    with pytest.raises(ServerError, match=r"busy \(too many requests\)"):
        write(engine)


def test_an_error_event_with_a_mistyped_message_still_gets_a_sentence(serve, engines):
    error = chunk({"error": {"message": {"nested": ["x"] * 5}}})
    engine = engines(serve(chat(lambda peer, _r: peer.events(chunk("Hi"), error))).url)
    with pytest.raises(ServerError, match="stopped the answer with an error: unknown error"):
        write(engine)


# -- the event stream -------------------------------------------------------------


def test_an_endless_event_line_is_cut_at_its_bound(serve, engines):
    def endless_line(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream"})
        peer.send(b'data: {"choices": [{"delta": {"content": "')
        peer.forever(b"x" * 65536)

    server = serve(chat(endless_line))
    engine = engines(server.url)
    engine.connect()
    with (
        returns_within(),
        peak_memory_under(16 * MB),
        pytest.raises(ServerError, match="piece of the answer larger than 1 MB"),
    ):
        write(engine)
    assert server.sent < EVENT_LIMIT + 16 * MB


def test_a_50_mb_line_is_refused_after_its_first_megabyte(serve, engines):
    line = b"data: " + b"y" * (50 * MB) + b"\n\n"

    def fifty(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream", "Content-Length": str(len(line))})
        view = memoryview(line)
        for start in range(0, len(line), 1 << 16):
            peer.send(view[start : start + (1 << 16)])

    server = serve(chat(fifty))
    engine = engines(server.url)
    engine.connect()
    with returns_within(), pytest.raises(ServerError, match="larger than 1 MB"):
        write(engine)
    time.sleep(0.1)
    assert server.sent < 20 * MB  # given up long before the end of the line


def test_many_data_lines_of_one_event_are_bounded_together(serve, engines):
    def many_lines(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream"})
        peer.forever(b"data: " + b"z" * 1000 + b"\n")  # no blank line: one event, growing

    engine = engines(serve(chat(many_lines)).url)
    engine.connect()
    with returns_within(), pytest.raises(ServerError, match="larger than 1 MB"):
        write(engine)


def test_keep_alives_for_ever_end_at_the_answer_bound(serve, engines):
    comment = b": " + b"." * (512 << 10) + b"\n"  # half a megabyte of "still here"

    def keep_alive(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream"})
        peer.forever(comment)

    server = serve(chat(keep_alive))
    engine = engines(server.url)
    engine.connect()
    with returns_within(), pytest.raises(ServerError, match="answer larger than 32 MB"):
        write(engine)


def test_stop_ends_a_flood_of_events(serve, engines):
    def flood(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream"})
        peer.forever(("data: " + chunk("word ") + "\n\n").encode() * 200)

    engine = engines(serve(chat(flood)).url)
    engine.connect()
    cancel = threading.Event()
    written = 0
    with returns_within(), pytest.raises(Cancelled):
        for _piece in engine.stream(ask(), cancel):
            written += 1
            if written == 500:
                cancel.set()
    assert engine.last_stats.stop_reason == "cancelled"


def test_stop_ends_an_answer_that_drips(serve, engines):
    def drip_events(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream"})
        peer.forever(b": .\n", pause=0.05)

    server = serve(chat(drip_events))
    engine = engines(server.url, read_timeout=60)
    engine.connect()
    with returns_within(), pytest.raises(Cancelled):
        write(engine, stop_after(0.3))
    assert server.all_hung_up()


def test_an_event_nested_too_deeply_is_named(serve, engines):
    deep = b"[" * 200_000 + b"]" * 200_000
    engine = engines(serve(chat(lambda peer, _r: peer.events(deep))).url)
    with pytest.raises(ServerError, match="nested too deeply"):
        write(engine)


@pytest.mark.parametrize(
    ("event", "field_name"),
    [
        ({"choices": "x"}, "choices"),
        ({"choices": [5]}, "choices"),
        ({"choices": [{"delta": 5}]}, "delta"),
        ({"choices": [{"delta": {"content": 5}}]}, "content"),
        ({"choices": [{"delta": {"content": ["a"]}}]}, "content"),
        ({"choices": [{"delta": {}, "finish_reason": 5}]}, "finish_reason"),
        ({"choices": [], "usage": "x"}, "usage"),
        ({"choices": [], "usage": {"prompt_tokens": "12"}}, "prompt_tokens"),
        ({"choices": [], "usage": {"completion_tokens": True}}, "completion_tokens"),
        ({"choices": [], "usage": {"completion_tokens": 10**40}}, "completion_tokens"),
        ({"choices": [], "usage": {"prompt_tokens": -3}}, "prompt_tokens"),
        ({"choices": [], "timings": {"predicted_ms": "fast"}}, "predicted_ms"),
        ({"choices": [], "timings": []}, "timings"),
        (5, "the answer"),
        ("text", "the answer"),
        ([{"choices": []}], "the answer"),
    ],
    ids=lambda value: json.dumps(value)[:40] if not isinstance(value, str) else value,
)
def test_a_mistyped_field_gets_a_sentence_naming_it(serve, engines, event, field_name):
    engine = engines(serve(chat(lambda peer, _r: peer.events(chunk("Hi"), json.dumps(event)))).url)
    with pytest.raises(ServerError, match="in a form Composer cannot read") as caught:
        write(engine)
    assert f"“{field_name}”" in str(caught.value)


def test_not_a_number_timings_get_a_sentence(serve, engines):
    bad = b'{"choices": [], "timings": {"predicted_ms": NaN, "prompt_ms": Infinity}}'
    engine = engines(serve(chat(lambda peer, _r: peer.events(bad))).url)
    with pytest.raises(ServerError, match="“predicted_ms”"):
        write(engine)


def test_null_everywhere_is_absence_not_failure(serve, engines):
    nulls = [
        chunk({"choices": None, "usage": None, "timings": None, "error": None}),
        chunk({"choices": [{"delta": None, "finish_reason": None}]}),
        chunk({"choices": [{"delta": {"content": None, "role": None}}]}),
        chunk({"choices": [{"delta": {"content": "Merci"}, "finish_reason": None}]}),
        chunk({"choices": [{"delta": {}, "finish_reason": "stop"}], "usage": None}),
    ]
    engine = engines(serve(chat(lambda peer, _r: peer.events(*nulls))).url)
    assert write(engine) == "Merci"
    only_nulls = serve(chat(lambda peer, _r: peer.events(*nulls[:3], end=False)))
    with pytest.raises(ServerError, match="closed the connection before the answer ended"):
        write(engines(only_nulls.url))


def test_invalid_utf8_becomes_replacement_characters(serve, engines):
    event = b'{"choices": [{"delta": {"content": "caf\xc3\xa9 \xff\xfe ok"}}]}'
    engine = engines(serve(chat(lambda peer, _r: peer.events(event, FINISH))).url)
    assert write(engine) == "café \ufffd\ufffd ok"


def test_a_connection_closed_mid_event_says_the_answer_did_not_end(serve, engines):
    def cut(peer: Peer, _request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream"})
        peer.send(("data: " + chunk("Hello") + "\n\n").encode())
        peer.send(b'data: {"choices": [{"delta": {"content": "wor')

    engine = engines(serve(chat(cut)).url)
    with pytest.raises(ServerError, match="closed the connection before the answer ended"):
        write(engine)


def test_a_length_that_lies_says_the_answer_did_not_end(serve, engines):
    def short(peer: Peer, _request: Request) -> None:
        body = ("data: " + chunk("Hello") + "\n\n").encode()
        peer.head(200, {"Content-Type": "text/event-stream", "Content-Length": "100000"})
        peer.send(body)

    engine = engines(serve(chat(short)).url)
    with pytest.raises(ServerError, match="closed the connection before the answer ended"):
        write(engine)


def test_plain_text_instead_of_events_is_named(serve, engines):
    engine = engines(serve(chat(lambda peer, _r: peer.whole(200, b"OK then", "text/plain"))).url)
    with pytest.raises(ServerError, match="did not answer like an OpenAI-compatible server"):
        write(engine)


def test_the_stream_ends_at_done_whatever_follows(serve, engines):
    def chatty(peer: Peer, _request: Request) -> None:
        peer.events(chunk("Done."), FINISH)
        peer.forever(b"data: junk after the end\n\n" * 1000)

    engine = engines(serve(chat(chatty)).url)
    with returns_within():
        assert write(engine) == "Done."


def test_a_server_that_answers_in_one_piece_is_read(serve, engines):
    whole = {
        "choices": [
            {"message": {"role": "assistant", "content": "Thanks!"}, "finish_reason": "length"}
        ],
        "usage": {"prompt_tokens": 9, "completion_tokens": 2},
    }
    engine = engines(serve(chat(lambda peer, _r: peer.whole(200, json.dumps(whole).encode()))).url)
    assert write(engine) == "Thanks!"
    assert engine.last_stats.stop_reason == "length" and engine.last_stats.generated_tokens == 2


# -- test connection, addresses ---------------------------------------------------


def test_test_connection_is_stoppable_and_bounded(serve, engines):
    def silent_answer(peer: Peer, request: Request) -> None:
        peer.head(200, {"Content-Type": "text/event-stream"})
        peer.forever(b": .\n", pause=0.05)

    url = serve(chat(silent_answer)).url
    with returns_within(), pytest.raises(Cancelled):
        engines(url, read_timeout=60).test_connection(stop_after(0.3))
    with returns_within(), pytest.raises(ServerError, match="did not finish answering within"):
        engines(url, connect_timeout=0.5, read_timeout=1.0).test_connection()


def test_an_address_with_a_password_is_refused_before_any_request(serve):
    server = serve(chat(lambda peer, _r: peer.events(chunk("x"), FINISH)))
    address = f"http://anna:hunter2@127.0.0.1:{server.port}/v1"
    with pytest.raises(ServerError, match="user name or password") as caught:
        RemoteEngine(ServerConfig(address))
    assert "hunter2" not in str(caught.value)
    assert server.requests == []
