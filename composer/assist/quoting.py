"""Read a reply body: who wrote what, and what was asked.

Handles the two quoting styles mail programs write:
- inline quotes: "> " prefixes (nested as "> > " or ">>"), introduced by an
  attribution line such as "On Mon, 3 Mar 2025, Anna <a@x.org> wrote:" or the
  French "Le lun. 3 mars 2025, Anna <a@x.org> a écrit :";
- top posting under a header block ("-----Original Message-----" / "From:",
  "Sent:" … or the French "De :", "Envoyé :" …) where the old message follows
  unprefixed.

Pure text in, plain data out; nothing is logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_ATTRIBUTION_CHARS = 1000  # a longer line is text, not "On …, Anna wrote:"
_QUOTE_PREFIX = re.compile(r"^((?:[ \t]*>)+)[ \t]?")
# "On <date>, <who> wrote:" / "Le <date>, <who> a écrit :" / "<who> wrote:"
_ATTRIBUTION = re.compile(
    r"^\s*(?:(?:On|Le|Am|El|Il|Op)\s+(?P<when>.+?),\s*)?(?P<who>[^,]*?[^\s,][^,]*?)\s*"
    r"(?:wrote|a\s+écrit|schrieb|escribió|ha\s+scritto|schreef)\s*:\s*$",
    re.IGNORECASE,
)
_STARTS_ATTRIBUTION = re.compile(r"^\s*(On|Le|Am|El|Il|Op)\s+\S", re.IGNORECASE)
_HEADER_SEPARATOR = re.compile(
    r"^\s*-{2,}\s*(Original Message|Message d'origine|Forwarded message|Message transféré|"
    r"Ursprüngliche Nachricht)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_FROM_HEADER = re.compile(r"^\s*(?:From|De|Von|Da)\s*:\s*(?P<who>.+?)\s*$", re.IGNORECASE)
_OTHER_HEADER = re.compile(
    r"^\s*(?:Sent|Date|To|Cc|Subject|Envoyé|À|Objet|Gesendet|An|Betreff|Inviato|Oggetto)\s*:",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"<\s*(?P<addr>[^<>\s]+@[^<>\s]+)\s*>|(?P<bare>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_SENTENCE = re.compile(r"[^.!?…\n]*\?")


@dataclass(frozen=True)
class Author:
    name: str  # as written in the attribution; the address when no name was given
    address: str = ""

    def __str__(self) -> str:
        return self.name or self.address


@dataclass
class QuotedMessage:
    """One message of the conversation; depth 1 is the one being answered."""

    depth: int
    author: Author | None  # None when no attribution line named anyone
    when: str = ""
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip("\n")

    @property
    def questions(self) -> list[str]:
        return find_questions(self.text)


@dataclass
class Thread:
    """A reply body split into the user's own text and the quoted messages."""

    own_text: str  # what the user wrote above / between the quotes
    own_span: tuple[int, int]  # where the user's leading text sits in the body (to replace it)
    messages: list[QuotedMessage]  # in body order: the most recent (depth 1) first

    @property
    def is_reply(self) -> bool:
        return bool(self.messages)

    @property
    def replying_to(self) -> QuotedMessage | None:
        for message in self.messages:
            if message.depth == 1:
                return message
        return None

    def oldest_first(self) -> list[QuotedMessage]:
        # Deeper quotes are older; body order breaks ties.
        return sorted(self.messages, key=lambda m: -m.depth)


def find_questions(text: str) -> list[str]:
    """Sentences ending with a question mark, joined across wrapped lines."""
    flat = re.sub(r"\s*\n\s*", " ", text)
    return [m.group(0).strip() for m in _SENTENCE.finditer(flat) if len(m.group(0).strip()) > 1]


def parse_author(who: str) -> Author:
    who = who.strip().strip("\"'")
    match = _EMAIL.search(who)
    if not match:
        return Author(name=who)
    address = match.group("addr") or match.group("bare") or ""
    name = (who[: match.start()] + who[match.end() :]).strip().strip("\"'").strip()
    return Author(name=name or address, address=address)


def _attribution(line: str) -> tuple[Author, str] | None:
    match = _ATTRIBUTION.match(line)
    if not match:
        return None
    who = match.group("who").strip()
    when = (match.group("when") or "").strip()
    # "On Mon, 3 Mar 2025 at 10:00, Anna wrote:": the date holds commas, the
    # name follows the last one (a quoted "Smith, Anna" is kept whole).
    if not who:
        return None
    return parse_author(who), when


def is_quoted(line: str) -> bool:
    """A line of someone else's message quoted with "> "."""
    return _QUOTE_PREFIX.match(line) is not None


def is_attribution(line: str) -> bool:
    """'On <date>, <who> wrote:' and its translations: the line that introduces a quote."""
    # The pattern backtracks a lot on a long line: most lines fail this first.
    return (
        line.rstrip().endswith(":")
        and len(line) <= MAX_ATTRIBUTION_CHARS
        and (_attribution(line) is not None)
    )


def is_header_separator(line: str) -> bool:
    """'---------- Forwarded message ----------' and the like: another's message follows."""
    return _HEADER_SEPARATOR.match(line) is not None


def _split_depth(line: str) -> tuple[int, str]:
    match = _QUOTE_PREFIX.match(line)
    if not match:
        return 0, line
    return match.group(1).count(">"), line[match.end() :]


