"""Every message and link of the generated hostile set, through what a user does with it.

Open (parse), Reply, Reply all, Forward, then the message that would be sent:
its header block holds exactly the headers the app writes, whatever the
input held. Links: the draft they fill, and what would be sent from it.
The sizes here are the set's smallest (scale 0); bench/hostile_input.py runs
the full sizes through the real window and measures stalls and memory.
"""

from __future__ import annotations

import time

import pytest
from helpers.hostile_mail import LINKS, MESSAGES, OUR_HEADERS, Hostile, header_names

from composer.mail.accounts import Account
from composer.mail.drafts import Draft
from composer.mail.mailto import MailtoError, parse_mailto
from composer.mail.message import MessageUnreadable, parse_message
from composer.mail.outgoing import build_message, message_bytes
from composer.mail.replies import forward_draft, reply_draft

ME = Account(id="a", name="Me", address="me@example.com", host="smtp.example.com")
SECONDS = 20  # the audit's bound for any input: shown or refused within it


def sent_bytes(draft: Draft) -> bytes:
    if not draft.to.strip():
        draft = Draft(**{**draft.__dict__, "to": "friend@example.net"})
    raw = message_bytes(build_message(draft, ME))
    names = header_names(raw)
    assert set(names) <= OUR_HEADERS, names
    assert len(names) == len(set(names)), names
    return raw


def test_the_set_is_as_large_as_the_audit_asks():
    assert len(MESSAGES) >= 50 and len(LINKS) >= 30
    assert len({h.name for h in MESSAGES + LINKS}) == len(MESSAGES) + len(LINKS)


@pytest.mark.parametrize("item", MESSAGES, ids=lambda h: h.name)
def test_a_hostile_message_is_shown_or_refused_and_never_reaches_what_is_sent(
    item: Hostile, tmp_path
):
    data = item.bytes(0)
    started = time.monotonic()
    if item.expect == "refused":
        with pytest.raises(MessageUnreadable) as caught:
            parse_message(data)
        assert caught.value.message.text  # a sentence
        return
    opened = parse_message(data)
    assert opened.body or opened.attachments or opened.problems
    for draft in (
        reply_draft(opened),
        reply_draft(opened, reply_all=True),
        forward_draft(opened, attachment_dir=tmp_path),
    ):
        assert "\n" not in draft.subject and "\r" not in draft.subject
        sent_bytes(draft)
    assert time.monotonic() - started < SECONDS


@pytest.mark.parametrize("item", LINKS, ids=lambda h: h.name)
def test_a_hostile_link_fills_a_draft_or_is_refused(item: Hostile):
    url = item.bytes(0).decode()
    if item.expect == "refused":
        with pytest.raises(MailtoError) as caught:
            parse_mailto(url)
        assert caught.value.message.text
        return
    draft = parse_mailto(url)
    if "bcc=" not in url.lower():  # a bcc= the user sees in the Bcc field is theirs to keep
        assert draft.bcc == ""
    assert "\n" not in draft.subject and "\r" not in draft.subject
    for field in (draft.to, draft.cc, draft.bcc):
        assert "\n" not in field and "\r" not in field
    if draft.to.count("@") < 1000:  # a list that long is refused at sending, with its count
        sent_bytes(draft)
