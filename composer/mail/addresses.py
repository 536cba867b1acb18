"""Email addresses as people type and read them: parse, check, compare and show.

An address list is what the user types in To, Cc or Bcc: "Name <addr>",
bare addresses and quoted names holding commas, separated by commas or
semicolons. parse_address_list() gives the valid addresses and, as typed,
the pieces that are not, so the window can flag them before sending.

What counts as valid (a deliberate, documented subset of RFC 5322/6531):

- one local part and one domain around a single "@", no spaces or control
  characters anywhere in the address (a space is a typing mistake far more
  often than an RFC 5322 quoted local part, which is not accepted);
- the local part is a dot-atom: RFC 5322 "atext" characters or any non-ASCII
  character (RFC 6531 internationalised mailboxes), dots neither first, last
  nor doubled, at most 64 octets (RFC 5321 4.5.3.1.1 counts octets, and an
  RFC 6531 local part is sent in UTF-8);
- the domain has at least two labels ("anna@example" is a typo for
  "anna@example.org"), except "localhost"; labels are letters, digits and
  hyphens (non-ASCII letters too: internationalised domains such as
  bücher.de), 1 to 63 characters, no hyphen first or last; the domain must
  have an IDNA (punycode) form, which idna_address() gives for SMTP;
  address literals ("anna@[192.0.2.1]") are not accepted;
- the whole address as SMTP sends it (domain in punycode, UTF-8) fits RFC
  5321's 256-octet path with its angle brackets (4.5.3.1.3): at most 254
  octets. Servers may refuse a longer one.

A message goes to at most MAX_RECIPIENTS envelope recipients (see there).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.utils import parseaddr

__all__ = [
    "MAX_RECIPIENTS",
    "Address",
    "format_address_list",
    "idna_address",
    "idna_domain",
    "readable_address",
    "is_valid_addr",
    "parse_address",
    "parse_address_list",
    "same_mailbox",
    "unique_addresses",
]

# RFC 5322 atext, plus anything non-ASCII (RFC 6531).
_LOCAL_ATOM = re.compile(r"^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\U0010ffff]+$")
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9\u0080-\U0010ffff]([A-Za-z0-9\-\u0080-\U0010ffff]*)$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A display name needs quotes when it holds one of RFC 5322's specials.
_SPECIALS = re.compile(r'[()<>\[\]:;@\\,."]')
_STRICT = "strict" in inspect.signature(parseaddr).parameters

# RFC 5321 4.5.3.1: local part 64 octets; a forward-path ("<" mailbox ">") 256.
_MAX_LOCAL_OCTETS = 64
_MAX_PATH_OCTETS = 256

# The most envelope recipients (To, Cc and Bcc, each mailbox once) one message
# is sent to. Postfix accepts 1,000 per message by default
# (smtpd_recipient_limit = 1000, postconf(5)) and Exchange Online at most 1,000,
# so more would be refused by many servers. Stricter ones exist (RFC 5321 4.5.3.1.8
# only requires 100; Gmail's SMTP submission takes 100 per message): they
# refuse the extra RCPTs, and smtp_send names those before any data is sent.
MAX_RECIPIENTS = 1000


@dataclass(frozen=True)
class Address:
    """One mailbox: the display name (may be "") and the address itself."""

    name: str
    addr: str

    @property
    def domain(self) -> str:
        return self.addr.rpartition("@")[2]

    def __str__(self) -> str:
        """The display form, "Name <addr>", or the bare address when there is no name."""
        name = " ".join(self.name.split())
        if not name:
            return self.addr
        if _SPECIALS.search(name):
            name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return f"{name} <{self.addr}>"


def idna_domain(domain: str) -> str:
    """*domain* in its ASCII (IDNA/punycode) form; unchanged when it has none."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def idna_address(addr: str | Address) -> str:
    """The address with its domain in punycode, as SMTP needs it (local part unchanged)."""
    text = addr.addr if isinstance(addr, Address) else addr.strip()
    local, at, domain = text.rpartition("@")
    return f"{local}@{idna_domain(domain)}" if at else text


def readable_address(addr: str) -> str:
    """The address as a person wrote it: a punycode domain ("xn--…") back in its letters."""
    local, at, domain = addr.rpartition("@")
    if not at or "xn--" not in domain.lower():
        return addr
    try:
        return f"{local}@{domain.encode('ascii').decode('idna')}"
    except UnicodeError:
        return addr


def _octets(text: str) -> int | None:
    """*text*'s length in UTF-8; None when it cannot be written in UTF-8 (a lone surrogate)."""
    try:
        return len(text.encode("utf-8"))
    except UnicodeEncodeError:
        return None


def _valid_local(local: str) -> bool:
    size = _octets(local)
    if not local or size is None or size > _MAX_LOCAL_OCTETS:
        return False
    return all(_LOCAL_ATOM.match(atom) for atom in local.split("."))


