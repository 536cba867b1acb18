"""A small Hugging Face Hub look-alike for tests and benchmarks, with faults on demand.

It speaks the part of the Hub protocol that huggingface_hub and our
downloader use: HEAD/GET /{owner}/{name}/resolve/{revision}/{filename} with
X-Repo-Commit, X-Linked-Etag, X-Linked-Size, ETag, Accept-Ranges, Range/206,
If-Range, 416, and X-Error-Code on errors (RepoNotFound, RevisionNotFound,
EntryNotFound, GatedRepo). Optionally it redirects like the real Hub does to
a "CDN" path whose ETag differs from the sha256.

Faults are queued with inject(); each names the byte offset where it strikes
and how many requests it affects. Every request is logged with the bytes the
server pushed into the socket, so tests can check what was fetched twice.

Usage:
    with HubServer() as hub:
        hub.add_file("org/repo", "model.gguf", path)
        hub.inject(Fault("drop", at=1_000_000))
        os.environ["HF_ENDPOINT"] = hub.url
"""

from __future__ import annotations

import hashlib
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

_RANGE = re.compile(r"bytes=(\d+)-(\d*)")
FAULT_KINDS = (
    "drop",  # reset the connection (RST) once byte `at` would be sent
    "truncate",  # close cleanly (FIN) at byte `at`, short of Content-Length
    "stall",  # stop sending at byte `at` for `seconds`, then close
    "corrupt",  # flip the byte at `at` (everything else normal)
    "ignore_range",  # answer a Range request with 200 and the whole file
    "416",  # answer a Range request with 416
    "bad_range",  # answer 206 but with a Content-Range that starts elsewhere
    "status",  # answer `status` (with `error_code` in X-Error-Code)
)


@dataclass
class Fault:
    kind: str
    at: int = 0
    times: int = 1
    seconds: float = 0.0
    status: int = 500
    error_code: str | None = None
    method: str = "GET"
    skip: int = 0  # let this many matching requests pass untouched first

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}")


@dataclass
class HubFile:
    repo_id: str
    filename: str
    path: Path
    commit: str
    sha256: str
    size: int
    token: str | None = None  # when set, the repo is gated: this bearer token opens it
    redirect: bool = False  # resolve answers 302 to a CDN path with its own ETag

    @property
    def etag(self) -> str:
        return f'"{self.sha256}"'

    @property
    def cdn_etag(self) -> str:
        return '"cdn-' + self.sha256[:16] + '"'


@dataclass
class RequestLog:
    method: str
    path: str
    range: str | None
    if_range: str | None
    status: int
    start: int = 0
    sent: int = 0  # body bytes pushed into the socket
    authorization: bool = False


