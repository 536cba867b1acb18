"""What Composer does in the user's own mailbox: Sent copies, drafts, the inbox list, replies.

Each one-shot function (append_sent, save_draft, recent_messages,
fetch_message, mark_answered) takes an ImapAccess (the account, its
password, the cancel Event), connects, does its one job and logs out; it
is meant for a worker thread and raises ImapError only. The session-level
functions below them do the same on an ImapSession the caller holds.

Nothing is stored twice behind the user's back: an APPEND is never
retried, and one whose answer never came is the kind "dropped", whose
sentence says the copy may be there.
"""

from __future__ import annotations

import imaplib
import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime

from composer.mail import imap_utf7
from composer.mail.imap_client import (
    MAX_MESSAGE,
    ImapAccess,
    ImapSession,
    Limits,
    quote,
    response_code,
)
from composer.mail.imap_envelope import MessageRef, MessageSummary, summary
from composer.mail.imap_errors import ImapError
from composer.mail.imap_folders import DRAFTS, SENT, Folder, find_folder
from composer.mail.imap_parse import MalformedResponse, fetch_items, number, responses
from composer.mail.smtp_send import readable_size
from composer.messages import user_message

log = logging.getLogger(__name__)

INBOX = "INBOX"
RECENT_COUNT = 50
MAX_RECENT = 500  # a list longer than this is not "recent"
# An envelope's strings are short; a literal of 64 KB in one is already no mail's.
ENVELOPE_LIMITS = Limits(literal=64 * 1024, answer=16 * 1024 * 1024)
_LINE_ENDS = re.compile(rb"\r\n|\r(?!\n)|\n")
_MESSAGE_ID = re.compile(rb"(?im)^message-id:[ \t]*(?:\r\n[ \t]+)?(<[!-;=?-~]{1,900}>)")
_HEADER_SCAN = 256 * 1024  # where a Message-ID is looked for: the header block


@dataclass(frozen=True)
class StoredCopy:
    """A message the server took into *folder*; *uid* None when it did not say (no UIDPLUS)."""

    folder: str  # as the server names it
    folder_name: str  # as a person reads it
    uidvalidity: int | None
    uid: int | None
    message_id: str
    # Earlier draft copies that could not be removed this time: the next save tries again.
    left_behind: tuple[int, ...] = ()


def message_id_of(message: bytes) -> str:
    """The Message-ID in *message*'s header block, "" when it has none."""
    header = message[:_HEADER_SCAN].split(b"\r\n\r\n", 1)[0]
    match = _MESSAGE_ID.search(header)
    return match.group(1).decode("ascii") if match else ""


# -- on a session ------------------------------------------------------------------------


def append(
    session: ImapSession,
    folder: Folder,
    message: bytes,
    flags: str,
    when: datetime | float | None = None,
) -> StoredCopy:
    r"""APPEND *message* (CRLF line ends) to *folder* with *flags* ("(\Seen)"), dated *when*."""
    data = _LINE_ENDS.sub(b"\r\n", message)
    for capability in session.capabilities:
        if capability.startswith("APPENDLIMIT="):
            limit = number(capability.partition("=")[2])
            if limit and len(data) > limit:
                raise ImapError(
                    "too_large",
                    user_message(
                        "Imap",
                        "The message is too large for the folder %1 on the server: %2, and it "
                        "takes at most %3.",
                    ).arg(folder.name, readable_size(len(data)), readable_size(limit)),
                )
    date = imaplib.Time2Internaldate(when if when is not None else time.time())
    answer = session.run(
        "APPEND", quote(folder.wire), flags, date, literal=data, folder=folder.name
    )
    code, values = response_code(answer.text)
    uidvalidity = uid = None
    if code == "APPENDUID":
        parts = values.decode("ascii", "replace").split()
        if len(parts) == 2:
            uidvalidity, uid = number(parts[0]), number(parts[1])
    log.info("IMAP: stored a copy (%d bytes)", len(data))
    return StoredCopy(folder.wire, folder.name, uidvalidity, uid, message_id_of(data))


