"""The assistant on a server the user chose: OpenAI-compatible chat completions.

llama.cpp's llama-server, vLLM, Ollama's /v1, llama-cpp-python's server or a
company gateway all speak this API. RemoteEngine sits behind the same Engine
protocol as the local model, so actions, review, undo and the stale guard are
the same; only where the text goes differs, which the GUI says and the user
consented to. Never a silent fallback: every failure is an EngineError with a
sentence naming the server, and the caller decides.

Stop must act at once even while the server is silent: a watcher shuts the
connection's socket down when the cancel event is set, which wakes a read
blocked in another thread.
"""

from __future__ import annotations

import json
import logging
import queue
import socket
import ssl
import threading
import time
from collections.abc import Iterator
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
from composer.engine.sse import EventDecoder
from composer.messages import UserFacingError, UserMessage, user_message

log = logging.getLogger(__name__)

CHARS_PER_TOKEN = 3.0  # a cautious guess for the "too long" check: no tokenizer here


class ServerError(EngineError, UserFacingError):
    """A server failure; the text names the server and, where known, the way out."""

    def __init__(self, message: UserMessage, *, status: int | None = None) -> None:
        UserFacingError.__init__(self, message)
        self.status = status


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
        """What the user sees as "where the text goes"."""
        parts = urlsplit(self.api_root)
        return parts.netloc or self.api_root


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
    if value.strip().isdigit():
        return value.strip()
    try:
        delay = parsedate_to_datetime(value).timestamp() - time.time()
    except (TypeError, ValueError):
        return ""
    return str(max(1, round(delay)))


def _server_detail(body: bytes) -> str:
    """The server's own one-line reason, from an OpenAI-style error body, if any."""
    try:
        found = json.loads(body.decode("utf-8", errors="replace"))
    except ValueError:
        return ""
    error = found.get("error") if isinstance(found, dict) else None
    if isinstance(error, dict):
        error = error.get("message")
    if isinstance(found, dict) and error is None:
        error = found.get("detail") or found.get("message")
    return " ".join(str(error).split())[:300] if error else ""


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
    elif isinstance(exc, httpx.RemoteProtocolError):
        message = user_message("Server", "%1 closed the connection before the answer ended.").arg(
            host
        )
    else:
        message = user_message("Server", "The connection to %1 failed (%2).").arg(
            host, type(exc).__name__
        )
    return ServerError(message)


class _Exchange:
    """One streamed request, read on its own thread so that Stop never waits for the server.

    The reader thread passes ("status", response) / ("data", bytes) / ("end", None) /
    ("error", exception) to the caller through a queue. abort() shuts the
    connection's socket down, which wakes a read blocked in that thread; the
    socket is known from the moment the connection is made (httpx's trace
    hook) or once the response headers came, whichever is first.
    """

    def __init__(self, client: httpx.Client, body: dict[str, Any]) -> None:
        self.items: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._client = client
        self._body = body
        self._stream: Any = None
        self._aborted = threading.Event()
        self._thread = threading.Thread(target=self._run, name="server-answer", daemon=True)
        self._thread.start()

    def _trace(self, name: str, info: dict[str, Any]) -> None:
        if name in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self._stream = info.get("return_value") or self._stream

    def _run(self) -> None:
        try:
            with self._client.stream(
                "POST",
                "/chat/completions",
                json=self._body,
                headers={"Accept": "text/event-stream"},
                extensions={"trace": self._trace},
            ) as response:
                self._stream = response.extensions.get("network_stream") or self._stream
                if response.status_code >= 400:
                    response.read()
                self.items.put(("status", response))
                if response.status_code >= 400:
                    return
                for chunk in response.iter_raw():
                    if self._aborted.is_set():
                        return
                    self.items.put(("data", chunk))
            self.items.put(("end", None))
        except Exception as exc:  # every failure goes to the caller, who names it
            self.items.put(("error", exc))

    def abort(self) -> None:
        self._aborted.set()
        sock = self._stream.get_extra_info("socket") if self._stream is not None else None
        if isinstance(sock, socket.socket):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def finish(self, answered: bool, wait: float = 1.0) -> None:
        """Let the reader thread close its response (aborting it unless the answer ended)."""
        if not answered:
            self.abort()
        self._thread.join(wait)

    def next(self, cancel: threading.Event) -> tuple[str, Any]:
        """The next item; raises Cancelled as soon as *cancel* is set."""
        while True:
            if cancel.is_set():
                self.abort()
                raise Cancelled()
            try:
                return self.items.get(timeout=0.05)
            except queue.Empty:
                continue


