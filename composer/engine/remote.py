"""The assistant on a server the user chose: OpenAI-compatible chat completions.

llama.cpp's llama-server, vLLM, Ollama's /v1, llama-cpp-python's server or a
company gateway all speak this API. RemoteEngine sits behind the same Engine
protocol as the local model, so actions, review, undo and the stale guard are
the same; only where the text goes differs, which the GUI says and the user
consented to. Never a silent fallback: every failure is an EngineError with a
sentence naming the server, and the caller decides.

The server is not trusted to behave. Every request (the model list, the
answer, "Test connection") is read on a thread of its own and handed over
through a small queue, so Stop acts at once even while the server is silent
or drips bytes: the waiting caller looks at the cancel event every 20 ms and
shuts the connection's socket down when it is set, which wakes a read blocked
in that thread. Every read is
bounded (an error body, the model list, one event, a whole answer), the
event stream is parsed in one pass, and any JSON the server sends, however
deep or mistyped, ends in a ServerError with a sentence, never in a Python
exception. What the server wrote reaches a sentence only as a short,
printable excerpt.
"""

from __future__ import annotations

import json
import logging
import math
import queue
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from composer.engine.base import (
    Availability,
    Cancelled,
    ChatMessage,
    EngineError,
    GenerationRequest,
    GenerationStats,
    ModelInfo,
    ProgressCallback,
)
from composer.engine.sse import EventDecoder, EventTooLarge
from composer.messages import UserFacingError, UserMessage, user_message

log = logging.getLogger(__name__)

CHARS_PER_TOKEN = 3.0  # a cautious guess for the "too long" check: no tokenizer here

# How much of the server's bytes Composer reads, at most (after decompression).
# An error body only carries a one-line reason: 64 KiB is plenty.
ERROR_BODY_LIMIT = 64 << 10
# The status already makes the sentence; the body only adds the server's
# reason, so a body that drips is not waited for long.
ERROR_BODY_WAIT_S = 5.0
# Big gateways list a few hundred models with descriptions (about 1 MB).
MODEL_LIST_LIMIT = 8 << 20
# A streamed answer costs a few hundred bytes per token (each chunk repeats
# ids and names); a rewrite of a long email is some 30,000 tokens, ~10 MB.
ANSWER_LIMIT = 32 << 20
# A model id longer than this, or with control characters, is not one.
MODEL_ID_LIMIT = 256
EXCERPT_CHARS = 200  # the most of the server's own words a sentence quotes
LISTED_MODELS = 10  # "It offers: a, b, c…": the rest is cut, never a wall of text
# Reader thread → caller: at most this many pieces wait (each <= 64 KiB from
# httpcore), so a fast server cannot fill memory while the caller is busy.
QUEUE_PIECES = 16
POLL_S = 0.02  # how often a waiting caller looks at its cancel event and deadline
LARGEST_COUNT = 2**31 - 1  # token counts and context sizes beyond this are not real
DEFAULT_PORTS = {"http": 80, "https": 443}


