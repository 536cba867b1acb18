"""Server mode's client against real servers: llama-cpp-python's own, and one that misbehaves."""

from __future__ import annotations

import itertools
import json
import threading
import time

import pytest
import trustme
from helpers.fault_server import FaultServer, Script
from helpers.llama_server import API_KEY

from composer.engine.base import Cancelled, ChatMessage, GenerationRequest
from composer.engine.remote import RemoteEngine, ServerConfig, ServerError
from composer.engine.sse import Event, EventDecoder, EventTooLarge

_asked = itertools.count()


def ask() -> GenerationRequest:
    """A request no earlier test sent: llama-cpp-python's server answers a prompt it
    has just seen whole with nothing (its prefix cache), which is not what is tested."""
    note = next(_asked)
    return GenerationRequest(
        (ChatMessage("user", f"Email {note} to Anna: thank her for Friday and propose Tuesday."),),
        max_tokens=24,
        temperature=0.0,
    )


STREAM = (
    b": keep-alive\r\n\r\n"
    b'data: {"choices":[{"delta":{"content":"Merci "}}]}\r\n\r\n'
    b'data: {"choices":[{"delta":{"content":"\xc3\xa0 vous \xe2\x9c\x93"}}]}\n\n'
    b'event: message\ndata: {"choices":[{"delta":{},"finish_reason":"stop"}],\n'
    b'data: "usage":{"prompt_tokens":12,"completion_tokens":2}}\r\r'
    b"data: [DONE]\n\n"
)


def _collect(pieces):
    decoder = EventDecoder()
    events = []
    for piece in pieces:
        events += decoder.feed(piece)
    return events


def test_events_are_the_same_however_the_bytes_are_cut():
    whole = _collect([STREAM])
    assert [e.data for e in whole][0] == '{"choices":[{"delta":{"content":"Merci "}}]}'
    assert json.loads(whole[1].data)["choices"][0]["delta"]["content"] == "à vous ✓"
    assert json.loads(whole[2].data)["usage"]["completion_tokens"] == 2  # two data lines joined
    assert whole[-1] == Event("[DONE]")
    for cut in range(1, len(STREAM)):
        assert _collect([STREAM[:cut], STREAM[cut:]]) == whole, cut
    assert _collect([bytes([b]) for b in STREAM]) == whole


def test_a_comment_only_stream_has_no_events_and_an_unended_event_is_dropped():
    assert _collect([b": ping\n\n: ping\n\n", b'data: {"half": ']) == []


def test_a_crlf_cut_by_an_empty_piece_is_still_one_line_end():
    assert _collect([b"data: a\r", b"", b"\ndata: b\r\n\r\n"]) == [Event("a\nb")]


def test_a_byte_order_mark_opens_the_stream_only():
    assert _collect([b"\xef\xbb", b"\xbfdata: x\n\n"]) == [Event("x")]
    assert _collect([b"data: \xef\xbb\xbfy\n\n"]) == [Event("\ufeffy")]


def test_a_line_or_an_event_past_the_limit_raises():
    decoder = EventDecoder(limit=1000)
    decoder.feed(b"data: " + b"x" * 900)
    with pytest.raises(EventTooLarge):
        decoder.feed(b"x" * 200)  # the line is not ended yet, and already too long
    decoder = EventDecoder(limit=1000)
    decoder.feed(b"data: " + b"y" * 400 + b"\ndata: " + b"y" * 400 + b"\n")
    with pytest.raises(EventTooLarge):
        decoder.feed(b"data: " + b"y" * 400 + b"\n")  # three short lines, one event


def test_a_long_line_costs_linear_time():
    """16 MB in 1 KB pieces: re-scanning what is pending would take minutes, not this."""
    decoder = EventDecoder(limit=32 << 20)
    piece = b"z" * 1024
    start = time.monotonic()
    assert decoder.feed(b"data: ") == []
    for _ in range(16 << 10):
        assert decoder.feed(piece) == []
    (event,) = decoder.feed(b"\r\n\r\n")
    assert len(event.data) == 16 << 20
    assert time.monotonic() - start < 10  # generous: about 0.1 s here


@pytest.fixture
def fault_server(llama_server):
    server = FaultServer(upstream=llama_server.removesuffix("/v1"))
    yield server
    server.close()


def _engine(url, **config):
    config.setdefault("api_key", API_KEY)
    return RemoteEngine(ServerConfig(url, **config))


def test_draft_streams_from_llama_cpp_server_with_the_api_key(llama_server):
    engine = _engine(llama_server, read_timeout=60)
    info = engine.connect()
    assert info.device == llama_server.split("/")[2]
    pieces = list(engine.stream(ask(), threading.Event()))
    assert "".join(pieces).strip()
    stats = engine.last_stats
    assert stats.generated_tokens > 0 and stats.stop_reason in ("stop", "length")
    assert stats.prompt_tokens > 5  # the server's own count, from the usage chunk
    report = engine.test_connection()
    assert report.model == info.name and report.models and report.latency_s > 0
    engine.close()


def test_a_wrong_api_key_is_named(llama_server):
    engine = _engine(llama_server, api_key="not-the-key")
    with pytest.raises(ServerError, match="refused the API key") as caught:
        engine.connect()
    assert caught.value.status == 401
    engine.close()


