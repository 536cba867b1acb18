"""Server-sent events read from bytes that arrive in arbitrary pieces.

A streamed answer comes over the network cut anywhere: in the middle of a
line, of a UTF-8 character, of the JSON a line carries. The decoder keeps
what is incomplete until the rest arrives and hands out whole events only
(the WHATWG "event stream" rules: lines end in LF, CRLF or CR; a line
starting with ":" is a comment, a keep-alive; "data" lines of one event are
joined with newlines; an empty line ends the event).

The server is not trusted: a line or an event larger than *limit* characters
raises EventTooLarge instead of growing without end, and each byte is looked
at a bounded number of times (the unfinished line is kept as a list of
pieces, never re-scanned), so a 50 MB line costs what 50 MB of small events
cost.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# A chat-completion chunk is well under 10 KB; 1 Mi characters leaves room for
# any real event (a long final chunk with usage and timings) and bounds memory.
EVENT_LIMIT = 1 << 20

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Event:
    data: str
    event: str = "message"  # the "event:" field, when the server names one


class EventTooLarge(ValueError):
    """A line or an event went past the decoder's limit (the server sent too much of it)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"an event stream line or event longer than {limit} characters")
        self.limit = limit


class EventDecoder:
    def __init__(self, limit: int = EVENT_LIMIT) -> None:
        self.limit = limit
        self._text = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending: list[str] = []  # the pieces of a line whose end has not arrived
        self._pending_size = 0
        self._data: list[str] = []
        self._data_size = 0  # the event so far, newlines included
        self._event = ""
        self._after_cr = False  # the last text ended in CR: a following LF is part of it
        self._started = False  # a byte order mark may open the stream, and only there

    def feed(self, chunk: bytes) -> list[Event]:
        """The events completed by *chunk*, in order; EventTooLarge past the limit."""
        text = self._text.decode(chunk)
        if not text:  # only part of a UTF-8 character: nothing to look at yet
            return []
        start = 0
        if not self._started:
            self._started = True
            start = 1 if text.startswith("\ufeff") else 0
        if self._after_cr and text.startswith("\n", start):
            start += 1
        self._after_cr = text.endswith("\r")
        events: list[Event] = []
        # Only the new text is searched for line ends; the pending pieces are
        # joined once, when their line ends.
        for end in _LINE_END.finditer(text, start):
            self._keep(text, start, end.start())
            line = "".join(self._pending)
            self._pending, self._pending_size = [], 0
            event = self._line(line)
            if event is not None:
                events.append(event)
            start = end.end()
        self._keep(text, start, len(text))
        return events

    def close(self) -> list[Event]:
        """What is left when the stream ends; an unterminated event is dropped, as the spec says."""
        self._text.decode(b"", final=True)
        self._pending, self._pending_size = [], 0
        self._data, self._data_size = [], 0
        return []

    def _keep(self, text: str, start: int, end: int) -> None:
        """Add text[start:end] to the unfinished line, within the limit."""
        if end <= start:
            return
        self._pending_size += end - start
        if self._pending_size > self.limit:
            raise EventTooLarge(self.limit)
        self._pending.append(text[start:end])

    def _line(self, line: str) -> Event | None:
        if not line:
            if not self._data:
                self._event = ""
                return None
            event = Event("\n".join(self._data), self._event or "message")
            self._data, self._data_size, self._event = [], 0, ""
            return event
        if line.startswith(":"):
            return None  # a comment: servers send them to keep the connection alive
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data_size += len(value) + 1
            if self._data_size > self.limit:
                raise EventTooLarge(self.limit)
            self._data.append(value)
        elif name == "event":
            self._event = value
        return None