class ServerError(EngineError, UserFacingError):
    """A server failure; the text names the server and, where known, the way out."""

    def __init__(self, message: UserMessage, *, status: int | None = None) -> None:
        UserFacingError.__init__(self, message)
        self.status = status


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """*text* cut short and made printable: what a sentence may quote from a server."""
    text = text[: limit * 4]  # bound the work before cleaning
    # Control, format (bidi overrides, zero-width) and line characters go: a
    # quote must not reorder, hide or break the sentence around it.
    kept = "".join(c if c.isprintable() else " " for c in text)
    words = " ".join(kept.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def url_origin(url: str) -> str:
    """scheme://host:port of *url*, the port always written: what consent is given to.

    https://h and https://h:443 are one origin; https://h and http://h are
    two, as are two ports of one host. User-info never appears.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:  # not a port number: address_problem names it
        port = None
    return f"{scheme}://{host}:{port}" if port else f"{scheme}://{host}"


def address_problem(url: str) -> UserMessage | None:
    """Why *url* cannot be a server's address; None when it can.

    The sentence never repeats the address: it may hold a password.
    """
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in DEFAULT_PORTS or not parts.netloc:
        return user_message(
            "Server", "Enter the server's address, starting with https:// (or http://)."
        )
    if "@" in parts.netloc:
        # A password in the address would show wherever the address shows,
        # and be sent to any server the address leads to.
        return user_message(
            "Server",
            "The address contains a user name or password (the part before “@”). Remove it: "
            "Composer keeps secrets only in the system keychain. Put an API key in the API "
            "key field.",
        )
    if any(c.isspace() or not c.isprintable() for c in text):
        return user_message("Server", "The address contains spaces or invisible characters.")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or not parts.hostname:
        return user_message(
            "Server", "The address needs a server name and, if any, a port from 1 to 65535."
        )
    if "?" in text or "#" in text:
        return user_message(
            "Server",
            "The address must not contain “?” or “#”: enter the server and its path only, "
            "such as https://llm.example.org/v1.",
        )
    return None


@dataclass(frozen=True)
class ServerConfig:
    base_url: str  # e.g. "https://llm.example.org/v1"; "/v1" is added when missing
    model: str = ""  # "" = the first model the server lists
    api_key: str | None = None  # from the keychain; never stored here on disk
    ca_bundle: str | None = None  # a company CA, beside the OS trust store
    connect_timeout: float = 10.0
    read_timeout: float = 120.0  # between two pieces of an answer, not for the whole

    @property
    def api_root(self) -> str:
        url = self.base_url.strip().rstrip("/")
        return url if url.endswith("/v1") else url + "/v1"

    @property
    def host(self) -> str:
        """What the user sees as "where the text goes" (host and port, never user-info)."""
        parts = urlsplit(self.api_root)
        return parts.netloc.rpartition("@")[2] or self.api_root

    @property
    def origin(self) -> str:
        """scheme://host:port: what the user consents to send text to."""
        return url_origin(self.api_root)

    @property
    def whole_request_s(self) -> float:
        """The longest a model list or a connection test may take, however the server drips."""
        return self.connect_timeout + self.read_timeout


@dataclass(frozen=True)
class ConnectionReport:
    """The plain result of "Test connection"."""

    models: tuple[str, ...]
    model: str
    reply: str
    latency_s: float  # to the first piece of a one-token answer


def _tls_context(ca_bundle: str | None) -> ssl.SSLContext:
    """Verification always on: the OS trust store where it can be read, plus the user's CA."""
    from composer.models.http_get import tls_context

    if not ca_bundle:
        return tls_context()
    context = ssl.create_default_context()
    try:
        context.load_verify_locations(cafile=ca_bundle)
    except (OSError, ssl.SSLError) as exc:
        raise ServerError(
            user_message("Server", "The certificate authority file %1 could not be read (%2).").arg(
                ca_bundle, type(exc).__name__
            )
        ) from exc
    return context


def _retry_after(value: str | None) -> str:
    if not value:
        return ""
    value = value.strip()
    # Whole seconds, or an HTTP date; more than 11 days is no real answer.
    if value.isascii() and value.isdigit() and len(value) <= 6:
        return value
    try:
        delay = parsedate_to_datetime(value).timestamp() - time.time()
    except (TypeError, ValueError, OverflowError, IndexError):
        return ""
    return str(max(1, round(delay))) if 0 < delay < 1e6 else ""


def _parse_json(text: str | bytes) -> Any:
    """Decoded JSON; ValueError for anything that is not (too deep a nesting included)."""
    try:
        return json.loads(text)
    except RecursionError as exc:  # the C decoder's guard against deep nesting
        raise _TooDeep() from exc


class _TooDeep(ValueError):
    """JSON nested deeper than Python's decoder goes."""


def _error_detail(found: Any) -> str:
    """The server's own one-line reason, from a decoded OpenAI-style error, if any."""
    if not isinstance(found, dict):
        return ""
    error = found.get("error")
    if isinstance(error, dict):
        error = error.get("message")
    if error is None:
        error = found.get("detail") or found.get("message")
    return excerpt(error) if isinstance(error, str) else ""


def _server_detail(body: bytes) -> str:
    """The server's own one-line reason, from an OpenAI-style error body, if any."""
    try:
        return _error_detail(_parse_json(body.decode("utf-8", errors="replace")))
    except ValueError:
        return ""


def http_error(status: int, host: str, body: bytes, headers: httpx.Headers) -> ServerError:
    """The sentence for an HTTP error status from the server at *host*."""
    detail = _server_detail(body)
    if status in (401, 403):
        message = user_message(
            "Server", "%1 refused the API key (HTTP %2). Check the key in Settings > Assistant."
        ).arg(host, status)
    elif status == 404:
        message = user_message(
            "Server",
            "%1 does not offer this model or this API (HTTP 404). "
            "Pick a model from its list in Settings > Assistant.",
        ).arg(host)
    elif status == 413 or (status == 400 and "context" in detail.lower()):
        message = user_message(
            "Server",
            "The email is too long for the model on %1 (HTTP %2). "
            "Select a part of the email and ask again.",
        ).arg(host, status)
    elif status == 429:
        wait = _retry_after(headers.get("retry-after"))
        message = (
            user_message(
                "Server", "%1 is busy and asks to wait %2 seconds before asking again."
            ).arg(host, wait)
            if wait
            else user_message("Server", "%1 is busy (too many requests). Try again shortly.").arg(
                host
            )
        )
    elif status >= 500:
        message = user_message(
            "Server",
            "The server %1 failed (HTTP %2). Try again later, or switch to the model "
            "on this computer in Settings > Assistant.",
        ).arg(host, status)
    else:
        message = user_message("Server", "%1 refused the request (HTTP %2).").arg(host, status)
    if detail:
        message = user_message("Server", "%1 The server said: %2").arg(message, detail)
    return ServerError(message, status=status)


def redirect_error(status: int, host: str, location: str) -> ServerError:
    """A redirect is never followed: the text would go somewhere the user did not choose."""
    target = url_origin(location) if "://" in location else location
    return ServerError(
        user_message(
            "Server",
            "%1 sent the request on to another address (HTTP %2, %3). Composer does not "
            "follow it: your text goes only to the server you chose. If the server moved, "
            "change its address in Settings > Assistant.",
        ).arg(host, status, excerpt(target, 100) or "?"),
        status=status,
    )


# h11/httpcore's words for a peer that hung up early (anything else is a broken answer).
_CLOSED_EARLY = ("peer closed", "disconnected", "unexpectedly closed", "connection reset")


def transport_error(exc: Exception, host: str, config: ServerConfig) -> ServerError:
    """The sentence for a failure below HTTP: name resolution, refusal, TLS, timeouts."""
    reason = exc.__context__ or exc.__cause__
    text = f"{exc} {reason}".lower()
    if isinstance(exc, httpx.ConnectTimeout):
        message = user_message("Server", "%1 did not answer within %2 seconds.").arg(
            host, f"{config.connect_timeout:g}"
        )
    elif isinstance(exc, httpx.ReadTimeout):
        message = user_message("Server", "%1 stopped answering (nothing for %2 seconds).").arg(
            host, f"{config.read_timeout:g}"
        )
    elif "certificate verify failed" in text or isinstance(reason, ssl.SSLCertVerificationError):
        if "hostname" in text or "ip address mismatch" in text:
            message = user_message(
                "Server",
                "The certificate of %1 was issued for another name, so Composer did not "
                "send anything to it.",
            ).arg(host)
        else:
            message = user_message(
                "Server",
                "The certificate of %1 is not trusted, so Composer did not send anything "
                "to it. If your organisation uses its own certificate authority, add its "
                "file in Settings > Assistant.",
            ).arg(host)
    elif isinstance(exc, httpx.ConnectError):
        message = user_message(
            "Server", "Cannot reach %1. Check the address and your network connection."
        ).arg(host)
    elif isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)) and any(
        words in text for words in _CLOSED_EARLY
    ):
        message = closed_early(host)
    elif isinstance(exc, httpx.RemoteProtocolError):
        message = user_message(
            "Server",
            "%1 sent an answer that breaks the rules of HTTP, so Composer stopped reading it.",
        ).arg(host)
    else:
        message = user_message("Server", "The connection to %1 failed (%2).").arg(
            host, type(exc).__name__
        )
    return ServerError(message)


