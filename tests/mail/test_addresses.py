"""Address lists as users type them: what is accepted, what is flagged, how they compare."""

from __future__ import annotations

import pytest

from composer.mail.addresses import (
    Address,
    format_address_list,
    idna_address,
    is_valid_addr,
    parse_address,
    parse_address_list,
    readable_address,
    same_mailbox,
    unique_addresses,
)


def test_mixed_list_with_commas_semicolons_and_quoted_names() -> None:
    valid, invalid = parse_address_list('Name <a@b.org>, c@d.net; "Last, First" <e@f.com>')
    assert valid == [
        Address("Name", "a@b.org"),
        Address("", "c@d.net"),
        Address("Last, First", "e@f.com"),
    ]
    assert invalid == []


def test_invalid_pieces_come_back_as_typed() -> None:
    valid, invalid = parse_address_list(" anna , anna@ ;@x.org, ok@example.org,  a@b ")
    assert valid == [Address("", "ok@example.org")]
    assert invalid == ["anna", "anna@", "@x.org", "a@b"]


def test_empty_entries_are_ignored() -> None:
    assert parse_address_list(" , ;; ,") == ([], [])
    assert parse_address_list("") == ([], [])


@pytest.mark.parametrize(
    "text",
    [
        "anna@example.org",
        "Anna <anna@example.org>",
        "<anna@example.org>",
        "anna@example.org (Anna)",
        "first.last+tag@sub.example.co.uk",
        "o'brien@example.ie",
        "anna@bücher.de",
        "Jörg Müller <jörg@bücher.de>",
        "用户@例子.广告",
        "root@localhost",
        "ROOT@LOCALHOST",
        "a@xn--bcher-kva.de",
        "Anna < anna@example.org >",
        '"Smith, J. (work)" <j@example.org>',
    ],
)
def test_accepted(text: str) -> None:
    valid, invalid = parse_address_list(text)
    assert len(valid) == 1 and invalid == []


@pytest.mark.parametrize(
    "text",
    [
        "anna",  # no @ at all
        "anna@",  # no domain
        "@x.org",  # no local part
        "a@b",  # single-label domain: a typo except localhost
        "anna bob@x.org",  # space inside the address (the lenient parser would keep it)
        "anna@ex ample.org",
        "x <a @b.org>",
        "a@b.org <c@d.org>",  # two addresses glued: the CVE-2023-27043 shape
        "alice@example.org)<bob@example.com>",
        "Anna <anna@example.org> extra",
        "Anna <>",
        "a.@x.org",  # dot last in the local part
        ".a@x.org",
        "a..b@x.org",
        "a@x..org",
        "a@-x.org",  # hyphen first in a label
        "a@x-.org",
        "a@1.2.3.4",  # address literal without brackets
        "a@[192.0.2.1]",  # address literals are not accepted
        '"a b"@x.org',  # quoted local parts are not accepted
        "a@@x.org",
        "a@b@x.org",
        "Anna Smith",
        "an\x00na@x.org",
        "a@" + "x" * 64 + ".org",  # label over 63 characters
        "x" * 65 + "@x.org",  # local part over 64 characters
    ],
)
def test_rejected(text: str) -> None:
    valid, invalid = parse_address_list(text)
    assert valid == [] and invalid == [text.strip()]


def test_encoded_display_name_is_decoded() -> None:
    assert parse_address("=?utf-8?q?J=C3=B6rg?= <j@x.org>") == Address("Jörg", "j@x.org")


def test_display_form_quotes_when_needed_and_keeps_unicode() -> None:
    assert str(Address("Anna", "anna@x.org")) == "Anna <anna@x.org>"
    assert str(Address("", "anna@x.org")) == "anna@x.org"
    assert str(Address("Jörg Müller", "j@bücher.de")) == "Jörg Müller <j@bücher.de>"
    assert str(Address("Last, First", "e@f.com")) == '"Last, First" <e@f.com>'
    assert str(Address('Say "hi"', "e@f.com")) == '"Say \\"hi\\"" <e@f.com>'
    assert str(Address("J. Smith", "e@f.com")) == '"J. Smith" <e@f.com>'


def test_display_form_parses_back() -> None:
    addresses = [
        Address("Last, First", "e@f.com"),
        Address('Say "hi"; (now)', "e@f.com"),
        Address("Jörg", "j@bücher.de"),
        Address("", "x@y.org"),
    ]
    assert parse_address_list(format_address_list(addresses)) == (addresses, [])