@dataclass
class _State:
    files: dict[tuple[str, str], HubFile] = field(default_factory=dict)  # what "main" serves
    # Every version ever added, by (repo, filename, commit): old commits stay
    # reachable, as on the real Hub.
    history: dict[tuple[str, str, str], HubFile] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    log: list[RequestLog] = field(default_factory=list)
    rate: float | None = None  # bytes per second per connection
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(4 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # Clients that vanish mid-response are part of the fault tests.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class HubServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.state = _State()
        handler = type("_BoundHandler", (_Handler,), {"state": self.state})
        self._server = _Server((host, port), handler)
        self._thread: threading.Thread | None = None

    # ---- lifecycle

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> HubServer:
        self._thread = threading.Thread(
            target=self._server.serve_forever, daemon=True, kwargs={"poll_interval": 0.05}
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- content and faults

    def add_file(
        self,
        repo_id: str,
        filename: str,
        path: Path,
        *,
        commit: str | None = None,
        sha256: str | None = None,
        token: str | None = None,
        redirect: bool = False,
    ) -> HubFile:
        path = Path(path)
        commit = commit or hashlib.sha1(f"{repo_id}/{filename}".encode()).hexdigest()
        entry = HubFile(
            repo_id=repo_id,
            filename=filename,
            path=path,
            commit=commit,
            sha256=sha256 or sha256_of(path),
            size=path.stat().st_size,
            token=token,
            redirect=redirect,
        )
        with self.state.lock:
            self.state.files[(repo_id, filename)] = entry
            self.state.history[(repo_id, filename, commit)] = entry
        return entry

    def inject(self, *faults: Fault) -> None:
        with self.state.lock:
            self.state.faults.extend(faults)

    def clear_faults(self) -> None:
        with self.state.lock:
            self.state.faults.clear()

    def set_rate(self, bytes_per_second: float | None) -> None:
        self.state.rate = bytes_per_second

    @property
    def requests(self) -> list[RequestLog]:
        with self.state.lock:
            return list(self.state.log)

    def body_bytes_sent(self) -> int:
        return sum(entry.sent for entry in self.requests if entry.method == "GET")

    def url_of(self, repo_id: str, filename: str, revision: str = "main") -> str:
        return f"{self.url}/{repo_id}/resolve/{revision}/{quote(filename)}"


class _Handler(BaseHTTPRequestHandler):
    state: _State
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    # ---- routing

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        method = "HEAD" if head else "GET"
        entry_log = RequestLog(
            method=method,
            path=self.path,
            range=self.headers.get("Range"),
            if_range=self.headers.get("If-Range"),
            status=0,
            authorization=bool(self.headers.get("Authorization")),
        )
        with self.state.lock:
            self.state.log.append(entry_log)
        try:
            self._route(head, entry_log)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _route(self, head: bool, entry_log: RequestLog) -> None:
        parts = [unquote(p) for p in urlsplit(self.path).path.split("/")[1:]]
        if parts and parts[0] == "cdn" and len(parts) >= 5:
            # /cdn/{owner}/{name}/{commit}/{filename...}: the signed-URL stand-in.
            key = ("/".join(parts[1:3]), "/".join(parts[4:]), parts[3])
            entry = self.state.history.get(key)
            if entry is None:
                return self._error(entry_log, 404, None, head)
            return self._content(entry, head, entry_log, etag=entry.cdn_etag)
        if len(parts) < 5 or parts[2] != "resolve":
            return self._error(entry_log, 404, None, head)
        repo_id, revision, filename = "/".join(parts[:2]), parts[3], "/".join(parts[4:])
        repo_files = [f for (repo, _, _), f in self.state.history.items() if repo == repo_id]
        if not repo_files:
            return self._error(entry_log, 401, "RepoNotFound", head)
        gate = repo_files[0].token
        if gate is not None and self.headers.get("Authorization") != f"Bearer {gate}":
            return self._error(entry_log, 401, "GatedRepo", head)
        if revision != "main" and revision not in {f.commit for f in repo_files}:
            return self._error(entry_log, 404, "RevisionNotFound", head)
        if revision == "main":
            entry = self.state.files.get((repo_id, filename))
        else:
            entry = self.state.history.get((repo_id, filename, revision))
        if entry is None:
            return self._error(entry_log, 404, "EntryNotFound", head)
        fault = self._take_fault(("status",), head, 0, entry.size)
        if fault is not None:
            return self._error(entry_log, fault.status, fault.error_code, head)
        if entry.redirect:
            entry_log.status = 302
            self.send_response(302)
            self._hub_headers(entry)
            # Another host name for the same server, as the real Hub sends
            # clients to a CDN: huggingface_hub stops there, httpx2 drops auth.
            port = self.server.server_address[1]
            cdn = f"/cdn/{repo_id}/{entry.commit}/{quote(filename)}"
            self.send_header("Location", f"http://localhost:{port}{cdn}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._content(entry, head, entry_log, etag=entry.etag)

    # ---- responses

    def _hub_headers(self, entry: HubFile) -> None:
        self.send_header("X-Repo-Commit", entry.commit)
        self.send_header("X-Linked-Etag", entry.etag)
        self.send_header("X-Linked-Size", str(entry.size))

    def _error(self, entry_log: RequestLog, status: int, code: str | None, head: bool) -> None:
        entry_log.status = status
        body = b"" if head else f"error {status}".encode()
        self.send_response(status)
        if code:
            self.send_header("X-Error-Code", code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _content(self, entry: HubFile, head: bool, entry_log: RequestLog, etag: str) -> None:
        size = entry.size
        start, end = 0, size
        status = 200
        requested = _RANGE.fullmatch(self.headers.get("Range", "").strip())
        if_range = self.headers.get("If-Range")
        if requested and not head and (if_range is None or if_range == etag):
            start = int(requested[1])
            end = min(size, int(requested[2]) + 1) if requested[2] else size
            status = 206
            if self._take_fault(("ignore_range",), head, start, end):
                start, end, status = 0, size, 200
            elif start >= size or self._take_fault(("416",), head, start, end):
                entry_log.status = 416
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        entry_log.status, entry_log.start = status, start
        self.send_response(status)
        if not entry.redirect or etag == entry.etag:
            self._hub_headers(entry)
        self.send_header("ETag", etag)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(end - start))
        if status == 206:
            shown = start
            if self._take_fault(("bad_range",), head, start, end):
                shown = start + 1
            self.send_header("Content-Range", f"bytes {shown}-{end - 1}/{size}")
        self.end_headers()
        if head:
            return
        self._body(entry, start, end, entry_log)

    def _body(self, entry: HubFile, start: int, end: int, entry_log: RequestLog) -> None:
        fault = self._take_fault(("drop", "truncate", "stall", "corrupt"), False, start, end)
        rate = self.state.rate
        with open(entry.path, "rb") as handle:
            if fault is None and rate is None:
                self.wfile.flush()
                sent = self.connection.sendfile(handle, start, end - start)
                entry_log.sent += sent
                return
            handle.seek(start)
            position = start
            began = time.monotonic()
            while position < end:
                if self.state.stopping.is_set():
                    return self._abort(reset=True)
                step = min(64 << 10, end - position)
                if fault is not None and fault.kind != "corrupt" and position <= fault.at:
                    step = min(step, fault.at - position) or 0
                if fault is not None and fault.kind != "corrupt" and position == fault.at:
                    return self._strike(fault)
                data = handle.read(step)
                if (
                    fault is not None
                    and fault.kind == "corrupt"
                    and position <= fault.at < position + len(data)
                ):
                    flipped = bytearray(data)
                    flipped[fault.at - position] ^= 0xFF
                    data = bytes(flipped)
                self.wfile.write(data)
                position += len(data)
                entry_log.sent += len(data)
                if rate:
                    ahead = (position - start) / rate - (time.monotonic() - began)
                    if ahead > 0:
                        self.state.stopping.wait(ahead)

    def _strike(self, fault: Fault) -> None:
        if fault.kind == "stall":
            self.wfile.flush()
            self.state.stopping.wait(fault.seconds)
            return self._abort(reset=False)
        self._abort(reset=fault.kind == "drop")

    def _abort(self, reset: bool) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            if reset:
                # SO_LINGER 0: close() sends RST, like a dropped connection.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
            else:
                self.connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def _take_fault(self, kinds: tuple[str, ...], head: bool, start: int, end: int) -> Fault | None:
        method = "HEAD" if head else "GET"
        with self.state.lock:
            for fault in self.state.faults:
                if fault.kind not in kinds or fault.times <= 0 or fault.method != method:
                    continue
                if (
                    fault.kind in ("drop", "truncate", "stall", "corrupt")
                    and not start <= fault.at < end
                ):
                    continue
                if fault.skip > 0:
                    fault.skip -= 1
                    continue
                fault.times -= 1
                return fault
        return None


def write_gguf_like(path: Path, size: int, seed: int = 0) -> Path:
    """A file of *size* bytes that starts like a GGUF (magic, version 3, no tensors).

    The rest is pseudo-random so a shifted or duplicated range changes the hash.
    """
    header = b"GGUF" + struct.pack("<IQQ", 3, 0, 0)
    rng = hashlib.sha256(str(seed).encode()).digest()
    block = hashlib.shake_256(rng).digest(1 << 20)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(header)
        remaining = size - len(header)
        counter = 0
        while remaining > 0:
            piece = bytes(b ^ (counter & 0xFF) for b in block[:256]) + block[256:]
            handle.write(piece[:remaining])
            remaining -= min(remaining, len(piece))
            counter += 1
    return path
