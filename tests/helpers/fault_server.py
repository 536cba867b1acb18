"""An HTTP server on loopback that misbehaves on purpose, for the server-mode client.

It answers each request with a script: forward to a real server and pass its
bytes on in tiny pieces, with delays, corrupted or cut short; or answer with
a fixed status and body; or accept and say nothing. TLS with a certificate
the test chooses.
"""

from __future__ import annotations

import socket
import socketserver
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from helpers.smtp_server import free_port


@dataclass
class Script:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # a fixed body; None = forward to upstream
    piece: int = 0  # pass the body on in pieces of this many bytes (0 = as it comes)
    delay: float = 0.0  # seconds between pieces
    transform: Callable[[bytes], bytes] | None = None  # applied to the whole forwarded body
    cut_after: int | None = None  # close the connection after this many body bytes
    silent: bool = False  # read the request, then say nothing until closed
    requests: list[bytes] = field(default_factory=list)  # what the client sent


class FaultServer:
    def __init__(self, upstream: str | None = None, tls: ssl.SSLContext | None = None) -> None:
        self.upstream = upstream  # "http://127.0.0.1:PORT" of a real server
        self.script = Script()
        self.tls = tls
        self.port = free_port()
        self._stop = threading.Event()
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._handle(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}/v1"

    def close(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    # -- one connection --------------------------------------------------------

    def _read_request(self, conn: socket.socket) -> tuple[str, str, dict[str, str], bytes]:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                raise ConnectionError
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])
        }
        length = int(headers.get("content-length", "0"))
        while len(body) < length:
            body += conn.recv(65536)
        return method, path, headers, body

    def _handle(self, conn: socket.socket) -> None:
        if self.tls:
            try:
                conn = self.tls.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError):
                return
        script = self.script
        try:
            method, path, headers, body = self._read_request(conn)
        except (ConnectionError, OSError, ValueError):
            return
        script.requests.append(body)
        if script.silent:
            self._stop.wait(30)
            return
        if script.body is not None:
            payload, status, extra = script.body, script.status, dict(script.headers)
            content_type = extra.pop("content-type", "application/json")
        else:
            forwarded = {
                k: v for k, v in headers.items() if k in ("authorization", "content-type", "accept")
            }
            with httpx.Client(timeout=120) as client:
                response = client.request(
                    method, self.upstream + path, headers=forwarded, content=body
                )
            payload, status, extra = response.content, response.status_code, dict(script.headers)
            content_type = response.headers.get("content-type", "application/json")
        if script.transform:
            payload = script.transform(payload)
        head = f"HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\nconnection: close\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in extra.items())
        try:
            conn.sendall(head.encode() + b"\r\n")
            sent = 0
            step = script.piece or len(payload) or 1
            for start in range(0, len(payload), step):
                part = payload[start : start + step]
                if script.cut_after is not None and sent + len(part) > script.cut_after:
                    conn.sendall(part[: script.cut_after - sent])
                    return
                conn.sendall(part)
                sent += len(part)
                if script.delay:
                    time.sleep(script.delay)
        except OSError:
            return
        finally:
            try:
                conn.close()
            except OSError:
                pass
