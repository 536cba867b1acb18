"""A server's IMAP data read into Python values, bounded: nothing it says is trusted.

imaplib hands back each untagged response as text, or as (text ending in
"{n}", the n bytes of a literal) pieces followed by the rest of the line;
it does not parse the parenthesized lists inside. Here they become values:
a list, bytes (a quoted string or a literal), None (NIL) and str (an atom,
such as a number, a flag or "BODY[]"). A crafted answer nested too deep or
holding too many items is refused with MalformedResponse, never a
recursion or memory error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

MAX_DEPTH = 16  # an ENVELOPE nests 3 deep; BODYSTRUCTURE (not used) a few more
MAX_ITEMS = 100_000  # values in one response

Piece = bytes | tuple[bytes, bytes] | None  # what imaplib stores for one untagged line
_ATOM_END = b' ()"{\r\n'


class MalformedResponse(ValueError):
    """A response that does not follow the IMAP grammar, or goes past the limits."""


class _Scanner:
    """Walks the text of one response, taking each literal where its "{n}" stands."""

    def __init__(self, segments: Sequence[tuple[bytes, bytes | None]]) -> None:
        self._segments = list(segments)
        self._index = 0
        self.text, self.literal = self._segments[0] if self._segments else (b"", None)
        self.pos = 0
        self.items = 0

    def peek(self) -> int | None:
        """The next byte of text, None at the end of the response."""
        while self.pos >= len(self.text):
            if self.literal is not None or self._index + 1 >= len(self._segments):
                return None
            self._next_segment()
        return self.text[self.pos]

    def _next_segment(self) -> None:
        self._index += 1
        self.text, self.literal = self._segments[self._index]
        self.pos = 0

    def take_literal(self, size: int) -> bytes:
        literal = self.literal
        if self.pos != len(self.text) or literal is None or len(literal) != size:
            raise MalformedResponse("a literal out of place")
        self.literal = None
        if self._index + 1 < len(self._segments):
            self._next_segment()
        else:
            self.text, self.pos = b"", 0
        return literal

    def count(self) -> None:
        self.items += 1
        if self.items > MAX_ITEMS:
            raise MalformedResponse("too many items")


def _skip_spaces(scan: _Scanner) -> None:
    while scan.peek() == 0x20:
        scan.pos += 1


def _quoted(scan: _Scanner) -> bytes:
    text, start = scan.text, scan.pos + 1
    out = bytearray()
    i = start
    while i < len(text):
        byte = text[i]
        if byte == 0x22:  # the closing quote
            scan.pos = i + 1
            return bytes(out)
        if byte == 0x5C:  # a backslash quotes the next byte
            i += 1
            if i >= len(text):
                break
            byte = text[i]
        out.append(byte)
        i += 1
    raise MalformedResponse("an unterminated quoted string")


def _atom(scan: _Scanner) -> str:
    """An atom; a "[...]" inside it ("BODY[HEADER.FIELDS (FROM)]") may hold spaces."""
    text, start = scan.text, scan.pos
    i, depth = start, 0
    while i < len(text):
        byte = text[i]
        if byte == 0x5B:  # [
            depth += 1
        elif byte == 0x5D and depth:  # ]
            depth -= 1
        elif depth == 0 and byte in _ATOM_END:
            break
        i += 1
    if i == start:
        raise MalformedResponse("an unexpected character")
    scan.pos = i
    return text[start:i].decode("ascii", "replace")


def _literal(scan: _Scanner) -> bytes:
    text = scan.text
    end = text.find(b"}", scan.pos)
    digits = text[scan.pos + 1 : end] if end > 0 else b""
    if not digits.isdigit() or end != len(text) - 1:
        raise MalformedResponse("a broken literal")
    scan.pos = end + 1
    return scan.take_literal(int(digits))


def _value(scan: _Scanner, depth: int) -> list[object] | bytes | str | None:
    byte = scan.peek()
    scan.count()
    if byte is None:
        raise MalformedResponse("the response ended early")
    if byte == 0x28:  # (
        if depth >= MAX_DEPTH:
            raise MalformedResponse("nested too deep")
        scan.pos += 1
        items: list[object] = []
        while True:
            _skip_spaces(scan)
            if scan.peek() == 0x29:  # )
                scan.pos += 1
                return items
            items.append(_value(scan, depth + 1))
    if byte == 0x22:
        return _quoted(scan)
    if byte == 0x7B:  # {
        return _literal(scan)
    atom = _atom(scan)
    return None if atom.upper() == "NIL" else atom


def _segments(pieces: Sequence[Piece]) -> list[tuple[bytes, bytes | None]]:
    out: list[tuple[bytes, bytes | None]] = []
    for piece in pieces:
        if isinstance(piece, tuple):
            out.append((piece[0], piece[1]))
        elif piece is not None:
            out.append((piece, None))
    return out


def parse_values(pieces: Sequence[Piece]) -> list[object]:
    """Every value of one response, in order (MalformedResponse when it is not IMAP)."""
    scan = _Scanner(_segments(pieces))
    values: list[object] = []
    while True:
        _skip_spaces(scan)
        if scan.peek() is None:
            if scan.literal is not None:
                raise MalformedResponse("a literal nobody asked for")
            return values
        values.append(_value(scan, 0))


def responses(data: Iterable[Piece]) -> Iterator[list[Piece]]:
    """The list imaplib keeps for one response type, cut into one list of pieces per response.

    A response with literals is (text, literal) pieces ended by a plain text
    piece (the rest of its line); one without is a single text piece.
    """
    current: list[Piece] = []
    for piece in data:
        if piece is None:
            continue
        current.append(piece)
        if not isinstance(piece, tuple):
            yield current
            current = []
    if current:
        yield current


def fetch_items(pieces: Sequence[Piece]) -> tuple[int, dict[str, object]]:
    r"""A FETCH response ("12 (UID 40 FLAGS (\Seen))"): its sequence number and items.

    Item names are upper-cased ("UID", "FLAGS", "BODY[]").
    """
    values = parse_values(pieces)
    if len(values) != 2 or not isinstance(values[0], str) or not values[0].isdigit():
        raise MalformedResponse("not a FETCH response")
    pairs = values[1]
    if not isinstance(pairs, list) or len(pairs) % 2:
        raise MalformedResponse("not a FETCH response")
    items: dict[str, object] = {}
    for name, value in zip(pairs[::2], pairs[1::2], strict=True):
        if not isinstance(name, str):
            raise MalformedResponse("a FETCH item without a name")
        items[name.upper()] = value
    return int(values[0]), items


def number(value: object) -> int | None:
    """An atom that is a plain number (a UID, a size), None otherwise."""
    if isinstance(value, str) and value.isdigit() and len(value) <= 20:
        return int(value)
    return None


def text(value: object) -> str:
    """A string value as text: UTF-8 when it is, else windows-1252 (old servers' 8-bit)."""
    if isinstance(value, str):
        return value
    if not isinstance(value, bytes):
        return ""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("windows-1252", "replace")