def closed_early(host: str) -> UserMessage:
    return user_message("Server", "%1 closed the connection before the answer ended.").arg(host)


def _megabytes(limit: int) -> str:
    return f"{limit / (1 << 20):g}"


class _Exchange:
    """One request, read on its own thread so that Stop never waits for the server.

    The reader thread passes ("status", response) / ("data", bytes) / ("end", None) /
    ("error", exception) to the caller through a bounded queue. abort() shuts
    the connection down, which wakes a read blocked in that thread. The
    socket is known from the moment the TCP connection is made (httpx's trace
    hook): every request gets a fresh connection (the client keeps none
    alive), so that moment always comes. A duplicate of the socket is kept,
    because TLS takes the original over and detaches it.
    """

    def __init__(
        self,
        client: httpx.Client,
        method: str,
        path: str,
        *,
        body: dict[str, Any] | None = None,
        accept: str = "application/json",
    ) -> None:
        self.items: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=QUEUE_PIECES)
        self._client = client
        self._request = (method, path, body, accept)
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None  # our duplicate of the connection's
        self._aborted = threading.Event()
        self._thread = threading.Thread(target=self._run, name="server-answer", daemon=True)
        self._thread.start()

    def _trace(self, name: str, info: dict[str, Any]) -> None:
        if name != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._socket = sock.dup()
            if self._aborted.is_set():  # Stop came while connecting
                self._shut_down()

    def _run(self) -> None:
        method, path, body, accept = self._request
        try:
            with self._client.stream(
                method,
                path,
                json=body,
                headers={"Accept": accept},
                extensions={"trace": self._trace},
            ) as response:
                if not self._put(("status", response)):
                    return
                for chunk in response.iter_raw():
                    if not self._put(("data", chunk)):
                        return
            self._put(("end", None))
        except Exception as exc:  # every failure goes to the caller, who names it
            self._put(("error", exc))

    def _put(self, item: tuple[str, Any]) -> bool:
        """Hand *item* over, waiting while the caller is behind; False once aborted."""
        while not self._aborted.is_set():
            try:
                self.items.put(item, timeout=POLL_S)
                return True
            except queue.Full:
                continue
        return False

    def _shut_down(self) -> None:
        """Wake the reader and end the connection; the lock is held."""
        if self._socket is None:
            return
        try:
            self._socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._socket.close()
        self._socket = None

    def abort(self) -> None:
        with self._lock:
            self._aborted.set()
            self._shut_down()

    def next(self, cancel: threading.Event, deadline: float | None) -> tuple[str, Any]:
        """The next item; ("late", None) past *deadline*; Cancelled as soon as *cancel* is set."""
        while True:
            if cancel.is_set():
                self.abort()
                raise Cancelled()
            if deadline is not None and time.monotonic() > deadline:
                self.abort()
                return ("late", None)
            try:
                return self.items.get(timeout=POLL_S)
            except queue.Empty:
                continue


