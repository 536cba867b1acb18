"""No header value of a message the user answers or a link they follow reaches what is sent.

The shapes: an RFC 2047 encoded word whose decoded text is another encoded
word holding a line break (CVE-2024-6923 writes it through on 3.11.7 and
3.12.1), deeper nesting, bare control characters and Unicode line
separators, in every header a reply, reply all, forward or mailto: link
fills. Each is checked on the wire bytes themselves: the header block holds
exactly the headers the app wrote. These tests need no Qt and no model;
CI runs them on every Python the project supports (3.10 to 3.13).
"""

from __future__ import annotations

import itertools
import quopri
from urllib.parse import quote

import pytest
from helpers.hostile_mail import OUR_HEADERS, b_word, header_names

from composer.mail.accounts import Account
from composer.mail.drafts import Draft
from composer.mail.header_guard import (
    MAX_DECODED_CHARS,
    UnsafeHeader,
    header_text,
    shown_header_text,
)
from composer.mail.mailto import parse_mailto
from composer.mail.message import parse_message
from composer.mail.outgoing import build_message, message_bytes
from composer.mail.replies import forward_draft, reply_draft

INJECTED = "Bcc: stolen@evil.example"
SMUGGLED_BREAKS = [
    "\r\n",
    "\n",
    "\r",
    "\r\n\r\n",
    "\x00",
    "\x0b",
    "\x0c",
    "\x85",
    "\u2028",
    "\u2029",
]


def q_word(text: str) -> str:
    encoded = quopri.encodestring(text.encode(), header=True).decode().replace("?", "=3F")
    return "=?utf-8?q?" + encoded.replace("\n", "") + "?="


def nested(payload: str, depth: int, words=(b_word, q_word)) -> str:
    """*payload* wrapped in *depth* encoded words, alternating the given encodings."""
    text = payload
    for level in range(depth):
        text = words[level % len(words)](text)
    return text


def payloads() -> list[str]:
    found = []
    for brk in SMUGGLED_BREAKS:
        found.append(f"Hello{brk}{INJECTED}{brk}")
        found.append(f"Hello{brk}Reply-To: attacker@evil.example{brk}Content-Type: text/html")
    return found


# (depth, encodings): every shape of nesting a sender can choose.
SHAPES = [
    (2, (b_word, q_word)),
    (2, (q_word, b_word)),
    (2, (b_word,)),
    (2, (q_word,)),
    (3, (b_word, q_word)),
    (5, (q_word, b_word)),
]


def assert_only_our_headers(raw: bytes, extra: tuple[str, ...] = ()) -> None:
    allowed = OUR_HEADERS | set(extra)
    names = header_names(raw)
    assert set(names) <= allowed, names
    assert len(names) == len(set(names)), names
    for forbidden in (b"\r\nBcc:", b"\r\nReply-To:", b"\r\nContent-Type: text/html"):
        assert forbidden not in raw, forbidden


def eml(**headers: str) -> bytes:
    base = {
        "From": "Anna <anna@example.org>",
        "To": "me@example.com",
        "Subject": "Friday",
        "Message-ID": "<1@example.org>",
        "Date": "Mon, 3 Mar 2025 10:02:00 +0100",
    }
    base.update(headers)
    lines = [f"{name}: {value}" for name, value in base.items()]
    return ("\n".join(lines) + "\n\nSee you Friday.\n").encode()


ME = Account(id="a", name="Me", address="me@example.com", host="smtp.example.com")


@pytest.mark.parametrize(
    ("shape", "payload"), list(itertools.product(SHAPES, payloads())), ids=lambda v: repr(v)[:30]
)
def test_a_nested_encoded_subject_never_adds_a_header_to_the_reply(shape, payload):
    depth, words = shape
    opened = parse_message(eml(Subject=nested(payload, depth, words)))
    for draft in (reply_draft(opened), reply_draft(opened, reply_all=True)):
        draft = Draft(**{**draft.__dict__, "body": "Tuesday is better.\n" + draft.body})
        raw = message_bytes(build_message(draft, ME))
        assert_only_our_headers(raw)
        # The subject field shows what is sent: no line break, nothing to decode again.
        assert "\n" not in draft.subject and "\r" not in draft.subject
        assert header_text(draft.subject) == draft.subject


@pytest.mark.parametrize("payload", payloads(), ids=lambda v: repr(v)[:30])
@pytest.mark.parametrize("header", ["From", "Reply-To", "To", "Cc"])
def test_nested_encoded_names_in_every_address_header(header, payload, tmp_path):
    crafted = f"{nested(payload, 2)} <someone@example.org>"
    data = eml(**{header: crafted, "Cc": crafted if header == "Cc" else "cc@example.org"})
    opened = parse_message(data)
    drafts = [reply_draft(opened), reply_draft(opened, reply_all=True)]
    drafts.append(forward_draft(opened, attachment_dir=tmp_path))
    for draft in drafts:
        if not draft.to:
            draft = Draft(**{**draft.__dict__, "to": "friend@example.net"})
        raw = message_bytes(build_message(draft, ME))
        assert_only_our_headers(raw)


