"""One streaming HTTP GET with redirects, system TLS trust and proxies.

Why not httpx2 (which huggingface_hub brings)? Its HTTP/1.1 layer reads
64 KiB at a time through h11's state machine, which capped loopback
downloads at about 40% of curl's speed (bench/download_bench.py). The
stdlib's http.client hands us the socket's bytes with one call per read, so
the receive loop does little more than recv and write. What httpx2 gave for
free is rebuilt here in a few lines: certificate checks against the system
trust store (truststore, an httpx2 dependency, when present), the usual
*_PROXY variables, and redirects that drop the Authorization header when
they leave the origin (the Hub sends file bytes from a CDN).
"""

from __future__ import annotations

import base64
import http.client
import socket
import ssl
import urllib.request
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from composer.messages import UserMessage
from composer.models.net_reason import network_reason

MAX_REDIRECTS = 10
_REDIRECTS = (301, 302, 303, 307, 308)


class HttpGetError(Exception):
    """The request could not be made or answered (network, TLS, protocol).

    *reason* is said to the user inside a longer sentence ("… failed 3 times (%1)").
    """

    def __init__(self, reason: str | UserMessage) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass
class OpenResponse:
    connection: http.client.HTTPConnection
    response: http.client.HTTPResponse
    url: str  # after redirects

    @property
    def status(self) -> int:
        return self.response.status

    def header(self, name: str, default: str = "") -> str:
        return self.response.headers.get(name, default)

    @property
    def socket(self) -> socket.socket | None:
        return self.connection.sock

    def read1(self, size: int) -> bytes:
        return self.response.read1(size)

    def close(self) -> None:
        self.connection.close()


_context: ssl.SSLContext | None = None


def tls_context() -> ssl.SSLContext:
    """Verify certificates against the operating system's trust store."""
    global _context
    if _context is None:
        try:
            import truststore

            _context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        except ImportError:
            _context = ssl.create_default_context()
    return _context


def open_get(
    url: str, headers: dict[str, str], *, connect_timeout: float, read_timeout: float
) -> OpenResponse:
    """GET *url*, following redirects; the caller reads the body and closes."""
    headers = dict(headers)
    for _ in range(MAX_REDIRECTS):
        parts = urlsplit(url)
        connection = _connect(parts.scheme, parts.hostname or "", parts.port, connect_timeout)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        if getattr(connection, "_composer_via_proxy", False) and parts.scheme == "http":
            target = url  # a plain-HTTP proxy wants the absolute URL
        try:
            connection.request("GET", target, headers=headers)
            connection.sock.settimeout(read_timeout)
            response = connection.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            raise HttpGetError(network_reason(exc)) from None
        location = response.headers.get("Location")
        if response.status in _REDIRECTS and location:
            response.read(64 << 10)  # a redirect's body is a few bytes of HTML at most
            connection.close()
            new_url = urljoin(url, location)
            if _origin(new_url) != _origin(url):
                # Signed CDN URLs carry their own authority; our token stays with the Hub.
                headers.pop("Authorization", None)
            url = new_url
            continue
        return OpenResponse(connection, response, url)
    raise HttpGetError(f"more than {MAX_REDIRECTS} redirects")


def _connect(
    scheme: str, host: str, port: int | None, timeout: float
) -> http.client.HTTPConnection:
    if scheme not in ("http", "https"):
        raise HttpGetError(f"unsupported address scheme “{scheme}”")
    port = port or (443 if scheme == "https" else 80)
    proxy = _proxy_for(scheme, host)
    if proxy is None:
        if scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=tls_context())
        return http.client.HTTPConnection(host, port, timeout=timeout)
    proxy_parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
    proxy_headers = {}
    if proxy_parts.username:
        credentials = f"{unquote(proxy_parts.username)}:{unquote(proxy_parts.password or '')}"
        proxy_headers["Proxy-Authorization"] = (
            "Basic " + base64.b64encode(credentials.encode()).decode()
        )
    proxy_host, proxy_port = proxy_parts.hostname, proxy_parts.port or 8080
    if not proxy_host:
        raise HttpGetError(f"the proxy setting “{proxy}” names no host")
    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = http.client.HTTPSConnection(
            proxy_host, proxy_port, timeout=timeout, context=tls_context()
        )
        connection.set_tunnel(host, port, headers=proxy_headers)
    else:
        connection = http.client.HTTPConnection(proxy_host, proxy_port, timeout=timeout)
        connection._composer_via_proxy = True  # type: ignore[attr-defined]
    return connection


def _proxy_for(scheme: str, host: str) -> str | None:
    proxies = urllib.request.getproxies()
    if not proxies.get(scheme) or urllib.request.proxy_bypass(host):
        return None
    return proxies[scheme]


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default
