"""The real-world message corpus in tests/fixtures/mail/ and what each one shows."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "mail"


@dataclass(frozen=True)
class Expected:
    file: str
    subject: str
    sender: str  # the address, "" when there is none
    snippet: str  # a piece of the body
    attachments: tuple[str, ...] = ()
    html: bool = False
    problems: int = 0  # how many problem notes
    dated: bool = True


EXPECTED = [
    Expected("thunderbird_flowed.eml", "Re: Réunion de lundi — ordre du jour", "renee.lefevre@example.net",
             "un point sur le budget de l'été, qui a beaucoup changé depuis la dernière réunion. On pourrait"),
    Expected("outlook_alternative_1252.eml", "RE: Invoice Q1 – final numbers", "mark.thompson@contoso.example",
             "it’s “final” now: € 1\u00a0200."),
    Expected("gmail_pdf_attachment.eml", "Tickets for Saturday 🎉", "zoe.garcia@gmail.com",
             "see you at the café at 7! 🎉", ("tickets-saturday.pdf",)),
    Expected("apple_mail_inline_image.eml", "Photo from the weekend", "sofia.rossi@icloud.com",
             "here is the view from the hut.", ("IMG_2041.png",)),
    Expected("html_only_newsletter.eml", "Café Nouvelles – mars", "news@cafe.example.fr",
             "Notre nouvelle carte est en ligne : voir la carte (https://cafe.example.fr/carte?utm=news).\nHoraires : 8h–18h.",
             html=True),
    Expected("mailing_list_digest.eml", "Python-list Digest, Vol 258, Issue 12", "python-list-request@python.example.org",
             "1. Re: dataclasses and frozen (Guido)", ("Re_ dataclasses and frozen.eml", "pathlib question.eml")),
    Expected("postfix_bounce.eml", "Undelivered Mail Returned to Sender", "MAILER-DAEMON@mx1.example.com",
             "Recipient address rejected", ("delivery-status.txt", "Lunch on Friday_.eml")),
    Expected("iso2022jp.eml", "資料の確認", "hanako.sato@example.jp", "いつもお世話になっております。"),
    Expected("unknown_charset.eml", "Strange charset", "old@example.net", "Grüße aus München, ça va?", problems=1),
    Expected("no_date.eml", "quick question", "bob@example.com", "do you still have the key", dated=False),
    Expected("garbled_headers.eml", "First subject", "broken@example.com", "The body is still readable.",
             problems=2, dated=False),
    Expected("broken_base64.eml", "Protokoll", "jonas.weber@example.de", "Viele Grüße, Jonas",
             ("protokoll.pdf",), problems=2),
    Expected("missing_end_boundary.eml", "Truncated message", "cut@example.org", "The report is attached.",
             ("report.bin",), problems=2),
    Expected("mbox_from_line.eml", "Smørrebrød tomorrow", "anna@example.org", "smørrebrød at noon?\n>From the bakery"),
    Expected("forward_as_attachment.eml", "Fwd: Привет", "olga@example.net", "See the message below.",
             ("Привет.eml",)),
    Expected("outlook_invitation.eml", "Planning", "priya@contoso.example", "Let's plan the next quarter.",
             ("attachment.ics",)),
    Expected("raw_utf8_headers.eml", "Grüße aus Köln", "juergen@bücher.example", "anbei die Fotos",
             ("bashrc", "invoicegpj.exe", "attachment.png")),
    Expected("gmail_html_reply.eml", "Re: Wycieczka do Krakowa ąć", "marta.nowak@gmail.com",
             "Bilety: rezerwacja (https://pkp.example.pl/b/123)", html=True),
]  # fmt: skip

FILES = [item.file for item in EXPECTED]

_NASTY = [
    b"\x00",
    b"\xff",
    b"\n",
    b"\r\n",
    b"=",
    b"-",
    b"--",
    b"=?",
    b"?=",
    b"<",
    b";",
    b":",
    b" ",
    b"\x1b$B",
]


def damaged(data: bytes, seed: int) -> bytes:
    """*data* damaged in one of four ways, the same for the same *seed*."""
    rng = random.Random(seed)
    kind = seed % 4
    if kind == 0:  # cut anywhere
        return data[: rng.randrange(len(data) + 1)]
    if kind == 1:  # bytes overwritten
        out = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == 2:  # syntax-looking bytes inserted
        out = data
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(len(out) + 1)
            out = out[:at] + rng.choice(_NASTY) + out[at:]
        return out
    # a span removed and another repeated
    a, b = sorted(rng.randrange(len(data) + 1) for _ in range(2))
    out = data[:a] + data[b:]
    c, d = sorted(rng.randrange(len(out) + 1) for _ in range(2))
    return out[:d] + out[c:d] + out[d:]
