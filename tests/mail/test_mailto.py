"""mailto: links (RFC 6068): every example of section 6, and what a link must not do."""

from __future__ import annotations

import pytest

from composer.mail.addresses import idna_address
from composer.mail.drafts import Draft
from composer.mail.mailto import MAX_MAILTO_LENGTH, MailtoError, parse_mailto

# RFC 6068 section 6, every example, with the draft it must give.
RFC_6068_EXAMPLES = [
    # 6.1 Basic examples
    ("mailto:chris@example.com", Draft(to="chris@example.com")),
    ("mailto:infobot@example.com?subject=current-issue", Draft(to="infobot@example.com", subject="current-issue")),
    ("mailto:infobot@example.com?body=send%20current-issue", Draft(to="infobot@example.com", body="send current-issue")),
    (
        "mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index",
        Draft(to="infobot@example.com", body="send current-issue\nsend index"),
    ),
    (
        "mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E",
        Draft(to="list@example.org", in_reply_to="<3469A91.D10AF4C@example.com>", references="<3469A91.D10AF4C@example.com>"),
    ),
    ("mailto:majordomo@example.com?body=subscribe%20bamboo-l", Draft(to="majordomo@example.com", body="subscribe bamboo-l")),
    ("mailto:joe@example.com?cc=bob@example.com&body=hello", Draft(to="joe@example.com", cc="bob@example.com", body="hello")),
    # "using '?' twice, is incorrect": the second "?" is part of the cc value
    ("mailto:joe@example.com?cc=bob@example.com?body=hello", Draft(to="joe@example.com", cc="bob@example.com?body=hello")),
    ("mailto:gorby%25kremvax@example.com", Draft(to="gorby%kremvax@example.com")),
    ("mailto:unlikely%3Faddress@example.com?blat=foop", Draft(to="unlikely?address@example.com")),
    # the HTML example, as a browser passes it on (the &amp; entity decoded)...
    ("mailto:joe@an.example?cc=bob@an.example&body=hello", Draft(to="joe@an.example", cc="bob@an.example", body="hello")),
    # ... and as copied from the page's source
    ("mailto:joe@an.example?cc=bob@an.example&amp;body=hello", Draft(to="joe@an.example", cc="bob@an.example", body="hello")),
    ("mailto:Mike%26family@example.org", Draft(to="Mike&family@example.org")),
    # section 2: three equivalent ways of giving two addresses
    ("mailto:addr1@an.example,addr2@an.example", Draft(to="addr1@an.example, addr2@an.example")),
    ("mailto:?to=addr1@an.example,addr2@an.example", Draft(to="addr1@an.example, addr2@an.example")),
    ("mailto:addr1@an.example?to=addr2@an.example", Draft(to="addr1@an.example, addr2@an.example")),
    # 6.2 Complicated email addresses
    ("mailto:%22not%40me%22@example.org", Draft(to='"not@me"@example.org')),
    ("mailto:%22oh%5C%5Cno%22@example.org", Draft(to='"oh\\\\no"@example.org')),
    (
        "mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org",
        Draft(to='"\\\\\\"it\'s\\ ugly\\\\\\""@example.org'),
    ),
    # 6.3 UTF-8-based percent-encoding
    ("mailto:user@example.org?subject=caf%C3%A9", Draft(to="user@example.org", subject="café")),
    ("mailto:user@example.org?subject=%3D%3Futf-8%3FQ%3Fcaf%3DC3%3DA9%3F%3D", Draft(to="user@example.org", subject="café")),
    ("mailto:user@example.org?subject=%3D%3Fiso-8859-1%3FQ%3Fcaf%3DE9%3F%3D", Draft(to="user@example.org", subject="café")),
    ("mailto:user@example.org?subject=caf%C3%A9&body=caf%C3%A9", Draft(to="user@example.org", subject="café", body="café")),
    (
        "mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO",
        Draft(to="user@納豆.example.org", subject="Test", body="NATTO"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("url", "draft"), RFC_6068_EXAMPLES, ids=[u for u, _ in RFC_6068_EXAMPLES])
def test_rfc_6068_examples(url: str, draft: Draft) -> None:
    assert parse_mailto(url) == draft


def test_idn_domain_becomes_punycode_for_sending() -> None:
    draft = parse_mailto("mailto:user@%E7%B4%8D%E8%B1%86.example.org")
    assert idna_address(draft.to) == "user@xn--99zt52a.example.org"


def test_plus_is_not_a_space() -> None:
    draft = parse_mailto("mailto:bill+ietf@example.org?subject=1+1%20is%202&body=a+b")
    assert draft == Draft(to="bill+ietf@example.org", subject="1+1 is 2", body="a+b")


def test_field_names_ignore_case_and_repeats_are_joined() -> None:
    draft = parse_mailto(
        "MAILTO:a@x.org?TO=b@x.org&Cc=c@x.org&cC=d@x.org,e@x.org&BCC=f@x.org&bcc=g@x.org"
        "&Subject=one&subject=two&Body=line%201&BODY=line%202"
    )
    assert draft == Draft(
        to="a@x.org, b@x.org",
        cc="c@x.org, d@x.org, e@x.org",
        bcc="f@x.org, g@x.org",
        subject="one two",
        body="line 1\nline 2",
    )


def test_other_fields_are_ignored() -> None:
    url = (
        "mailto:a@x.org?from=boss@x.org&attach=/etc/passwd&attachment=~/.ssh/id_rsa"
        "&Content-Type=text/html&X-Header=1&references=%3Cr@x%3E&account=other&sender=s@x.org"
    )
    assert parse_mailto(url) == Draft(to="a@x.org")


def test_line_breaks_cannot_add_headers() -> None:
    draft = parse_mailto(
        "mailto:a@x.org%0D%0ABcc:%20spy@x.org?subject=Hi%0D%0ABcc:%20spy@x.org&cc=c@x.org%0Abcc:d@x.org"
    )
    assert draft.to == "a@x.org Bcc: spy@x.org"
    assert draft.subject == "Hi Bcc: spy@x.org"
    assert draft.cc == "c@x.org bcc:d@x.org"
    assert draft.bcc == ""


def test_lone_carriage_returns_and_line_feeds_in_the_body() -> None:
    assert parse_mailto("mailto:?body=a%0Db%0Ac%0D%0Ad").body == "a\nb\nc\nd"


def test_empty_link_opens_an_empty_draft() -> None:
    assert parse_mailto("mailto:") == Draft()
    assert parse_mailto("  mailto:?subject=hello  ") == Draft(subject="hello")


def test_encoded_comma_inside_an_address_does_not_split_it() -> None:
    assert parse_mailto("mailto:%22a%2Cb%22@x.org,c@x.org").to == '"a,b"@x.org, c@x.org'


def test_fragment_is_ignored() -> None:
    assert parse_mailto("mailto:a@x.org?subject=x#top") == Draft(to="a@x.org", subject="x")


def test_bad_percent_encoding_is_kept_and_bad_utf8_replaced() -> None:
    draft = parse_mailto("mailto:a@x.org?subject=100%ZZ%20%FF")
    assert draft.subject == "100%ZZ \ufffd"


def test_in_reply_to_without_an_id_is_dropped() -> None:
    assert parse_mailto("mailto:a@x.org?in-reply-to=nonsense").in_reply_to == ""


@pytest.mark.parametrize(
    "url", ["http://example.org", "a@x.org", "", "mailtox:a@x.org", "file:/etc/passwd"]
)
def test_not_a_mailto_link(url: str) -> None:
    with pytest.raises(MailtoError) as caught:
        parse_mailto(url)
    assert caught.value.message.context == "Mailto"


def test_too_long() -> None:
    with pytest.raises(MailtoError):
        parse_mailto("mailto:a@x.org?body=" + "x" * MAX_MAILTO_LENGTH)


def test_a_link_asking_for_more_than_a_message_can_be_is_refused_with_the_numbers():
    from composer.mail.addresses import MAX_RECIPIENTS
    from composer.mail.mailto import MAX_BODY_LINES, MAX_FIELDS, MAX_SUBJECT_CHARS

    ok = parse_mailto("mailto:a@example.org?body=" + "l%0A" * (MAX_BODY_LINES - 1))
    assert ok.body.count("\n") == MAX_BODY_LINES - 1
    for url, numbers in (
        ("mailto:a@example.org?body=" + "l%0A" * MAX_BODY_LINES, (str(MAX_BODY_LINES + 1),)),
        (
            "mailto:a@example.org?subject=" + "s" * (MAX_SUBJECT_CHARS + 1),
            (str(MAX_SUBJECT_CHARS),),
        ),
        (
            "mailto:" + ",".join(f"u{i}@x.org" for i in range(MAX_RECIPIENTS + 1)),
            (str(MAX_RECIPIENTS + 1),),
        ),
        ("mailto:a@example.org?" + "&".join(["x=1"] * (MAX_FIELDS + 1)), (str(MAX_FIELDS),)),
    ):
        with pytest.raises(MailtoError) as caught:
            parse_mailto(url)
        assert all(n in caught.value.message.args for n in numbers), caught.value.message