def _valid_domain(domain: str) -> bool:
    if domain.lower() == "localhost":
        return True
    labels = domain.split(".")
    if len(labels) < 2:
        return False
    for label in labels:
        if not 0 < len(label) <= 63 or not _DOMAIN_LABEL.match(label) or label.endswith("-"):
            return False
    if labels[-1].isdigit():
        return False  # "1.2.3.4" is an address literal without its brackets
    try:
        ascii_form = domain.encode("idna")
    except UnicodeError:
        return False
    return len(ascii_form) <= 253


def is_valid_addr(addr: str) -> bool:
    """Whether *addr* (no display name) is an address this module accepts (see the module)."""
    if not addr or addr != addr.strip() or _CONTROL.search(addr) or any(c.isspace() for c in addr):
        return False
    local, at, domain = addr.rpartition("@")
    if not at or "@" in local:
        return False
    if not (_valid_local(local) and _valid_domain(domain)):
        return False
    size = _octets(idna_address(addr))
    return size is not None and size + 2 <= _MAX_PATH_OCTETS  # + "<" and ">"


def _split_pieces(text: str) -> list[str]:
    """*text* cut at the commas and semicolons that are outside quotes, <> and comments."""
    pieces: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    angle = paren = 0
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\" and (quoted or paren):
            escaped = True
        elif quoted:
            quoted = char != '"'
        elif char == '"':
            quoted = True
        elif char == "(":
            paren += 1
        elif char == ")" and paren:
            paren -= 1
        elif char == "<" and not paren:
            angle += 1
        elif char == ">" and angle:
            angle -= 1
        elif char in ",;" and not (angle or paren):
            pieces.append("".join(current))
            current = []
            continue
        current.append(char)
    pieces.append("".join(current))
    return [piece.strip() for piece in pieces if piece.strip()]


def _decoded_name(name: str) -> str:
    """A display name with any RFC 2047 encoded words (a pasted raw header) decoded."""
    if "=?" not in name:
        return name
    try:
        return str(make_header(decode_header(name)))
    except (UnicodeError, LookupError, ValueError):
        return name


def _parseaddr(piece: str) -> tuple[str, str]:
    if _STRICT:  # Python versions with the CVE-2023-27043 fix
        return parseaddr(piece, strict=True)  # type: ignore[call-arg,unused-ignore]
    return parseaddr(piece)


def parse_address(piece: str) -> Address | None:
    """One typed address ("Name <addr>", "addr", "addr (Name)"), None when it is not valid.

    email.utils.parseaddr reads the piece; what it found must also be what
    was typed (the lenient parser glues "anna bob@x.org" into one address and
    takes the first of "a@b.org <c@d.org>"), and the address must pass
    is_valid_addr().
    """
    piece = piece.strip()
    if not piece or _CONTROL.search(piece):
        return None
    name, addr = _parseaddr(piece)
    if "<" in piece or ">" in piece:
        match = re.fullmatch(r'((?:"(?:[^"\\]|\\.)*"|[^"<>])*)<([^<>]*)>\s*', piece)
        if match is None or match.group(2).strip() != addr:
            return None
    elif addr != re.sub(r"\s*\(.*\)\s*$", "", piece):
        return None
    if not is_valid_addr(addr):
        return None
    return Address(" ".join(_decoded_name(name).split()), addr)


def parse_address_list(text: str) -> tuple[list[Address], list[str]]:
    """The valid addresses in *text*, and the pieces (as typed, stripped) that are not."""
    valid: list[Address] = []
    invalid: list[str] = []
    for piece in _split_pieces(text):
        address = parse_address(piece)
        if address is None:
            invalid.append(piece)
        else:
            valid.append(address)
    return valid, invalid


def format_address_list(addresses: Iterable[Address]) -> str:
    """Addresses as one field's text, "Name <addr>, other@example.org"."""
    return ", ".join(str(address) for address in addresses)


def _mailbox_key(text: str | Address) -> str:
    """What two spellings of one mailbox share: address case-folded, domain in punycode."""
    if isinstance(text, Address):
        addr = text.addr
    else:
        found = parse_address(text)
        addr = found.addr if found is not None else _parseaddr(text)[1] or text.strip()
    local, at, domain = addr.rpartition("@")
    if not at:
        return addr.casefold()
    return f"{local.casefold()}@{idna_domain(domain.casefold()).lower()}"


def same_mailbox(a: str | Address, b: str | Address) -> bool:
    """Whether *a* and *b* name one mailbox, ignoring display names and case.

    The domain is case-insensitive by RFC; the local part is too in practice
    (mail clients and nearly every server treat it so).
    """
    return _mailbox_key(a) == _mailbox_key(b)


def unique_addresses(
    addresses: Iterable[Address], exclude: Iterable[str | Address] = ()
) -> list[Address]:
    """*addresses* in order, each mailbox once (the first spelling kept), none of *exclude*."""
    seen = {_mailbox_key(item) for item in exclude}
    kept: list[Address] = []
    for address in addresses:
        key = _mailbox_key(address)
        if key not in seen:
            seen.add(key)
            kept.append(address)
    return kept
