r"""Which folder of the user's mailbox is Sent, or Drafts: RFC 6154 marks, then the usual names.

Most servers mark them (\Sent, \Drafts) in their LIST answer; a server
that offers SPECIAL-USE is asked for the marked folders only, which stays
short on an account with thousands of folders. Where nothing is marked,
the names other clients create are tried, in the order below.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from composer.mail import imap_utf7
from composer.mail.imap_client import ImapSession, quote
from composer.mail.imap_errors import ImapError
from composer.mail.imap_parse import MalformedResponse, parse_values, responses, text
from composer.mail.smtp_send import quoted
from composer.messages import UserMessage, user_message

log = logging.getLogger(__name__)

SENT = "\\Sent"
DRAFTS = "\\Drafts"
# Compared without regard to case; the first one found wins.
USUAL_NAMES = {
    SENT: (
        "Sent",
        "Sent Items",
        "Sent Messages",
        "Sent Mail",
        "INBOX.Sent",
        "INBOX/Sent",
        "INBOX.Sent Items",
        "[Gmail]/Sent Mail",
        "[Google Mail]/Sent Mail",
    ),
    DRAFTS: ("Drafts", "INBOX.Drafts", "INBOX/Drafts", "[Gmail]/Drafts", "[Google Mail]/Drafts"),
}
_UNUSABLE = {"\\noselect", "\\nonexistent"}


@dataclass(frozen=True)
class Folder:
    wire: str  # the name as the server writes it (modified UTF-7): what commands carry
    name: str  # the name a person reads
    attributes: frozenset[str]  # lower case: "\\sent", "\\haschildren"
    delimiter: str


def _folder(values: list[object]) -> Folder | None:
    if len(values) != 3 or not isinstance(values[0], list):
        return None
    attributes = frozenset(a.lower() for a in values[0] if isinstance(a, str))
    wire = text(values[2])
    try:
        quote(wire)  # a name one cannot send back is no use
    except ValueError:
        return None
    return Folder(wire, imap_utf7.readable(wire), attributes, text(values[1]))


def list_folders(session: ImapSession, *, special_use_only: bool = False) -> list[Folder]:
    """The folders the server lists (only the marked ones with *special_use_only*)."""
    args = ('(SPECIAL-USE) ""', '"*"') if special_use_only else ('""', '"*"')
    answer = session.run("LIST", *args)
    folders = []
    for pieces in responses(answer.untagged.get("LIST", [])):
        try:
            folder = _folder(parse_values(pieces))
        except MalformedResponse:
            folder = None
        if folder is None:
            log.info("IMAP: a LIST line skipped (not understood)")
        elif not folder.attributes & _UNUSABLE:
            folders.append(folder)
    return folders


def _marked(folders: list[Folder], use: str) -> Folder | None:
    marked = [f for f in folders if use.lower() in f.attributes]
    return marked[0] if marked else None


def _by_name(folders: list[Folder], use: str) -> Folder | None:
    by_name = {f.name.lower(): f for f in folders}
    for name in USUAL_NAMES[use]:
        if name.lower() in by_name:
            return by_name[name.lower()]
    return None


def find_folder(session: ImapSession, use: str) -> Folder:
    """The folder for *use* (SENT or DRAFTS); ImapError "folder_missing" when there is none."""
    if "SPECIAL-USE" in session.capabilities:
        try:
            found = _marked(list_folders(session, special_use_only=True), use)
        except ImapError as error:
            if error.kind != "server_said":
                raise
            found = None  # a server that announces it and then refuses the option
        if found is not None:
            return found
    folders = list_folders(session)
    found = _marked(folders, use) or _by_name(folders, use)
    if found is None:
        raise ImapError(
            "folder_missing",
            user_message(
                "Imap",
                "No %1 folder was found on %2: none is marked as such, and none has a usual "
                "name (%3). Create one with your webmail or another mail program.",
            ).arg(_use_name(use), session.host, ", ".join(quoted(n) for n in USUAL_NAMES[use])),
        )
    return found


def _use_name(use: str) -> UserMessage:
    if use == SENT:
        return user_message("Imap", "Sent")
    return user_message("Imap", "Drafts")