class RemoteEngine:
    """Chat completions from an OpenAI-compatible server (Engine protocol)."""

    def __init__(self, config: ServerConfig, *, transport: httpx.BaseTransport | None = None):
        self.config = config
        headers = {"Accept": "application/json"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        self._client = httpx.Client(
            base_url=config.api_root,
            headers=headers,
            timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
            verify=_tls_context(config.ca_bundle),
            transport=transport,
            trust_env=False,  # no proxy or .netrc from the environment: only what the user set
        )
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

    # -- connecting ---------------------------------------------------------

    def _get_json(self, path: str) -> Any:
        host = self.config.host
        try:
            response = self._client.get(path)
        except httpx.HTTPError as exc:
            raise transport_error(exc, host, self.config) from exc
        if response.status_code >= 400:
            raise http_error(response.status_code, host, response.content, response.headers)
        try:
            return response.json()
        except ValueError as exc:
            raise ServerError(
                user_message(
                    "Server", "%1 did not answer like an OpenAI-compatible server (%2)."
                ).arg(host, path)
            ) from exc

    def list_models(self) -> list[dict[str, Any]]:
        found = self._get_json("/models")
        data = found.get("data") if isinstance(found, dict) else None
        if not isinstance(data, list):
            raise ServerError(
                user_message("Server", "%1 did not list its models (GET /v1/models).").arg(
                    self.config.host
                )
            )
        return [m for m in data if isinstance(m, dict) and isinstance(m.get("id"), str)]

    def connect(self) -> ModelInfo:
        """Check the server and the model; the ModelInfo the GUI shows."""
        models = self.list_models()
        ids = [m["id"] for m in models]
        self._offered = tuple(ids)
        wanted = self.config.model or (ids[0] if ids else "")
        chosen = next((m for m in models if m["id"] == wanted), None)
        if chosen is None:
            raise ServerError(
                user_message("Server", "%1 does not offer the model “%2”. It offers: %3.").arg(
                    self.config.host, wanted or "?", ", ".join(ids) or "none"
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
            device=self.config.host,
        )
        return self._info

    def test_connection(self) -> ConnectionReport:
        """Reachable, model found, a one-token reply, and how long it took."""
        info = self.connect()  # lists the models once
        models = self._offered
        start = time.perf_counter()
        reply = ""
        latency = 0.0
        for piece in self.stream(
            GenerationRequest((ChatMessage("user", "Say OK."),), max_tokens=1, temperature=0.0),
            threading.Event(),
        ):
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
        if self._info is None:
            self.connect()
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
        host = self.config.host
        started = time.perf_counter()
        first_piece_at: float | None = None
        exchange = _Exchange(self._client, body)
        decoder = EventDecoder()
        answered = False  # the server finished its answer: its connection may be reused
        try:
            while True:
                kind, value = exchange.next(cancel)
                if kind == "error":
                    raise transport_error(value, host, self.config) from value
                if kind == "status":
                    if value.status_code >= 400:
                        raise http_error(value.status_code, host, value.content, value.headers)
                    continue
                if kind == "end":
                    answered = True
                    break
                for event in decoder.feed(value):
                    if event.data.strip() == "[DONE]":
                        answered = True
                        return
                    for piece in self._pieces(event.data, event.event, stats):
                        if first_piece_at is None:
                            first_piece_at = time.perf_counter()
                            stats.prompt_seconds = first_piece_at - started
                            if on_prompt_progress is not None:
                                on_prompt_progress(stats.prompt_tokens, stats.prompt_tokens)
                        yield piece
                        stats.generation_seconds = time.perf_counter() - first_piece_at
            decoder.close()
            if not stats.stop_reason:
                raise ServerError(
                    user_message("Server", "%1 closed the connection before the answer ended.").arg(
                        host
                    )
                )
        except Cancelled:
            stats.stop_reason = "cancelled"
            raise
        finally:
            exchange.finish(answered)

    def _pieces(self, data: str, event: str, stats: GenerationStats) -> Iterator[str]:
        """The text in one event; counts and timings where the server reports them."""
        host = self.config.host
        try:
            found = json.loads(data)
        except ValueError as exc:
            raise ServerError(
                user_message("Server", "%1 sent a piece of the answer that is not valid JSON.").arg(
                    host
                )
            ) from exc
        if not isinstance(found, dict):
            return
        if event == "error" or "error" in found:
            detail = _server_detail(data.encode("utf-8")) or "unknown error"
            raise ServerError(
                user_message("Server", "%1 stopped the answer with an error: %2").arg(host, detail)
            )
        usage = found.get("usage")
        if isinstance(usage, dict):
            stats.prompt_tokens = int(usage.get("prompt_tokens") or stats.prompt_tokens)
            stats.evaluated_tokens = stats.prompt_tokens
            stats.generated_tokens = int(usage.get("completion_tokens") or stats.generated_tokens)
        timings = found.get("timings")  # llama-server reports its own clock
        if isinstance(timings, dict) and timings.get("predicted_ms"):
            stats.generation_seconds = float(timings["predicted_ms"]) / 1000
            stats.prompt_seconds = float(timings.get("prompt_ms") or 0) / 1000
        for choice in found.get("choices") or []:
            if not isinstance(choice, dict):
                continue
            delta = choice.get("delta") or {}
            text = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(text, str) and text:
                if not isinstance(usage, dict):
                    stats.generated_tokens += 1  # one piece per token until usage says
                yield text
            reason = choice.get("finish_reason")
            if reason:
                stats.stop_reason = "length" if reason == "length" else "stop"


def _context_length(model: dict[str, Any]) -> int | None:
    """The context window where the server tells it (vLLM, llama-server, Ollama differ)."""
    for key in ("max_model_len", "context_length", "context_window", "n_ctx"):
        value = model.get(key)
        if isinstance(value, int) and value > 0:
            return value
    meta = model.get("meta")
    if isinstance(meta, dict):
        for key in ("n_ctx", "n_ctx_train"):
            value = meta.get(key)
            if isinstance(value, int) and value > 0:
                return value
    return None
