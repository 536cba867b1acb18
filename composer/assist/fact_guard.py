"""Facts a suggestion must not change silently: amounts, dates, names, addresses.

A writing assistant may reword, but "300 €" becoming "250 €", a dropped date
or "Anna" turning into "Tom" is not a rewording. The guard lists the facts
of a text (Qt-free, rule-based, English and French) and compares the facts
of a change's old and new text: each fact that changed or disappeared gives
one sentence for the review ("250 € instead of 300 €").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_DAYS = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche"
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre "
    "décembre decembre"
)
_CURRENCY = r"(?:€|\$|£|¥|CHF|EUR|USD|GBP|euros?|dollars?|pounds?)"
_NUMBER = r"\d+(?:[.,\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?"
_UNIT = r"(?:%|(?:km|kg|g|mb|gb|tb|m|cm|mm|h|min|hours?|heures?|days?|jours?|weeks?|semaines?)\b)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("link", re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)),
    (
        "amount",
        re.compile(rf"{_CURRENCY}\s?{_NUMBER}|{_NUMBER}\s?{_CURRENCY}(?![A-Za-z])", re.IGNORECASE),
    ),
    (
        "date",
        re.compile(
            r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b"
            rf"|\b(?:\d{{1,2}}(?:st|nd|rd|th|er)?\s+)?(?:{_MONTHS.replace(' ', '|')})\b\.?"
            r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?",
            re.IGNORECASE,
        ),
    ),
    ("day", re.compile(rf"\b(?:{_DAYS.replace(' ', '|')})\b", re.IGNORECASE)),
    (
        "time",
        re.compile(
            r"\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}h\b", re.IGNORECASE
        ),
    ),
    ("number", re.compile(rf"(?<![\w.,]){_NUMBER}(?:\s?{_UNIT})?", re.IGNORECASE)),
)


@dataclass(frozen=True)
class Fact:
    kind: str  # email | link | amount | date | day | time | number | name
    text: str  # as written

    @property
    def key(self) -> str:
        """What must stay equal: case, spaces and the decimal mark do not count."""
        flat = unicodedata.normalize("NFKC", self.text).casefold()
        flat = re.sub(r"[\s\u202f\u00a0]", "", flat).rstrip(".")
        return flat.replace(",", ".") if self.kind in ("amount", "number") else flat


def find_facts(text: str, names: tuple[str, ...] = ()) -> list[Fact]:
    """The facts in *text*, in order; *names* are people's names to watch for."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Fact]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            value = match.group(0).strip()
            if not value or not free(start, end):
                continue
            taken.append((start, end))
            found.append((start, Fact(kind, value)))
    for name in dict.fromkeys(names):
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            if free(*match.span()):
                taken.append(match.span())
                found.append((match.start(), Fact("name", match.group(0))))
    return [fact for _, fact in sorted(found, key=lambda item: item[0])]


_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good morning|bonjour|salut|cher|chère|coucou)\s+"
    r"([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?)",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_NAME = re.compile(r"([^,<>\"]+?)\s*<[^>]+>")


def names_in(body: str, recipients: str = "") -> tuple[str, ...]:
    """People's names the email mentions: from the To line and the greetings and sign-offs."""
    names: list[str] = []
    for match in _HEADER_NAME.finditer(recipients):
        names.extend(match.group(1).strip().strip('"').split())
    for match in _GREETING.finditer(body):
        names.extend(match.group(1).split())
    # A sign-off's last line: a single capitalised word or two ("Anna", "Tom Berg").
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if lines and re.fullmatch(r"[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?", lines[-1]):
        names.extend(lines[-1].split())
    seen: dict[str, None] = {}
    for name in names:
        if len(name) > 1 and name[0].isupper():
            seen.setdefault(name, None)
    return tuple(seen)


@dataclass(frozen=True)
class FactChange:
    kind: str
    old: str | None  # None: the fact is new
    new: str | None  # None: the fact disappeared

    def sentence(self) -> str:
        """E.g. “250 €” instead of “300 €”, or “Friday” removed."""
        if self.old is not None and self.new is not None:
            return f"“{self.new}” instead of “{self.old}”"
        if self.old is not None:
            return f"“{self.old}” removed"
        return f"“{self.new}” added"


def compare_facts(old: str, new: str, names: tuple[str, ...] = ()) -> list[FactChange]:
    """The facts of *old* that *new* changed or dropped (new facts are listed last).

    Facts are compared as multisets per kind: reordering is not a change; a
    fact of a kind replaced by another of the same kind reads "X instead of Y".
    """
    before = find_facts(old, names)
    after = find_facts(new, names)
    lost = Counter(f.key for f in before) - Counter(f.key for f in after)
    gained = Counter(f.key for f in after) - Counter(f.key for f in before)
    lost_facts = _pick(before, lost)
    gained_facts = _pick(after, gained)
    changes: list[FactChange] = []
    for fact in lost_facts:
        twin = next((g for g in gained_facts if g.kind == fact.kind), None)
        if twin is not None:
            gained_facts.remove(twin)
            changes.append(FactChange(fact.kind, fact.text, twin.text))
        else:
            changes.append(FactChange(fact.kind, fact.text, None))
    # A name, amount or date that appears from nowhere is also worth a look.
    changes.extend(FactChange(g.kind, None, g.text) for g in gained_facts if g.kind != "number")
    return changes


def _pick(facts: list[Fact], wanted: Counter[str]) -> list[Fact]:
    left = Counter(wanted)
    picked = []
    for fact in facts:
        if left[fact.key] > 0:
            left[fact.key] -= 1
            picked.append(fact)
    return picked