def test_domain_and_idna() -> None:
    assert Address("", "anna@bücher.de").domain == "bücher.de"
    assert idna_address("anna@bücher.de") == "anna@xn--bcher-kva.de"
    assert idna_address(Address("A", "anna@example.org")) == "anna@example.org"
    assert is_valid_addr(idna_address("anna@bücher.de"))


def test_same_mailbox_ignores_case_names_and_idna_form() -> None:
    assert same_mailbox("Anna <Anna@Example.ORG>", "anna@example.org")
    assert same_mailbox("a@BÜCHER.de", "A@xn--bcher-kva.de")
    assert same_mailbox(Address("x", "a@b.org"), "A@B.ORG")
    assert not same_mailbox("anna@example.org", "anna@example.com")
    assert not same_mailbox("anna@example.org", "hanna@example.org")


def test_unique_addresses_keeps_order_and_first_spelling() -> None:
    addresses = [
        Address("Anna", "anna@x.org"),
        Address("", "bob@x.org"),
        Address("ANNA", "ANNA@X.ORG"),
        Address("Me", "me@x.org"),
        Address("Carl", "carl@x.org"),
    ]
    assert unique_addresses(addresses, exclude=["Me@x.org"]) == [
        Address("Anna", "anna@x.org"),
        Address("", "bob@x.org"),
        Address("Carl", "carl@x.org"),
    ]


@pytest.mark.parametrize(
    ("wire", "readable"),
    [
        ("josé@xn--exmple-cua.com", "josé@exämple.com"),
        ("李@xn--r8jz45g.jp", "李@例え.jp"),
        ("anna@example.org", "anna@example.org"),
        ("odd@xn--broken-", "odd@xn--broken-"),  # not valid punycode: left as it is
        ("no-at-sign", "no-at-sign"),
    ],
)
def test_readable_address(wire, readable):
    assert readable_address(wire) == readable


# -- RFC 5321 length limits (section 4.5.3.1): what the server would refuse is flagged ---------

LABELS_189 = "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".org"  # a 189-octet domain
# 189 octets in UTF-8 too, but 240 in punycode ("àçîõý" is "xn--0caov2a3b")
ACCENTED_189 = ".".join(["àçîõý"] * 17) + ".de"


@pytest.mark.parametrize(
    "addr",
    [
        "a" * 64 + "@x.org",  # local part at 64 octets
        "é" * 32 + "@x.org",  # 32 characters, 64 octets in UTF-8
        "a" * 64 + "@" + LABELS_189,  # 254 octets: "<" + 254 + ">" = RFC 5321's 256
    ],
)
def test_addresses_at_the_rfc_5321_limits_are_accepted(addr: str) -> None:
    assert len(addr.encode()) <= 254
    assert parse_address_list(f"Anna <{addr}>") == ([Address("Anna", addr)], [])


@pytest.mark.parametrize(
    "addr",
    [
        "é" * 33 + "@x.org",  # 33 characters but 66 octets: over 64
        "a" * 64 + "@b" + LABELS_189,  # 255 octets: over the 256-octet path
        "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".org",  # 260 octets, every part fine
        # 254 octets in UTF-8 but 305 with the domain in punycode, as SMTP sends it.
        "a" * 64 + "@" + ACCENTED_189,
    ],
)
def test_addresses_over_the_rfc_5321_limits_are_named_as_invalid(addr: str) -> None:
    assert not is_valid_addr(addr)
    text = f"ok@example.org, Too long <{addr}>; last@example.org"
    valid, invalid = parse_address_list(text)
    assert [a.addr for a in valid] == ["ok@example.org", "last@example.org"]
    assert invalid == [f"Too long <{addr}>"]  # named as typed, so the window can select it


def test_the_punycode_domain_is_what_is_measured() -> None:
    addr = "a" * 64 + "@" + ACCENTED_189
    assert len(addr.encode()) == 254  # fits in UTF-8…
    assert len(idna_address(addr)) == 305  # …not as it is sent
    assert is_valid_addr("a" * 10 + "@" + ACCENTED_189)  # the domain itself is fine


def test_an_address_that_cannot_be_written_in_utf8_is_invalid() -> None:
    assert not is_valid_addr("an\udcffna@example.org")  # a lone surrogate (undecodable byte)