def _inflater(encoding: str, host: str) -> Callable[[bytes, int], bytes]:
    """A function giving the decompressed bytes of each piece, at most room + 1 of them.

    Composer asks for no compression; a server that compresses anyway gets
    read with a bound on what it expands to (a few KB of gzip can expand to
    gigabytes).
    """
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return lambda data, _room: data
    if name not in ("gzip", "x-gzip", "deflate"):
        raise ServerError(
            user_message(
                "Server", "%1 compressed its answer in a way Composer does not read (%2)."
            ).arg(host, excerpt(encoding, 40))
        )
    inflate = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib, told by the header

    def piece(data: bytes, room: int) -> bytes:
        try:
            # Output stops at room + 1 bytes: enough to know the bound is passed.
            return inflate.decompress(data, room + 1)
        except zlib.error as exc:
            raise ServerError(
                user_message("Server", "%1 sent a compressed answer that is damaged.").arg(host)
            ) from exc

    return piece


def _content_type(response: httpx.Response) -> str:
    return str(response.headers.get("content-type", "")).partition(";")[0].strip().lower()


def _looks_like_a_page(start: bytes) -> bool:
    return start.lstrip()[:1] == b"<"


class _Shape(Exception):
    """A field of the server's JSON is not what the API says (the field's name)."""


def _field(found: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    """found[key] when it is of *kind*; None when absent or null; _Shape otherwise."""
    value = found.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, kind):
        raise _Shape(key)
    return value


def _count(found: dict[str, Any], key: str) -> int | None:
    value = _field(found, key, int)
    if value is not None and not 0 <= value <= LARGEST_COUNT:
        raise _Shape(key)
    return value  # type: ignore[no-any-return]