def test_a_model_the_server_lacks_is_named_with_what_it_offers(llama_server):
    engine = _engine(llama_server, model="gpt-imaginary")
    with pytest.raises(ServerError, match="gpt-imaginary.*It offers"):
        engine.connect()
    engine.close()


def _plain_parse(body: bytes) -> str:
    """The answer's text from a whole stream, read the simple way (the test's oracle)."""
    text = ""
    for block in body.decode("utf-8").replace("\r\n", "\n").split("\n\n"):
        data = "\n".join(ln[5:].strip() for ln in block.split("\n") if ln.startswith("data:"))
        if data and data != "[DONE]":
            for choice in json.loads(data)["choices"]:
                text += choice["delta"].get("content") or ""
    return text


def test_answer_cut_into_single_bytes_with_delays_reads_the_same(fault_server):
    engine = _engine(fault_server.url)
    engine.connect()
    seen = []
    fault_server.script = Script(piece=1, delay=0.0005, transform=lambda b: seen.append(b) or b)
    written = "".join(engine.stream(ask(), threading.Event()))
    assert written.strip()
    assert written == _plain_parse(seen[0])
    engine.close()


def test_a_cut_stream_says_the_answer_did_not_end(fault_server):
    engine = _engine(fault_server.url)
    engine.connect()
    fault_server.script = Script(cut_after=120)
    with pytest.raises(ServerError, match="before the answer ended"):
        list(engine.stream(ask(), threading.Event()))
    engine.close()


def test_corrupted_json_in_the_stream_is_reported(fault_server):
    engine = _engine(fault_server.url)
    engine.connect()
    fault_server.script = Script(transform=lambda body: body.replace(b'"choices"', b'"choi', 1))
    with pytest.raises(ServerError, match="not valid JSON"):
        list(engine.stream(ask(), threading.Event()))
    engine.close()


def test_an_error_event_inside_the_stream_is_reported(fault_server):
    engine = _engine(fault_server.url)
    engine.connect()
    fault_server.script = Script(
        body=b'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n'
        b'event: error\ndata: {"error":{"message":"model crashed: out of memory"}}\n\n',
        headers={"content-type": "text/event-stream"},
    )
    with pytest.raises(ServerError, match="out of memory"):
        list(engine.stream(ask(), threading.Event()))
    engine.close()


@pytest.mark.parametrize(
    ("status", "headers", "words"),
    [
        (401, {}, "refused the API key"),
        (403, {}, "refused the API key"),
        (404, {}, "does not offer this model"),
        (413, {}, "too long for the model"),
        (400, {}, "too long for the model"),  # body says "context"
        (429, {"retry-after": "7"}, "wait 7 seconds"),
        (429, {}, "busy"),
        (500, {}, "failed \\(HTTP 500\\)"),
        (503, {}, "failed \\(HTTP 503\\)"),
    ],
)
def test_each_http_error_gets_its_sentence(fault_server, status, headers, words):
    engine = _engine(fault_server.url)
    engine.connect()
    fault_server.script = Script(
        status=status,
        headers=headers,
        body=b'{"error":{"message":"requested tokens exceed context window of 2048"}}',
    )
    with pytest.raises(ServerError, match=words) as caught:
        list(engine.stream(ask(), threading.Event()))
    assert caught.value.status == status
    assert "exceed context window" in str(caught.value)  # the server's own reason comes along
    engine.close()


def test_stop_closes_a_silent_stream_at_once(fault_server):
    engine = _engine(fault_server.url, read_timeout=30)
    engine.connect()
    fault_server.script = Script(silent=True)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    start = time.monotonic()
    with pytest.raises(Cancelled):
        list(engine.stream(ask(), cancel))
    assert time.monotonic() - start < 3  # not the 30 s read timeout
    engine.close()


def test_a_silent_server_times_out_with_a_sentence(fault_server):
    engine = _engine(fault_server.url, read_timeout=0.5)
    engine.connect()
    fault_server.script = Script(silent=True)
    with pytest.raises(ServerError, match="stopped answering"):
        list(engine.stream(ask(), threading.Event()))
    engine.close()


def test_nobody_listening_is_named():
    from helpers.smtp_server import free_port

    engine = _engine(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ServerError, match="Cannot reach 127.0.0.1"):
        engine.connect()
    engine.close()


@pytest.fixture
def tls_servers(llama_server, tmp_path):
    ca = trustme.CA()
    good = ca.issue_cert("127.0.0.1")
    wrong = ca.issue_cert("other.example.org")
    servers = {}
    for name, cert in (("good", good), ("wrong", wrong)):
        context = trustme.ssl.create_default_context(trustme.ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(context)
        servers[name] = FaultServer(upstream=llama_server.removesuffix("/v1"), tls=context)
    bundle = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    yield servers, str(bundle)
    for server in servers.values():
        server.close()


def test_tls_with_the_company_ca_works_and_a_stranger_or_wrong_name_is_refused(tls_servers):
    servers, bundle = tls_servers
    engine = _engine(servers["good"].url, ca_bundle=bundle)
    engine.connect()
    assert "".join(engine.stream(ask(), threading.Event())).strip()
    engine.close()

    untrusted = _engine(servers["good"].url)  # only the OS trust store
    with pytest.raises(ServerError, match="not trusted"):
        untrusted.connect()
    untrusted.close()

    wrong = _engine(servers["wrong"].url, ca_bundle=bundle)
    with pytest.raises(ServerError, match="issued for another name"):
        wrong.connect()
    wrong.close()