def store_sent(
    session: ImapSession, message: bytes, when: datetime | float | None = None
) -> StoredCopy:
    """*message*, as it was sent, into the Sent folder, marked read."""
    return append(session, find_folder(session, SENT), message, "(\\Seen)", when)


def _uids(session: ImapSession, *criteria: str) -> set[int]:
    answer = session.run("UID", "SEARCH", *criteria)
    found: set[int] = set()
    for line in answer.untagged.get("SEARCH", []):
        if isinstance(line, bytes):
            found.update(n for n in map(number, line.decode("ascii", "replace").split()) if n)
    return found


def _remove(session: ImapSession, uids: set[int]) -> None:
    """Delete *uids* from the selected folder without touching any other deleted message."""
    uid_set = ",".join(str(u) for u in sorted(uids))
    session.run("UID", "STORE", uid_set, "+FLAGS.SILENT", "(\\Deleted)")
    if "UIDPLUS" in session.capabilities:
        session.run("UID", "EXPUNGE", uid_set)
    elif _uids(session, "DELETED") <= uids:
        # EXPUNGE removes every deleted message of the folder: only when ours are all
        # there are. Otherwise the old draft stays marked deleted, hidden by most clients.
        session.run("EXPUNGE")


def store_draft(
    session: ImapSession, message: bytes, previous: StoredCopy | None = None
) -> StoredCopy:
    """*message* into the Drafts folder, then the *previous* copy of the same draft removed.

    The old copy is found by its UID when the folder is unchanged, else by
    its Message-ID. It goes only after the new one is stored: a failure
    leaves two copies, never none. Old copies that could not be removed are
    in the result's left_behind (tried again at the next save).
    """
    folder = find_folder(session, DRAFTS)
    selected = session.select(folder.wire, readonly=False)
    old: set[int] = set()
    if previous is not None and previous.folder == folder.wire:
        if previous.uidvalidity == selected.uidvalidity:
            old.update(u for u in (previous.uid, *previous.left_behind) if u)
        if not old and previous.message_id:
            try:
                old = _uids(session, "HEADER", "Message-ID", quote(previous.message_id))
            except ValueError:
                pass  # a Message-ID no search can carry: nothing found
    copy = append(session, folder, message, "(\\Draft \\Seen)")
    if copy.uidvalidity != selected.uidvalidity:
        copy = StoredCopy(copy.folder, copy.folder_name, None, None, copy.message_id)
    old.discard(copy.uid or 0)
    if old:
        try:
            _remove(session, old)
        except ImapError as error:
            log.info("IMAP: an old draft copy stays (%s)", error.kind)
            return StoredCopy(
                copy.folder, copy.folder_name, copy.uidvalidity, copy.uid, copy.message_id,
                tuple(sorted(old)),
            )  # fmt: skip
    return copy


def list_recent(
    session: ImapSession, limit: int = RECENT_COUNT, folder: str = INBOX
) -> list[MessageSummary]:
    """The newest *limit* messages of *folder*, newest first; nothing is marked read."""
    limit = max(1, min(limit, MAX_RECENT))
    selected = session.select(folder, readonly=True)
    if selected.exists == 0:
        return []
    first = max(1, selected.exists - limit + 1)
    answer = session.run(
        "FETCH",
        f"{first}:{selected.exists}",
        "(UID FLAGS ENVELOPE RFC822.SIZE INTERNALDATE)",
        limits=ENVELOPE_LIMITS,
    )
    found: dict[int, tuple[int, MessageSummary]] = {}
    unreadable = 0
    for pieces in responses(answer.untagged.get("FETCH", [])):
        try:
            sequence, items = fetch_items(pieces)
        except MalformedResponse:
            unreadable += 1
            continue
        line = summary(folder, selected.uidvalidity, items)
        if line is not None and first <= sequence <= selected.exists:
            found[line.ref.uid] = (sequence, line)
    if unreadable:
        log.info("IMAP: %d FETCH answers not understood", unreadable)
        if not found:
            raise _unreadable(session)
    return [line for _, line in sorted(found.values(), key=lambda pair: -pair[0])]


def _select_same(session: ImapSession, ref: MessageRef, *, readonly: bool) -> None:
    selected = session.select(ref.folder, readonly=readonly)
    if selected.uidvalidity != ref.uidvalidity:
        raise _gone(ref)


