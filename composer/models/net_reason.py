"""What went wrong on the network, as a person would say it.

"[Errno -2] Name or service not known" is what the resolver says when the
computer is offline; people need "this computer seems to be offline". The
raw text goes to the log (it names no user data: a host, an error number),
where a person who asks for details, or a bug report, finds it.
"""

from __future__ import annotations

import logging
import socket
import ssl

from composer.messages import UserMessage, user_message

log = logging.getLogger(__name__)

# What resolvers say when no name can be looked up (glibc, macOS, Windows).
_OFFLINE_WORDS = (
    "Name or service not known",
    "Temporary failure in name resolution",
    "nodename nor servname provided",
    "getaddrinfo failed",
    "No address associated with hostname",
)
_CHAIN_LIMIT = 8  # causes followed: enough for httpx over httpcore over the socket


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found and len(found) < _CHAIN_LIMIT:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def network_reason(exc: BaseException) -> UserMessage:
    """A sentence part for *exc* ("this computer seems to be offline"); the raw text is logged."""
    log.info("Network error: %s: %s", type(exc).__name__, exc)
    chain = _chain(exc)
    text = " ".join(str(e) for e in chain)
    for error in chain:
        if isinstance(error, socket.gaierror):
            return _offline()
        if isinstance(error, ssl.SSLCertVerificationError):
            return user_message(
                "Network", "the server's certificate could not be verified (%1)"
            ).arg(error.verify_message or "")
        if isinstance(error, ssl.SSLError):
            return user_message("Network", "the secure connection could not be set up")
        if isinstance(error, (socket.timeout, TimeoutError)):
            return user_message("Network", "the server did not answer in time")
        if isinstance(error, ConnectionRefusedError):
            return user_message("Network", "the server refused the connection")
        if isinstance(error, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return user_message("Network", "the connection was cut")
    if any(words in text for words in _OFFLINE_WORDS):
        return _offline()
    if "timed out" in text.lower():
        return user_message("Network", "the server did not answer in time")
    return user_message("Network", "the connection failed (details are in the log)")


def _offline() -> UserMessage:
    return user_message(
        "Network", "this computer seems to be offline (the server's name could not be looked up)"
    )
