"""IMAP folder names in modified UTF-7 (RFC 3501 5.1.3), both ways.

A server names "Éléments envoyés" as "&AMk-l&AOk-ments envoy&AOk-s"; imaplib
neither decodes nor encodes it. Printable ASCII other than "&" stands for
itself, "&-" is "&", and anything else is UTF-16BE in base64 with "," for
"/", no padding, between "&" and "-".
"""

from __future__ import annotations

import base64
import binascii
import re

_SHIFTED = re.compile(r"&([^-]*)-")


class BadFolderName(ValueError):
    """A name that is not valid modified UTF-7."""


def encode(name: str) -> str:
    """*name* as a server expects it on the wire (ASCII only)."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "".join(pending).encode("utf-16-be", "surrogatepass")
            text = base64.b64encode(raw).decode("ascii").rstrip("=").replace("/", ",")
            out.append("&" + text + "-")
            pending.clear()

    for char in name:
        if "\x20" <= char <= "\x7e":
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def decode(wire: str) -> str:
    """The name a person reads; BadFolderName when *wire* is not modified UTF-7."""
    if any(not "\x20" <= char <= "\x7e" for char in wire):
        raise BadFolderName(wire)

    def shifted(match: re.Match[str]) -> str:
        text = match.group(1)
        if not text:
            return "&"
        if "=" in text or len(text) % 4 == 1:
            raise BadFolderName(wire)
        padded = text.replace(",", "/") + "=" * (-len(text) % 4)
        try:
            raw = base64.b64decode(padded, validate=True)
            decoded = raw.decode("utf-16-be")
        except (binascii.Error, UnicodeDecodeError):
            raise BadFolderName(wire) from None
        # RFC 3501: printable ASCII is never shifted, so "&AGE-" for "a" is not the
        # same name as "a"; accepting it would let two spellings name one folder.
        if not decoded or any("\x20" <= char <= "\x7e" for char in decoded):
            raise BadFolderName(wire)
        return decoded

    decoded = _SHIFTED.sub(shifted, wire)
    if "&" in _SHIFTED.sub("", wire):  # an "&" that opens no shift, or one never closed
        raise BadFolderName(wire)
    return decoded


def readable(wire: str) -> str:
    """decode(), or *wire* itself when it is not valid (still a name the server knows)."""
    try:
        return decode(wire)
    except BadFolderName:
        return wire