def _fetched(
    session: ImapSession, ref: MessageRef, items: str, limits: Limits
) -> dict[str, object]:
    answer = session.run("UID", "FETCH", str(ref.uid), items, limits=limits)
    for pieces in responses(answer.untagged.get("FETCH", [])):
        try:
            _, values = fetch_items(pieces)
        except MalformedResponse:
            raise _unreadable(session) from None
        if number(values.get("UID")) == ref.uid:
            return values
    raise _gone(ref)


def read_message(session: ImapSession, ref: MessageRef, max_size: int = MAX_MESSAGE) -> bytes:
    """The message *ref* as the server has it, unchanged and still unread (EXAMINE, BODY.PEEK)."""
    _select_same(session, ref, readonly=True)
    size = number(
        _fetched(session, ref, "(RFC822.SIZE)", Limits(4096, 1024 * 1024)).get("RFC822.SIZE")
    )
    if size is not None and size > max_size:
        raise _too_large_to_open(size, max_size)
    limits = Limits(literal=max_size, answer=max_size + 1024 * 1024)
    body = _fetched(session, ref, "(BODY.PEEK[])", limits).get("BODY[]")
    if not isinstance(body, bytes):
        raise _unreadable(session)
    return body


def flag_answered(session: ImapSession, ref: MessageRef) -> None:
    r"""Mark *ref* answered (\Answered), as other clients do after a reply."""
    _select_same(session, ref, readonly=False)
    answer = session.run("UID", "STORE", str(ref.uid), "+FLAGS", "(\\Answered)")
    for pieces in responses(answer.untagged.get("FETCH", [])):
        try:
            if number(fetch_items(pieces)[1].get("UID")) == ref.uid:
                return
        except MalformedResponse:
            continue
    _fetched(session, ref, "(FLAGS)", Limits(4096, 1024 * 1024))  # a server that stays silent


def _gone(ref: MessageRef) -> ImapError:
    return ImapError(
        "message_gone",
        user_message(
            "Imap",
            "The message is no longer in %1 on the server: it was moved or deleted since the "
            "list was made. Refresh the list.",
        ).arg(imap_utf7.readable(ref.folder)),
    )


def _unreadable(session: ImapSession) -> ImapError:
    return ImapError(
        "unreadable_answer",
        user_message(
            "Imap", "The server %1 sent an answer that is not IMAP as mail servers speak it (%2)."
        ).arg(session.host, "FETCH"),
    )


def _too_large_to_open(size: int, limit: int) -> ImapError:
    return ImapError(
        "too_large",
        user_message(
            "Imap",
            "The message is too large to open here: %1, and Composer opens at most %2. Open it "
            "with your webmail.",
        ).arg(readable_size(size), readable_size(limit)),
    )


# -- one-shot, for a worker thread -------------------------------------------------------


def append_sent(
    access: ImapAccess, message: bytes, *, when: datetime | float | None = None
) -> StoredCopy:
    """Keep *message* (the bytes sent, Bcc included) in the account's Sent folder, read."""
    with access.connect() as session:
        return store_sent(session, message, when)


def save_draft(
    access: ImapAccess, message: bytes, *, previous: StoredCopy | None = None
) -> StoredCopy:
    """Save *message* to Drafts, replacing *previous* (what the last save returned)."""
    with access.connect() as session:
        return store_draft(session, message, previous)


def recent_messages(access: ImapAccess, *, limit: int = RECENT_COUNT) -> list[MessageSummary]:
    """The newest *limit* messages of the INBOX, newest first (envelopes only)."""
    with access.connect() as session:
        return list_recent(session, limit)


def fetch_message(access: ImapAccess, ref: MessageRef, *, max_size: int = MAX_MESSAGE) -> bytes:
    """The raw message *ref*, left unread on the server; at most *max_size* bytes."""
    with access.connect() as session:
        return read_message(session, ref, max_size)


def mark_answered(access: ImapAccess, ref: MessageRef) -> None:
    r"""Flag *ref* \Answered, after a reply to it was sent."""
    with access.connect() as session:
        flag_answered(session, ref)
