"""Server-sent events read from bytes that arrive in arbitrary pieces.

A streamed answer comes over the network cut anywhere: in the middle of a
line, of a UTF-8 character, of the JSON a line carries. The decoder keeps
what is incomplete until the rest arrives and hands out whole events only
(the WHATWG "event stream" rules: lines end in LF, CRLF or CR; a line
starting with ":" is a comment, a keep-alive; "data" lines of one event are
joined with newlines; an empty line ends the event).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    data: str
    event: str = "message"  # the "event:" field, when the server names one


class EventDecoder:
    def __init__(self) -> None:
        self._text = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""  # the start of a line whose end has not arrived
        self._data: list[str] = []
        self._event = ""
        self._after_cr = False  # the last piece ended in CR: a following LF is part of it

    def feed(self, chunk: bytes) -> list[Event]:
        """The events completed by *chunk*, in order."""
        text = self._text.decode(chunk)
        if self._after_cr and text.startswith("\n"):
            text = text[1:]
        self._after_cr = text.endswith("\r")
        events: list[Event] = []
        lines = (self._pending + text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._pending = lines.pop()  # not ended yet (empty when text ended a line)
        for line in lines:
            event = self._line(line)
            if event is not None:
                events.append(event)
        return events

    def close(self) -> list[Event]:
        """What is left when the stream ends; an unterminated event is dropped, as the spec says."""
        self._pending += self._text.decode(b"", final=True)
        return []

    def _line(self, line: str) -> Event | None:
        if not line:
            if not self._data:
                self._event = ""
                return None
            event = Event("\n".join(self._data), self._event or "message")
            self._data, self._event = [], ""
            return event
        if line.startswith(":"):
            return None  # a comment: servers send them to keep the connection alive
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        return None