def _millis(found: dict[str, Any], key: str) -> float | None:
    value = _field(found, key, (int, float))
    if value is not None and not (math.isfinite(value) and 0 <= value < 1e10):
        raise _Shape(key)
    return None if value is None else float(value)


class RemoteEngine:
    """Chat completions from an OpenAI-compatible server (Engine protocol)."""

    def __init__(self, config: ServerConfig, *, transport: httpx.BaseTransport | None = None):
        problem = address_problem(config.base_url)
        if problem is not None:
            raise ServerError(problem)
        self.config = config
        headers = {
            "Accept": "application/json",
            # Compressed answers need a bounded inflater (_inflater); asking for
            # none keeps the usual case plain.
            "Accept-Encoding": "identity",
        }
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        try:
            self._client = httpx.Client(
                base_url=config.api_root,
                headers=headers,
                timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
                verify=_tls_context(config.ca_bundle),
                transport=transport,
                trust_env=False,  # no proxy or .netrc from the environment: only what the user set
                follow_redirects=False,  # redirect_error says why
                # A fresh connection per request, so Stop always knows its socket.
                limits=httpx.Limits(max_keepalive_connections=0),
            )
        except httpx.InvalidURL as exc:
            raise ServerError(
                user_message("Server", "The address of %1 is not a valid web address.").arg(
                    config.host
                )
            ) from exc
        self._info: ModelInfo | None = None
        self._stats: GenerationStats | None = None
        self._offered: tuple[str, ...] = ()  # the model ids the server listed at connect()

    # -- the Engine protocol ------------------------------------------------

    def availability(self) -> Availability:
        return Availability.AVAILABLE if self._info else Availability.UNAVAILABLE

    @property
    def info(self) -> ModelInfo | None:
        return self._info

    @property
    def last_stats(self) -> GenerationStats | None:
        return self._stats

    def measure_input_usage(self, request: GenerationRequest) -> int:
        """An estimate: the server's tokenizer is not here (the server has the last word)."""
        chars = sum(len(m.content) + 8 for m in request.messages)
        return int(chars / CHARS_PER_TOKEN) + 1

    def close(self) -> None:
        self._client.close()
        self._info = None

    # -- reading an answer, bounded and stoppable ---------------------------

    def _next(
        self, exchange: _Exchange, cancel: threading.Event, deadline: float | None
    ) -> tuple[str, Any]:
        """The exchange's next item; failures and lateness become sentences."""
        kind, value = exchange.next(cancel, deadline)
        host = self.config.host
        if kind == "error":
            raise transport_error(value, host, self.config) from value
        if kind == "late":
            raise ServerError(
                user_message("Server", "%1 did not finish answering within %2 seconds.").arg(
                    host, f"{self.config.whole_request_s:g}"
                )
            )
        return kind, value

    def _open(
        self, exchange: _Exchange, cancel: threading.Event, deadline: float | None
    ) -> httpx.Response:
        """The response once its headers came; a sentence for a redirect or an error status."""
        response: httpx.Response
        _kind, response = self._next(exchange, cancel, deadline)  # always "status" first
        status = response.status_code
        if 300 <= status < 400:
            raise redirect_error(status, self.config.host, response.headers.get("location", ""))
        if status >= 400:
            body = self._error_body(exchange, cancel, response)
            raise http_error(status, self.config.host, body, response.headers)
        return response

    def _error_body(
        self, exchange: _Exchange, cancel: threading.Event, response: httpx.Response
    ) -> bytes:
        """The start of an error answer's body: what came within the byte and time bounds."""
        try:
            inflate = _inflater(response.headers.get("content-encoding", ""), self.config.host)
        except ServerError:
            return b""  # the status alone makes the sentence
        deadline = time.monotonic() + ERROR_BODY_WAIT_S
        body = b""
        while len(body) <= ERROR_BODY_LIMIT:
            kind, value = exchange.next(cancel, deadline)
            if kind != "data":  # the end, a cut connection or too slow: what came is enough
                break
            try:
                body += inflate(value, ERROR_BODY_LIMIT - len(body))
            except ServerError:
                break
        return body[:ERROR_BODY_LIMIT]

    def _pieces_of_body(
        self,
        exchange: _Exchange,
        cancel: threading.Event,
        deadline: float | None,
        response: httpx.Response,
        limit: int,
    ) -> Iterator[bytes]:
        """The body's bytes as they come, decompressed, until the end or past *limit* bytes.

        Past the limit, the last piece carries the byte that passed it: the
        caller sees the total go over and decides what that means.
        """
        inflate = _inflater(response.headers.get("content-encoding", ""), self.config.host)
        total = 0
        while total <= limit:
            kind, value = self._next(exchange, cancel, deadline)
            if kind == "end":
                return
            data = inflate(value, limit - total)
            total += len(data)
            yield data

    def _read(
        self,
        exchange: _Exchange,
        cancel: threading.Event,
        deadline: float | None,
        response: httpx.Response,
        limit: int,
    ) -> bytes | None:
        """The whole body; None as soon as it passes *limit* bytes."""
        pieces = []
        total = 0
        for data in self._pieces_of_body(exchange, cancel, deadline, response, limit):
            total += len(data)
            if total > limit:
                return None
            pieces.append(data)
        return b"".join(pieces)

    def _get_json(self, path: str, cancel: threading.Event, limit: int) -> Any:
        host = self.config.host
        deadline = time.monotonic() + self.config.whole_request_s
        exchange = _Exchange(self._client, "GET", path)
        try:
            response = self._open(exchange, cancel, deadline)
            body = self._read(exchange, cancel, deadline, response, limit)
        finally:
            exchange.abort()
        if body is None:
            raise ServerError(
                user_message(
                    "Server", "%1 sent an answer to %2 larger than %3 MB; Composer stopped reading."
                ).arg(host, path, _megabytes(limit))
            )
        if not body.strip():
            raise _empty(host, path)
        if _content_type(response) in ("text/html", "application/xhtml+xml") or (
            _looks_like_a_page(body[:64])
        ):
            raise _web_page(host)
        try:
            return _parse_json(body.decode("utf-8", errors="replace"))
        except _TooDeep as exc:
            raise _too_deep(host) from exc
        except ValueError as exc:
            raise _not_the_api(host, path) from exc

    # -- connecting ---------------------------------------------------------

    def list_models(self, cancel: threading.Event | None = None) -> list[dict[str, Any]]:
        """The models the server lists (each a dict with a usable "id"); Cancelled on *cancel*."""
        host = self.config.host
        found = self._get_json("/models", cancel or threading.Event(), MODEL_LIST_LIMIT)
        data = found.get("data") if isinstance(found, dict) else None
        if not isinstance(data, list):
            raise ServerError(
                user_message("Server", "%1 did not list its models (GET /v1/models).").arg(host)
            )
        models = [m for m in data if isinstance(m, dict) and _usable_id(m.get("id"))]
        if data and not models:
            raise ServerError(
                user_message(
                    "Server", "%1 listed its models in a form Composer cannot read (no usable id)."
                ).arg(host)
            )
        return models

    def connect(self, cancel: threading.Event | None = None) -> ModelInfo:
        """Check the server and the model; the ModelInfo the GUI shows. Cancelled on *cancel*."""
        host = self.config.host
        models = self.list_models(cancel)
        ids = [m["id"] for m in models]
        self._offered = tuple(ids)
        if not ids:
            raise ServerError(user_message("Server", "%1 offers no models.").arg(host))
        wanted = self.config.model or ids[0]
        chosen = next((m for m in models if m["id"] == wanted), None)
        if chosen is None:
            offered = ", ".join(ids[:LISTED_MODELS]) + (" …" if len(ids) > LISTED_MODELS else "")
            raise ServerError(
                user_message("Server", "%1 does not offer the model “%2”. It offers: %3.").arg(
                    host, excerpt(wanted, MODEL_ID_LIMIT), offered
                )
            )
        context = _context_length(chosen)
        self._info = ModelInfo(
            path=f"{self.config.api_root}#{wanted}",
            name=wanted,
            architecture="server",
            context_size=context or 0,
            trained_context=context,
            chat_template="server",
            device=host,
        )
        return self._info

    def test_connection(self, cancel: threading.Event | None = None) -> ConnectionReport:
        """Reachable, model found, a one-token reply, and how long it took.

        Each step has the whole-request bound, so the page that asked never
        waits on a server that drips bytes for ever.
        """
        cancel = cancel or threading.Event()
        info = self.connect(cancel)  # lists the models once
        models = self._offered
        start = time.perf_counter()
        reply = ""
        latency = 0.0
        request = GenerationRequest(
            (ChatMessage("user", "Say OK."),), max_tokens=1, temperature=0.0
        )
        deadline = time.monotonic() + self.config.whole_request_s
        for piece in self._answer(request, cancel, None, deadline):
            if not reply:
                latency = time.perf_counter() - start
            reply += piece
        return ConnectionReport(models, info.name, reply, latency or time.perf_counter() - start)

    # -- streaming ----------------------------------------------------------

    def stream(
        self,
        request: GenerationRequest,
        cancel: threading.Event,
        on_prompt_progress: ProgressCallback | None = None,
    ) -> Iterator[str]:
        # No whole-answer deadline: a slow server may write for minutes; Stop
        # and the read timeout (silence) end it, the size bound ends a flood.
        return self._answer(request, cancel, on_prompt_progress, None)

    def _answer(
        self,
        request: GenerationRequest,
        cancel: threading.Event,
        on_prompt_progress: ProgressCallback | None,
        deadline: float | None,
    ) -> Iterator[str]:
        if self._info is None:
            self.connect(cancel)
        assert self._info is not None
        stats = GenerationStats(prompt_tokens=self.measure_input_usage(request))
        self._stats = stats
        body = {
            "model": self._info.name,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        started = time.perf_counter()
        first_piece_at: float | None = None
        exchange = _Exchange(
            self._client, "POST", "/chat/completions", body=body, accept="text/event-stream"
        )
        try:
            response = self._open(exchange, cancel, deadline)
            pieces = self._pieces_of_body(exchange, cancel, deadline, response, ANSWER_LIMIT)
            kind = _content_type(response)
            if kind in ("text/html", "application/xhtml+xml"):
                raise _web_page(self.config.host)
            texts = (
                self._whole_answer(pieces, stats)
                if kind == "application/json"
                else self._events(pieces, stats, kind)
            )
            for text in texts:
                if cancel.is_set():  # one network read may hold many pieces
                    raise Cancelled()
                if first_piece_at is None:
                    first_piece_at = time.perf_counter()
                    stats.prompt_seconds = first_piece_at - started
                    if on_prompt_progress is not None:
                        on_prompt_progress(stats.prompt_tokens, stats.prompt_tokens)
                yield text
                stats.generation_seconds = time.perf_counter() - first_piece_at
        except Cancelled:
            stats.stop_reason = "cancelled"
            raise
        finally:
            exchange.abort()  # the answer ended or was given up: the connection goes

    def _events(
        self, pieces: Iterator[bytes], stats: GenerationStats, content_type: str
    ) -> Iterator[str]:
        """The text of a streamed answer (server-sent events), event by event."""
        host = self.config.host
        decoder = EventDecoder()
        total = 0
        start = b""  # the first bytes, to recognise a web page
        seen_event = False
        for data in pieces:
            total += len(data)
            if total > ANSWER_LIMIT:
                raise _too_long(host)
            if len(start) < 64:
                start += data[: 64 - len(start)]
            try:
                events = decoder.feed(data)
            except EventTooLarge as exc:
                raise ServerError(
                    user_message(
                        "Server",
                        "%1 sent a piece of the answer larger than %2 MB; Composer stopped "
                        "reading.",
                    ).arg(host, _megabytes(exc.limit))
                ) from exc
            for event in events:
                seen_event = True
                if event.data.strip() == "[DONE]":
                    return
                yield from self._pieces(event.data, event.event, stats)
        decoder.close()
        if not total:
            raise _empty(host)
        if not seen_event and _looks_like_a_page(start):
            raise _web_page(host)
        if not seen_event and content_type != "text/event-stream":
            raise _not_the_api(host)  # an event stream cut before its first event is not this
        if not stats.stop_reason:
            raise ServerError(closed_early(host))

    def _whole_answer(self, pieces: Iterator[bytes], stats: GenerationStats) -> Iterator[str]:
        """The text of an answer sent in one JSON object (a server that does not stream)."""
        body = bytearray()
        for data in pieces:
            body += data
            if len(body) > ANSWER_LIMIT:
                raise _too_long(self.config.host)
        if not body.strip():
            raise _empty(self.config.host)
        yield from self._pieces(body.decode("utf-8", errors="replace"), "message", stats)
        stats.stop_reason = stats.stop_reason or "stop"  # the whole answer came

    def _pieces(self, data: str, event: str, stats: GenerationStats) -> list[str]:
        """The text in one event; counts and timings where the server reports them."""
        host = self.config.host
        try:
            found = _parse_json(data)
        except _TooDeep as exc:
            raise _too_deep(host) from exc
        except ValueError as exc:
            raise ServerError(
                user_message("Server", "%1 sent a piece of the answer that is not valid JSON.").arg(
                    host
                )
            ) from exc
        if event == "error" or (isinstance(found, dict) and found.get("error") is not None):
            detail = _error_detail(found) or "unknown error"
            raise ServerError(
                user_message("Server", "%1 stopped the answer with an error: %2").arg(host, detail)
            )
        try:
            if not isinstance(found, dict):
                raise _Shape("the answer")
            return _read_chunk(found, stats)
        except _Shape as exc:
            raise ServerError(
                user_message(
                    "Server",
                    "%1 sent a piece of the answer in a form Composer cannot read "
                    "(the field “%2” is not what the API says).",
                ).arg(host, exc.args[0])
            ) from exc


def _read_chunk(found: dict[str, Any], stats: GenerationStats) -> list[str]:
    """The text of one chat-completion chunk (or whole answer); _Shape for a mistyped field."""
    usage = _field(found, "usage", dict)
    if usage is not None:
        prompt = _count(usage, "prompt_tokens")
        written = _count(usage, "completion_tokens")
        stats.prompt_tokens = prompt or stats.prompt_tokens
        stats.evaluated_tokens = stats.prompt_tokens
        stats.generated_tokens = written or stats.generated_tokens
    timings = _field(found, "timings", dict)  # llama-server reports its own clock
    if timings is not None:
        predicted = _millis(timings, "predicted_ms")
        if predicted:
            stats.generation_seconds = predicted / 1000
            stats.prompt_seconds = (_millis(timings, "prompt_ms") or 0) / 1000
    texts = []
    for choice in _field(found, "choices", list) or []:
        if not isinstance(choice, dict):
            raise _Shape("choices")
        # "delta" in a streamed chunk, "message" in a whole answer.
        delta = _field(choice, "delta", dict) or _field(choice, "message", dict) or {}
        text = _field(delta, "content", str)
        if text:
            if usage is None:
                stats.generated_tokens += 1  # one piece per token until usage says
            texts.append(text)
        reason = _field(choice, "finish_reason", str)
        if reason:
            stats.stop_reason = "length" if reason == "length" else "stop"
    return texts


def _usable_id(value: object) -> bool:
    """A model id Composer can show and send back: short, printable text."""
    return isinstance(value, str) and 0 < len(value) <= MODEL_ID_LIMIT and value.isprintable()


def _web_page(host: str) -> ServerError:
    return ServerError(
        user_message(
            "Server",
            "%1 answered with a web page instead of the API (a login page or a proxy in "
            "between?). Check the address in Settings > Assistant.",
        ).arg(host)
    )


def _empty(host: str, path: str = "/chat/completions") -> ServerError:
    return ServerError(user_message("Server", "%1 sent an empty answer (%2).").arg(host, path))


def _not_the_api(host: str, path: str = "/chat/completions") -> ServerError:
    return ServerError(
        user_message("Server", "%1 did not answer like an OpenAI-compatible server (%2).").arg(
            host, path
        )
    )


def _too_deep(host: str) -> ServerError:
    return ServerError(
        user_message("Server", "%1 sent JSON nested too deeply to be read safely.").arg(host)
    )


def _too_long(host: str) -> ServerError:
    return ServerError(
        user_message(
            "Server", "%1 sent an answer larger than %2 MB; Composer stopped reading it."
        ).arg(host, _megabytes(ANSWER_LIMIT))
    )


def _context_length(model: dict[str, Any]) -> int | None:
    """The context window where the server tells it (vLLM, llama-server, Ollama differ)."""
    meta = model.get("meta")
    for found, key in (
        *((model, k) for k in ("max_model_len", "context_length", "context_window", "n_ctx")),
        *((meta, k) for k in ("n_ctx", "n_ctx_train") if isinstance(meta, dict)),
    ):
        value = found.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= LARGEST_COUNT:
            return value
    return None