def parse_thread(body: str) -> Thread:
    """Split *body* into the user's own text and the quoted messages."""
    raw_lines = body.split("\n")
    # A line's text becomes None once it is merged into the line before it.
    lines: list[tuple[int, str | None]] = [_split_depth(line) for line in raw_lines]
    _join_wrapped_attributions(lines)

    messages: list[QuotedMessage] = []
    own: list[str] = []
    pending: dict[
        int, tuple[Author | None, str]
    ] = {}  # attribution waiting for its quote at depth+1
    open_at: dict[int, QuotedMessage] = {}  # the message each depth currently continues
    last_line: dict[int, int] = {}  # line index last added to the message at that depth
    last_own_line = -1
    header_extra = 0  # levels added by Outlook-style header blocks above this point
    first_quote_line: int | None = None

    i = 0
    while i < len(lines):
        depth, text = lines[i]
        if text is None:  # merged into the previous line
            i += 1
            continue
        if _is_header_start(lines, i):
            # The older message follows the header block unprefixed: it sits
            # one level deeper than the block itself.
            if first_quote_line is None:
                first_quote_line = i
            author, when, i = _read_header_block(lines, i)
            header_extra += 1
            below_header = QuotedMessage(depth + header_extra, author, when)
            messages.append(below_header)
            _open(open_at, below_header)
            continue
        effective = depth + header_extra
        attribution = _attribution(text) if text.strip() else None
        # "On Monday, I wrote: …" in the user's own text is not an
        # attribution: a real one is followed by a deeper quote.
        if attribution is not None and _next_depth(lines, i) > depth:
            pending[effective] = attribution
            if first_quote_line is None and effective == 0:
                first_quote_line = i
            i += 1
            continue
        if effective == 0:
            if first_quote_line is None or text.strip():
                # Text between or after quotes (interleaved answers) is the user's too.
                own.append(text)
                last_own_line = i
            i += 1
            continue
        if first_quote_line is None:
            first_quote_line = i
        message = open_at.get(effective)
        if effective - 1 in pending or message is None:
            author, when = pending.pop(effective - 1, (None, ""))
            message = QuotedMessage(effective, author, when)
            messages.append(message)
            _open(open_at, message)
        elif last_line.get(effective, i) < last_own_line and message.lines:
            message.lines.append("…")  # the quote was interrupted by an answer
        message.lines.append(text)
        last_line[effective] = i
        i += 1

    end_of_own = len(body)
    if first_quote_line is not None:
        end_of_own = sum(len(line) + 1 for line in raw_lines[:first_quote_line])
    leading = body[:end_of_own]
    # The span covers the user's leading text without the blank lines that
    # separate it from the quote, so replacing it keeps the layout.
    end = len(leading.rstrip())
    start = min(len(leading) - len(leading.lstrip()), end)
    own_text = "\n".join(own).strip("\n")
    messages = [m for m in messages if m.text.strip()]
    return Thread(own_text=own_text, own_span=(start, end), messages=messages)


def _next_depth(lines: list[tuple[int, str | None]], i: int) -> int:
    for depth, text in lines[i + 1 :]:
        if text is not None and text.strip():
            return depth
    return -1


def _open(open_at: dict[int, QuotedMessage], message: QuotedMessage) -> None:
    # A new message at some depth ends every deeper one.
    for depth in [d for d in open_at if d >= message.depth]:
        del open_at[depth]
    open_at[message.depth] = message


def _join_wrapped_attributions(lines: list[tuple[int, str | None]]) -> None:
    # Gmail wraps long attributions: "On Mon, …, Anna Smith <\nanna@x.org> wrote:".
    for i in range(len(lines) - 1):
        depth, text = lines[i]
        next_depth, next_text = lines[i + 1]
        if text is None or next_text is None or depth != next_depth:
            continue
        if _STARTS_ATTRIBUTION.match(text) and not _ATTRIBUTION.match(text):
            joined = text.rstrip() + " " + next_text.strip()
            if _ATTRIBUTION.match(joined):
                lines[i] = (depth, joined)
                lines[i + 1] = (next_depth, None)


def _is_header_start(lines: list[tuple[int, str | None]], i: int) -> bool:
    text = lines[i][1] or ""
    if _HEADER_SEPARATOR.match(text):
        return True
    # A bare "From:" line directly followed by another header line.
    if _FROM_HEADER.match(text) and i + 1 < len(lines):
        return bool(_OTHER_HEADER.match(lines[i + 1][1] or ""))
    return False


def _read_header_block(
    lines: list[tuple[int, str | None]], i: int
) -> tuple[Author | None, str, int]:
    author: Author | None = None
    when = ""
    if _HEADER_SEPARATOR.match(lines[i][1] or ""):
        i += 1
    while i < len(lines):
        text = lines[i][1]
        if text is None:
            i += 1
            continue
        from_match = _FROM_HEADER.match(text)
        if from_match:
            author = parse_author(from_match.group("who"))
        elif _OTHER_HEADER.match(text):
            key, _, value = text.partition(":")
            if key.strip().lower() in {"sent", "date", "envoyé", "gesendet", "inviato"}:
                when = value.strip()
        else:
            break
        i += 1
    return author, when, i


def describe_thread(thread: Thread) -> str:
    """The conversation as plain text for the prompt: who wrote what, what was asked."""
    parts: list[str] = []
    ordered = thread.oldest_first()
    for message in ordered:
        who = str(message.author) if message.author else "someone"
        role = " (the message being answered)" if message is thread.replying_to else ""
        heading = f"Message from {who}{role}"
        if message.when:
            heading += f", {message.when}"
        parts.append(f"{heading}:\n{message.text}")
    latest = thread.replying_to
    if latest is not None and latest.questions:
        parts.append("Questions to answer:\n" + "\n".join(f"- {q}" for q in latest.questions))
    if thread.own_text.strip():
        parts.append("My notes for the reply:\n" + thread.own_text.strip())
    return "\n\n".join(parts)