@pytest.mark.parametrize("payload", payloads(), ids=lambda v: repr(v)[:30])
def test_forward_of_a_nested_subject(payload, tmp_path):
    opened = parse_message(eml(Subject=nested(payload, 2)))
    draft = forward_draft(opened, attachment_dir=tmp_path)
    draft = Draft(**{**draft.__dict__, "to": "friend@example.net"})
    assert_only_our_headers(message_bytes(build_message(draft, ME)))


@pytest.mark.parametrize("payload", payloads(), ids=lambda v: repr(v)[:30])
def test_mailto_subject_cannot_hide_a_bcc(payload):
    for word in (nested(payload, 1), nested(payload, 2), nested(payload, 3)):
        draft = parse_mailto("mailto:anna@example.org?subject=" + quote(word, safe=""))
        assert draft.bcc == ""
        assert "\n" not in draft.subject
        raw = message_bytes(build_message(draft, ME))
        assert_only_our_headers(raw)


def test_message_ids_only_well_formed_ones_go_out():
    crafted = nested("<a@x>\r\nBcc: stolen@evil.example", 2)
    opened = parse_message(eml(**{"Message-ID": crafted, "References": crafted}))
    raw = message_bytes(build_message(reply_draft(opened), ME))
    assert_only_our_headers(raw)
    draft = Draft(
        to="a@example.org", in_reply_to="<ok@x>\r\nBcc: x@y", references="<1@x>\nBcc: <2@y>"
    )
    raw = message_bytes(build_message(draft, ME))
    assert_only_our_headers(raw)
    assert b"In-Reply-To: <ok@x>\r\n" in raw
    assert b"References: <1@x> <2@y>\r\n" in raw


def test_account_name_and_attachment_name_pass_the_guard(tmp_path):
    odd = tmp_path / "report\r\nBcc: stolen@evil.example.pdf"
    odd.write_bytes(b"%PDF-1.4")
    account = Account(
        id="a", name=nested("Me\r\n" + INJECTED, 2), address="me@example.com", host="h"
    )
    draft = Draft(to="a@example.org", subject="s", attachments=(str(odd),))
    raw = message_bytes(build_message(draft, account))
    assert_only_our_headers(raw)
    assert b"\r\nBcc:" not in raw


def test_an_account_address_with_a_line_break_is_refused_not_sent():
    account = Account(id="a", name="Me", address="me\r\nBcc: b@evil.example", host="h")
    with pytest.raises(UnsafeHeader):
        build_message(Draft(to="a@example.org"), account)


def test_the_generated_headers_are_checked_on_every_python():
    """Even a header set around header_text() cannot start a new header line."""
    from composer.mail.header_guard import GUARDED_POLICY

    # The check itself, through the email package's own folding of a raw value.
    with pytest.raises(UnsafeHeader):
        GUARDED_POLICY.clone(linesep="\r\n").fold("Subject", "x\r\n" + INJECTED)
    assert GUARDED_POLICY.fold("Subject", "a long\n subject") == "Subject: a long\n subject\n"
    # A whole message: Pythons without the CVE-2024-6923 fix write the decoded
    # line break (the guard refuses), later ones encode it (nothing to refuse).
    message = build_message(Draft(to="a@example.org", subject="ok"), ME)
    del message["Subject"]
    message["Subject"] = nested("x\r\n" + INJECTED, 1)  # the email package decodes it once
    try:
        raw = message_bytes(message)
    except UnsafeHeader:
        return
    assert_only_our_headers(raw)


def test_ordinary_subjects_are_unchanged():
    for text in ("Friday", "Grüße — été", "Re: 50% off? =? no", "a ?= b =? c", "x" * 5000):
        assert header_text(text) == text
    assert header_text("=?utf-8?q?caf=C3=A9?=") == "café"  # what any client shows


def test_an_endless_nesting_is_refused_and_a_long_text_is_not_decoded():
    with pytest.raises(UnsafeHeader):
        header_text(nested("x\ny", 12, (b_word,)))  # twelve rounds of decoding: no real client
    assert "\n" not in shown_header_text(nested("x\ny", 12, (b_word,)))
    for words in ((q_word,), (q_word, b_word)):
        # Where the email package stops decoding, the text has settled: it is sent as it is.
        settled = header_text(nested("x\ny", 12, words))
        assert header_text(settled) == settled and "\n" not in settled
    long_text = "=?utf-8?q?a?= " * (MAX_DECODED_CHARS // 10)
    with pytest.raises(UnsafeHeader):
        header_text(long_text)
    assert shown_header_text(long_text) == long_text


def test_crafted_encoded_word_starts_are_looked_at_in_one_pass():
    """Thousands of "=?" with "?=" after them: decoded by the email package once, or refused."""
    assert shown_header_text("=?a?b?" * 10_000) == "=?a?b?" * 10_000
    assert shown_header_text("=?a?b?" * 500_000) == "=?a?b?" * 500_000  # too long to decode


def test_long_headers_fold_and_pass_the_check():
    """Folding is a line break followed by a space: never taken for a new header."""
    draft = Draft(
        to=", ".join(f"u{i}@example.org" for i in range(300)),
        subject="s" * 3000 + " " + "word " * 400,
    )
    raw = message_bytes(build_message(draft, ME))
    assert header_names(raw).count("to") == 1 and raw.count(b"\r\n ") >= 8
